import { ContextConsumer } from '@lit/context';
import { html, type ReactiveElement } from 'lit';
import type { Actor, Job, ServerInfo, StylePreset } from '../../shared/api-types.js';
import { actorKey } from './actor-list.js';
import type { RegenerateChoice } from './api-client.js';
import { confirmMessage } from './confirm-copy.js';
import { apiContext } from './context.js';
import { emit, type PosterframeEvent } from './emit.js';
import { isFinished } from './job-list.js';
import './regenerate-dialog.js';
import './token-dialog.js';
import { withTokenDialog } from './with-api-token.js';

export interface RegenerateOptions {
  /** The job as the host already knows it, if it has seen it. */
  knownJob: (id: string) => Job | undefined;
  /** Hands a job to the host, which passes it back through {@link RegenerateFlow.onJob}. */
  applyJob: (job: Job) => void;
  /** What the daemon runs, to word the confirmation; undefined when it does not say. */
  info: () => ServerInfo | undefined;
  /** The style presets the dialog offers. */
  styles: () => readonly StylePreset[];
  /** A preview this page asked for is ready: the host opens the compare view. */
  previewReady: (job: Job) => void;
}

/**
 * The regenerate flow of one page: choose style, seed and "Preview first" or "Regenerate now" → start
 * the job with `Prefer: respond-async` (asking for the API token when the daemon wants one) → announce
 * the outcome of the jobs this page started, as toasts, or hand a finished preview to the compare view.
 * The host renders {@link renderDialogs} and re-renders as the flow moves.
 *
 * @fires pf-toast - (from the host) when a regeneration this page started begins, succeeds or fails
 */
export class RegenerateFlow {
  /** The actor whose regeneration waits for confirmation. */
  confirming: Actor | undefined;
  /** Actor ids confirmed whose job has not been seen yet; replaced, never changed, so a child given it sees each change. */
  private starting: ReadonlySet<string> = new Set();
  /** Jobs this page started whose outcome it has not announced yet. */
  private readonly ownJobs = new Set<string>();
  private readonly api: ContextConsumer<typeof apiContext, ReactiveElement>;

  constructor(
    private readonly host: ReactiveElement,
    private readonly options: RegenerateOptions,
  ) {
    this.api = new ContextConsumer(host, { context: apiContext });
  }

  /** Actor ids from their confirmation until their job is first seen. */
  get startingIds(): ReadonlySet<string> {
    return this.starting;
  }

  /** Asks to confirm the regeneration of `actor`. */
  request(actor: Actor): void {
    this.confirming = actor;
    this.host.requestUpdate();
  }

  cancel(): void {
    this.confirming = undefined;
    this.host.requestUpdate();
  }

  async confirm(choice: RegenerateChoice): Promise<void> {
    const actor = this.confirming;
    this.confirming = undefined;
    this.host.requestUpdate();
    if (!actor) return;
    const id = actorKey(actor);
    this.setStarting(id, true);
    const doing = choice.mode === 'preview' ? 'Making a preview poster' : 'Regenerating poster frame';
    emit(this.host, 'pf-toast', { kind: 'info', message: `${doing} for ${actor.name}...` });
    try {
      const api = this.api.value!;
      const accepted = await withTokenDialog(this.host, api, () => api.regenerate(actor, choice));
      this.ownJobs.add(accepted.job_id);
      // The job's events may have passed before its id was known here; its current state settles that.
      this.options.applyJob(this.options.knownJob(accepted.job_id) ?? (await api.getJob(accepted.job_id)));
    } catch (error) {
      this.setStarting(id, false);
      emit(this.host, 'pf-toast', { kind: 'error', message: `Could not regenerate the poster for ${actor.name}: ${(error as Error).message}` });
    }
  }

  /** Call for every job the host sees: ends its "starting" state and announces how this page's jobs end. */
  onJob(job: Job): void {
    this.setStarting(job.actor_id, false);
    if (!this.ownJobs.has(job.id) || !isFinished(job)) return;
    this.ownJobs.delete(job.id);
    if (job.status === 'done' && job.mode === 'preview') {
      this.options.previewReady(job);
    } else if (job.status === 'done') {
      emit(this.host, 'pf-toast', { kind: 'success', message: liveMessage(job) });
    } else if (job.status === 'cancelled') {
      // Someone chose this (here, in another tab or the CLI): worth saying, not an error.
      emit(this.host, 'pf-toast', { kind: 'info', message: `Regeneration of ${job.actor_name} cancelled; its poster is unchanged.` });
    } else {
      const reason = job.error?.message ?? 'The job failed without a reason.';
      emit(this.host, 'pf-toast', { kind: 'error', message: `Could not regenerate the poster for ${job.actor_name}: ${reason}` });
    }
  }

  /** The confirmation and the token prompt, for the host's shadow root. */
  renderDialogs() {
    const { confirming } = this;
    return html`<regenerate-dialog
        .open=${confirming !== undefined}
        .message=${confirming ? confirmMessage(confirming, this.options.info()) : ''}
        .presets=${this.options.styles()}
        @pf-regenerate-confirm=${(event: PosterframeEvent<'pf-regenerate-confirm'>) => this.confirm(event.detail)}
        @pf-cancel=${() => this.cancel()}
      ></regenerate-dialog>
      <token-dialog></token-dialog>`;
  }

  private setStarting(actorId: string, starting: boolean): void {
    if (this.starting.has(actorId) === starting) return;
    const next = new Set(this.starting);
    if (starting) next.add(actorId);
    else next.delete(actorId);
    this.starting = next;
    this.host.requestUpdate();
  }
}

/**
 * The success toast; it names the seed (the one asked for, or the one the daemon picked and recorded),
 * so a poster someone likes can be made again.
 */
export function liveMessage(job: Pick<Job, 'actor_name' | 'params'> & { request?: Pick<Job['request'], 'params'> }): string {
  const seed = job.params?.seed ?? job.request?.params?.seed;
  return `New poster frame for ${job.actor_name} is live.${seed === undefined ? '' : ` Made with seed ${seed}.`}`;
}
