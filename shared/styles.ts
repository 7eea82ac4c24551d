import type { GenerationParams, StylePreset } from './api-types.js';

/**
 * The poster styles `GET /api/styles` offers. One list, read by the request schema (a style must be
 * one of these ids), the prompt builder (RunPod, A1111), the built-in generator (each id has its own
 * look there) and the web UI's style picker. Fragments are written for SDXL-class portrait models.
 */
export const STYLE_PRESETS: readonly StylePreset[] = [
  {
    id: 'cinematic-portrait',
    label: 'Cinematic portrait',
    description: 'A movie-poster head and shoulders: rim light, a teal and orange grade, shallow depth of field.',
    prompt:
      'cinematic movie poster portrait, head and shoulders, centered, dramatic rim lighting, teal and orange colour grade, anamorphic lens, shallow depth of field, highly detailed, 85mm',
    defaults: { steps: 35, guidance: 7 },
  },
  {
    id: 'studio-headshot',
    label: 'Studio headshot',
    description: 'A clean casting headshot on a seamless backdrop with soft, even light.',
    prompt:
      'professional studio headshot, seamless light grey backdrop, soft key light with gentle fill, catchlights in the eyes, sharp focus on the eyes, natural skin texture, 85mm lens, f/4',
    defaults: { steps: 30, guidance: 6 },
  },
  {
    id: 'film-noir',
    label: 'Film noir',
    description: 'Black and white, hard low-key light and venetian-blind shadows, 1940s crime-film mood.',
    prompt:
      'black and white film noir portrait, hard low-key lighting, venetian blind shadows across the face, deep blacks, 1940s crime film, film grain, high contrast',
    defaults: {
      steps: 32,
      guidance: 7.5,
      negative_prompt: 'colour, color, saturated, lowres, blurry, deformed, bad anatomy, watermark, text, logo, cropped head',
    },
  },
  {
    id: 'golden-hour',
    label: 'Golden hour',
    description: 'Outdoors at sunset: a warm low sun behind the subject, glowing hair light and soft bokeh.',
    prompt:
      'outdoor portrait at golden hour, warm low sun behind the subject, soft backlight and gentle lens flare, glowing hair light, warm tones, creamy bokeh, 85mm',
    defaults: { steps: 30, guidance: 6.5 },
  },
  {
    id: 'vivid-editorial',
    label: 'Vivid editorial',
    description: 'A bold magazine cover: saturated colours on a graphic backdrop, crisp and glossy.',
    prompt:
      'vibrant editorial magazine portrait, bold saturated colours, graphic colour-block backdrop, crisp studio flash, high contrast, glossy fashion photography',
    defaults: { steps: 28, guidance: 7 },
  },
];

/** The style of a request that names none: the seed's original look, a movie-poster portrait. */
export const DEFAULT_STYLE_ID = 'cinematic-portrait';

export const STYLE_IDS = STYLE_PRESETS.map((style) => style.id) as [string, ...string[]];

/** Defaults every style starts from (for a 1024px SDXL-class portrait); a preset's own defaults win. */
export const BASE_DEFAULTS = {
  steps: 30,
  guidance: 7,
  lora_weight: 0.8,
  negative_prompt:
    'lowres, blurry, deformed, disfigured, bad anatomy, extra limbs, extra fingers, watermark, signature, text, logo, cropped head, out of frame, nsfw',
} as const;

/** Every generation parameter, none left to a backend's default: what a job records so its poster can be made again. */
export type EffectiveParams = Required<GenerationParams>;

/** The preset with this id; the default preset for none or an unknown id (a job recorded before the presets). */
export function styleOf(id: string | undefined): StylePreset {
  return STYLE_PRESETS.find((style) => style.id === id) ?? STYLE_PRESETS.find((style) => style.id === DEFAULT_STYLE_ID)!;
}

/**
 * The request's parameters with the style's defaults, then the base defaults, filling the gaps.
 *
 * @param randomSeed - the seed when the request names none (the caller picks it at random)
 * @example effectiveParams({ style: 'film-noir' }, 42) // { seed: 42, style: 'film-noir', steps: 32, guidance: 7.5, … }
 */
export function effectiveParams(params: GenerationParams, randomSeed: number): EffectiveParams {
  const style = styleOf(params.style);
  const defaults = { ...BASE_DEFAULTS, ...style.defaults };
  return {
    seed: params.seed ?? randomSeed,
    style: style.id,
    steps: params.steps ?? defaults.steps,
    guidance: params.guidance ?? defaults.guidance,
    negative_prompt: params.negative_prompt?.trim() || defaults.negative_prompt,
    lora_weight: params.lora_weight ?? defaults.lora_weight,
  };
}
