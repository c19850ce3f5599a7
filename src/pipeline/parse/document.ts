/**
 * Splits an incident file into front matter, sections and blocks, keeping line numbers.
 * Pasted timelines are not reliable Markdown (a `---` under a line makes a setext heading), so
 * structure is read line by line here; Markdown proper is only parsed inside human sections.
 */
export type SectionKind =
  | 'timeline'
  | 'summary'
  | 'impact'
  | 'trigger'
  | 'rootCause'
  | 'detection'
  | 'mitigations'
  | 'lessons'
  | 'actionItems'
  | 'notes';

export interface SourceLine {
  /** 1-based line number in the file. */
  number: number;
  text: string;
}

/** A run of non-blank lines. */
export interface Block {
  lines: SourceLine[];
}

export interface Section {
  kind: SectionKind;
  /** Heading text, or null for the part of the file before any heading. */
  heading: string | null;
  line: number;
  blocks: Block[];
}

export interface IncidentDocument {
  frontMatter: { yaml: string; line: number } | null;
  /** Set when the front matter opens with `---` but never closes. */
  unclosedFrontMatterLine: number | null;
  sections: Section[];
}

const HEADING_KINDS: readonly [RegExp, SectionKind][] = [
  [/root[\s-]*cause|^causes?$|contributing factors/i, 'rootCause'],
  [/^(?:the )?trigger(?:s|ing event)?$|what (?:set it off|triggered)/i, 'trigger'],
  [/^detection\b|how (?:it was|we) (?:detected|noticed|found)|^how we found out/i, 'detection'],
  [/mitigation|remediation|resolution|how we fixed/i, 'mitigations'],
  // Before action items: "Lessons learned" is what went well and wrong, not a to-do list.
  [/lessons|went well|went wrong|got lucky/i, 'lessons'],
  [/action[\s-]*items?|follow[\s-]*ups?|next steps|corrective/i, 'actionItems'],
  [/impact/i, 'impact'],
  [/summary|overview|what happened/i, 'summary'],
  [/^notes?$|context|background|discussion/i, 'notes'],
];

/** Paragraphs that open with a label (`Notes: ...`, `Root cause: ...`) are sections too. */
/**
 * Labels that open a block of their kind: `Root cause: ...`. A follow-up list's label may stand
 * alone on the block's first line, as a document editor copies its heading ("Follow-ups" over
 * its task boxes); a bare "Root cause" or "Lessons" line is left to the writer, which reads the
 * prose under it as notes.
 */
const LABELS: readonly [RegExp, SectionKind][] = [
  [/^\s*(?:\*\*)?notes?(?:\*\*)?\s*:/i, 'notes'],
  [/^\s*(?:\*\*)?root[\s-]*cause(?:\*\*)?\s*:/i, 'rootCause'],
  [/^\s*(?:\*\*)?impact(?:\*\*)?\s*:/i, 'impact'],
  [/^\s*(?:\*\*)?mitigations?(?:\*\*)?\s*:/i, 'mitigations'],
  [/^\s*(?:\*\*)?trigger(?:\*\*)?\s*:/i, 'trigger'],
  [/^\s*(?:\*\*)?detection(?:\*\*)?\s*:/i, 'detection'],
  [/^\s*(?:\*\*)?lessons(?: learned)?(?:\*\*)?\s*:/i, 'lessons'],
  [/^\s*(?:\*\*)?(?:action items?|follow[\s-]*ups?)(?:\*\*)?\s*(?::|$)/i, 'actionItems'],
];

/**
 * A spreadsheet or ticket export whose first column is the row number (`#\tOwner\tTime
 * (UTC)\tEvent`) starts with `#` and a tab, which CommonMark reads as a heading. A person reads a
 * table: the row is tab-separated cells, and the next line has as many. Such a row is the
 * table's header, not a section.
 */
function isTableHeaderRow(text: string, next: string | undefined): boolean {
  if (!/^#{1,6}\t/.test(text)) return false;
  const cells = (line: string) => line.split('\t').length;
  return cells(text) >= 3 && next !== undefined && cells(next) === cells(text);
}

export function sectionKindOfHeading(heading: string): SectionKind {
  for (const [pattern, kind] of HEADING_KINDS) if (pattern.test(heading.trim())) return kind;
  return 'timeline';
}

export function labelKind(line: string): SectionKind | null {
  for (const [pattern, kind] of LABELS) if (pattern.test(line)) return kind;
  return null;
}

export function splitDocument(text: string): IncidentDocument {
  const lines = text.split('\n');
  let index = 0;
  let frontMatter: IncidentDocument['frontMatter'] = null;
  let unclosedFrontMatterLine: number | null = null;
  if (lines[0]?.trim() === '---') {
    const close = lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(line));
    if (close === -1) unclosedFrontMatterLine = 1;
    else {
      frontMatter = { yaml: lines.slice(1, close).join('\n'), line: 2 };
      index = close + 1;
    }
  }
  const sections: Section[] = [];
  let current: Section = { kind: 'timeline', heading: null, line: index + 1, blocks: [] };
  let block: Block | null = null;
  let fence: string | null = null;
  const flush = (): void => {
    if (block && block.lines.length > 0) current.blocks.push(block);
    block = null;
  };
  for (; index < lines.length; index++) {
    const text = lines[index] ?? '';
    const number = index + 1;
    const fenceMatch = /^\s*(```+|~~~+)/.exec(text);
    if (fenceMatch) {
      // Logs pasted inside a code fence are still timeline lines; the fences themselves are not.
      if (fence === null) fence = fenceMatch[1] ?? null;
      else if (text.trim().startsWith(fence)) fence = null;
      continue;
    }
    const heading =
      fence === null && !isTableHeaderRow(text, lines[index + 1])
        ? /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(text)
        : null;
    if (heading) {
      flush();
      if (current.blocks.length > 0 || current.heading !== null) sections.push(current);
      const title = heading[2] ?? '';
      // A level-one heading is the document title, not a section.
      current = {
        kind: heading[1] === '#' ? 'timeline' : sectionKindOfHeading(title),
        heading: title,
        line: number,
        blocks: [],
      };
      continue;
    }
    if (text.trim() === '') {
      flush();
      continue;
    }
    block ??= { lines: [] };
    block.lines.push({ number, text });
  }
  flush();
  if (current.blocks.length > 0 || current.heading !== null) sections.push(current);
  return { frontMatter, unclosedFrontMatterLine, sections };
}
