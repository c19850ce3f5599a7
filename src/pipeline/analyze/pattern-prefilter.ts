/**
 * Which of a list of regular expressions can match a text at all, told cheaply. Each pattern is
 * parsed once (with `@eslint-community/regexpp`) into the set of strings, up to three code units
 * long, that every match must begin with ("fail", "5xx" and "errors?" begin with "fai", "5xx",
 * "err"). One pass over the text through a trie of those beginnings marks the patterns worth
 * running; the others cannot match, so skipping them changes no result. The cue engine reads
 * every clause of every line against some seventy cues, and most cues cannot match a given clause:
 * this pass costs about what one of those regular expressions costs.
 *
 * The filter is conservative by construction: where a pattern's beginning cannot be told (a
 * `.`, `\s`, `\p{L}`, a negated class, a back-reference) the filter uses a part every match must
 * contain instead (`^\s*resolved` contains "resolved"), and a pattern with no such part is always
 * run. Case-insensitive patterns are compared with letters folded to lower case: ASCII and
 * Latin-1 letters, plus the letters outside those that `/iu` folds onto them (U+017F long s,
 * U+0178 Ÿ, U+212A Kelvin sign, U+212B Angstrom sign); kana and CJK ideographs have no case. Any
 * other letter in such a pattern ends the beginning there (tests/pattern-prefilter.test.ts checks
 * the folding against the regular-expression engine itself, over every code point).
 */
import { parseRegExpLiteral, type AST } from '@eslint-community/regexpp';

/** How many code units of each beginning are tracked: enough to tell most words apart. */
const DEPTH = 5;
/** Past this many beginnings a pattern is always run (a class like `[a-z]{3}` would explode). */
const MAX_BEGINNINGS = 4096;

/** Beginning → whether the match may go on past it with characters not tracked ("open"). */
type Beginnings = Map<string, boolean>;

const anything = (): Beginnings => new Map([['', true]]);
const nothing = (): Beginnings => new Map([['', false]]);

function add(into: Beginnings, text: string, open: boolean): void {
  into.set(text, (into.get(text) ?? false) || open);
}

/** Kana, CJK punctuation and ideographs: no case, so `/i` compares them as they are. */
const CASELESS = /^[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uff0f]$/u;

/**
 * The code unit a case-insensitive comparison sees: ASCII and Latin-1 capitals lowered, and the
 * four letters outside those that `/iu` takes as one of them. Other code units are kept.
 */
export function foldCodeUnit(code: number): number {
  if ((code >= 65 && code <= 90) || (code >= 0xc0 && code <= 0xde && code !== 0xd7))
    return code + 32;
  switch (code) {
    case 0x17f:
      return 115; // ſ is s
    case 0x178:
      return 0xff; // Ÿ is ÿ
    case 0x212a:
      return 107; // K (Kelvin) is k
    case 0x212b:
      return 0xe5; // Å (Angstrom) is å
    default:
      return code;
  }
}

/** Whether `/iu` compares `codePoint` only with the code points {@link foldCodeUnit} maps onto it. */
export function foldable(codePoint: number): boolean {
  if (codePoint <= 0x7f) return true;
  // ß also matches ẞ (U+1E9E), µ matches μ: left out.
  if (codePoint >= 0xc0 && codePoint <= 0xfe)
    return codePoint !== 0xd7 && codePoint !== 0xdf && codePoint !== 0xf7;
  return CASELESS.test(String.fromCodePoint(codePoint));
}

function character(codePoint: number, fold: boolean, room: number): Beginnings {
  let text = String.fromCodePoint(codePoint);
  if (fold) {
    if (!foldable(codePoint)) return anything();
    text = String.fromCharCode(foldCodeUnit(codePoint));
  }
  return text.length > room ? new Map([[text.slice(0, room), true]]) : new Map([[text, false]]);
}

const DIGITS = '0123456789';

function characterClass(node: AST.CharacterClass, fold: boolean, room: number): Beginnings {
  if (node.negate || node.unicodeSets) return anything();
  const out: Beginnings = new Map();
  for (const element of node.elements) {
    let part: Beginnings;
    if (element.type === 'Character') part = character(element.value, fold, room);
    else if (
      element.type === 'CharacterClassRange' &&
      element.max.value - element.min.value < 128
    ) {
      part = new Map();
      for (let c = element.min.value; c <= element.max.value; c++)
        for (const [text, open] of character(c, fold, room)) add(part, text, open);
    } else if (element.type === 'CharacterSet' && element.kind === 'digit' && !element.negate)
      part = new Map([...DIGITS].map((d) => [d, false]));
    else return anything();
    if (part.has('')) return anything();
    for (const [text, open] of part) add(out, text, open);
  }
  return out;
}

