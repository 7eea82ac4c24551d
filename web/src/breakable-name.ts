import { html, type TemplateResult } from 'lit';

/**
 * Text with a line-break opportunity after every underscore, so a long actor name like
 * "0011_pacific_islander_29_female" wraps between its parts, not mid-word, wherever it appears (cards,
 * toasts, the jobs board). Pair it with `overflow-wrap: break-word` for the rare part longer than a line.
 *
 * @example html`<h3>${breakable(actor.name)}</h3>`
 */
export const breakable = (text: string): (string | TemplateResult)[] => text.split('_').map((part, i) => (i === 0 ? part : html`_<wbr />${part}`));
