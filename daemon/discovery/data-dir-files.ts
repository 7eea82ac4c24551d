import path from 'node:path';

/**
 * The files through which the processes sharing a DATA_DIR (one daemon, CLI runs) find each other.
 * - `daemon.json`: the running daemon's address and instance id (see daemon-file.ts).
 * - `cli.lock`: held by a CLI that runs jobs itself because no daemon was running; a daemon leaves
 *   that CLI's jobs alone and adopts them only once their owner is gone.
 * - `locks/publish-<actor>.lock`: held while one job publishes an actor's poster and saves its record.
 */
export const daemonFilePath = (dataDir: string): string => path.join(dataDir, 'daemon.json');
export const cliLockPath = (dataDir: string): string => path.join(dataDir, 'cli.lock');
export const publishLocksDir = (dataDir: string): string => path.join(dataDir, 'locks');
