// `npm run restore -- --file <path>`: the database the app uses becomes exactly the backup
// (its migrations, then its rows, in one transaction: all or nothing). Stop the app first, or
// expect a few 503 answers while the tables are replaced.
import { join } from 'node:path';

import { apiCli, build, root, runNode } from './lib.mjs';

build(['api'], { quiet: true });
const env = { ...process.env };
env.DATA_DIR ??= join(root, '.maillage-data');
runNode(apiCli, ['restore', ...process.argv.slice(2)], env);
