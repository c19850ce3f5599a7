/**
 * SVG as a tree: the images are built with xastscript and serialised here by xast-util-to-xml,
 * so incident text is only ever a text node or an attribute value, escaped by construction,
 * never markup.
 */
import { toXml } from 'xast-util-to-xml';
import type { Element, ElementContent } from 'xast';

/** A coordinate or length as an attribute value: whole numbers as they are, others to tenths of a px. */
export const n = (value: number): string =>
  Number.isInteger(value) ? String(value) : value.toFixed(1);

/** What one line of an SVG file holds: an element, or the elements one text line is drawn as. */
export type Line = Element | Element[];

/**
 * The children of a root `<svg>`: each line after a line break, and a break before the end tag,
 * so the file reads one element (group) per line in a diff.
 */
export function onLines(lines: Line[]): (Element | string)[] {
  return [...lines.flatMap((line) => ['\n', ...[line].flat()]), '\n'];
}

const OPTIONS = { closeEmptyElements: true, tightClose: true } as const;

// What xast-util-to-xml 4 removes from every text and value, and what it escapes in each kind
// of string, as `&#x..;` (stringify-entities' basic format).
// eslint-disable-next-line no-control-regex -- control characters are what is removed
const NONCHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;
const IN_TEXT = /[&<]/g;
const IN_VALUE = /[<&"]/g;
const IN_NAME = /[\t\n "&'/<=>]/g;
/** Each set with the non-characters: most strings have none of either, and are kept as they are. */
const either = (unsafe: RegExp) => new RegExp(`${NONCHARACTER.source}|${unsafe.source}`);
const ANY_IN = new Map([IN_TEXT, IN_VALUE, IN_NAME].map((unsafe) => [unsafe, either(unsafe)]));
const reference = (character: string): string =>
  `&#x${character.charCodeAt(0).toString(16).toUpperCase()};`;
const escape = (value: string, unsafe: RegExp): string =>
  ANY_IN.get(unsafe)?.test(value) === false
    ? value
    : value.replace(NONCHARACTER, '').replace(unsafe, reference);

/**
 * An element serialised exactly as xast-util-to-xml does with OPTIONS, for the two node kinds
 * the images are made of (elements and text); any other node goes to the library. The library
 * builds a new regular expression for every attribute value it escapes (its subset array is
 * new each time, so stringify-entities' cache never hits): with its entity encoding that was
 * 6% of a cold build's main thread. tests/svg-text-is-escaped-like-xast-util-to-xml.test.ts
 * checks both give the same bytes.
 */
function serialise(node: ElementContent): string {
  if (node.type === 'text') return escape(node.value, IN_TEXT);
  if (node.type !== 'element') return toXml(node, OPTIONS);
  const name = escape(node.name, IN_NAME);
  let content = '';
  for (const child of node.children) content += serialise(child);
  let attributes = '';
  for (const [key, value] of Object.entries(node.attributes ?? {})) {
    if (value === null || value === undefined) continue;
    attributes += ` ${escape(key, IN_NAME)}="${escape(String(value), IN_VALUE)}"`;
  }
  return content ? `<${name}${attributes}>${content}</${name}>` : `<${name}${attributes}/>`;
}

/**
 * An SVG file: elements with no content close themselves (`<rect/>`); a newline ends it.
 * @returns the same text as xast-util-to-xml's `toXml(svg, OPTIONS)`, and a newline.
 */
export function svgFile(svg: Element): string {
  return `${serialise(svg)}\n`;
}
