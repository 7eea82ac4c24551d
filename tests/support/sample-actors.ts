import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Actor } from '../../shared/api-types.js';

/** `count` actors in the seed's naming style; `extra` fields check that unknown fields survive updates. */
export function sampleActors(count: number): Actor[] {
  return Array.from({ length: count }, (_, i) => {
    const name = `${String(i + 1).padStart(4, '0')}_test_${20 + (i % 50)}_${i % 2 ? 'male' : 'female'}`;
    return {
      id: i + 1,
      name,
      description: `test actor number ${i + 1}`,
      lora_model_url: `s3://models/${name}.safetensors`,
      extra: { keep: `field-${i + 1}` },
    };
  });
}

/** Writes actorsData.json into `dataDir` and returns its path. */
export async function writeActorsFile(dataDir: string, actors: Actor[]): Promise<string> {
  const file = path.join(dataDir, 'actorsData.json');
  await writeFile(file, `${JSON.stringify(actors, null, 2)}\n`);
  return file;
}

/** The seed's request body for an actor. */
export const requestFor = (actor: Actor) => ({
  actor_name: actor.name,
  lora_model_url: String(actor.lora_model_url),
  actor_description: String(actor.description),
});
