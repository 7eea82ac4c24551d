import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PipelineError } from '../../daemon/errors.js';
import type { HistoryResponse, Job, JobActionResponse, RegenerateResponse, RevertResponse } from '../../shared/api-types.js';
import { postJson } from '../support/post-json.js';
import { requestFor, sampleActors } from '../support/sample-actors.js';
import { startTestDaemon, type TestDaemon } from '../support/start-test-daemon.js';

/** Preview → accept/discard, history and revert, over real HTTP against a daemon with local storage. */
const actors = sampleActors(1);
const actor = actors[0]!;
let daemon: TestDaemon | undefined;
afterEach(async () => {
  await daemon?.dispose();
  daemon = undefined;
});

const regenerate = async (params: Record<string, unknown>, mode: 'publish' | 'preview' = 'publish') => {
  const response = await postJson(`${daemon!.url}/api/actors/1/regenerate-poster-frame`, { ...requestFor(actor), mode, params });
  return { status: response.status, body: (await response.json()) as RegenerateResponse };
};
/** The jobs list, an array today or a page once job lists are paged (issue 11). */
const listJobs = async (): Promise<Job[]> => {
  const body = (await (await fetch(`${daemon!.url}/api/jobs`)).json()) as Job[] | { jobs: Job[] };
  return Array.isArray(body) ? body : body.jobs;
};
const decide = async (jobId: string, action: 'accept' | 'discard') => {
  const response = await postJson(`${daemon!.url}/api/jobs/${jobId}/${action}`, {});
  return { status: response.status, body: (await response.json()) as JobActionResponse & { error?: string; message?: string } };
};
const history = async () => (await (await fetch(`${daemon!.url}/api/actors/1/history`)).json()) as HistoryResponse;
const revert = async (version: unknown) => {
  const response = await postJson(`${daemon!.url}/api/actors/1/revert`, { version });
  return { status: response.status, body: (await response.json()) as RevertResponse & { error?: string; message?: string } };
};
/** A digest of the bytes a URL serves. */
const served = async (url: string) =>
  createHash('sha256')
    .update(Buffer.from(await (await fetch(new URL(url, daemon!.url))).arrayBuffer()))
    .digest('hex');
const canonicalLg = () => served(`/media/actors/${actor.name}/poster_frame/${actor.name}_poster_lg.webp`);
const historyFolders = () => readdir(path.join(daemon!.dataDir, 'media/actors', actor.name, 'poster_frame/history')).catch(() => [] as string[]);
/** The job that answered `body`. */
const jobOf = async (body: RegenerateResponse) =>
  (await listJobs()).find((job) => job.result?.poster_frames.standard.webp_lg === body.poster_frames.standard.webp_lg)!;

