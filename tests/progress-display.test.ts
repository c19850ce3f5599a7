import { describe, expect, test } from 'vitest';
import { formatDuration, generateProgress, isLive, secondsLeft } from '../src/cli/progress.js';
import type { GenerateEvent } from '../src/pipeline/generate.js';

function capture(isTTY: boolean) {
  let text = '';
  return {
    stream: { isTTY, columns: 200, write: (chunk: string) => (text += chunk) },
    text: () => text,
  };
}

/**
 * Three packs to write, one unchanged; each pack takes a second on the fake clock. What was
 * written to stderr (`isTTY` or not) and to stdout.
 */
function run(isTTY: boolean, env: NodeJS.ProcessEnv): { stderr: string; stdout: string } {
  const stderr = capture(isTTY);
  const stdout = capture(false);
  let clock = 0;
  const shown = generateProgress({ terminal: stderr.stream, log: stdout.stream }, env, () => clock);
  const events: GenerateEvent[] = [
    { kind: 'planned', total: 3, unchanged: 1, failed: 0 },
    { kind: 'written', slug: 'a', status: 'written by the built-in writer', done: 1, total: 3 },
    { kind: 'failed', slug: 'b', status: 'secret found', done: 2, total: 3 },
    { kind: 'written', slug: 'c', status: 'written by the built-in writer', done: 3, total: 3 },
  ];
  for (const event of events) {
    shown.onProgress(event);
    clock += 1000;
  }
  shown.finish();
  return { stderr: stderr.text(), stdout: stdout.text() };
}

describe('a long generate shows how far it is', () => {
  test('on a terminal: one line redrawn with the count, the share done and the time left', () => {
    const { stderr: text, stdout } = run(true, {});
    expect(stdout).toBe('');
    expect(text).toContain('generate: 3 to write, 1 unchanged\n');
    expect(text).toContain('\r\x1b[2Kgenerate 1/3 (33%) · a: written by the built-in writer');
    // After two packs in two seconds, one more takes about a second.
    expect(text).toContain('generate 2/3 (66%) · 1.0/s · about 1 s left · b: secret found');
    expect(text).toContain('generate 3/3 (100%)');
    // A failure stays on screen; the live line is cleared at the end.
    expect(text).toContain('b: secret found\n');
    expect(text.endsWith('\r\x1b[2K')).toBe(true);
  });

  test('in a log (no terminal, or CI=true): a line for the stage and one per failure on stdout, no redraws', () => {
    for (const { stderr, stdout } of [run(false, {}), run(true, { CI: 'true' })]) {
      expect(stdout).toBe('generate: 3 to write, 1 unchanged\nb: secret found\n');
      expect(stderr).toBe('');
    }
  });

  test('CI is only a CI runner when it says so', () => {
    expect(isLive({ isTTY: true, write: () => true }, { CI: 'false' })).toBe(true);
    expect(isLive({ isTTY: true, write: () => true }, { CI: '1' })).toBe(false);
    expect(isLive({ isTTY: false, write: () => true }, {})).toBe(false);
  });

  test('the estimate waits for a rate and reads like a person would say it', () => {
    expect(secondsLeft(1, 100, 5000)).toBeNull();
    expect(secondsLeft(10, 100, 500)).toBeNull();
    expect(secondsLeft(50, 5000, 25_000)).toBe(2475);
    expect(formatDuration(2475)).toBe('41 min 15 s');
    expect(formatDuration(42)).toBe('42 s');
    expect(formatDuration(3900)).toBe('1 h 5 min');
  });
});
