import fc from 'fast-check';
import type { Root } from 'mdast';
import type { MdxJsxTextElement } from 'mdast-util-mdx';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import { analyzeSource } from '../src/pipeline/analyze-source.js';
import { toMarkdownText, toMdxText } from '../src/pipeline/render/markdown.js';
import { postmortemTree } from '../src/pipeline/render/postmortem-tree.js';
import { timelineEntryIds } from '../src/pipeline/render/timeline-entry-ids.js';
import { writeBuiltin } from '../src/pipeline/write/builtin/builtin-writer.js';
import type { Facts } from '../src/schemas/facts.js';
import { sourceFromText } from './helpers/source.js';

function incident(timeline: string[]): Facts {
  const { facts, diagnostics } = analyzeSource(
    sourceFromText(
      [
        '---',
        'title: Checkout errors',
        'date: 2026-03-01',
        'timezone: Europe/Berlin',
        'severity: P2',
        'status: resolved',
        '---',
        '',
        '## Timeline',
        '',
        ...timeline,
        '',
      ].join('\n'),
    ),
  );
  if (!facts) throw new Error(diagnostics.map((d) => d.message).join('; '));
  return facts;
}

const TIMELINE = [
  '2026-03-01 14:05 CET [PagerDuty] CRITICAL: checkout error rate 12%',
  '2026-03-01 14:05 CET [Slack] @ana acknowledged, investigating',
  '2026-03-01 14:20 CET [Slack] Rolled back checkout to v4.1',
  '2026-03-02 00:15 CET [PagerDuty] Incident resolved',
];

/** The ids and link targets of the timeline entries in the page's MDX, in order. */
function mdxEntryLinks(facts: Facts): { id: string; href: string; text: string }[] {
  const mdx = toMdxText(postmortemTree(facts, writeBuiltin(facts), { body: true }));
  const tree = unified().use(remarkParse).use(remarkGfm).use(remarkMdx).parse(mdx) as Root;
  const links: { id: string; href: string; text: string }[] = [];
  const visit = (node: { type: string; children?: unknown[] }) => {
    if (node.type === 'mdxJsxTextElement') {
      const element = node as MdxJsxTextElement;
      const attribute = (name: string) =>
        element.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name)?.value;
      links.push({
        id: String(attribute('id')),
        href: String(attribute('href')),
        text: element.children.map((c) => ('value' in c ? c.value : '')).join(''),
      });
    }
    for (const child of node.children ?? []) visit(child as { type: string; children?: [] });
  };
  visit(tree);
  return links;
}

describe('each timeline entry on the incident page has an id and a link to itself', () => {
  test('ids name the clock in the incident zone; a repeated minute is numbered; another day leads with its date', () => {
    expect(timelineEntryIds(incident(TIMELINE))).toEqual([
      't-14-05',
      't-14-05-2',
      't-14-20',
      't-2026-03-02-00-15',
    ]);
  });

  test('an untimed entry is named by its line in the file', () => {
    const facts = incident([TIMELINE[0]!, '(overnight) cache warmed', TIMELINE[2]!]);
    expect(facts.events.map((event) => [event.line, event.time === null])).toEqual([
      [11, false],
      [12, true],
      [13, false],
    ]);
    expect(timelineEntryIds(facts)).toEqual(['t-14-05', 't-line-12', 't-14-20']);
    expect(mdxEntryLinks(facts)[1]).toEqual({
      id: 't-line-12',
      href: '#t-line-12',
      text: 'overnight',
    });
  });

  test("the page's MDX links each entry's time to the entry; postmortem.md stays plain", () => {
    const facts = incident(TIMELINE);
    // The zone's name depends on the runtime's ICU data (CET or UTC+01:00).
    const shown = (time: string) =>
      expect.stringMatching(new RegExp(`^${time} (CET|UTC\\+01:00)$`));
    expect(mdxEntryLinks(facts)).toEqual([
      { id: 't-14-05', href: '#t-14-05', text: shown('Mar 1 14:05') },
      { id: 't-14-05-2', href: '#t-14-05-2', text: shown('Mar 1 14:05') },
      { id: 't-14-20', href: '#t-14-20', text: shown('Mar 1 14:20') },
      { id: 't-2026-03-02-00-15', href: '#t-2026-03-02-00-15', text: shown('Mar 2 00:15') },
    ]);
    const markdown = toMarkdownText(postmortemTree(facts, writeBuiltin(facts)));
    expect(markdown).toMatch(/- \*\*Mar 1 14:05 \S+\*\* — \\\[PagerDuty\] CRITICAL/);
    expect(markdown).not.toMatch(/<a |t-14-05/);
  });

  test('adding a line elsewhere in the timeline leaves the other entries their links', () => {
    const before = timelineEntryIds(incident(TIMELINE));
    const edited = [
      TIMELINE[0]!,
      '2026-03-01 14:09 CET [Datadog] p99 latency 4.2 s',
      ...TIMELINE.slice(1),
    ];
    const after = timelineEntryIds(incident(edited));
    expect(after).toEqual([before[0], 't-14-09', ...before.slice(1)]);
  });

  test('ids are unique and the same on every build, for any timeline', () => {
    const minute = fc.record({ hour: fc.integer({ min: 0, max: 23 }), min: fc.constantFrom(0, 5) });
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ day: fc.integer({ min: 1, max: 2 }), at: minute, timed: fc.boolean() }),
          { minLength: 1, maxLength: 12 },
        ),
        (rows) => {
          const pad = (n: number) => String(n).padStart(2, '0');
          const lines = rows.map(({ day, at, timed }, i) =>
            timed
              ? `2026-03-0${day} ${pad(at.hour)}:${pad(at.min)} UTC event ${i}`
              : `- (overnight) event ${i}`,
          );
          // Untimed lines need a timed one to anchor the timeline.
          const facts = incident(['2026-03-01 00:00 UTC first alert', ...lines]);
          const ids = timelineEntryIds(facts);
          expect(ids).toHaveLength(facts.events.length);
          expect(new Set(ids).size).toBe(ids.length);
          for (const id of ids) expect(id).toMatch(/^t-[a-z0-9-]+$/);
          expect(
            timelineEntryIds(incident(['2026-03-01 00:00 UTC first alert', ...lines])),
          ).toEqual(ids);
        },
      ),
      { numRuns: 60 },
    );
  });
});
