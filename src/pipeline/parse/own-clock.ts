/**
 * Whether a pasted timeline keeps its own clock: its lines open with their times. A time read
 * from something pasted into such a timeline (a mail's `Sent:` header, what a `date` command
 * printed) says when that mail was sent or that command ran, on whatever clock that machine or
 * mail client had, not when the timeline's events happened: it stamps no line (the brief of
 * issue 10: stamps that are not event times).
 */
import type { Block, SourceLine } from './document.js';
import { isStampProblem, readStamp } from './time.js';

/** A list marker, a table's pipe or a chat log's bracket before a line's time. */
const LEAD = /^\s*(?:[-*+•]\s+|\|\s*|\[)?/u;

/**
 * Whether a line opens with a clock time and says something after it (`09:12 alert: ...`,
 * `- 2:10 PM pagerduty: ...`, `[14:03] <kai> ...`, `| 10:14 | Datadog | ... |`).
 */
export function opensWithItsTime(text: string): boolean {
  const stamp = readStamp(text.replace(LEAD, ''));
  return (
    stamp !== null &&
    !isStampProblem(stamp) &&
    stamp.time !== null &&
    /[\p{L}\p{N}]/u.test(stamp.rest.replace(/^[\]\s|:–—-]+/u, ''))
  );
}

/** Whether any of `lines` before `index` opens with its own time (see `opensWithItsTime`). */
export function keepsItsOwnClock(lines: readonly SourceLine[], index: number): boolean {
  return lines.slice(0, Math.max(0, index)).some((line) => opensWithItsTime(line.text));
}

/** A mail's send-time field, quoted or not: `Date: Thu, 12 Mar 2026 18:40:00 +0000`, `Sent: ...`. */
const SEND_TIME_FIELD = /^\s*(?:>\s*)*(?:date|sent)\s*:\s*(\S.*)$/i;

/**
 * The blocks without the send-time fields (`Date:`, `Sent:`) of mails pasted into a timeline
 * that keeps its own clock: such a field says when the mail was sent, on its sender's clock,
 * and would stamp the lines under it and move the day of the bare times after it. A field
 * before the timeline's first own time is left to the mail readers (a mail pasted alone, a
 * thread of status mails, whose send times are their events).
 */
export function withoutForeignSendTimes(blocks: readonly Block[]): Block[] {
  let clocked = false;
  return blocks
    .map((block) => ({
      lines: block.lines.filter((line) => {
        const field = SEND_TIME_FIELD.exec(line.text);
        const stamp = field ? readStamp(field[1] ?? '') : null;
        const sendTime = stamp !== null && !isStampProblem(stamp) && stamp.time !== null;
        if (clocked && sendTime) return false;
        if (opensWithItsTime(line.text)) clocked = true;
        return true;
      }),
    }))
    .filter((block) => block.lines.length > 0);
}
