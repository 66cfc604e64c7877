import type { ScanProgress } from './loader/rpps-scanner';

const WIDTH = 30;

/** `[##########....] 42 % · 1 008 000 lignes lues · 19 500 gardées · 350 000 lignes/s` */
export function progressLine(progress: ScanProgress, total: number, elapsedMs: number): string {
  const ratio = total > 0 ? Math.min(1, progress.bytesRead / total) : 0;
  const filled = Math.round(ratio * WIDTH);
  const rate = elapsedMs > 0 ? Math.round((progress.rowsRead / elapsedMs) * 1000) : 0;
  const n = (value: number) => value.toLocaleString('fr-FR').replace(/\u202f/g, ' ');
  return `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${String(Math.floor(ratio * 100)).padStart(3)} % · ${n(progress.rowsRead)} lignes lues · ${n(progress.rowsKept)} gardées · ${n(rate)} lignes/s`;
}

/** A progress bar on standard error: redrawn in place on a terminal, every 10 % otherwise. */
export function stderrProgress(): (progress: ScanProgress, total: number) => void {
  const started = Date.now();
  let lastDraw = 0;
  let lastTenth = -1;
  return (progress, total) => {
    const now = Date.now();
    const done = progress.bytesRead >= total;
    if (process.stderr.isTTY) {
      if (now - lastDraw < 200 && !done) return;
      lastDraw = now;
      process.stderr.write(`\r${progressLine(progress, total, now - started)}${done ? '\n' : ''}`);
      return;
    }
    const tenth = Math.floor((progress.bytesRead / Math.max(total, 1)) * 10);
    if (tenth === lastTenth) return;
    lastTenth = tenth;
    process.stderr.write(`${progressLine(progress, total, now - started)}\n`);
  };
}
