// `npm run backup [-- --file <path>]`: every row of the database the app uses (DATABASE_URL, or the
// embedded PostgreSQL of DATA_DIR, running or not) into one file, from one consistent snapshot.
// Nothing to install: the backup is written by Node (COPY through the pg driver), not by pg_dump.
import { join } from 'node:path';

import { apiCli, build, root, runNode } from './lib.mjs';

build(['api'], { quiet: true });
const env = { ...process.env };
env.DATA_DIR ??= join(root, '.maillage-data');
runNode(apiCli, ['backup', ...process.argv.slice(2)], env);
