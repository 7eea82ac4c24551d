import type { ServerInfo } from '../../shared/api-types.js';
import { durationText, howGenerated } from './confirm-copy.js';

/**
 * The confirmation's message for "Regenerate selected", worded like one card's: what the backend does,
 * that each poster is replaced only once its new one is ready, and that the batch can be cancelled.
 *
 * @example batchConfirmMessage(30, info) // "A new poster for each of the 30 actors will be generated from its LoRA model. …"
 */
export function batchConfirmMessage(count: number, info: ServerInfo | undefined): string {
  const typical = info?.generator.typical_seconds;
  const each = typical === undefined ? '' : ` Each takes ${durationText(typical)}; the daemon runs as many at once as its limits allow.`;
  const whom = count === 1 ? 'the selected actor' : `each of the ${count.toLocaleString()} actors`;
  return `A new poster for ${whom} ${howGenerated(info)}. Each replaces its actor's current poster once it is ready.${each} One progress bar follows the batch, and you can cancel it while it runs.`;
}
