import { analyzeSource } from '../../src/pipeline/analyze-source.js';
import { writeBuiltin } from '../../src/pipeline/write/builtin/builtin-writer.js';
import type { Section } from '../../src/schemas/postmortem.js';
import { sourceFromFixture } from './source.js';

/** A section's text as a reader sees it: its paragraphs, then its bullets, a line each. */
export const sectionText = (section: Section): string =>
  [...section.paragraphs, ...section.bullets].join('\n');

/**
 * The built-in writer's postmortem for an incident fixture, with each section a test reads as
 * text, and `published`: everything a reader outside the team sees (HN post, thread, message).
 * @throws when the fixture does not analyze.
 */
export function builtinPackOf(path: string) {
  const { facts } = analyzeSource(sourceFromFixture(path));
  if (!facts) throw new Error(`${path} did not analyze`);
  const document = writeBuiltin(facts);
  return {
    document,
    summary: sectionText(document.summary),
    trigger: sectionText(document.trigger),
    cause: sectionText(document.rootCause),
    detection: sectionText(document.detection),
    response: sectionText(document.response),
    users: sectionText(document.messageToUsers),
    items: document.actionItems,
    published: [
      document.hnPost.body,
      ...document.twitterThread.tweets,
      sectionText(document.messageToUsers),
    ].join('\n'),
  };
}
