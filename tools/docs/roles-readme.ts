/**
 * `npm run docs:roles`: rewrites the roles table of README.md from the one permission map
 * (`libs/shared/domain/src/lib/permissions.ts`), between its markers, and formats the file with
 * Prettier. `permissions-table.spec.ts` fails while the README and the map differ.
 */
import { ROLES_TABLE_END, ROLES_TABLE_START, rolesTableMarkdown } from '@maillage/shared/domain';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';

async function main(): Promise<void> {
  const path = join(__dirname, '../../README.md');
  const readme = readFileSync(path, 'utf8');
  const start = readme.indexOf(ROLES_TABLE_START);
  const end = readme.indexOf(ROLES_TABLE_END);
  if (start < 0 || end < start) {
    throw new Error(`README.md: the markers ${ROLES_TABLE_START} … ${ROLES_TABLE_END} are missing.`);
  }
  const next = readme.slice(0, start) + rolesTableMarkdown() + readme.slice(end + ROLES_TABLE_END.length);
  const formatted = await format(next, { ...(await resolveConfig(path)), filepath: path });
  if (formatted === readme) {
    process.stdout.write('README.md: the roles table is up to date.\n');
    return;
  }
  writeFileSync(path, formatted);
  process.stdout.write('README.md: roles table rewritten from the permission map.\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
