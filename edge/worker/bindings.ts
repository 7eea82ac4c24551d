/**
 * The parts of workerd's runtime API the Worker uses, typed here rather than through
 * @cloudflare/workers-types, whose globals clash with the DOM types the rest of the project compiles with.
 */

export interface R2ObjectBody {
  body: ReadableStream<Uint8Array>;
  size: number;
  httpMetadata?: { contentType?: string };
  text(): Promise<string>;
}

export interface R2Bucket {
  get(key: string): Promise<R2ObjectBody | null>;
  put(key: string, value: ReadableStream | ArrayBuffer | Uint8Array | string | null, options?: { httpMetadata?: { contentType?: string } }): Promise<unknown>;
  delete(keys: string | string[]): Promise<void>;
}

export interface DurableObjectStub {
  fetch(input: Request | string, init?: RequestInit): Promise<Response>;
}

export interface DurableObjectNamespace {
  idFromName(name: string): unknown;
  get(id: unknown): DurableObjectStub;
}

export interface Fetcher {
  fetch(input: Request | string): Promise<Response>;
}

/** The Worker's bindings, as edge/wrangler.json declares them. */
export interface EdgeEnv {
  /** Posters and the published actors snapshot. */
  BUCKET: R2Bucket;
  /** The event hub (one instance). */
  HUB: DurableObjectNamespace;
  /** The built web UI (web/dist). */
  ASSETS: Fetcher;
  /** Secret: the daemon's origin, e.g. https://posterframe-daemon.example.com (behind a tunnel). */
  DAEMON_URL: string;
  /** Secret: the daemon's API_TOKEN; sent with forwarded writes, and required of the daemon's hub connection and bucket writes. */
  DAEMON_TOKEN: string;
  /** Secret, optional: when set, mutations at the edge need `Authorization: Bearer <API_TOKEN>`. */
  API_TOKEN?: string;
  /** Var: `debug`, `info` (default), `warn` or `error`. */
  LOG_LEVEL?: string;
}

/** workerd's server end of a WebSocket, which must be accepted before use. */
export interface ServerWebSocket extends WebSocket {
  accept(): void;
}

declare global {
  // eslint-disable-next-line no-var -- workerd's global constructor
  var WebSocketPair: new () => { 0: WebSocket; 1: ServerWebSocket };
}
