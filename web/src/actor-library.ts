import { ContextConsumer } from '@lit/context';
import { Task } from '@lit/task';
import { LitElement, html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Actor, Job, LiveEvent } from '../../shared/api-types.js';
import { actorKey, applyActorUpdates, filterActors } from './actor-list.js';
import './actor-card.js';
import { cardState } from './card-state.js';
import { apiContext } from './context.js';
import type { PosterframeEvent } from './emit.js';
import { FeedController } from './feed-controller.js';
import { activeJobsByActor, mergeJobs, upsertJob } from './job-list.js';
import { RegenerateFlow } from './regenerate-flow.js';
import { actorLibraryStyles } from './actor-library.styles.js';

/**
 * The Actor Library: a searchable grid of actor cards, kept in step with jobs started anywhere: this
 * page (through its {@link RegenerateFlow}), another tab, the CLI, or a request file.
 *
 * @fires pf-toast - when a regeneration this page started begins, succeeds or fails
 */
export class ActorLibrary extends LitElement {
  static override styles = actorLibraryStyles;

  static override properties = {
    query: { state: true },
    jobs: { state: true },
    updates: { state: true },
  };

  declare private query: string;
  /** Every job this page knows of, most recent first. */
  declare private jobs: Job[];
  /** Actors changed by live `actor` events since the last load, by id. */
  declare private updates: Map<string, Actor>;
  private readonly api = new ContextConsumer(this, { context: apiContext });
  private readonly live = new FeedController(this, {
    onEvent: (event) => this.onLiveEvent(event),
    onResume: () => void this.load.run(),
  });
  private readonly load = new Task(this, {
    task: async (_args, { signal }) => {
      const api = this.api.value!;
      const [actors, jobs] = await Promise.all([api.listActors(signal), api.listJobs(signal)]);
      this.jobs = mergeJobs(this.jobs, jobs);
      return actors;
    },
    args: () => [],
  });
  private readonly regenerate = new RegenerateFlow(this, {
    knownJob: (id) => this.jobs.find((job) => job.id === id),
    applyJob: (job) => this.applyJob(job),
  });

  constructor() {
    super();
    this.query = '';
    this.jobs = [];
    this.updates = new Map();
  }

  private onLiveEvent(event: LiveEvent): void {
    if (event.type === 'actor') this.updates = new Map(this.updates).set(actorKey(event.actor), event.actor);
    else this.applyJob(event.job);
  }

  private applyJob(job: Job): void {
    this.jobs = upsertJob(this.jobs, job);
    this.regenerate.onJob(job);
  }

  private onRegenerate(event: PosterframeEvent<'pf-regenerate'>): void {
    this.regenerate.request(event.detail.actor);
  }

  private renderCount(fetched: Actor[]) {
    const shown = filterActors(fetched, this.query).length;
    const text = shown === fetched.length ? `${fetched.length} actors` : `${shown} of ${fetched.length} actors`;
    return html`<p class="count" role="status">${text}</p>`;
  }

  private renderGrid(fetched: Actor[]) {
    const actors = filterActors(applyActorUpdates(fetched, this.updates), this.query);
    if (actors.length === 0) return html`<p class="message">No actor name matches “${this.query}”.</p>`;
    const active = activeJobsByActor(this.jobs);
    return html`<ul @pf-regenerate=${this.onRegenerate}>
      ${repeat(
        actors,
        (actor) => actorKey(actor),
        (actor) =>
          html`<li>
            <actor-card
              data-actor-id=${actorKey(actor)}
              .actor=${actor}
              .state=${cardState(active.get(actorKey(actor)), this.regenerate.isStarting(actorKey(actor)))}
            ></actor-card>
          </li>`,
      )}
    </ul>`;
  }

  override render() {
    return html`<section aria-label="Actor Library">
      <div class="toolbar">
        <label>
          Filter by name
          <input
            type="search"
            placeholder="e.g. east asian"
            autocomplete="off"
            .value=${this.query}
            @input=${(e: InputEvent) => (this.query = (e.target as HTMLInputElement).value)}
          />
        </label>
        ${this.load.value ? this.renderCount(this.load.value) : nothing}
      </div>
      ${this.load.render({
        // A reload after the feed comes back keeps showing the grid it had.
        pending: () =>
          this.load.value ? this.renderGrid(this.load.value) : html`<p class="message" role="status">Loading actors…</p>`,
        complete: (actors) => this.renderGrid(actors),
        error: (error) =>
          html`<p class="message error" role="alert">
            Could not load the actors: ${(error as Error).message}
            <button @click=${() => this.load.run()}>Try again</button>
          </p>`,
      })}
      ${this.regenerate.renderDialogs()}
    </section>`;
  }
}

customElements.define('actor-library', ActorLibrary);

declare global {
  interface HTMLElementTagNameMap {
    'actor-library': ActorLibrary;
  }
}
