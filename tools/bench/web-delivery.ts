/**
 * The browser side of the benchmark: Lighthouse (the pinned 12.2.3, desktop preset, performance
 * only) run with Debian's Chromium as a signed-in user, and the weight of the JavaScript the first
 * page needs (the scripts and module preloads of the built index.html), raw and compressed.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

import { DIST } from './processes';

const root = join(__dirname, '..', '..');
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
].join(' ');

export interface LighthouseRun {
  score: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  speedIndexMs: number;
  transferKb: number;
}

interface LighthouseReport {
  categories: { performance: { score: number | null } };
  audits: Record<string, { numericValue?: number }>;
}

/** One Lighthouse run of `url` with the session cookie. */
async function runOnce(url: string, cookie: string): Promise<LighthouseRun> {
  const dir = mkdtempSync(join(tmpdir(), 'maillage-lighthouse-'));
  const output = join(dir, 'report.json');
  try {
    await new Promise<void>((resolveRun, reject) => {
      const child = spawn(
        process.execPath,
        [
          join(root, 'node_modules', 'lighthouse', 'cli', 'index.js'),
          url,
          '--quiet',
          '--preset=desktop',
          '--only-categories=performance',
          '--output=json',
          `--output-path=${output}`,
          `--chrome-flags=${CHROMIUM_FLAGS}`,
          `--extra-headers=${JSON.stringify({ Cookie: cookie })}`,
        ],
        { env: { ...process.env, CHROME_PATH: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium' }, stdio: 'pipe' },
      );
      let errors = '';
      child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
      child.on('exit', (code) => (code === 0 ? resolveRun() : reject(new Error(`lighthouse ${url}: ${errors}`))));
    });
    const report = JSON.parse(readFileSync(output, 'utf8')) as LighthouseReport;
    const audit = (id: string) => report.audits[id]?.numericValue ?? NaN;
    return {
      score: Math.round((report.categories.performance.score ?? 0) * 100),
      fcpMs: audit('first-contentful-paint'),
      lcpMs: audit('largest-contentful-paint'),
      tbtMs: audit('total-blocking-time'),
      cls: audit('cumulative-layout-shift'),
      speedIndexMs: audit('speed-index'),
      transferKb: audit('total-byte-weight') / 1024,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The run with the median score of `runs` runs, and every score. */
export async function lighthouse(
  url: string,
  cookie: string,
  runs: number,
): Promise<{ median: LighthouseRun; scores: number[] }> {
  const results: LighthouseRun[] = [];
  for (let i = 0; i < runs; i++) results.push(await runOnce(url, cookie));
  const sorted = [...results].sort((a, b) => a.score - b.score);
  return { median: sorted[Math.floor(sorted.length / 2)], scores: results.map((r) => r.score) };
}

export interface InitialJs {
  files: string[];
  rawKb: number;
  gzipKb: number;
  brotliKb: number;
  /** The chunks index.html preloads beyond that (the signed-in shell), brotli. */
  preloadedBrotliKb: number;
}

const brotliSize = (content: Buffer) =>
  brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/**
 * The initial JavaScript, as Angular counts it: the scripts of the built index.html and,
 * through their static imports, everything those import (not the lazy `import()` of routes),
 * weighed raw, gzipped (9) and brotli (11); and the chunks index.html only preloads.
 */
export function initialJavaScript(browserDir = join(DIST, 'apps', 'web', 'browser')): InitialJs {
  const html = readFileSync(join(browserDir, 'index.html'), 'utf8');
  const pending = [...html.matchAll(/<script[^>]*\ssrc="([^"]+\.js)"/g)].map((m) => m[1]);
  const files = new Set<string>();
  let raw = 0;
  let gzip = 0;
  let brotli = 0;
  while (pending.length > 0) {
    const file = (pending.pop() as string).replace(/^\.\//, '');
    const path = join(browserDir, file);
    if (files.has(file) || !existsSync(path)) continue;
    files.add(file);
    const content = readFileSync(path);
    raw += content.length;
    gzip += gzipSync(content, { level: 9 }).length;
    brotli += brotliSize(content);
    // Static imports only (`import{…}from"./chunk-….js"`, `import"./chunk-….js"`), not `import(…)`.
    for (const m of content
      .toString('utf8')
      .matchAll(/\bimport\s*(?:[\w$*{},\s]+?\s*from\s*)?["'](\.\/[^"']+\.js)["']/g)) {
      pending.push(m[1]);
    }
  }
  const preloaded = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*\shref="([^"]+\.js)"/g)]
    .map((m) => m[1])
    .filter((file) => !files.has(file) && existsSync(join(browserDir, file)));
  const preloadedBrotli = preloaded.reduce((sum, file) => sum + brotliSize(readFileSync(join(browserDir, file))), 0);
  return {
    files: [...files],
    rawKb: raw / 1024,
    gzipKb: gzip / 1024,
    brotliKb: brotli / 1024,
    preloadedBrotliKb: preloadedBrotli / 1024,
  };
}
