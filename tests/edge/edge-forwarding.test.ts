import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AcceptedResponse, Batch, BatchAccepted, BatchesPage, ErrorBody, HistoryResponse, Job, JobActionResponse } from '../../shared/api-types.js';
import { requestFor, sampleActors } from '../support/sample-actors.js';
import { DAEMON_TOKEN, startTestEdge, until, type TestEdge } from '../support/start-test-edge.js';

const ACTORS = sampleActors(3);
const post = (body?: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: body === undefined ? undefined : JSON.stringify(body),
});
const atDaemon = async (path: string) => (await fetch(`${t.daemon.url}${path}`, { headers: { authorization: `Bearer ${DAEMON_TOKEN}` } })).json();

// One Worker (workerd) and one daemon for the file; the tests run in order, the daemon stopped last.
let t: TestEdge;
beforeAll(async () => {
  t = await startTestEdge({ actors: ACTORS });
});
afterAll(async () => {
  await t?.dispose();
});

describe('versions, job control and batches through the edge Worker, forwarded to the daemon', () => {
  it("accepts a preview made through the edge, then answers the actor's history as the daemon does", async () => {
    const actor = ACTORS[0]!;
    const submitted = await fetch(
      `${t.edge.url}/api/actors/${actor.id}/regenerate-poster-frame`,
      post({ ...requestFor(actor), mode: 'preview' }, { prefer: 'respond-async' }),
    );
    expect(submitted.status).toBe(202);
    const { job_id } = (await submitted.json()) as AcceptedResponse;
    await until(async () => ((await (await fetch(`${t.edge.url}/api/jobs/${job_id}`)).json()) as Job).status === 'done');

    const accepted = await fetch(`${t.edge.url}/api/jobs/${job_id}/accept`, post());
    expect(accepted.status).toBe(200);
    const { job } = (await accepted.json()) as JobActionResponse;
    expect(job).toMatchObject({ id: job_id, mode: 'preview', decision: { kind: 'accepted' } });
    expect(await atDaemon(`/api/jobs/${job_id}`)).toMatchObject({ decision: { kind: 'accepted' } });

    const history = await fetch(`${t.edge.url}/api/actors/${actor.id}/history`);
    expect(history.status).toBe(200);
    const body = (await history.json()) as HistoryResponse;
    expect(body).toEqual(await atDaemon(`/api/actors/${actor.id}/history`));
    expect(body.versions[0]).toMatchObject({ version: job.version, job_id, state: 'published', current: true });

    // A second decision is the daemon's conflict, answered as the daemon answers it.
    const again = await fetch(`${t.edge.url}/api/jobs/${job_id}/discard`, post());
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ success: false, error: 'conflict' });
    const cancelFinished = await fetch(`${t.edge.url}/api/jobs/${job_id}/cancel`, post());
    expect(cancelFinished.status).toBe(409);
    expect(await cancelFinished.json()).toMatchObject({ success: false, error: 'conflict' });
  });

  it('creates a batch through the edge that the daemon runs to the end, and reads it back through the edge', async () => {
    const created = await fetch(`${t.edge.url}/api/batches`, post({ actor_ids: [ACTORS[1]!.id, ACTORS[2]!.id] }));
    expect(created.status).toBe(202);
    const answer = (await created.json()) as BatchAccepted;
    expect(answer).toEqual({ batch_id: expect.any(String), status_url: `/api/batches/${answer.batch_id}`, total: 2 });
    expect(created.headers.get('location')).toBe(answer.status_url);

    await until(async () => ((await (await fetch(`${t.edge.url}${answer.status_url}`)).json()) as Batch).status === 'done');
    const batch = (await (await fetch(`${t.edge.url}${answer.status_url}`)).json()) as Batch;
    expect(batch).toEqual(await atDaemon(answer.status_url));
    expect(batch.jobs.map((entry) => [entry.actor_id, entry.status])).toEqual([
      [String(ACTORS[1]!.id), 'done'],
      [String(ACTORS[2]!.id), 'done'],
    ]);
    const page = (await (await fetch(`${t.edge.url}/api/batches?limit=5`)).json()) as BatchesPage;
    expect(page.batches.map((summary) => summary.id)).toContain(answer.batch_id);

    const unknown = await fetch(`${t.edge.url}/api/batches/no_such_batch`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ success: false, error: 'not_found' });
  });

  it('answers 503 daemon_unavailable for history, decisions and batches while the daemon is down', async () => {
    await t.stopDaemon();

    const answers = await Promise.all([
      fetch(`${t.edge.url}/api/actors/${ACTORS[0]!.id}/history`),
      fetch(`${t.edge.url}/api/jobs/some_job/accept`, post()),
      fetch(`${t.edge.url}/api/batches`, post({ actor_ids: 'all' })),
      fetch(`${t.edge.url}/api/batches`),
    ]);
    for (const answer of answers) {
      expect(answer.status).toBe(503);
      expect((await answer.json()) as ErrorBody).toMatchObject({ success: false, error: 'daemon_unavailable' });
    }
  });
});
