// `npm start`: build (cached), then serve the dashboard and the API on one port.
// Without DATABASE_URL the API starts its embedded PostgreSQL in DATA_DIR (.maillage-data),
// migrates it and loads the demo data on the first start.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { apiMain, build, root, runNode } from './lib.mjs';

build();
const env = { ...process.env };
env.NODE_ENV ??= 'production';
// Development convenience only: the commune contours shipped beside the project for dev and CI.
const devContours = resolve(root, '..', 'shared', 'data', 'communes-77.geojson');
if (!env.COMMUNE_CONTOURS_SOURCE && !env.DATABASE_URL && existsSync(devContours)) {
  env.COMMUNE_CONTOURS_SOURCE = devContours;
}
env.DATA_DIR ??= join(root, '.maillage-data');
runNode(apiMain, [], env);
