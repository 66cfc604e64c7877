import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { PERMISSION_NAMES } from './permissions';
import { parseRolesTable, ROLES_TABLE_HEADER, rolesTableMarkdown, rolesTableRows } from './permissions-table';

const README = join(__dirname, '../../../../../README.md');

describe('the roles table of the README', () => {
  it('is the permission map, row for row (run `npm run docs:roles` after changing the map)', () => {
    const table = parseRolesTable(readFileSync(README, 'utf8'));
    expect(table).not.toBeNull();
    const [header, ...rows] = table as string[][];
    expect(header).toEqual(ROLES_TABLE_HEADER);
    expect(rows).toEqual(rolesTableRows());
  });

  it('has one row per permission, and reads back what it writes', () => {
    expect(rolesTableRows()).toHaveLength(PERMISSION_NAMES.length);
    expect(parseRolesTable(rolesTableMarkdown())).toEqual([[...ROLES_TABLE_HEADER], ...rolesTableRows()]);
  });

  it('fails on a table that grants one more right', () => {
    const lines = rolesTableMarkdown().split('\n');
    const row = lines.findIndex((line) => line.startsWith('| `sites.write` |'));
    const cells = lines[row].split('|');
    cells[3] = ' ✓ '; // the admin column
    lines[row] = cells.join('|');
    expect(parseRolesTable(lines.join('\n'))?.slice(1)).not.toEqual(rolesTableRows());
  });
});
