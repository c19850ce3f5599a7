/**
 * A terminal session pasted as the timeline (a tmux or `script` history, a scratch log), where the
 * clock is read by running `date` and every command and `#` note after it happened at that
 * reading, until the next one. Rewritten, keeping line numbers: the `date` command and its output
 * are no event; each prompt line after a reading becomes `<reading> [host] command or note`, and a
 * command's output lines go on with its message. Lines before the first reading stay as pasted.
 */
import { DateTime } from 'luxon';
import type { Block, SourceLine } from './document.js';
import { isStampProblem, readStamp } from './time.js';

/**
 * A shell prompt: `user@host:~$ `, `[root@host dir]# `, `host% `, or a bare `$ `. The host is
 * kept as the line's source.
 */
const PROMPT =
  /^\s*(?:\(\S+\)\s+)?(?:\[?[\w.-]+@([\w-]+)[\w.-]*(?::\S*|\s+\S+)?\]?\s?[$#%>]|\$)\s(.*)$/;
/** The command that reads the clock (`date`, `date -u`, `date --rfc-3339=seconds`). */
const DATE_COMMAND = /^(?:sudo\s+)?date(?:\s+-{1,2}[\w=-]+)*\s*$/;
/** ctime, as `date` prints by default: `Tue Jan 31 22:00:57 UTC 2017`. */
const CTIME =
  /^\s*[A-Z][a-z]{2}\s+([A-Z][a-z]{2})\s+(\d{1,2})\s+(\d{1,2}:\d{2}:\d{2})\s+(?:([A-Z]{2,5}|[+-]\d{4})\s+)?(\d{4})\s*$/;

/** What `date` printed, as a stamp a timeline line starts with; null when it is no clock reading. */
export function dateOutput(text: string): string | null {
  const ctime = CTIME.exec(text);
  if (ctime) {
    const [, month = '', day = '', clock = '', zone, year = ''] = ctime;
    const date = DateTime.fromFormat(`${year} ${month} ${day}`, 'yyyy MMM d', { locale: 'en-US' });
    return date.isValid ? `${date.toISODate() ?? ''} ${clock}${zone ? ` ${zone}` : ''}` : null;
  }
  const rfc = DateTime.fromRFC2822(text.trim(), { setZone: true });
  if (rfc.isValid) return rfc.toFormat('yyyy-MM-dd HH:mm:ss ZZ');
  const stamp = readStamp(text);
  if (!stamp || isStampProblem(stamp) || !stamp.time || !stamp.date?.year || stamp.rest !== '')
    return null;
  return text.trim();
}

/** The reading a prompt line running `date` gives with the line after it, or null. */
function clockReading(command: SourceLine, output: SourceLine | undefined): string | null {
  const prompt = PROMPT.exec(command.text);
  if (!prompt || !DATE_COMMAND.test(prompt[2]?.trim() ?? '') || !output) return null;
  return dateOutput(output.text);
}

/**
 * The section's blocks with a terminal session's lines stamped by its `date` readings (see the
 * module comment); the blocks as they were when no prompt line runs `date` and prints a time.
 */
export function readTerminalSession(blocks: readonly Block[]): Block[] {
  const all = blocks.flatMap((block) => block.lines);
  if (!all.some((line, i) => clockReading(line, all[i + 1]) !== null)) return [...blocks];
  let reading: string | null = null;
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
        if (reading === null) lines.push(line);
        else if (prompt) {
          const said = (prompt[2] ?? '').replace(/^#\s*/, '').trim();
          const host = prompt[1] ? `[${prompt[1]}] ` : '';
          if (said !== '') lines.push({ number: line.number, text: `${reading} ${host}${said}` });
        } else if (lines.length > 0)
          lines.push({ number: line.number, text: `    ${line.text.trim()}` });
        else lines.push(line);
      }
      return { lines };
    })
    .filter((block) => block.lines.length > 0);
}
