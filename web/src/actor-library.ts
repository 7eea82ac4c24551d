import { ContextConsumer } from '@lit/context';
import { Task } from '@lit/task';
import { LitElement, html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Actor, Job, LiveEvent } from '../../shared/api-types.js';
import { actorKey, applyActorUpdates, filterActors } from './actor-list.js';
import './actor-card.js';
import { cardState } from './card-state.js';
import './confirm-dialog.js';
import { apiContext } from './context.js';
import { emit, type PosterframeEvent } from './emit.js';
import { FeedController } from './feed-controller.js';
import { activeJobsByActor, isFinished, mergeJobs, upsertJob } from './job-list.js';
import { actorLibraryStyles } from './actor-library.styles.js';

/**
 * The Actor Library: a searchable grid of actor cards. It runs the regenerate flow (confirm → start
 * the job with `Prefer: respond-async` → follow it on the live feed) and keeps every card in step with
 * jobs started anywhere: this page, another tab, the CLI, or a request file.
 *
 * @fires pf-toast - when a regeneration this page started begins, succeeds or fails
 */
export class ActorLibrary extends LitElement {
  static override styles = actorLibraryStyles;

  static override properties = {
    query: { state: true },
    jobs: { state: true },
    updates: { state: true },
    starting: { state: true },
    confirming: { state: true },
  };

  declare private query: string;
  /** Every job this page knows of, most recent first. */
  declare private jobs: Job[];
  /** Actors changed by live `actor` events since the last load, by id. */
  declare private updates: Map<string, Actor>;
  /** Actor ids confirmed whose job has not been seen yet. */
  declare private starting: Set<string>;
  /** The actor whose regeneration waits for confirmation. */
  declare private confirming: Actor | undefined;
  /** Jobs this page started whose outcome it has not announced yet. */
  private readonly ownJobs = new Set<string>();
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

  constructor() {
    super();
    this.query = '';
    this.jobs = [];
    this.updates = new Map();
    this.starting = new Set();
    this.confirming = undefined;
  }

  private onLiveEvent(event: LiveEvent): void {
    if (event.type === 'actor') this.updates = new Map(this.updates).set(actorKey(event.actor), event.actor);
    else this.applyJob(event.job);
  }

  private applyJob(job: Job): void {
    this.jobs = upsertJob(this.jobs, job);
    if (this.starting.has(job.actor_id)) {
      this.starting = new Set(this.starting);
      this.starting.delete(job.actor_id);
    }
    if (!this.ownJobs.has(job.id) || !isFinished(job)) return;
    this.ownJobs.delete(job.id);
    if (job.status === 'done') {
      emit(this, 'pf-toast', { kind: 'success', message: `New poster frame for ${job.actor_name} is live.` });
    } else {
      const reason = job.error?.message ?? 'The job failed without a reason.';
      emit(this, 'pf-toast', { kind: 'error', message: `Could not regenerate the poster for ${job.actor_name}: ${reason}` });
    }
  }

  private onRegenerate(event: PosterframeEvent<'pf-regenerate'>): void {
    this.confirming = event.detail.actor;
  }

  private async onConfirm(): Promise<void> {
    const actor = this.confirming;
    this.confirming = undefined;
    if (!actor) return;
    const id = actorKey(actor);
    this.starting = new Set(this.starting).add(id);
    emit(this, 'pf-toast', { kind: 'info', message: `Regenerating poster frame for ${actor.name}...` });
    try {
      const api = this.api.value!;
      const accepted = await api.regenerate(actor);
      this.ownJobs.add(accepted.job_id);
      // The job's events may have passed before its id was known here; its current state settles that.
      this.applyJob(this.jobs.find((j) => j.id === accepted.job_id) ?? (await api.getJob(accepted.job_id)));
    } catch (error) {
      this.starting = new Set(this.starting);
      this.starting.delete(id);
      emit(this, 'pf-toast', { kind: 'error', message: `Could not regenerate the poster for ${actor.name}: ${(error as Error).message}` });
    }
  }

  private onCancel(): void {
    this.confirming = undefined;
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
              .state=${cardState(active.get(actorKey(actor)), this.starting.has(actorKey(actor)))}
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
      <confirm-dialog
        .open=${this.confirming !== undefined}
        heading="Regenerate poster frame?"
        message=${this.confirming
          ? `A new poster for ${this.confirming.name} will be generated from its LoRA model and replace the current one. This takes up to a minute.`
          : ''}
        confirm-label="Regenerate"
        @pf-confirm=${this.onConfirm}
        @pf-cancel=${this.onCancel}
      ></confirm-dialog>
    </section>`;
  }
}

customElements.define('actor-library', ActorLibrary);

declare global {
  interface HTMLElementTagNameMap {
    'actor-library': ActorLibrary;
  }
}
