/**
 * Progress of a long run. On a terminal: one line redrawn in place on stderr with the count,
 * the share done, the rate and an estimate of the time left. In a log (stderr not a terminal,
 * or CI=true): one line on stdout when a stage starts (the command prints one when it ends), so
 * a CI log of 5,000 incidents stays readable and stderr keeps only problems.
 */
import type { GenerateEvent } from '../pipeline/generate.js';

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** Whether to redraw a live line: a terminal, and not a CI runner (whose logs keep every \r). */
export function isLive(stream: ProgressStream, env: NodeJS.ProcessEnv = process.env): boolean {
  const ci = env['CI'];
  return Boolean(stream.isTTY) && (ci === undefined || ci === '' || ci === 'false' || ci === '0');
}

/** `42 s`, `3 min 20 s`, `1 h 5 min`. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ''}`;
  const minutes = Math.round((s % 3600) / 60);
  return `${Math.floor(s / 3600)} h${minutes ? ` ${minutes} min` : ''}`;
}

/**
 * Seconds left at the rate so far, or null before there is a rate to go by (fewer than two
 * done, or under a second elapsed).
 * @param elapsedMs milliseconds since the work started.
 */
export function secondsLeft(done: number, total: number, elapsedMs: number): number | null {
  if (done < 2 || elapsedMs < 1000) return null;
  return ((total - done) * elapsedMs) / done / 1000;
}

/** `generate 37/121 (31%) · 4.1/s · about 20 s left · api-incident-37`. */
export function progressLine(
  stage: string,
  done: number,
  total: number,
  elapsedMs: number,
  item: string,
): string {
  const percent = total ? Math.floor((100 * done) / total) : 100;
  const left = secondsLeft(done, total, elapsedMs);
  const rate = elapsedMs > 0 ? (1000 * done) / elapsedMs : 0;
  return [
    `${stage} ${done}/${total} (${percent}%)`,
    ...(left === null ? [] : [`${rate.toFixed(1)}/s`, `about ${formatDuration(left)} left`]),
    item,
  ].join(' · ');
}

/** Redraws at most this often: a terminal that redraws 5,000 times slows the build. */
const REDRAW_MS = 100;

/**
 * A listener for generate's events (GenerateOptions.onProgress) that prints its progress: live
 * on `terminal` when it is one, else a line for the stage and one per failure on `log`. Call
 * `finish()` when generate returns; it clears the live line.
 */
export function generateProgress(
  { terminal, log }: { terminal: ProgressStream; log: ProgressStream } = {
    terminal: process.stderr,
    log: process.stdout,
  },
  env: NodeJS.ProcessEnv = process.env,
  now: () => number = Date.now,
): { onProgress: (event: GenerateEvent) => void; finish: () => void } {
  const live = isLive(terminal, env);
  const stream = live ? terminal : log;
  let started = now();
  let drawn = 0;
  let shown = false;
  return {
    onProgress(event) {
      if (event.kind === 'planned') {
        started = now();
        if (!live || event.total > 0) {
          const parts = [`${event.total} to write`, `${event.unchanged} unchanged`];
          if (event.failed) parts.push(`${event.failed} failed`);
          stream.write(`generate: ${parts.join(', ')}\n`);
        }
        return;
      }
      if (event.kind === 'failed')
        stream.write(`${live && shown ? '\r\x1b[2K' : ''}${event.slug}: ${event.status}\n`);
      if (!live) return;
      const at = now();
      if (event.done < event.total && at - drawn < REDRAW_MS) return;
      drawn = at;
      shown = true;
      const line = progressLine(
        'generate',
        event.done,
        event.total,
        at - started,
        `${event.slug}: ${event.status}`,
      );
      // Cut to the terminal's width so the line never wraps and \r redraws all of it.
      const columns = (stream as { columns?: number }).columns || 100;
      stream.write(`\r\x1b[2K${line.slice(0, Math.max(20, columns - 1))}`);
    },
    finish() {
      if (live && shown) stream.write('\r\x1b[2K');
    },
  };
}
