import { randomInt } from 'node:crypto';
import type { GenerateRequest } from '../generator.js';
import { loraNameFromUrl } from './lora-name.js';

/** Style presets: what a poster frame looks like. Unknown styles are used as free text. */
const STYLE_PRESETS: Record<string, string> = {
  poster: 'cinematic movie poster portrait, head and shoulders, centered, dramatic rim lighting, shallow depth of field, highly detailed, 85mm',
  studio: 'professional studio headshot, soft key light, neutral backdrop, sharp focus, natural skin texture',
  noir: 'black and white film noir portrait, hard shadows, moody low-key lighting, grain',
  vivid: 'vibrant colourful editorial portrait, bold colours, high contrast, glossy magazine look',
};
const DEFAULT_STYLE = 'poster';

const DEFAULT_NEGATIVE_PROMPT =
  'lowres, blurry, deformed, disfigured, bad anatomy, extra limbs, extra fingers, watermark, signature, text, logo, cropped head, out of frame, nsfw';

/** Sensible defaults for a 1024px SDXL-class portrait. */
export const GENERATION_DEFAULTS = { steps: 30, guidance: 7, loraWeight: 0.8 } as const;

/** Everything a backend needs to ask for one poster, with every default applied. */
export interface ResolvedGeneration {
  prompt: string;
  negativePrompt: string;
  style: string;
  loraName: string;
  loraWeight: number;
  steps: number;
  guidance: number;
  /** Chosen here when the request has none, so the job can report the seed that made its poster. */
  seed: number;
  width: number;
  height: number;
}

/** Applies defaults and builds the prompt from the actor's description and the style preset. */
export function resolveGeneration({ actor, params, width, height }: GenerateRequest): ResolvedGeneration {
  const style = params.style?.trim() || DEFAULT_STYLE;
  const styleText = STYLE_PRESETS[style.toLowerCase()] ?? style;
  const subject = actor.description.trim() || actor.name.replace(/[_-]+/g, ' ');
  return {
    prompt: `${subject}, ${styleText}`,
    negativePrompt: params.negative_prompt?.trim() || DEFAULT_NEGATIVE_PROMPT,
    style,
    loraName: loraNameFromUrl(actor.loraModelUrl, actor.name),
    loraWeight: params.lora_weight ?? GENERATION_DEFAULTS.loraWeight,
    steps: params.steps ?? GENERATION_DEFAULTS.steps,
    guidance: params.guidance ?? GENERATION_DEFAULTS.guidance,
    seed: params.seed ?? randomInt(0, 2 ** 32 - 1),
    width,
    height,
  };
}
