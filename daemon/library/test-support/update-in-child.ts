import { openLibrary } from '../open-library.js';

/**
 * `tsx update-in-child.ts <dataDir> <actorsFile> <actorId> <description>`: another process (as the CLI
 * is) updating one actor in the same library, waiting until its export is on disk.
 */
const [dataDir, actorsFile, actorId, description] = process.argv.slice(2) as [string, string, string, string];
const library = openLibrary({ dataDir, actorsFile });
await library.actors.update(actorId, (actor) => ({ ...actor, description }));
await library.actors.exported();
await library.close();
