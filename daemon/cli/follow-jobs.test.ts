import { describe, expect, it } from 'vitest';
import type { Job } from '../../shared/api-types.js';
import type { DaemonClient } from './daemon-client.js';
import { followJobs } from './follow-jobs.js';
import type { SseFrame } from './sse-parser.js';

const job = (status: Job['status']): Job => ({
  id: 'job_1',
  source: 'api',
  mode: 'publish',
  actor_id: '1',
  actor_name: 'a',
  request: { actor_name: 'a', lora_model_url: '' },
  status,
  stage: 'generating',
  percent: 0,
  created_at: '',
  updated_at: '',
});
const frame = (event: string, id: string, data: unknown): SseFrame => ({ event, id, data: JSON.stringify(data), comments: [] });

/** A daemon whose event stream drops after the job's first event; the job's end happens while it is away. */
function droppingDaemon() {
  const connections: (string | undefined)[] = [];
  let current: Job = job('running');
  const client: Pick<DaemonClient, 'events' | 'job'> = {
    async *events(lastEventId, signal) {
      connections.push(lastEventId);
      if (connections.length === 2) current = job('done'); // finished while the stream was down: its event is never seen
      yield { retry: 3000, comments: [] };
      if (connections.length === 1) {
        yield frame('job', '41', current);
        return;
      }
      await new Promise((resolve) => signal.addEventListener('abort', resolve));
    },
    job: async () => current,
  };
  return { client: client as DaemonClient, connections };
}

describe('followJobs', () => {
  it('reconnects with Last-Event-ID and reads a job whose terminal event it missed', async () => {
    const { client, connections } = droppingDaemon();
    const progress: string[] = [];
    const follower = followJobs(client, 'http://daemon', (j) => progress.push(j.status));
    await follower.connected;
    const [finished] = await follower.finished(['job_1']);
    follower.close();
    expect(finished!.status).toBe('done');
    expect(connections).toEqual([undefined, '41']);
    expect(progress.at(-1)).toBe('done');
  });
});
