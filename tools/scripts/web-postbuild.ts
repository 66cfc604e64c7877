// After the Angular bundle (`nx run web:build` runs it, through ts-node):
// `node -r ts-node/register/transpile-only tools/scripts/web-postbuild.ts <dist/apps/web>`
//
// 1. Preload hints: index.html gets a `<link rel="modulepreload">` for every chunk the signed-in
//    shell needs (shell.routes.ts and what it imports statically, read from the build's
//    stats.json), so that the browser fetches them with main.js instead of after it.
// 2. Precompression: `<file>.br` (brotli 11) and `<file>.gz` (gzip 9) beside every compressible
//    file (the API's rule: apps/api/src/common/http/web-files.ts), served by the API without
//    compressing on each request (apps/api/src/common/http/static-delivery.ts).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

import { filesBelow, worthCompressing } from '../../apps/api/src/common/http/web-files';

const PRELOADED_ENTRIES = ['apps/web/src/app/layout/shell.routes.ts'];

/** The part of esbuild's metafile (stats.json) this script reads. */
interface BuildStats {
  outputs: Record<string, { entryPoint?: string; imports?: { path: string; kind: string }[] }>;
}

const dist = process.argv[2] ?? usage();
const browser = join(dist, 'browser');

function usage(): never {
  process.stderr.write(
    'usage: node -r ts-node/register/transpile-only tools/scripts/web-postbuild.ts <dist/apps/web>\n',
  );
  process.exit(2);
}

function preloadShell(): number {
  const statsFile = join(dist, 'stats.json');
  if (!existsSync(statsFile)) return 0;
  const { outputs } = JSON.parse(readFileSync(statsFile, 'utf8')) as BuildStats;
  const indexFile = join(browser, 'index.html');
  const html = readFileSync(indexFile, 'utf8');
  const present = new Set([...html.matchAll(/(?:src|href)="([^"]+\.js)"/g)].map((m) => m[1]));
  const name = (output: string) => output.replace(/^.*\//, '');
  const pending = Object.keys(outputs).filter((o) => PRELOADED_ENTRIES.includes(outputs[o].entryPoint ?? ''));
  const chunks = new Set<string>();
  while (pending.length > 0) {
    const output = pending.pop() as string;
    if (chunks.has(output) || !outputs[output]) continue;
    chunks.add(output);
    for (const imported of outputs[output].imports ?? []) {
      if (imported.kind === 'import-statement') pending.push(imported.path);
    }
  }
  const links = [...chunks]
    .map(name)
    .filter((file) => file.endsWith('.js') && !present.has(file))
    .map((file) => `<link rel="modulepreload" href="${file}">`);
  if (links.length > 0) writeFileSync(indexFile, html.replace('</body>', `${links.join('')}</body>`));
  return links.length;
}

function precompress(): { files: number; before: number; after: number } {
  let files = 0;
  let before = 0;
  let after = 0;
  for (const path of filesBelow(browser)) {
    const content = readFileSync(path);
    if (!worthCompressing(path, content.length)) continue;
    const br = brotliCompressSync(content, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length },
    });
    writeFileSync(`${path}.br`, br);
    writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
    files += 1;
    before += content.length;
    after += br.length;
  }
  return { files, before, after };
}

const preloaded = preloadShell();
const { files, before, after } = precompress();
process.stdout.write(
  `web-postbuild: ${preloaded} shell chunks preloaded; ${files} files precompressed, ` +
    `${(before / 1024).toFixed(0)} kB → ${(after / 1024).toFixed(0)} kB with brotli\n`,
);
