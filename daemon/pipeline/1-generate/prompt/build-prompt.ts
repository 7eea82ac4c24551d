import { randomInt } from 'node:crypto';
import { effectiveParams, styleOf } from '../../../../shared/styles.js';
import type { GenerateRequest } from '../generator.js';
import { loraNameFromUrl } from './lora-name.js';

/** Everything a backend needs to ask for one poster, with every default applied. */
export interface ResolvedGeneration {
  prompt: string;
  negativePrompt: string;
  /** The style preset's id. */
  style: string;
  loraName: string;
  loraWeight: number;
  steps: number;
  guidance: number;
  seed: number;
  width: number;
  height: number;
}

/**
 * Builds the prompt from the actor's description and the style preset's fragment (shared/styles.ts),
 * and applies the preset's defaults where the params leave a gap. A job's params come with every
 * value filled in already (create-job); the defaults here serve a generator called directly.
 */
export function resolveGeneration({ actor, params, width, height }: GenerateRequest): ResolvedGeneration {
  // Upper bound exclusive: any seed up to 2^32 - 1, the largest the request schema accepts.
  const effective = effectiveParams(params, randomInt(0, 2 ** 32));
  const subject = actor.description.trim() || actor.name.replace(/[_-]+/g, ' ');
  return {
    prompt: `${subject}, ${styleOf(effective.style).prompt}`,
    negativePrompt: effective.negative_prompt,
    style: effective.style,
    loraName: loraNameFromUrl(actor.loraModelUrl, actor.name),
    loraWeight: effective.lora_weight,
    steps: effective.steps,
    guidance: effective.guidance,
    seed: effective.seed,
    width,
    height,
  };
}
