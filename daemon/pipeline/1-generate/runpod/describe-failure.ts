/**
 * A FAILED job's `error`, as the user should read it. runpod-python workers report a handler exception
 * as a JSON string `{"error_type": "<class 'ValueError'>", "error_message": "...", "error_traceback": ...}`
 * (runpod/serverless/modules/rp_job.py); handlers that return `{"error": "..."}` give a plain string.
 * The worker's own message is kept verbatim; the rest goes to details for the logs.
 */
export function describeRunpodFailure(error: unknown): { message: string; details?: Record<string, unknown> } {
  const parsed = typeof error === 'string' ? parseObject(error) : error;
  if (typeof parsed === 'object' && parsed !== null && 'error_message' in parsed) {
    const record = parsed as Record<string, unknown>;
    const type = typeof record.error_type === 'string' ? record.error_type.replace(/^<class '(.+)'>$/, '$1') : undefined;
    return { message: `RunPod job failed: ${type ? `${type}: ` : ''}${String(record.error_message)}`, details: record };
  }
  if (typeof error === 'string' && error.trim()) return { message: `RunPod job failed: ${error}` };
  if (error === undefined || error === null) return { message: "RunPod job failed without an error message; check the worker's logs on RunPod" };
  return { message: `RunPod job failed: ${JSON.stringify(error)}`, details: { error } };
}

function parseObject(text: string): unknown {
  if (!text.trimStart().startsWith('{')) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
