import type { ServerResponse } from 'node:http';
import { readJson, sendJson, startHttpPeer } from './http-peer.js';

/**
 * A loopback server speaking AUTOMATIC1111's `/sdapi/v1` API: `loras`, `txt2img` (held open until
 * `/progress` has been polled `holdForProgressPolls` times, as a real generation holds its request),
 * `progress`, `interrupt`, optional basic auth, and A1111's `{error, detail, body, errors}` error bodies.
 */

export interface A1111PeerOptions {
  loras: string[];
  /** The PNG every txt2img returns. */
  image: Uint8Array;
  username?: string;
  password?: string;
  holdForProgressPolls?: number;
  /** Answer txt2img with this status and body instead of an image. */
  txt2imgFailure?: { status: number; body: unknown };
  /** The seed `info` reports, as when A1111 picks one for seed -1; by default the requested seed. */
  infoSeed?: number;
}

export interface A1111Peer {
  baseUrl: string;
  /** Bodies of every txt2img request, in order. */
  txt2imgBodies: Record<string, unknown>[];
  progressPolls: number;
  interrupts: number;
  close(): Promise<void>;
}

const STEPS = 30;

export async function startA1111Peer(options: A1111PeerOptions): Promise<A1111Peer> {
  const state = { txt2imgBodies: [] as Record<string, unknown>[], progressPolls: 0, interrupts: 0 };
  let pending: { res: ServerResponse; answer: () => void } | undefined;
  const expected = options.username !== undefined ? `Basic ${Buffer.from(`${options.username}:${options.password ?? ''}`).toString('base64')}` : undefined;

  const releaseIfDue = () => {
    if (pending && state.progressPolls >= (options.holdForProgressPolls ?? 0)) {
      const { answer } = pending;
      pending = undefined;
      answer();
    }
  };

  const peer = await startHttpPeer(async (req, res) => {
    const body = await readJson(req);
    const path = new URL(req.url ?? '/', 'http://peer').pathname;
    if (expected && req.headers.authorization !== expected) return sendJson(res, 401, { detail: 'Incorrect username or password' });
    if (path === '/sdapi/v1/loras' && req.method === 'GET') {
      return sendJson(
        res,
        200,
        options.loras.map((name) => ({ name, alias: name, path: `/models/Lora/${name}.safetensors`, metadata: {} })),
      );
    }
    if (path === '/sdapi/v1/progress' && req.method === 'GET') {
      // Like A1111, an idle server reports step 0: a poll that beats the txt2img request (a loaded
      // machine) must not advance the generation's steps.
      if (pending) state.progressPolls += 1;
      const step = pending ? Math.min(STEPS, state.progressPolls * 10) : 0;
      sendJson(res, 200, {
        progress: step / STEPS,
        eta_relative: 1,
        state: { sampling_step: step, sampling_steps: STEPS, job_count: pending ? 1 : 0 },
        current_image: null,
        textinfo: null,
      });
      return releaseIfDue();
    }
    if (path === '/sdapi/v1/interrupt' && req.method === 'POST') {
      state.interrupts += 1;
      return sendJson(res, 200, {});
    }
    if (path === '/sdapi/v1/txt2img' && req.method === 'POST') {
      const params = body as Record<string, unknown>;
      state.txt2imgBodies.push(params);
      const { txt2imgFailure } = options;
      if (txt2imgFailure) return sendJson(res, txt2imgFailure.status, txt2imgFailure.body);
      const seed = options.infoSeed ?? params.seed;
      const answer = () =>
        sendJson(res, 200, {
          images: [Buffer.from(options.image).toString('base64')],
          parameters: params,
          info: JSON.stringify({ prompt: params.prompt, seed, all_seeds: [seed], width: params.width, height: params.height }),
        });
      pending = { res, answer };
      return releaseIfDue();
    }
    return sendJson(res, 404, { detail: 'Not Found' });
  });

  return {
    baseUrl: peer.origin,
    get txt2imgBodies() {
      return state.txt2imgBodies;
    },
    get progressPolls() {
      return state.progressPolls;
    },
    get interrupts() {
      return state.interrupts;
    },
    close: peer.close,
  };
}
