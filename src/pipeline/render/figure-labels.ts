/**
 * What the timeline figure writes beside an event: the line as a reader takes it in at a glance,
 * without what the paste carried around the words. The figure is read at 960 px with one line
 * per event, so a label that spends its room on a process id, a link's markup or a logfmt record
 * says nothing (issue 12, criterion 10 of the writing rubric: "no raw input artefacts").
 * postmortem.md's Timeline keeps every line as written; this is only for the image.
 */
import { paraphraseRaw } from '../write/builtin/raw-records.js';
import { splitSentences } from '../write/builtin/sentences.js';
import { withoutArtefacts } from '../write/builtin/source-artefacts.js';
import type { TextStyle, Typesetter } from './typeset.js';

/**
 * A syslog or journald line's origin before its message: "db-2 postgres[811]: ",
 * "web-3 systemd[1]: ", "kubelet[2044]: ". The process is the sender, not what happened.
 */
const PROCESS_PREFIX = /^\s*(?:[\w.-]+\s+)?[\w.@/-]+\[\d+\]\s*:\s+(?=\S)/;
/** A Markdown link or image, `[text](target)`, or one whose target went with its URL: its text stays. */
const MARKDOWN_LINK = /!?\[([^\]\n]*)\]\([^)\s]*\)?/g;
/** Strong, struck or code spans: `**down**`, `~~maybe~~`, `` `kubectl` ``: the words stay. */
const MARKDOWN_SPAN = /(\*\*|__|~~|`)(?=\S)([^\n]*?\S)\1/g;
/** Emphasis with one star or underscore around words: `*all* regions`. */
const MARKDOWN_EMPHASIS = /(?<![\w*])([*_])(?=[^\s*_])([^*_\n]*?[^\s*_])\1(?![\w*])/g;
/** A heading's hashes or a quote's marker at the start of the line. */
const MARKDOWN_BLOCK = /^\s*(?:#{1,6}|>)\s+/;
/**
 * An alert's label list run into its line: "Labels: alertname = X cluster = prod-eu" (Alertmanager
 * mail, Prometheus and Grafana notifications), from its heading or its first `key = value`.
 */
const LABEL_LIST = /\s*(?:\b(?:Labels|Annotations|Tags)\s*:\s*)?\b[a-z_][\w.-]*\s+=\s+\S[^]*$/;
/** A `key = value` label, counted: two or more in a line make a list, one is a sentence's "=". */
const LABEL_KEY = /\b[a-z_][\w.-]*\s+=\s+\S/g;

/** `text` without a label list run into it; the text as given when it holds fewer than two labels. */
function withoutLabelList(text: string): string {
  if ((text.match(LABEL_KEY) ?? []).length < 2) return text;
  const cut = text.replace(LABEL_LIST, '').trim();
  return cut || text;
}

/** A typed arrow, `->`, `-->` or `=>`, as the arrow it stands for. */
const TYPED_ARROW = /\s*(?:-{1,2}>|=>)\s*/g;

/**
 * An event's text as the figure reads it, before shownEvents makes it public (so a record's
 * message is read before the public line strips its fields): without an alert's label list run
 * into it, a process prefix or Markdown markup, and with machine output told in words
 * (paraphraseRaw: a logfmt or JSON record, SQL, stack frames).
 */
export function figureSource(text: string): string {
  return paraphraseRaw(
    withoutLabelList(text)
      .replace(PROCESS_PREFIX, '')
      .replace(MARKDOWN_LINK, '$1')
      .replace(MARKDOWN_SPAN, '$2')
      .replace(MARKDOWN_EMPHASIS, '$2')
      .replace(MARKDOWN_BLOCK, ''),
  );
}

/** A bracket left open at the end once what it held went: "SearchZeroResults (", "see [". */
const OPEN_AT_END = /\s*[([{][^)\]}]*$/;

/**
 * `text` (a line figureSource read and shownEvents made public) as the figure shows it: without
 * source-tool artefacts (withoutArtefacts in its sentence form: alert states, badges, handles,
 * links, log levels), a bracket left open by them, and, on a row marked with milestones, a
 * status word the marks already say ("MITIGATED · Mitigated: traffic moved back"). Typed arrows
 * become "→". The text as given when cleaning would leave nothing.
 * @param marked the row's milestone labels, any case (`Mitigated`, `Cause identified`).
 */
export function figureLabel(text: string, marked: readonly string[] = []): string {
  let cleaned = withoutArtefacts(figureSource(text), true)
    .replace(MARKDOWN_LINK, '$1')
    .replace(OPEN_AT_END, '')
    .replace(TYPED_ARROW, ' → ')
    .replace(/^→\s*|\s*→$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const said = marked.flatMap((label) => label.toLowerCase().split(/\s+/));
  const status = /^(\p{L}+)\s*[:–—-]\s+(?=\S)/u.exec(cleaned);
  if (status?.[1] && said.includes(status[1].toLowerCase()))
    cleaned = cleaned.slice(status[0].length);
  return cleaned || text.replace(/\s+/g, ' ').trim();
}

/** Words a first sentence needs to stand for its line ("Rolled back." alone says too little). */
const LEAST_SENTENCE_WORDS = 4;

/**
 * `label` in at most `maxWidth` px of `style`: whole when it fits; else its first sentence when
 * that fits and says something (LEAST_SENTENCE_WORDS); else cut after the last whole word that
 * fits, with an ellipsis. A single word wider than the room is cut between graphemes
 * (Typesetter.wrap). Widths are the fonts' own advances (typeset.ts).
 */
export function shortLabel(
  label: string,
  typesetter: Typesetter,
  style: TextStyle,
  maxWidth: number,
): string {
  if (typesetter.width(label, style) <= maxWidth) return label;
  const [first] = splitSentences(label);
  if (
    first &&
    first.length < label.length &&
    first.split(/\s+/).length >= LEAST_SENTENCE_WORDS &&
    typesetter.width(first, style) <= maxWidth
  )
    return first;
  const room = maxWidth - typesetter.width('…', style);
  // Two lines asked for, the first kept: with one, wrap would cut the first mid-word to fit the rest.
  const [line] = typesetter.wrap(label, style, room, 2);
  return `${(line ?? '').replace(/[\s,;:.·–—-]+$/, '')}…`;
}
