import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { preProcessFile } from 'typescript';

/**
 * Architecture rule: no two folders of apps/api/src import each other (common/ and database/
 * included; the files at the root count as one folder). A shared piece goes where both can
 * reach it (common/, a port the other side implements, a read by id), never in a loop.
 * Spec files are left out: a test may use collaborators from anywhere.
 */
const ROOT = __dirname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** `sites`, `common`…, or `.` for the files at the root of src/. */
function folderOf(path: string): string {
  const parts = relative(ROOT, path).split(sep);
  return parts.length > 1 ? parts[0] : '.';
}

/** Folder → folder → the import lines that make the edge (`file -> module`). */
function folderImports(): Map<string, Map<string, string[]>> {
  const edges = new Map<string, Map<string, string[]>>();
  for (const file of sourceFiles(ROOT)) {
    const { importedFiles } = preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName } of importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const from = folderOf(file);
      const to = folderOf(resolve(dirname(file), fileName));
      if (from === to) continue;
      const targets = edges.get(from) ?? new Map<string, string[]>();
      targets.set(to, [...(targets.get(to) ?? []), `${relative(ROOT, file)} -> ${fileName}`]);
      edges.set(from, targets);
    }
  }
  return edges;
}

describe('folders of apps/api/src', () => {
  const edges = folderImports();

  it('are read: domains, common/ and database/ import one another', () => {
    expect(edges.get('sites')?.has('common')).toBe(true);
    expect(edges.get('database')?.has('users')).toBe(true);
    expect(edges.get('.')?.has('config')).toBe(true);
  });

  it('never import each other (no mutual pair)', () => {
    const mutual: string[] = [];
    for (const [a, targets] of edges) {
      for (const [b, lines] of targets) {
        const back = edges.get(b)?.get(a);
        if (a < b && back) mutual.push([`${a} <-> ${b}`, ...lines, ...back].join('\n    '));
      }
    }
    if (mutual.length > 0) process.stdout.write(`Mutual folder imports:\n  ${mutual.join('\n  ')}\n`);
    expect(mutual).toEqual([]);
  });
});
