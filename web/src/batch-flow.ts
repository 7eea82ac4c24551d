import { html, nothing, type ReactiveElement } from 'lit';
import type { Actor, BatchSummary, Job, ServerInfo, StylePreset } from '../../shared/api-types.js';
import type { RegenerateChoice } from './api-client.js';
import { actorKey } from './actor-list.js';
import { batchConfirmMessage } from './batch-copy.js';
import './batch-bar.js';
import { acceptedBatch, shownBatch, upsertBatch } from './batch-list.js';
import './regenerate-dialog.js';
import { emit, type PosterframeEvent } from './emit.js';
import { JobActions } from './job-actions.js';
import { NO_SELECTION, type Selection, selectAll, toggle } from './selection.js';
import './selection-bar.js';

export interface BatchFlowOptions {
  /** The actors the grid shows, filtered and sorted: the order of shift-click ranges and what "Select all" selects. */
  shown: () => readonly Actor[];
  /** Every job the page holds, for the batch bar to count its own. */
  jobs: () => readonly Job[];
  /** What the daemon runs, to word the confirmation. */
  info: () => ServerInfo | undefined;
  /** The style presets the dialog offers. */
  styles: () => readonly StylePreset[];
}

/**
 * The batch flow of the library: select cards (click, shift-click ranges, all matching the search) →
 * "Regenerate selected" → the regenerate dialog (style, seed, preview or publish) → `POST /api/batches` → one progress bar for the batch with Cancel,
 * then "Retry failed". The host renders {@link renderControls} above the grid and {@link renderDialog},
 * feeds it `batch` events through {@link onBatch}, and renders a `<token-dialog>`.
 *
 * @fires pf-toast - (from the host) when a batch starts, or a call fails
 */
export class BatchFlow {
  /** Replaced, never changed, so the grid sees each change. */
  selection: Selection = NO_SELECTION;
  private confirming = false;
  private batches: BatchSummary[] = [];
  /** Batches this page started whose bar has not been dismissed. */
  private own: ReadonlySet<string> = new Set();
  private readonly actions: JobActions;

  constructor(
    private readonly host: ReactiveElement,
    private readonly options: BatchFlowOptions,
  ) {
    this.actions = new JobActions(host);
  }

  /** Call for every `batch` event and each summary of `GET /api/batches`. */
  onBatch(batch: BatchSummary): void {
    this.batches = upsertBatch(this.batches, batch);
    this.host.requestUpdate();
  }

  /** Handles the selection events of the grid and the selection bar (listen on the host for each). */
  readonly onSelect = (event: PosterframeEvent<'pf-select'>): void => {
    const order = this.options.shown().map(actorKey);
    this.update(toggle(this.selection, order, actorKey(event.detail.actor), event.detail.range));
  };
  readonly onSelectAll = (): void => this.update(selectAll(this.selection, this.options.shown().map(actorKey)));
  readonly onSelectClear = (): void => this.update(NO_SELECTION);

  private update(selection: Selection): void {
    this.selection = selection;
    this.host.requestUpdate();
  }

  private ask(confirming: boolean): void {
    this.confirming = confirming;
    this.host.requestUpdate();
  }

  private async start({ mode, params }: RegenerateChoice): Promise<void> {
    this.ask(false);
    const request = { actor_ids: [...this.selection.ids], mode, ...(params && Object.keys(params).length > 0 && { params }) };
    const accepted = await this.actions.run('start the batch', (api) => api.startBatch(request));
    if (!accepted) return;
    this.own = new Set([...this.own, accepted.batch_id]);
    this.selection = NO_SELECTION;
    this.onBatch(acceptedBatch(accepted, new Date()));
    emit(this.host, 'pf-toast', { kind: 'info', message: `Regenerating ${accepted.total.toLocaleString()} posters as one batch.` });
  }

  private async cancel(batchId: string): Promise<void> {
    await this.actions.run('cancel the batch', (api) => api.cancelBatch(batchId));
  }

  private async retry(batchId: string): Promise<void> {
    const accepted = await this.actions.run('retry the failed jobs', (api) => api.retryBatch(batchId));
    if (!accepted) return;
    this.own = new Set([...[...this.own].filter((id) => id !== batchId), accepted.batch_id]);
    this.onBatch(acceptedBatch(accepted, new Date()));
  }

  private dismiss(batchId: string): void {
    this.own = new Set([...this.own].filter((id) => id !== batchId));
    this.host.requestUpdate();
  }

  /** The selection bar and the batch's progress bar, for above the grid. */
  renderControls(filtered: boolean) {
    const batch = shownBatch(this.batches, this.own);
    return html`<selection-bar
        .selected=${this.selection.ids.size}
        .matching=${this.options.shown().length}
        ?filtered=${filtered}
        @pf-select-all=${this.onSelectAll}
        @pf-select-clear=${this.onSelectClear}
        @pf-regenerate-selected=${() => this.ask(true)}
      ></selection-bar>
      ${
        batch
          ? html`<batch-bar
              .batch=${batch}
              .jobs=${this.options.jobs()}
              dismissible
              @pf-batch-cancel=${(e: PosterframeEvent<'pf-batch-cancel'>) => this.cancel(e.detail.batchId)}
              @pf-batch-retry=${(e: PosterframeEvent<'pf-batch-retry'>) => this.retry(e.detail.batchId)}
              @pf-batch-dismiss=${(e: PosterframeEvent<'pf-batch-dismiss'>) => this.dismiss(e.detail.batchId)}
            ></batch-bar>`
          : nothing
      }`;
  }

  renderDialog() {
    const count = this.selection.ids.size;
    return html`<regenerate-dialog
      .open=${this.confirming}
      .heading=${count === 1 ? 'Regenerate 1 poster?' : `Regenerate ${count.toLocaleString()} posters?`}
      .message=${this.confirming ? batchConfirmMessage(count, this.options.info()) : ''}
      .presets=${this.options.styles()}
      @pf-regenerate-confirm=${(event: PosterframeEvent<'pf-regenerate-confirm'>) => this.start(event.detail)}
      @pf-cancel=${() => this.ask(false)}
    ></regenerate-dialog>`;
  }
}
