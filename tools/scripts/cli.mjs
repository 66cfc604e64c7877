// `npm run user:create -- --email … --role admin` and the other commands of apps/api/src/cli.ts.
import { join } from 'node:path';

import { apiCli, build, root, runNode } from './lib.mjs';

build(['api'], { quiet: true });
const env = { ...process.env };
env.DATA_DIR ??= join(root, '.maillage-data');
runNode(apiCli, process.argv.slice(2), env);
