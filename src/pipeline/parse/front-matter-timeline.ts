/**
 * A timeline kept in the front matter as a YAML list, as some templates keep it:
 *
 * ```yaml
 * timeline:
 *   - "09:00 redis-main down alert"
 *   - time: "09:03"
 *     event: ana acknowledged
 * ```
 *
 * Its lines become a timeline section ahead of the body's, keeping their line numbers, so they
 * are read like any other timeline lines (a quoted item loses its quotes; a mapping item is read
 * by yaml-timeline.ts). Pure.
 */
import type { IncidentDocument, SourceLine } from './document.js';

/** `- "09:00 text"` or `- '09:00 text'`: the item as a bullet without its quotes. */
const QUOTED_ITEM = /^(\s*-\s+)(["'])(.*)\2\s*$/;

/** The document with its front matter's `timeline:` list read as a timeline section first. */
export function withFrontMatterTimeline(doc: IncidentDocument): IncidentDocument {
  const frontMatter = doc.frontMatter;
  if (!frontMatter) return doc;
  const yaml = frontMatter.yaml.split('\n');
  const start = yaml.findIndex((line) => /^timeline\s*:\s*$/.test(line));
  if (start < 0) return doc;
  const lines: SourceLine[] = [];
  for (let i = start + 1; i < yaml.length; i++) {
    const text = yaml[i] ?? '';
    // The next top-level key ends the list.
    if (/^\S/.test(text)) break;
    if (!text.trim()) continue;
    lines.push({ number: frontMatter.line + i, text: text.replace(QUOTED_ITEM, '$1$3') });
  }
  const first = lines[0];
  if (!first) return doc;
  return {
    ...doc,
    sections: [
      { kind: 'timeline', heading: null, line: first.number, blocks: [{ lines }] },
      ...doc.sections,
    ],
  };
}
