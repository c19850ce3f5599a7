/**
 * A terminal session pasted as the timeline, in shells other than bash: the prompt is no text,
 * and the clock reading (`date`, PowerShell's `Get-Date`) stamps the lines after it.
 */
import { describe, expect, test } from 'vitest';
import { analyzeSource } from '../src/pipeline/analyze-source.js';
import { sourceFromText } from './helpers/source.js';

describe('a terminal session in other shells', () => {
  test("oh-my-zsh's arrow prompt and PowerShell's Get-Date stamp the lines after them", () => {
    for (const [prompt, command, output] of [
      ['➜  ~', 'date -u', 'Thu Jan 22 19:40:03 UTC 2026'],
      ['PS C:\\ops>', 'Get-Date', 'Thursday, 22 January 2026 19:40:03'],
    ] as const) {
      const { facts } = analyzeSource(
        sourceFromText(
          [
            '---',
            'title: t',
            'timezone: UTC',
            '---',
            `${prompt} ${command}`,
            output,
            `${prompt} # build cache disk full`,
          ].join('\n'),
        ),
      );
      expect(facts?.events.map((e) => `${e.time} ${e.text}`)).toEqual([
        '2026-01-22T19:40:03+00:00 build cache disk full',
      ]);
    }
  });
});
