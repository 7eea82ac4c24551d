import { ContextConsumer } from '@lit/context';
import { html, type ReactiveElement } from 'lit';
import type { Actor, Job, ServerInfo } from '../../shared/api-types.js';
import { actorKey } from './actor-list.js';
import { confirmMessage } from './confirm-copy.js';
import './confirm-dialog.js';
import { apiContext } from './context.js';
import { emit } from './emit.js';
import { isFinished } from './job-list.js';
import './token-dialog.js';
import { withApiToken } from './with-api-token.js';

export interface RegenerateOptions {
  /** The job as the host already knows it, if it has seen it. */
  knownJob: (id: string) => Job | undefined;
  /** Hands a job to the host, which passes it back through {@link RegenerateFlow.onJob}. */
  applyJob: (job: Job) => void;
  /** What the daemon runs, to word the confirmation; undefined when it does not say. */
  info: () => ServerInfo | undefined;
}

/**
 * The regenerate flow of one page: confirm → start the job with `Prefer: respond-async` (asking for the
 * API token when the daemon wants one) → announce the outcome of the jobs this page started, as toasts.
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

  async confirm(): Promise<void> {
    const actor = this.confirming;
    this.confirming = undefined;
    this.host.requestUpdate();
    if (!actor) return;
    const id = actorKey(actor);
    this.setStarting(id, true);
    emit(this.host, 'pf-toast', { kind: 'info', message: `Regenerating poster frame for ${actor.name}...` });
    try {
      const api = this.api.value!;
      const accepted = await withApiToken(
        api,
        (refused) => this.tokenDialog.ask(refused),
        () => api.regenerate(actor),
      );
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
    if (job.status === 'done') {
      emit(this.host, 'pf-toast', { kind: 'success', message: `New poster frame for ${job.actor_name} is live.` });
    } else {
      const reason = job.error?.message ?? 'The job failed without a reason.';
      emit(this.host, 'pf-toast', { kind: 'error', message: `Could not regenerate the poster for ${job.actor_name}: ${reason}` });
    }
  }

  /** The confirmation and the token prompt, for the host's shadow root. */
  renderDialogs() {
    const { confirming } = this;
    return html`<confirm-dialog
        .open=${confirming !== undefined}
        heading="Regenerate poster frame?"
        message=${confirming ? confirmMessage(confirming, this.options.info()) : ''}
        confirm-label="Regenerate"
        @pf-confirm=${() => this.confirm()}
        @pf-cancel=${() => this.cancel()}
      ></confirm-dialog>
      <token-dialog></token-dialog>`;
  }

  private get tokenDialog() {
    return this.host.renderRoot.querySelector('token-dialog')!;
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
