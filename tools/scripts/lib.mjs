// Small helpers shared by the npm scripts (start, cli, e2e server). Plain Node, no build step.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const apiMain = join(root, 'dist', 'apps', 'api', 'main.js');
export const apiCli = join(root, 'dist', 'apps', 'api', 'cli.js');
export const webIndex = join(root, 'dist', 'apps', 'web', 'browser', 'index.html');

/** Builds the API and the dashboard (Nx cache makes a second run instant). */
export function build(projects = ['api', 'web'], { quiet = false } = {}) {
  const result = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules', 'nx', 'dist', 'bin', 'nx.js'),
      'run-many',
      '-t',
      'build',
      '-p',
      projects.join(','),
      '--configuration=production',
      '--output-style=static',
    ],
    { cwd: root, stdio: quiet ? 'pipe' : 'inherit', env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' } },
  );
  if (result.status !== 0) {
    if (quiet) process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}`);
    process.stderr.write('La construction a échoué.\n');
    process.exit(result.status ?? 1);
  }
}

/** Runs a Node script as a child that receives our signals and whose exit code becomes ours. */
export function runNode(script, args = [], env = process.env, onExit = () => undefined) {
  if (!existsSync(script)) {
    process.stderr.write(`${script} est introuvable : lancez d'abord la construction.\n`);
    process.exit(1);
  }
  const child = spawn(process.execPath, [script, ...args], { cwd: root, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    onExit();
    process.exit(code ?? (signal ? 1 : 0));
  });
  return child;
}
