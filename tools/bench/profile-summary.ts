/**
 * Where the API's CPU goes: `npm run bench` with `BENCH_CPU_PROFILE=<dir>` writes a V8 profile of
 * the measured API (`node --cpu-prof`); this prints its self time by family (pg driver, TypeORM,
 * Nest, Express, pino, validation, the app's own code, Node internals, GC) and its 25 hottest
 * functions. `node -r ts-node/register/transpile-only tools/bench/profile-summary.ts <file.cpuprofile> [skip-s]`:
 * the samples of the first `skip-s` seconds (start-up, warm-up) are left out.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const FAMILIES: [string, RegExp][] = [
  ['pg driver and protocol', /node_modules\/(pg|pg-protocol|pg-types|pg-pool|postgres-[a-z]+|pgpass)\//],
  ['TypeORM', /node_modules\/typeorm\//],
  ['class-validator / class-transformer', /node_modules\/(class-validator|class-transformer|validator)\//],
  ['pino', /node_modules\/(pino|pino-http|nestjs-pino|sonic-boom|fast-redact|pino-std-serializers)\//],
  ['Nest', /node_modules\/@nestjs\//],
  [
    'Express and middleware',
    /node_modules\/(express|router|body-parser|helmet|cookie-parser|compression|send|finalhandler|on-finished|on-headers|accepts|negotiator|type-is|etag|fresh|qs|content-type|mime-types|raw-body|path-to-regexp|iconv-lite|cookie)\//,
  ],
  ['rxjs', /node_modules\/rxjs\//],
  ['app code', /dist\/apps\/api\//],
  ['other packages', /node_modules\//],
  ['Node internals', /^node:|^internal\//],
];

function family(node: ProfileNode): string {
  const { url, functionName } = node.callFrame;
  if (functionName === '(garbage collector)') return 'GC';
  if (functionName === '(idle)' || functionName === '(program)') return functionName;
  if (!url) return 'V8 / native';
  return FAMILIES.find(([, pattern]) => pattern.test(url))?.[0] ?? 'Node internals';
}

const profile = JSON.parse(readFileSync(process.argv[2], 'utf8')) as Profile;
const skipUs = Number(process.argv[3] ?? 0) * 1e6;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const families = new Map<string, number>();
const functions = new Map<string, number>();
let elapsedUs = 0;
profile.samples.forEach((id, i) => {
  const node = byId.get(id) as ProfileNode;
  const us = profile.timeDeltas[i] ?? 0;
  elapsedUs += us;
  if (elapsedUs < skipUs) return;
  families.set(family(node), (families.get(family(node)) ?? 0) + us);
  const where = `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.replace(/^.*node_modules\//, '')}:${node.callFrame.lineNumber}`;
  functions.set(where, (functions.get(where) ?? 0) + us);
});
const busy = [...families].filter(([name]) => name !== '(idle)').reduce((sum, [, us]) => sum + us, 0);
const lines = [
  `busy ${(busy / 1e6).toFixed(2)} s of ${(profile.timeDeltas.reduce((a, b) => a + b, 0) / 1e6).toFixed(2)} s`,
];
for (const [name, us] of [...families].filter(([n]) => n !== '(idle)').sort((a, b) => b[1] - a[1])) {
  lines.push(`${((100 * us) / busy).toFixed(1).padStart(5)} %  ${name}`);
}
lines.push('', 'hottest functions (self time):');
for (const [name, us] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
  lines.push(`${((100 * us) / busy).toFixed(1).padStart(5)} %  ${name}`);
}
process.stdout.write(`${lines.join('\n')}\n`);
