import type { Actor, ServerInfo } from '../../shared/api-types.js';
import { posterSources } from './poster-sources.js';

/** "a moment", "about 40 seconds", "about a minute", "about 2 minutes": how long one generation usually takes. */
export function durationText(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 3) return 'a moment';
  if (seconds < 50) return `about ${Math.round(seconds / 5) * 5} seconds`;
  if (seconds < 90) return 'about a minute';
  return `about ${Math.round(seconds / 60)} minutes`;
}

/** "will be generated from its LoRA model", or how else this daemon's backend makes a poster. */
export function howGenerated(info: ServerInfo | undefined): string {
  const generator = info?.generator;
  if (generator?.uses_lora) return 'will be generated from its LoRA model';
  if (generator?.kind === 'builtin') return 'will be drawn by the built-in stand-in generator, which does not use LoRA models';
  return 'will be generated';
}

/**
 * The confirmation's message, worded for this daemon's backend and this actor's state: the built-in
 * stand-in uses no LoRA model and takes a moment; a GPU backend uses the actor's LoRA and takes
 * longer; "replace" only when the actor has a poster to replace.
 *
 * @param info - from `GET /api/info`; undefined when the daemon does not say (then nothing is promised)
 * @example confirmMessage(actor, info) // "A new poster for 0003_… will be generated from its LoRA model. …"
 */
export function confirmMessage(actor: Actor, info: ServerInfo | undefined): string {
  const generator = info?.generator;
  const how = howGenerated(info);
  const outcome = posterSources(actor) ? 'It replaces the current poster once it is ready.' : "It becomes this actor's first poster.";
  const duration = generator ? ` This takes ${durationText(generator.typical_seconds)}.` : '';
  return `A new poster for ${actor.name} ${how}. ${outcome}${duration}`;
}
