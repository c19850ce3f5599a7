/**
 * A line without what its source tool left in it (SOURCE_ARTEFACT_CUES, and a table's pipes):
 * the first step of every sentence a reader outside the team sees. publicLine starts with it;
 * publicSentence builds on it.
 */
import { SOURCE_ARTEFACT_CUES } from '../cues/source-artefact-cues.js';

/** Each cue's pattern as a global copy, made once: the table's own patterns stay stateless. */
const STRIPPERS = SOURCE_ARTEFACT_CUES.map((cue) => ({
  pattern: new RegExp(cue.pattern.source, `${cue.pattern.flags.replace('g', '')}g`),
  replace: cue.replace ?? '',
  sentenceOnly: cue.sentenceOnly === true,
}));

/** A cell a status table uses for its state, time or id, not for what happened. */
const BOOKKEEPING_CELL =
  /^(?:investigating|identified|monitoring|resolved|mitigated|update|scheduled|completed?|open|closed|acknowledged|triggered|firing|ok|critical|warning|major|minor|sev\s?\d|p\d|\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]m)?(?:\s*[a-z]{2,5})?|[#\w-]*\d[\w-]*|[-:]+)$/i;

/**
 * A table row ("| Investigating | Elevated errors on the edge network |") as its cells that say
 * something: the state, time and id cells go; what is left is joined with "; ".
 */
function withoutTable(text: string): string {
  if ((text.match(/\|/g) ?? []).length < 2) return text;
  const cells = text
    .split('|')
    .map((cell) => cell.trim())
    .filter((cell) => cell && !BOOKKEEPING_CELL.test(cell));
  return cells.join('; ');
}

/**
 * The line without its source tool's artefacts (SOURCE_ARTEFACT_CUES and a table's pipes), the
 * rest as written; '' when nothing was left. `sentence` for a sentence the writer builds: then
 * the cues kept where a line is shown as a line (a log level) go too.
 */
export function withoutArtefacts(text: string, sentence = false): string {
  let line = withoutTable(text);
  // Twice: a tool's prefix may hide a badge behind it ("[Opsgenie] Alert P1 #Q1ABCD2 …").
  for (let pass = 0; pass < 2; pass++)
    for (const { pattern, replace, sentenceOnly } of STRIPPERS)
      if (sentence || !sentenceOnly)
        line =
          typeof replace === 'string'
            ? line.replace(pattern, replace)
            : line.replace(pattern, (match: string, offset: number, whole: string) =>
                replace(match, offset, whole),
              );
  return line
    .replace(/(?<![\w`])(?:\(\s*\)|\[\s*\])/g, '')
    .replace(/\s+([,;:.!?])/g, '$1')
    .replace(/([,;:])(?=[,;:.!?])/g, '')
    .replace(/^(?:[\s,;:|–—-]|\.(?=\s))+|[\s,;:|–—-]+$/g, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
}