function ofAlternatives(
  alternatives: readonly AST.Alternative[],
  fold: boolean,
  room: number,
): Beginnings {
  const out: Beginnings = new Map();
  for (const alternative of alternatives)
    for (const [text, open] of ofSequence(alternative.elements, fold, room)) add(out, text, open);
  return out;
}

/** Beginnings already found, per element and room (a pattern's suffixes share their elements). */
let known = new WeakMap<AST.Element, Map<number, Beginnings>>();

function ofElement(node: AST.Element, fold: boolean, room: number): Beginnings {
  let byRoom = known.get(node);
  if (!byRoom) known.set(node, (byRoom = new Map()));
  let found = byRoom.get(room);
  if (!found) byRoom.set(room, (found = readElement(node, fold, room)));
  return found;
}

function readElement(node: AST.Element, fold: boolean, room: number): Beginnings {
  switch (node.type) {
    case 'Character':
      return character(node.value, fold, room);
    case 'CharacterClass':
      return characterClass(node, fold, room);
    case 'CharacterSet':
      return node.kind === 'digit' && !node.negate
        ? new Map([...DIGITS].map((d) => [d, false]))
        : anything();
    case 'Assertion':
      // Zero-width: `^`, `$`, `\b`, lookarounds consume nothing.
      return nothing();
    case 'CapturingGroup':
      return ofAlternatives(node.alternatives, fold, room);
    case 'Group':
      // `(?i:...)` changes how its letters compare: not tracked.
      return node.modifiers ? anything() : ofAlternatives(node.alternatives, fold, room);
    case 'Quantifier': {
      if (node.max === 0) return nothing();
      const inner = ofElement(node.element, fold, room);
      const out: Beginnings = new Map();
      // A repeated element may be followed by itself: what comes after it is not tracked.
      for (const [text, open] of inner) add(out, text, open || node.max > 1);
      if (node.min === 0) add(out, '', false);
      return out;
    }
    default:
      return anything();
  }
}

function ofSequence(elements: readonly AST.Element[], fold: boolean, room: number): Beginnings {
  let so: Beginnings = nothing();
  for (const element of elements) {
    const next: Beginnings = new Map();
    for (const [text, open] of so) {
      if (open || text.length >= room) {
        add(next, text, open);
        continue;
      }
      for (const [more, moreOpen] of ofElement(element, fold, room - text.length))
        add(next, text + more, moreOpen);
    }
    so = next;
    if (so.size > MAX_BEGINNINGS) return anything();
  }
  return so;
}

/** How good a filter a set of strings makes: its shortest string, then how few it has. */
function quality(strings: readonly string[] | null): number {
  if (!strings) return -Infinity;
  return Math.min(...strings.map((s) => s.length)) * 1e6 - strings.length;
}

function better(a: string[] | null, b: string[] | null): string[] | null {
  return quality(b) > quality(a) ? b : a;
}

/**
 * Strings one of which every match of the alternatives contains (not necessarily at its start):
 * each alternative's best, or `null` when one of them has none.
 */
function containedInAlternatives(
  alternatives: readonly AST.Alternative[],
  fold: boolean,
): string[] | null {
  const out = new Set<string>();
  for (const alternative of alternatives) {
    const found = containedInSequence(alternative.elements, fold);
    if (!found) return null;
    for (const text of found) out.add(text);
  }
  return out.size > MAX_BEGINNINGS ? null : [...out];
}

function containedInSequence(elements: readonly AST.Element[], fold: boolean): string[] | null {
  // Four code units tell most words apart: good enough to stop looking.
  const enough = (found: string[] | null) => quality(found) >= 4e6 - MAX_BEGINNINGS;
  let best: string[] | null = null;
  // A match of the sequence contains a match of every group in it that is not optional...
  for (const element of elements)
    if (element.type === 'CapturingGroup' || (element.type === 'Group' && !element.modifiers)) {
      best = better(best, containedInAlternatives(element.alternatives, fold));
      if (enough(best)) return best;
    }
  // ...and of every suffix of it.
  for (let start = 0; start < elements.length && !enough(best); start++) {
    const found = ofSequence(elements.slice(start), fold, DEPTH);
    if (!found.has('') && found.size <= MAX_BEGINNINGS) best = better(best, [...found.keys()]);
  }
  return best;
}

