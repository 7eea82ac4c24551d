import dotenv from 'dotenv';
import { loadEdgeConfig } from './edge-config.js';
import { startEdge } from './start-edge.js';

// npm run edge: the Worker in workerd on this machine, in front of the daemon at DAEMON_URL.
dotenv.config({ quiet: true });
const config = (() => {
  try {
    return loadEdgeConfig(process.env);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
})();
const edge = await startEdge({
  daemonUrl: config.daemonUrl,
  daemonToken: config.daemonToken,
  apiToken: config.apiToken,
  port: config.port,
  stateDir: config.stateDir,
});
console.log(`posterframe edge Worker (workerd) on ${edge.url}, in front of the daemon at ${config.daemonUrl}`);
console.log(`start the daemon with EDGE_URL=${edge.url} STORAGE=edge and its API_TOKEN, if it is not running yet`);

const stop = () => void edge.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
