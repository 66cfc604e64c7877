import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';

/**
 * Puts a benchmark's own section into a Markdown file (docs/benchmarks.md): `section` starts with
 * the `start` marker and ends with the `end` one, and replaces what stands between them, or is
 * added at the end of the file. The rest of the file is left as it is; the whole is formatted by Prettier.
 */
export async function writeDocSection(file: string, start: string, end: string, section: string): Promise<void> {
  const kept = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const from = kept.indexOf(start);
  const to = kept.indexOf(end);
  const doc =
    from >= 0 && to > from
      ? `${kept.slice(0, from)}${section}${kept.slice(to + end.length)}`
      : `${kept.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, await format(doc, { ...(await resolveConfig(file)), filepath: file }));
}