/**
 * The strings (up to {@link DEPTH} code units) one of which every match of `pattern` contains,
 * compared case-folded (`fold`) for an `i` pattern; `null` when any text may match.
 */
export function beginningsOf(pattern: RegExp): { fold: boolean; beginnings: string[] } | null {
  const fold = pattern.flags.includes('i');
  let literal: AST.RegExpLiteral;
  try {
    literal = parseRegExpLiteral(pattern);
  } catch {
    return null;
  }
  known = new WeakMap();
  const found = containedInAlternatives(literal.pattern.alternatives, fold);
  return found ? { fold, beginnings: found } : null;
}

interface TrieNode {
  next: Map<number, TrieNode>;
  /** Patterns one of whose beginnings ends here. */
  ends: number[];
}

const trieNode = (): TrieNode => ({ next: new Map(), ends: [] });

function insert(root: TrieNode, text: string, index: number): void {
  let node = root;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let child = node.next.get(code);
    if (!child) node.next.set(code, (child = trieNode()));
    node = child;
  }
  if (!node.ends.includes(index)) node.ends.push(index);
}

function mark(text: string, root: TrieNode, fold: boolean, may: Uint8Array): void {
  for (let start = 0; start < text.length; start++) {
    let node: TrieNode | undefined = root;
    for (let i = start; i < text.length && i < start + DEPTH; i++) {
      const code = text.charCodeAt(i);
      node = node.next.get(fold ? foldCodeUnit(code) : code);
      if (!node) break;
      for (const index of node.ends) may[index] = 1;
    }
  }
}

/**
 * Texts read before the filter is built: parsing ~70 patterns costs about what reading a few
 * hundred clauses does, so one small incident (a CLI run, a cold pack) reads them all and never
 * pays for it, while a batch or a long timeline builds it early and saves the rest.
 */
const BUILD_AFTER = 400;

/**
 * The filter for `patterns`, built after `buildAfter` calls (until then every pattern is worth
 * running). The returned function gives, for a text, the indexes (ascending) of the patterns that
 * may match it; no other pattern can (`pattern.test(text)` is false for it, from `lastIndex` 0).
 * The array is reused by the next call.
 */
export function prefilter(
  patterns: readonly RegExp[],
  { buildAfter = BUILD_AFTER }: { buildAfter?: number } = {},
): (text: string) => readonly number[] {
  const all = patterns.map((_, index) => index);
  let calls = 0;
  let filter: ((text: string) => readonly number[]) | null = null;
  return (text) => {
    if (!filter) {
      if (calls++ < buildAfter) return all;
      filter = buildFilter(patterns);
    }
    return filter(text);
  };
}

function buildFilter(patterns: readonly RegExp[]): (text: string) => readonly number[] {
  const always: number[] = [];
  const foldRoot = trieNode();
  const exactRoot = trieNode();
  let folds = false;
  let exacts = false;
  patterns.forEach((pattern, index) => {
    const found = beginningsOf(pattern);
    if (!found) {
      always.push(index);
      return;
    }
    for (const text of found.beginnings) insert(found.fold ? foldRoot : exactRoot, text, index);
    if (found.fold) folds = true;
    else exacts = true;
  });
  const may = new Uint8Array(patterns.length);
  const worth: number[] = [];
  return (text) => {
    for (const index of always) may[index] = 1;
    if (folds) mark(text, foldRoot, true, may);
    if (exacts) mark(text, exactRoot, false, may);
    worth.length = 0;
    for (let index = 0; index < may.length; index++)
      if (may[index] === 1) {
        worth.push(index);
        may[index] = 0;
      }
    return worth;
  };
}

/** `patterns.some((p) => p.test(text))`, skipping the patterns that cannot match. */
export function anyOf(
  patterns: readonly RegExp[],
  options: { buildAfter?: number } = {},
): (text: string) => boolean {
  const may = prefilter(patterns, options);
  return (text) => may(text).some((index) => patterns[index]?.test(text) === true);
}