describe('preview, accept and discard', () => {
  it('stores a preview as a version only; accepting it after a restart publishes exactly its bytes; a second accept is a 409', async () => {
    daemon = await startTestDaemon({ actors });
    const published = await jobOf((await regenerate({ seed: 1 })).body);
    const before = await canonicalLg();
    const preview = await regenerate({ seed: 2 }, 'preview');
    expect(preview.status).toBe(200);
    const job = await jobOf(preview.body);
    expect(job).toMatchObject({ mode: 'preview', status: 'done', version: expect.stringMatching(/^[0-9a-f]{10}$/) });
    expect(preview.body.poster_frames.standard.webp_lg).toContain(`/history/${job.version}/`);
    expect(await canonicalLg()).toBe(before);
    expect((await history()).versions.map((v) => [v.version, v.state, v.current])).toEqual([
      [job.version, 'preview', false],
      [published.version, 'published', true],
    ]);

    const root = path.dirname(daemon.dataDir);
    await daemon.close();
    daemon = await startTestDaemon({ root });
    const accepted = await decide(job.id, 'accept');
    expect(accepted).toMatchObject({ status: 200, body: { success: true, job: { id: job.id, decision: { kind: 'accepted' } } } });
    expect(await canonicalLg()).toBe(await served(preview.body.poster_frames.standard.webp_lg));
    const actorNow = await (await fetch(`${daemon.url}/api/actors/1`)).json();
    expect(actorNow.poster_frames.standard.webp_lg).toBe(`/media/actors/${actor.name}/poster_frame/${actor.name}_poster_lg.webp?v=${job.version}`);
    expect((await history()).versions.find((v) => v.current)?.version).toBe(job.version);

    const again = await decide(job.id, 'accept');
    expect(again).toMatchObject({ status: 409, body: { error: 'conflict', message: expect.stringContaining('was already accepted') } });
    expect(await decide(job.id, 'discard')).toMatchObject({ status: 409 });
  });

  it('discards a preview leaving no object behind, and refuses to accept it afterwards', async () => {
    daemon = await startTestDaemon({ actors });
    await regenerate({ seed: 1 });
    const kept = await historyFolders();
    const preview = await regenerate({ seed: 2 }, 'preview');
    const job = await jobOf(preview.body);
    expect(await historyFolders()).toContain(job.version);

    expect(await decide(job.id, 'discard')).toMatchObject({ status: 200, body: { job: { decision: { kind: 'discarded' } } } });
    expect(await historyFolders()).toEqual(kept);
    expect((await fetch(new URL(preview.body.poster_frames.standard.webp_lg, daemon.url))).status).toBe(404);
    expect(await decide(job.id, 'accept')).toMatchObject({
      status: 409,
      body: {
        error: 'conflict',
        message: expect.stringMatching(/^Expected a finished, undecided preview job to accept but job \S+ was already discarded at /),
      },
    });
  });

  it('answers 409 for a publish job and a failed preview, 404 for an unknown job', async () => {
    const failing = { name: 'failing', generate: async () => Promise.reject(new PipelineError('generation_failed', 'worker exploded')) };
    daemon = await startTestDaemon({ actors, overrides: { generator: failing } });
    expect((await regenerate({ seed: 1 }, 'preview')).status).toBe(502);
    const [failedJob] = await listJobs();
    expect(await decide(failedJob!.id, 'accept')).toMatchObject({ status: 409, body: { message: expect.stringContaining('is failed and has no version') } });
    expect(await decide('job_unknown', 'discard')).toMatchObject({ status: 404, body: { error: 'not_found' } });
    await daemon.dispose();

    daemon = await startTestDaemon({ actors });
    const publish = await jobOf((await regenerate({ seed: 1 })).body);
    expect(await decide(publish.id, 'accept')).toMatchObject({ status: 409, body: { message: expect.stringContaining('is a publish job') } });
  });
});

describe('history and revert', () => {
  it('reverts to an earlier version with its exact bytes, records it, and undoes it by reverting back', async () => {
    daemon = await startTestDaemon({ actors });
    const first = await jobOf((await regenerate({ seed: 1 })).body);
    const firstBytes = await canonicalLg();
    const second = await jobOf((await regenerate({ seed: 2 })).body);
    const secondBytes = await canonicalLg();
    expect(secondBytes).not.toBe(firstBytes);
    const listed = await history();
    expect(listed.versions.map((v) => [v.version, v.current, v.seed, v.source, v.backend])).toEqual([
      [second.version, true, 2, 'api', 'builtin'],
      [first.version, false, 1, 'api', 'builtin'],
    ]);

    const reverted = await revert(first.version);
    expect(reverted).toMatchObject({ status: 200, body: { success: true, version: first.version, previous_version: second.version } });
    expect(await canonicalLg()).toBe(firstBytes);
    expect(reverted.body.poster_frames.standard.webp_lg).toMatch(new RegExp(`\\?v=${first.version}$`));
    const undone = await revert(reverted.body.previous_version);
    expect(undone.body).toMatchObject({ version: second.version, previous_version: first.version });
    expect(await canonicalLg()).toBe(secondBytes);
    expect(await revert(first.version)).toMatchObject({ status: 200 });
    expect(await canonicalLg()).toBe(firstBytes);
    expect((await history()).publications?.map((p) => [p.kind, p.version, p.previous_version])).toEqual([
      ['revert', first.version, second.version],
      ['revert', second.version, first.version],
      ['revert', first.version, second.version],
      ['publish', second.version, first.version],
      ['publish', first.version, undefined],
    ]);
  });

  it.each([
    ['an unknown version', 'ffffffffff', 404, 'not_found'],
    ['no version', undefined, 400, 'invalid_request'],
    ['a path as version', '../x', 400, 'invalid_request'],
  ])('refuses a revert to %s', async (_, version, status, error) => {
    daemon = await startTestDaemon({ actors });
    expect(await revert(version)).toMatchObject({ status, body: { error } });
  });

  it('answers 404 for the history of an unknown actor', async () => {
    daemon = await startTestDaemon({ actors });
    const response = await fetch(`${daemon.url}/api/actors/999/history`);
    expect([response.status, (await response.json()).error]).toEqual([404, 'actor_not_found']);
  });
});
