/**
 * Syslog lines as a collector forwards them: RFC 5424 (`<165>1 2026-05-04T03:12:09.003Z db-1
 * postgres 2211 - - FATAL: ...`) and RFC 3164 (`<34>Oct 11 22:14:15 mymachine su: ...`). The
 * priority in angle brackets hides the stamp from the line readers, and 5424's process id,
 * message id and structured data are not words a person reads as the event. Rewritten, keeping
 * line numbers, to `<stamp> <host> <app>: <message>`. Source: RFC 5424 section 6 (the header,
 * `-` for a value not given) and RFC 3164 section 4.1.
 */
import type { Block } from './document.js';

/** PRI VERSION TIMESTAMP HOSTNAME APP-NAME PROCID MSGID STRUCTURED-DATA [MSG] (RFC 5424 6). */
const RFC5424 =
  /^\s*<\d{1,3}>1 (\d{4}-\d{2}-\d{2}T\S+) (\S+) (\S+) \S+ \S+ (?:-|(?:\[(?:[^\]\\]|\\.)*\])+)(?: \uFEFF?(.*))?$/;
/** PRI then a BSD timestamp (`Oct 11 22:14:15`) (RFC 3164 4.1.2). */
const RFC3164 = /^\s*<\d{1,3}>(?=[A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} )/;

/** One syslog line as `<stamp> <host> <app>: <message>`, or null when it is none. */
export function syslogLine(text: string): string | null {
  const full = RFC5424.exec(text);
  if (full) {
    const [, stamp, host, app, message] = full;
    const who = [host, app].filter((part) => part && part !== '-').join(' ');
    return `${stamp} ${who ? `${who}: ` : ''}${(message ?? '').trim()}`;
  }
  const bsd = RFC3164.exec(text);
  return bsd ? text.slice(bsd[0].length) : null;
}

/** The blocks with every syslog line rewritten (see the module comment), keeping line numbers. Pure. */
export function readSyslogLines(blocks: readonly Block[]): Block[] {
  return blocks.map((block) =>
    block.lines.some((line) => /^\s*<\d{1,3}>/.test(line.text))
      ? {
          lines: block.lines.map((line) => ({
            number: line.number,
            text: syslogLine(line.text) ?? line.text,
          })),
        }
      : block,
  );
}
