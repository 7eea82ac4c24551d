/** An object read back from storage (the daemon serves local media through this). */
export interface StoredObject {
  body: Uint8Array | ReadableStream<Uint8Array>;
  size: number;
  contentType: string;
}

/**
 * Where posters are published: S3 in production, files under DATA_DIR by default, or the edge
 * Worker's bucket.
 * Keys are '/'-separated and already validated (see keys.ts); implementations never see user input raw.
 */
export interface Storage {
  readonly kind: 'local' | 's3' | 'edge';
  put(key: string, body: Uint8Array, contentType: string): Promise<void>;
  /** Server-side copy; overwrites `toKey`. */
  copy(fromKey: string, toKey: string): Promise<void>;
  /** Deletes keys; missing keys are not an error. */
  delete(keys: string[]): Promise<void>;
  /** The object, or null when there is none. */
  get(key: string): Promise<StoredObject | null>;
  /** Public URLs of a key, without a version query. */
  publicUrls(key: string): { accelerated: string; standard: string };
}
