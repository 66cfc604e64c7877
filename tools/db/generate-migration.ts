/**
 * Writes a migration with the SQL that brings a migrated database to the entities:
 *   npm run db:migration:generate -- AddSiteVisits
 * It starts a throw-away embedded PostgreSQL, runs the existing migrations, asks TypeORM's
 * schema builder for the difference, and writes apps/api/src/database/migrations/<ts>-<Name>.ts.
 * Review the file, then add the class to migrations/index.ts.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';

import { dataSourceOptions } from '../../apps/api/src/database/data-source';
import { ensureDatabase } from '../../apps/api/src/database/database-target';
import { makeTempDataDir, startEmbeddedPostgres } from '../../apps/api/src/database/embedded-postgres';

async function main() {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name))
    throw new Error('Give a PascalCase name starting with a verb, e.g. AddSiteVisits');
  const dataDir = makeTempDataDir('maillage-gen-');
  const server = await startEmbeddedPostgres({ dataDir, persistent: false });
  try {
    await ensureDatabase(server.url('postgres'), 'gen');
    const ds = new DataSource(dataSourceOptions(server.url('gen')));
    await ds.initialize();
    await ds.runMigrations();
    const sql = await ds.driver.createSchemaBuilder().log();
    await ds.destroy();
    if (sql.upQueries.length === 0) {
      process.stdout.write('No change: the migrations already match the entities.\n');
      return;
    }
    const timestamp = Date.now();
    const q = (s: string) => `    await queryRunner.query(\`${s.replace(/`/g, '\\`')}\`);`;
    const body = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${name}${timestamp} implements MigrationInterface {
  name = '${name}${timestamp}';

  async up(queryRunner: QueryRunner): Promise<void> {
${sql.upQueries.map((x) => q(x.query)).join('\n')}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${sql.downQueries
  .reverse()
  .map((x) => q(x.query))
  .join('\n')}
  }
}
`;
    const file = join('apps/api/src/database/migrations', `${timestamp}-${name}.ts`);
    writeFileSync(file, body);
    process.stdout.write(`Wrote ${file}\n`);
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
