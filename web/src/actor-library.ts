import { ContextConsumer } from '@lit/context';
import { Task } from '@lit/task';
import { LitElement, html, nothing } from 'lit';
import type { Actor, Job, LiveEvent, ServerInfo, StylePreset } from '../../shared/api-types.js';
import { actorKey, applyActorUpdates, filterActors, replaceActor, sortActors, type SortOrder } from './actor-list.js';
import './actor-grid.js';
import { BatchFlow } from './batch-flow.js';
import './empty-library.js';
import { apiContext } from './context.js';
import type { PosterframeEvent } from './emit.js';
import { FeedController } from './feed-controller.js';
import { activeJobsByActor, failedJobsByActor, mergeJobs, upsertJob } from './job-list.js';
import { RegenerateFlow } from './regenerate-flow.js';
import { VersionFlow } from './version-flow.js';
import { actorLibraryStyles } from './actor-library.styles.js';

/**
 * The Actor Library: a searchable, sortable, windowed grid of actor cards, kept in step with jobs
 * started anywhere: this page (through its {@link RegenerateFlow}), another tab, the CLI, or a request
 * file. The list is fetched once and searched and sorted here; a live `actor` event replaces one actor.
 * Cards can be selected and regenerated as one batch (through its {@link BatchFlow}).
 *
 * @fires pf-toast - when a regeneration this page started begins, succeeds or fails
 */
export class ActorLibrary extends LitElement {
  static override styles = actorLibraryStyles;

  static override properties = {
    query: { state: true },
    sort: { state: true },
    actors: { state: true },
    jobs: { state: true },
  };

  declare private query: string;
  declare private sort: SortOrder;
  /** Every actor, in `sort` order; undefined until the first load. */
  declare private actors: readonly Actor[] | undefined;
  /** Every job this page knows of, most recent first. */
  declare private jobs: Job[];
  /** The actors that match the query, in order: worked out once per change of actors or query. */
  private shown: readonly Actor[] = [];
  private info: ServerInfo | undefined;
  /** The daemon's style presets (`GET /api/styles`); none until loaded. */
  private styles: readonly StylePreset[] = [];
  /** Actors changed by live `actor` events, by id; applied to a fetch that answers after them. */
  private readonly updates = new Map<string, Actor>();
  private readonly api = new ContextConsumer(this, { context: apiContext });
  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: a Lit controller works by registering itself with its host
  private readonly live = new FeedController(this, {
    onEvent: (event) => this.onLiveEvent(event),
    onResume: () => void this.load.run(),
  });
  private readonly load = new Task(this, {
    task: async (_args, { signal }) => {
      const api = this.api.value!;
      const [actors, jobs, info, styles] = await Promise.all([api.listActors(signal), api.listJobs({}, signal), api.info(signal), api.styles(signal)]);
      this.jobs = mergeJobs(this.jobs, jobs.jobs);
      this.info = info;
      this.styles = styles;
      this.actors = sortActors(applyActorUpdates(actors, this.updates), this.sort);
    },
    args: () => [],
  });
  private readonly regenerate = new RegenerateFlow(this, {
    knownJob: (id) => this.jobs.find((job) => job.id === id),
    applyJob: (job) => this.applyJob(job),
    info: () => this.info,
    styles: () => this.styles,
    previewReady: (job) => this.versions.compareJob(job),
  });
  private readonly versions = new VersionFlow(this, {
    actor: (id) => this.actors?.find((actor) => actorKey(actor) === id),
    styles: () => this.styles,
  });
  private readonly batch = new BatchFlow(this, {
    shown: () => this.shown,
    jobs: () => this.jobs,
    info: () => this.info,
    styles: () => this.styles,
  });

  constructor() {
    super();
    this.query = '';
    this.sort = 'name';
    this.jobs = [];
  }

