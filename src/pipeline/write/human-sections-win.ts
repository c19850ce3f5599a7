/**
 * Human-written sections always win over both writers: this is applied to every document,
 * whoever drafted it.
 */
import type { Facts } from '../../schemas/facts.js';
import type { Postmortem, Section } from '../../schemas/postmortem.js';
import { readsAsFollowUps } from './builtin/follow-ups.js';
import { publicTitle } from './builtin/public-sentence.js';

/** Splits human Markdown into paragraphs and top-level list items, keeping each verbatim. */
export function humanSection(markdown: string): Section {
  const paragraphs: string[] = [];
  const bullets: string[] = [];
  for (const block of markdown.split(/\n\s*\n/)) {
    const lines = block.split('\n');
    if (
      lines.every((line) => /^\s*(?:[-*+]|\d{1,3}[.)])\s+/.test(line) || /^\s{2,}\S/.test(line))
    ) {
      for (const line of lines) {
        const item = /^\s*(?:[-*+]|\d{1,3}[.)])\s+(.*)$/.exec(line);
        if (item && !/^\s{2,}/.test(line)) bullets.push(item[1] ?? '');
        else if (bullets.length) bullets[bullets.length - 1] += ` ${line.trim()}`;
      }
    } else paragraphs.push(block.trim());
  }
  return { origin: 'human', paragraphs, bullets };
}

/** The sections a human may write; the HN post and thread are always derived from them. */
export type PostmortemBody = Omit<Postmortem, 'hnPost' | 'twitterThread'>;

/**
 * A human `## Summary`, `## Impact`, `## Trigger`, `## Root cause`, `## Detection`,
 * `## Mitigations` or `## Lessons learned` replaces the writer's section (Mitigations fills
 * Response and recovery). The team's action items are filed with
 * the writer's items by the built-in writer, so they are not touched here.
 */
export function withHumanSections<T extends PostmortemBody>(document: T, facts: Facts): T {
  const pick = (human: { markdown: string } | null, drafted: Section): Section =>
    human ? humanSection(human.markdown) : drafted;
  return {
    ...document,
    // The heading is published: a paste's header ("FireHydrant · INC-412 · …") is no title.
    title: publicTitle(facts.title, facts.date),
    summary: pick(facts.human.summary, document.summary),
    impact: pick(facts.human.impact, document.impact),
    trigger: pick(facts.human.trigger, document.trigger),
    rootCause: pick(facts.human.rootCause, document.rootCause),
    detection: pick(facts.human.detection, document.detection),
    // A "## Remediation" that lists plans is action items (filed by the writer), not recovery.
    response:
      facts.human.mitigations && readsAsFollowUps(facts.human.mitigations.markdown)
        ? document.response
        : pick(facts.human.mitigations, document.response),
    lessons: pick(facts.human.lessons, document.lessons),
  };
}
