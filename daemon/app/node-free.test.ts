import { describe, expect, it } from 'vitest';
import { nodeImportsOf } from '../../tests/support/node-imports.js';

describe('the Hono app imports nothing Node-only (it also runs in the edge Worker, in workerd)', () => {
  it('reaches no node: module or Node-only package from create-app.ts', async () => {
    expect(await nodeImportsOf("export * from './daemon/app/create-app.ts';")).toEqual([]);
  });

  it('and neither does the edge Worker that runs it', async () => {
    expect(await nodeImportsOf("export * from './edge/worker/index.ts';")).toEqual([]);
  });

  it.each([
    ['a node: built-in', "import 'node:fs';", '→ node:fs'],
    ['a bare built-in', "import 'path';", '→ path'],
    ['a Node-only package', "import 'pino';", 'pino'],
  ])('reports %s brought into the app', async (_name, foreign, expected) => {
    const found = await nodeImportsOf(`export * from './daemon/app/create-app.ts';\n${foreign}`);
    expect(found.join('\n')).toContain(expected);
  });
});
