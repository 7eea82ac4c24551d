import { ContextConsumer } from '@lit/context';
import { html, type ReactiveElement } from 'lit';
import type { Actor, Job, PosterVersion, StylePreset } from '../../shared/api-types.js';
import './actor-detail.js';
import './compare-view.js';
import type { PreviewCandidate } from './compare-view.js';
import { apiContext } from './context.js';
import { emit, type PosterframeEvent } from './emit.js';
import { liveMessage } from './regenerate-flow.js';
import { withTokenDialog } from './with-api-token.js';

export interface VersionFlowOptions {
  /** The actor as the page knows it now, by id. */
  actor: (id: string) => Actor | undefined;
  /** The style presets, to name styles. */
  styles: () => readonly StylePreset[];
}

/**
 * What a page does with poster versions: the compare view of a finished preview (Accept publishes it,
 * Discard deletes it) and an actor's detail view with its history strip (Revert publishes an older
 * version again). Calls that change things ask for the API token through the host's `<token-dialog>`
 * (rendered by the RegenerateFlow). The live feed brings the resulting poster to the cards.
 *
 * @fires pf-toast - (from the host) how an accept, discard or revert went
 */
export class VersionFlow {
  /** The preview in the compare view. */
  private comparing: PreviewCandidate | undefined;
  /** The actor id whose detail view is open. */
  private detailId: string | undefined;
  private reverting: string | undefined;
  /** Bumped when the history changes in a way the actor does not show. */
  private revision = 0;
  private readonly api: ContextConsumer<typeof apiContext, ReactiveElement>;

  constructor(
    private readonly host: ReactiveElement,
    private readonly options: VersionFlowOptions,
  ) {
    this.api = new ContextConsumer(host, { context: apiContext });
  }

  /** Opens the compare view on a finished preview job. */
  compareJob(job: Job): void {
    const actor = this.options.actor(job.actor_id);
    if (!actor || !job.result) return;
    this.show({ job_id: job.id, actor, poster_frames: job.result.poster_frames, params: job.params });
  }

  /** Opens an actor's detail view. */
  openHistory(actor: Actor): void {
    this.detailId = String(actor.id);
    this.host.requestUpdate();
  }

  closeHistory(): void {
    this.detailId = undefined;
    this.host.requestUpdate();
  }

  private show(candidate: PreviewCandidate | undefined): void {
    this.comparing = candidate;
    this.host.requestUpdate();
  }

  private compareVersion(version: PosterVersion): void {
    const actor = this.detailId === undefined ? undefined : this.options.actor(this.detailId);
    if (!actor || !version.job_id) return;
    this.show({ job_id: version.job_id, actor, poster_frames: version.poster_frames, params: { ...version.params, seed: version.seed, style: version.style } });
  }

  private async decide(accept: boolean): Promise<void> {
    const candidate = this.comparing;
    this.show(undefined);
    if (!candidate) return;
    const { actor, job_id } = candidate;
    const api = this.api.value!;
    try {
      if (accept) {
        await withTokenDialog(this.host, api, () => api.acceptJob(job_id));
        this.toast('success', liveMessage({ actor_name: actor.name, params: candidate.params }));
      } else {
        await withTokenDialog(this.host, api, () => api.discardJob(job_id));
        this.toast('info', `Discarded the preview for ${actor.name}; the current poster stays.`);
      }
    } catch (error) {
      this.toast('error', `Could not ${accept ? 'accept' : 'discard'} the preview for ${actor.name}: ${(error as Error).message}`);
    }
    this.revision++;
    this.host.requestUpdate();
  }

  private async revert(version: PosterVersion): Promise<void> {
    const actor = this.detailId === undefined ? undefined : this.options.actor(this.detailId);
    if (!actor || this.reverting) return;
    this.reverting = version.version;
    this.host.requestUpdate();
    const api = this.api.value!;
    try {
      await withTokenDialog(this.host, api, () => api.revert(String(actor.id), version.version));
      this.toast('success', `Reverted the poster of ${actor.name}.`);
    } catch (error) {
      this.toast('error', `Could not revert the poster of ${actor.name}: ${(error as Error).message}`);
    }
    this.reverting = undefined;
    this.revision++;
    this.host.requestUpdate();
  }

  private toast(kind: 'info' | 'success' | 'error', message: string): void {
    emit(this.host, 'pf-toast', { kind, message });
  }

  /** The compare view and the detail view, for the host's shadow root. */
  renderDialogs() {
    const detail = this.detailId === undefined ? undefined : this.options.actor(this.detailId);
    const styles = this.options.styles();
    return html`<actor-detail
        .open=${detail !== undefined}
        .actor=${detail}
        .presets=${styles}
        .reverting=${this.reverting}
        .revision=${this.revision}
        @pf-close=${() => this.closeHistory()}
        @pf-revert=${(event: PosterframeEvent<'pf-revert'>) => this.revert(event.detail.version)}
        @pf-compare=${(event: PosterframeEvent<'pf-compare'>) => this.compareVersion(event.detail.version)}
      ></actor-detail>
      <compare-view
        .open=${this.comparing !== undefined}
        .candidate=${this.comparing}
        .presets=${styles}
        @pf-accept=${() => this.decide(true)}
        @pf-discard=${() => this.decide(false)}
        @pf-close=${() => this.show(undefined)}
      ></compare-view>`;
  }
}
