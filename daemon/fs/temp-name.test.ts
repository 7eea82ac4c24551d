import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFileOwner, tempPathFor } from './temp-name.js';

describe('tempPathFor', () => {
  it('names a dot-file beside the target that carries this process id', () => {
    const temp = tempPathFor('/data/jobs/job_1.json');
    expect(temp).toMatch(/^\/data\/jobs\/\.job_1\.json\.\d+\.[0-9a-f]{12}\.tmp$/);
    expect(tempFileOwner(basename(temp))).toBe(process.pid);
  });

  it('stays a legal name for a target whose own name is 255 bytes', () => {
    const temp = basename(tempPathFor(`/r/${'é'.repeat(125)}.json`));
    expect(Buffer.byteLength(temp)).toBeLessThanOrEqual(255);
    expect(tempFileOwner(temp)).toBe(process.pid);
  });

  it.each(['actorsData.json', '.x.json.swp', '.a.json.1.tmp', 'a.12.0123456789ab.tmp'])('does not take %s for a temp file', (name) => {
    expect(tempFileOwner(name)).toBeUndefined();
  });
});
