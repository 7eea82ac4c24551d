import { Agent, type Dispatcher } from 'undici';

/**
 * The connection pool every outbound HTTP call of the pipeline goes through (generator APIs, image
 * downloads). Not undici's global dispatcher: Node's built-in fetch shares that global slot, and once
 * anything in the process has called fetch it holds Node's bundled undici, whose handler API differs
 * from this package's interceptors ("invalid onError method").
 */
export const httpAgent: Dispatcher = new Agent({ connections: 64 });
