/**
 * SVG as a tree: the images are built with xastscript and serialised here by xast-util-to-xml,
 * so incident text is only ever a text node or an attribute value, escaped by construction,
 * never markup.
 */
import { toXml } from 'xast-util-to-xml';
import type { Element } from 'xast';

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

/** An SVG file: elements with no content close themselves (`<rect/>`); a newline ends it. */
export function svgFile(svg: Element): string {
  return `${toXml(svg, { closeEmptyElements: true, tightClose: true })}\n`;
}