  private onLiveEvent(event: LiveEvent): void {
    if (event.type === 'job') {
      this.applyJob(event.job);
      return;
    }
    if (event.type === 'batch') {
      this.batch.onBatch(event.batch);
      return;
    }
    if (event.type !== 'actor') return;
    this.updates.set(actorKey(event.actor), event.actor);
    if (!this.actors) return;
    const next = replaceActor(this.actors, event.actor);
    // The list was in order before this one change, so sorting it again is close to a single pass.
    if (next !== this.actors) this.actors = sortActors(next, this.sort);
  }

  private applyJob(job: Job): void {
    this.jobs = upsertJob(this.jobs, job);
    this.regenerate.onJob(job);
  }

  private onRegenerate(event: PosterframeEvent<'pf-regenerate'>): void {
    this.regenerate.request(event.detail.actor);
  }

  private onSort(sort: SortOrder): void {
    this.sort = sort;
    if (this.actors) this.actors = sortActors(this.actors, sort);
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (this.actors && (changed.has('actors') || changed.has('query'))) this.shown = filterActors(this.actors, this.query);
  }

  private renderCount(all: readonly Actor[]) {
    const [shown, total] = [this.shown.length.toLocaleString(), all.length.toLocaleString()];
    const text = this.shown.length === all.length ? `${total} actors` : `${shown} of ${total} actors`;
    return html`<p class="count" role="status">${text}</p>`;
  }

  private renderGrid(all: readonly Actor[]) {
    if (all.length === 0) return html`<empty-library .info=${this.info} @pf-reload=${() => this.load.run()}></empty-library>`;
    if (this.shown.length === 0) return html`<p class="message">No actor’s name or description matches “${this.query}”.</p>`;
    return html`<actor-grid
      .actors=${this.shown}
      .active=${activeJobsByActor(this.jobs)}
      .starting=${this.regenerate.startingIds}
      .failed=${failedJobsByActor(this.jobs)}
      .selected=${this.batch.selection.ids}
      @pf-regenerate=${this.onRegenerate}
      @pf-open-history=${(event: PosterframeEvent<'pf-open-history'>) => this.versions.openHistory(event.detail.actor)}
      @pf-select=${this.batch.onSelect}
    ></actor-grid>`;
  }

  override render() {
    const { actors } = this;
    return html`<section aria-label="Actor Library">
      <div class="toolbar">
        <label class="search">
          Search by name or description
          <input
            type="search"
            placeholder="e.g. east asian, beard"
            autocomplete="off"
            .value=${this.query}
            @input=${(e: InputEvent) => (this.query = (e.target as HTMLInputElement).value)}
          />
        </label>
        <label class="sort">
          Sort by
          <select @change=${(e: Event) => this.onSort((e.target as HTMLSelectElement).value as SortOrder)}>
            <option value="name" ?selected=${this.sort === 'name'}>Name</option>
            <option value="recent" ?selected=${this.sort === 'recent'}>Last regenerated</option>
          </select>
        </label>
        ${actors ? this.renderCount(actors) : nothing}
      </div>
      ${actors?.length ? html`<div class="batch">${this.batch.renderControls(this.query.trim() !== '')}</div>` : nothing}
      ${this.load.render({
        // A reload after the feed comes back keeps showing the grid it had.
        pending: () => (actors ? this.renderGrid(actors) : html`<p class="message" role="status">Loading actors…</p>`),
        complete: () => this.renderGrid(actors ?? []),
        error: (error) =>
          html`<p class="message error" role="alert">
            Could not load the actors: ${(error as Error).message}
            <button @click=${() => this.load.run()}>Try again</button>
          </p>`,
      })}
      ${this.regenerate.renderDialogs()} ${this.versions.renderDialogs()} ${this.batch.renderDialog()}
    </section>`;
  }
}

customElements.define('actor-library', ActorLibrary);

declare global {
  interface HTMLElementTagNameMap {
    'actor-library': ActorLibrary;
  }
}
