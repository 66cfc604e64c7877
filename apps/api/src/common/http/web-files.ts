import { readdirSync } from 'node:fs';
import { extname, join } from 'node:path';

/**
 * What the built dashboard's files have in common for the web build's precompression
 * (tools/scripts/web-postbuild.ts) and the API's static delivery: which ones are worth compressing.
 */
const COMPRESSIBLE = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.webmanifest',
  '.svg',
  '.txt',
  '.ico',
  '.ttf',
  '.eot',
]);

/** Text-like files above 1 kB (fonts and images are compressed already; smaller files gain nothing). */
export function worthCompressing(path: string, size: number): boolean {
  return COMPRESSIBLE.has(extname(path)) && size > 1024;
}

/** Every file below `dir`, at any depth. */
export function* filesBelow(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesBelow(path);
    else if (entry.isFile()) yield path;
  }
}
