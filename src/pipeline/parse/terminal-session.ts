/**
 * A terminal session pasted as the timeline (a tmux or `script` history, a scratch log), where the
 * clock is read by running `date` and every command and `#` note after it happened at that
 * reading, until the next one. Rewritten, keeping line numbers: the `date` command and its output
 * are no event; each prompt line after a reading becomes `<reading> [host] command or note`, and a
 * command's output lines go on with its message, except the rows of a table of ages (`kubectl
 * get events`' `LAST SEEN`), which are events that long before the reading. Lines before the
 * first reading stay as pasted.
 */
import { DateTime, Duration } from 'luxon';
import type { Block, SourceLine } from './document.js';
import { keepsItsOwnClock } from './own-clock.js';
import { isStampProblem, readStamp } from './time.js';

/**
 * A shell prompt: `user@host:~$ `, `[root@host dir]# `, `host% `, or a bare `$ `; oh-my-zsh's
 * `➜  repo git:(main) ✗ `, a two-line theme's `❯ `, PowerShell's `PS C:\ops> `. The host, when
 * the prompt shows one, is kept as the line's source.
 */
const PROMPT =
  /^\s*(?:\(\S+\)\s+)?(?:\[?[\w.-]+@([\w-]+)[\w.-]*(?::\S*|\s+\S+)?\]?\s?[$#%>]|\$|➜\s+\S+(?:\s+git:\([^)]*\))?(?:\s+✗)?|❯|PS [A-Z]:\\[^>]*>)\s(.*)$/u;
/** The command that reads the clock (`date`, `date -u`, `date --rfc-3339=seconds`, PowerShell's `Get-Date`). */
const DATE_COMMAND =
  /^(?:(?:sudo\s+)?date(?:\s+-{1,2}[\w=-]+)*|get-date(?:\s+-\w+(?:\s+\S+)?)*)\s*$/i;
/** ctime, as `date` prints by default: `Tue Jan 31 22:00:57 UTC 2017`. */
const CTIME =
  /^\s*[A-Z][a-z]{2}\s+([A-Z][a-z]{2})\s+(\d{1,2})\s+(\d{1,2}:\d{2}:\d{2})\s+(?:([A-Z]{2,5}|[+-]\d{4})\s+)?(\d{4})\s*$/;

/** A clock reading: its wall-clock fields (held in a UTC DateTime) and its zone as written. */
interface Reading {
  wall: DateTime;
  zone: string;
}

/** A reading written as the stamp a timeline line starts with, `minus` an age before it. */
function stampOf(reading: Reading, minus: Duration | null = null): string {
  const wall = minus ? reading.wall.minus(minus) : reading.wall;
  return `${wall.toFormat('yyyy-MM-dd HH:mm:ss')}${reading.zone ? ` ${reading.zone}` : ''}`;
}

/** What `date` printed, as a reading; null when it is no clock reading. */
export function dateOutput(text: string): Reading | null {
  const ctime = CTIME.exec(text);
  if (ctime) {
    const [, month = '', day = '', clock = '', zone = '', year = ''] = ctime;
    const wall = DateTime.fromFormat(`${year} ${month} ${day} ${clock}`, 'yyyy MMM d H:mm:ss', {
      locale: 'en-US',
      zone: 'UTC',
    });
    return wall.isValid ? { wall, zone } : null;
  }
  const rfc = DateTime.fromRFC2822(text.trim(), { setZone: true });
  if (rfc.isValid)
    return { wall: rfc.setZone('UTC', { keepLocalTime: true }), zone: rfc.toFormat('ZZ') };
  const stamp = readStamp(text);
  if (!stamp || isStampProblem(stamp) || !stamp.time || !stamp.date?.year || stamp.rest !== '')
    return null;
  const wall = DateTime.fromObject(
    { year: stamp.date.year, month: stamp.date.month, day: stamp.date.day, ...stamp.time },
    { zone: 'UTC' },
  );
  return wall.isValid ? { wall, zone: stamp.zone ?? '' } : null;
}

/** The reading a prompt line running `date` gives with the line after it, or null. */
function clockReading(command: SourceLine, output: SourceLine | undefined): Reading | null {
  const prompt = PROMPT.exec(command.text);
  if (!prompt || !DATE_COMMAND.test(prompt[2]?.trim() ?? '') || !output) return null;
  return dateOutput(output.text);
}

/** The blocks without their `date` commands and what they printed, every other line as pasted. */
function withoutReadings(blocks: readonly Block[]): Block[] {
  return blocks
    .map((block) => ({
      lines: block.lines.filter(
        (line, i) =>
          clockReading(line, block.lines[i + 1]) === null &&
          !(i > 0 && clockReading(block.lines[i - 1] as SourceLine, line) !== null),
      ),
    }))
    .filter((block) => block.lines.length > 0);
}

/**
 * The header of a command's table whose first column is an age (`kubectl get events`' `LAST
 * SEEN`, `AGE`): each row happened that long before the reading.
 */
const AGE_HEADER = /^\s*(?:LAST\s?SEEN|AGE)\s{2,}\S/;
/** A row's age as kubectl prints it (`47m`, `2m30s`, `3h12m`, `5d`), and the rest of the row. */
const AGE_ROW = /^\s*((?:\d+[dhms]){1,3})\s{2,}(\S.*)$/;

function ageOf(written: string): Duration {
  const parts: Record<string, number> = {};
  for (const [, amount = '0', unit = 's'] of written.matchAll(/(\d+)([dhms])/g))
    parts[{ d: 'days', h: 'hours', m: 'minutes', s: 'seconds' }[unit] ?? 'seconds'] =
      Number(amount);
  return Duration.fromObject(parts);
}

/**
 * The section's blocks with a terminal session's lines stamped by its `date` readings (see the
 * module comment); the blocks as they were when no prompt line runs `date` and prints a time.
 */
export function readTerminalSession(blocks: readonly Block[]): Block[] {
  const all = blocks.flatMap((block) => block.lines);
  const first = all.findIndex((line, i) => clockReading(line, all[i + 1]) !== null);
  if (first < 0) return [...blocks];
  // A session pasted into a chat that keeps its own clock: the machine's `date` is not the
  // chat's clock (another zone, a later run). Its readings are dropped and stamp nothing.
  if (keepsItsOwnClock(all, first)) return withoutReadings(blocks);
  let reading: Reading | null = null;
  /** Inside a table whose rows are ages before the reading. */
  let aged = false;
  return blocks
    .map((block) => {
      const lines: SourceLine[] = [];
      for (let i = 0; i < block.lines.length; i++) {
        const line = block.lines[i] as SourceLine;
        const read = clockReading(line, block.lines[i + 1]);
        if (read) {
          reading = read;
          i++;
          continue;
        }
        const prompt = PROMPT.exec(line.text);
        const row = aged && !prompt ? AGE_ROW.exec(line.text) : null;
        aged = (aged && row !== null) || (reading !== null && AGE_HEADER.test(line.text));
        if (reading === null) lines.push(line);
        else if (aged && !row) continue;
        else if (row) {
          const at = stampOf(reading, ageOf(row[1] ?? ''));
          lines.push({
            number: line.number,
            text: `${at} ${(row[2] ?? '').replace(/\s{2,}/g, ' ')}`,
          });
        } else if (prompt) {
          const said = (prompt[2] ?? '').replace(/^#\s*/, '').trim();
          const host = prompt[1] ? `[${prompt[1]}] ` : '';
          if (said !== '')
            lines.push({ number: line.number, text: `${stampOf(reading)} ${host}${said}` });
        } else if (lines.length > 0)
          lines.push({ number: line.number, text: `    ${line.text.trim()}` });
        else lines.push(line);
      }
      return { lines };
    })
    .filter((block) => block.lines.length > 0);
}
