import { LitElement, html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { Actor, Job } from '../../shared/api-types.js';
import './actor-card.js';
import { actorKey } from './actor-list.js';
import { cardState } from './card-state.js';
import { columnCount, gridWindow, type GridWindow } from './grid-window.js';
import { actorGridStyles } from './actor-grid.styles.js';

/** The narrowest card, in rem; as many columns as fit at this width (one on a phone). */
const MIN_CARD_REM = 15;
/** Rows rendered above and below the viewport. */
const OVERSCAN_ROWS = 2;

const sameWindow = (a: GridWindow, b: GridWindow) => a.start === b.start && a.end === b.end && a.offset === b.offset && a.height === b.height;

/**
 * The grid of actor cards, windowed: only the rows in the viewport (plus {@link OVERSCAN_ROWS} each side)
 * are in the DOM, so 10,000 actors cost what 30 do. The rest is empty space of the right height, so the
 * page scrolls (the window is the scroller) as if every card were there. Cards are keyed by actor, so a
 * live update re-renders only the card whose actor or job changed.
 *
 * @fires pf-regenerate - (from a card) its button was pressed while idle
 * @fires pf-select - (from a card) its checkbox was clicked
 */
export class ActorGrid extends LitElement {
  static override styles = actorGridStyles;

  static override properties = {
    actors: { attribute: false },
    active: { attribute: false },
    starting: { attribute: false },
    failed: { attribute: false },
    selected: { attribute: false },
    window: { state: true },
  };

  /** The actors to show, already filtered and sorted. */
  declare actors: readonly Actor[];
  /** The queued or running job of each actor, by actor id. */
  declare active: ReadonlyMap<string, Job>;
  /** Actor ids whose regeneration was confirmed but whose job has not been seen yet. */
  declare starting: ReadonlySet<string>;
  /** The actors whose newest job failed, with that job, by actor id. */
  declare failed: ReadonlyMap<string, Job>;
  /** The actor ids selected for a batch. */
  declare selected: ReadonlySet<string>;
  declare private window: GridWindow;
  private columns = 1;
  private gap = 16;
  /** The tallest measured row's height plus the gap; 0 until the first row is rendered. */
  private rowStride = 0;
  /** Set by a width change: the next measurement may shrink the stride (square posters shrink with the width). */
  private remeasure = false;
  private measuredWidth = 0;
  private readonly resizeObserver = new ResizeObserver(() => this.measure());
  private readonly onViewportChange = () => this.place();

  constructor() {
    super();
    this.actors = [];
    this.active = new Map();
    this.starting = new Set();
    this.failed = new Map();
    this.selected = new Set();
    this.window = { start: 0, end: 0, offset: 0, height: 0 };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('scroll', this.onViewportChange, { passive: true });
    window.addEventListener('resize', this.onViewportChange, { passive: true });
    this.resizeObserver.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('scroll', this.onViewportChange);
    window.removeEventListener('resize', this.onViewportChange);
    this.resizeObserver.disconnect();
  }

  /** Columns and gap from the grid's width and the root font size (a 4K screen's larger rem gives larger cards). */
  private measure(): void {
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    this.gap = rem;
    const columns = columnCount({ width: this.clientWidth, minCell: MIN_CARD_REM * rem, gap: this.gap });
    // The grid's own height changes with the stride and reaches here too: only a new width re-measures.
    const widthChanged = this.clientWidth !== this.measuredWidth;
    this.measuredWidth = this.clientWidth;
    if (columns !== this.columns) this.rowStride = 0;
    else if (widthChanged) this.remeasure = true;
    this.columns = columns;
    this.place();
    // A new width changes the cards' height (their posters are square) even when the columns stay.
    this.requestUpdate();
  }

  /**
   * Scrolls the page so an actor's card is in view, rendering it (a job elsewhere on the page can lead
   * to its card this way).
   *
   * @returns false when the grid does not show that actor (filtered out, or unknown)
   */
  reveal(actorId: string): boolean {
    const index = this.actors.findIndex((actor) => actorKey(actor) === actorId);
    if (index < 0) return false;
    const rowTop = Math.floor(index / this.columns) * this.rowStride;
    window.scrollTo({ top: window.scrollY + this.getBoundingClientRect().top + rowTop - this.gap, behavior: 'instant' });
    this.place();
    return true;
  }

  /** Works out which cards the viewport needs; renders only when that changes. */
  private place(): void {
    const top = this.getBoundingClientRect().top;
    const next = gridWindow({
      count: this.actors.length,
      columns: this.columns,
      rowStride: this.rowStride,
      visibleTop: -top,
      visibleBottom: window.innerHeight - top,
      overscanRows: OVERSCAN_ROWS,
    });
    if (!sameWindow(next, this.window)) this.window = next;
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('actors')) this.place();
  }

  protected override updated(): void {
    // Cards render in their own updates, after this one: measure the rows once they have.
    const cards = [...this.renderRoot.querySelectorAll('actor-card')];
    if (cards.length > 0) void Promise.all(cards.map((card) => card.updateComplete)).then(() => this.measureRows());
  }

  /**
   * Takes the tallest rendered row as every row's stride, and only ever grows it (until the width
   * changes): cards may differ by a few pixels, and a stride taken from whichever row is first would
   * flip between two heights as the window moves, each flip moving the window again — a loop that froze
   * the page while scrolling. The rendered rows are held to the stride (see render), so they line up.
   */
  private measureRows(): void {
    const rows = [...this.renderRoot.querySelectorAll('li')];
    if (rows.length === 0) return;
    const stride = Math.max(...rows.map((row) => row.getBoundingClientRect().height)) + this.gap;
    const restoreFloor = this.remeasure;
    const changed = restoreFloor ? Math.abs(stride - this.rowStride) > 0.5 : stride > this.rowStride + 0.5;
    this.remeasure = false;
    if (changed) {
      this.rowStride = stride;
      this.place();
    }
    if (changed || restoreFloor) this.requestUpdate();
  }

  override render() {
    const { start, end, offset, height } = this.window;
    // Every row at least the stride's height (none taller unless it is about to be measured), so rows
    // sit where the window's arithmetic puts them. Not while re-measuring after a width change.
    const minRow = this.rowStride && !this.remeasure ? `${this.rowStride - this.gap}px` : 'auto';
    const style = {
      '--columns': String(this.columns),
      'grid-auto-rows': `minmax(${minRow}, auto)`,
      'padding-top': `${offset}px`,
      height: this.rowStride ? `${Math.max(0, height - this.gap)}px` : 'auto',
    };
    return html`<ul style=${styleMap(style)}>
      ${repeat(this.actors.slice(start, end), actorKey, (actor, i) => {
        const key = actorKey(actor);
        return html`<li aria-setsize=${this.actors.length} aria-posinset=${start + i + 1}>
            <actor-card
              data-actor-id=${key}
              .actor=${actor}
              .state=${cardState(this.active.get(key), this.starting.has(key), this.failed.get(key))}
              ?selected=${this.selected.has(key)}
            ></actor-card>
          </li>`;
      })}
    </ul>`;
  }
}

customElements.define('actor-grid', ActorGrid);

declare global {
  interface HTMLElementTagNameMap {
    'actor-grid': ActorGrid;
  }
}
