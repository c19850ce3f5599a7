/**
 * The postmortem as an mdast tree. Both the Markdown and the MDX files are serialized from
 * this one tree, so any text from the input is a text node and comes out literally.
 */
import type { BlockContent, ListItem, PhrasingContent, Root, RootContent, TableRow } from 'mdast';
import type { MdxJsxTextElement } from 'mdast-util-mdx';
import type { Facts, TimelineEvent } from '../../schemas/facts.js';
import { MILESTONE_NAMES } from '../../schemas/front-matter.js';
import type {
  ActionItem,
  Origin,
  Postmortem,
  ProseSection,
  Section,
} from '../../schemas/postmortem.js';
import {
  formatDate,
  formatMinutes,
  formatTime,
  formatUsers,
  spansDays,
} from '../format/format-figures.js';
import { milestoneLabel } from '../format/milestones.js';
import { humanBlocks, humanInline } from './human-markdown.js';
import { gapText, PAGE_EVENT_LIMIT, shownEvents } from './shown-events.js';
import { timelineEntryIds } from './timeline-entry-ids.js';

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const strong = (value: string): PhrasingContent => ({ type: 'strong', children: [text(value)] });
const paragraph = (...children: PhrasingContent[]): BlockContent => ({
  type: 'paragraph',
  children,
});
const heading = (depth: 1 | 2 | 3, value: string): RootContent => ({
  type: 'heading',
  depth,
  children: [text(value)],
});
const item = (...children: PhrasingContent[]): ListItem => ({
  type: 'listItem',
  spread: false,
  children: [paragraph(...children)],
});
const list = (items: ListItem[]): BlockContent => ({
  type: 'list',
  ordered: false,
  spread: false,
  children: items,
});

function inline(value: string, origin: Origin): PhrasingContent[] {
  return origin === 'human' ? humanInline(value) : [text(value)];
}

function sectionBlocks(section: Section): RootContent[] {
  if (section.origin === 'human') {
    return [
      ...section.paragraphs.flatMap((p) => humanBlocks(p)),
      ...(section.bullets.length
        ? [list(section.bullets.map((b) => item(...humanInline(b))))]
        : []),
    ];
  }
  return [
    ...section.paragraphs.map((p) => paragraph(text(p))),
    ...(section.bullets.length ? [list(section.bullets.map((b) => item(text(b))))] : []),
  ];
}

/** A milestone's label inside a sentence: `cause identified`. */
const inProse = (name: string): string => milestoneLabel(name).toLowerCase();

/** `[Source] actor:` unless the text already names the actor (`@sarah acknowledged`). */
export function eventPrefix(event: TimelineEvent): string {
  const named =
    event.actor && (event.text.startsWith(`@${event.actor}`) || event.text.startsWith(event.actor));
  return [event.source ? `[${event.source}]` : '', event.actor && !named ? `${event.actor}:` : '']
    .filter(Boolean)
    .join(' ');
}

type EvidenceName = keyof NonNullable<Facts['evidence']>;

/**
 * The confidence of a milestone the analysis inferred (not pinned, not high), or null. The
 * /new/ page marks its milestone rows with it too (src/browser/paste-to-pack.ts).
 */
export function inferred(facts: Facts, name: string): string | null {
  const evidence = facts.evidence?.[name as EvidenceName];
  return evidence && evidence.confidence !== 'high' && evidence.cue !== 'front-matter'
    ? evidence.confidence
    : null;
}

/**
 * "Inferred from the timeline, not stated: Mitigated from line 25 (medium confidence); ...", so
 * a reviewer sees in the pull request which figures rest on a guess and which line to check.
 * The postmortem is published, so it names no author instruction (issue 12).
 */
function inferredNote(facts: Facts): RootContent[] {
  const named = MILESTONE_NAMES.flatMap((name) => {
    const sure = inferred(facts, name);
    const line = facts.evidence?.[name as EvidenceName]?.line;
    return sure && line ? [`${inProse(name)} from line ${line} (${sure} confidence)`] : [];
  });
  if (named.length === 0) return [];
  return [
    paragraph(
      { type: 'emphasis', children: [text('Inferred from the timeline, not stated:')] },
      // How to pin a wrong one is for the author, so it is `check`'s hint, not the postmortem's.
      text(` ${named.join('; ')}.`),
    ),
  ];
}

/**
 * One timeline line. With `id` (the site page's MDX) its time is a link to itself carrying the
 * entry's id, so a reviewer can link that line; postmortem.md has no ids.
 */
function timelineItem(
  event: TimelineEvent,
  facts: Facts,
  withDay: boolean,
  id: string | null,
): ListItem {
  const marks = Object.entries(facts.milestones)
    .filter(([, milestone]) => milestone.line === event.line)
    .map(([name]) => {
      const label = inProse(name);
      const sure = inferred(facts, name);
      return sure ? `${label}, inferred: ${sure} confidence` : label;
    });
  const when = event.time
    ? `${event.approximate ? '~' : ''}${formatTime(event.time, facts, withDay)}${event.endTime ? `–${formatTime(event.endTime, facts)}` : ''}`
    : (event.timeLabel ?? 'untimed');
  const who = eventPrefix(event);
  const children: PhrasingContent[] = [
    id ? { type: 'strong', children: [selfLink(id, when)] } : strong(when),
    text(` — ${who ? `${who} ` : ''}${event.text}`),
  ];
  if (marks.length)
    children.push(text(' '), { type: 'emphasis', children: [text(`(${marks.join(', ')})`)] });
  return item(...children);
}

function table(rows: string[][]): RootContent {
  const cell = (value: string) => ({ type: 'tableCell' as const, children: [text(value)] });
  const row = (values: string[]): TableRow => ({ type: 'tableRow', children: values.map(cell) });
  return {
    type: 'table',
    align: (rows[0] ?? []).map(() => 'left' as const),
    children: rows.map(row),
  };
}

/** The four response figures; a figure the timeline does not give reads "not stated". */
function metricsTable(facts: Facts): RootContent {
  const figure = (minutes: number | null) =>
    minutes === null ? 'not stated' : formatMinutes(minutes);
  return table([
    ['Time to detect', 'Time to acknowledge', 'Time to mitigate', 'Time to resolve'],
    [
      facts.timeToDetectMinutes,
      facts.timeToAcknowledgeMinutes,
      facts.timeToMitigateMinutes,
      facts.timeToResolveMinutes,
    ].map(figure),
  ]);
}

function actionItemsTable(items: readonly ActionItem[]): RootContent {
  const cell = (children: PhrasingContent[]) => ({ type: 'tableCell' as const, children });
  const plain = (value: string) => cell([text(value)]);
  const header: TableRow = {
    type: 'tableRow',
    children: ['Action', 'Type', 'Priority', 'Owner', 'Ticket', 'Status'].map(plain),
  };
  return {
    type: 'table',
    align: ['left', 'left', 'left', 'left', 'left', 'left'],
    children: [
      header,
      ...items.map((action): TableRow => ({
        type: 'tableRow',
        children: [
          cell(inline(action.text, action.origin)),
          plain(action.type),
          plain(action.priority),
          plain(action.owner ?? '—'),
          plain(action.ticket ?? '—'),
          plain(action.status),
        ],
      })),
    ],
  };
}

const SECTION_TITLES: Record<Exclude<ProseSection, 'messageToUsers'>, string> = {
  summary: 'Summary',
  impact: 'Impact',
  trigger: 'Trigger',
  rootCause: 'Root cause',
  detection: 'Detection',
  response: 'Response and recovery',
  lessons: 'Lessons learned',
};

/**
 * " Milestones chosen by gpt-4o-mini among the analyzer's candidate lines: resolved (line 13)."
 * for milestones a model settled; empty when none.
 */
function modelMilestones(facts: Facts): string {
  const placed = Object.entries(facts.evidence ?? {}).flatMap(([name, evidence]) =>
    evidence?.source === 'model' && evidence.model ? [{ name, evidence }] : [],
  );
  const cleared = (facts.settled ?? []).filter((s) => s.outcome === 'applied' && !s.answer);
  if (placed.length === 0 && cleared.length === 0) return '';
  const models = [
    ...new Set([
      ...placed.map(({ evidence }) => evidence.model?.name ?? ''),
      ...cleared.map((s) => s.model),
    ]),
  ];
  const parts = [
    ...placed.map(({ name, evidence }) => `${name} (line ${evidence.line})`),
    ...cleared.map((s) => `${s.milestone} (not stated)`),
  ];
  return ` Milestones chosen by ${models.join(', ')} among the analyzer's candidate lines: ${parts.join(', ')}.`;
}

function origins(document: Postmortem): string {
  const named: [string, Origin][] = [
    ...(Object.keys(SECTION_TITLES) as (keyof typeof SECTION_TITLES)[])
      .filter((name) => !isEmpty(document[name]))
      .map((name): [string, Origin] => [SECTION_TITLES[name].toLowerCase(), document[name].origin]),
    ['action items', document.actionItems[0]?.origin ?? 'builtin'],
    ['message to users', document.messageToUsers.origin],
  ];
  const by = (origin: Origin) => named.filter(([, o]) => o === origin).map(([name]) => name);
  const label: Record<Origin, string> = {
    human: 'the incident team',
    builtin: 'the built-in writer',
    openai: 'the LLM writer',
  };
  return (['human', 'openai', 'builtin'] as const)
    .filter((origin) => by(origin).length)
    .map((origin) => `${label[origin]} (${by(origin).join(', ')})`)
    .join('; ');
}

/** `<a id="t-14-05" href="#t-14-05">14:05 UTC</a>`: an MDX element, so only in the MDX file. */
function selfLink(id: string, label: string): MdxJsxTextElement {
  return {
    type: 'mdxJsxTextElement',
    name: 'a',
    attributes: [
      { type: 'mdxJsxAttribute', name: 'id', value: id },
      { type: 'mdxJsxAttribute', name: 'href', value: `#${id}` },
      { type: 'mdxJsxAttribute', name: 'title', value: 'Link to this entry' },
    ],
    children: [text(label)],
  };
}

/**
 * The timeline as a list; on the site page a long one is summarised (shown-events.ts) and each
 * entry has an id (timeline-entry-ids.ts).
 */
function timelineList(
  facts: Facts,
  withDay: boolean,
  limit: number,
  withIds: boolean,
): RootContent[] {
  const rows = shownEvents(facts, limit);
  const ids = withIds ? timelineEntryIds(facts) : [];
  const items = rows.map((row) =>
    row.type === 'event'
      ? timelineItem(row.event, facts, withDay, ids[row.index] ?? null)
      : item({ type: 'emphasis' as const, children: [text(gapText(row.count))] }),
  );
  return [list(items)];
}

const isEmpty = (section: Section) =>
  section.paragraphs.every((p) => !p.trim()) && section.bullets.length === 0;

/**
 * "10:05 to 10:40 UTC+01:00": when impact started and ended, in the incident's zone, with the day
 * on both ends when it crosses midnight; "since 10:05 UTC" while it is not over. Null without a
 * start. The header says it so a reader need not find it in the Summary (issue 12, round 3).
 */
function impactWindow(facts: Facts): string | null {
  if (!facts.start) return null;
  const end = facts.resolved ?? facts.mitigated;
  if (!end) return `since ${formatTime(facts.start, facts)}`;
  const days = end.slice(0, 10) !== facts.start.slice(0, 10);
  const from = formatTime(facts.start, facts, days);
  const to = formatTime(end, facts, days);
  // "10:05 UTC+01:00 to 10:40 UTC+01:00" names the zone once: "10:05 to 10:40 UTC+01:00".
  const zone = / (\S+)$/.exec(from)?.[1];
  return zone && to.endsWith(` ${zone}`)
    ? `${from.slice(0, -zone.length - 1)} to ${to}`
    : `${from} to ${to}`;
}

/** Date, impact window, duration, impact, severity, incident status, document status, authors; unknowns left out. */
function header(facts: Facts, document: Postmortem): PhrasingContent[] {
  const fields: [string, string | null][] = [
    ['Date', formatDate(facts.date)],
    ['Impact window', impactWindow(facts)],
    ['Duration', facts.durationMinutes === null ? null : formatMinutes(facts.durationMinutes)],
    [
      'Impact',
      // The writer's line says what users saw; a pack written before it had only the count.
      document.impactInBrief ??
        (facts.usersAffected === null
          ? null
          : typeof facts.usersAffected === 'number'
            ? `${formatUsers(facts.usersAffected)} users`
            : facts.usersAffected),
    ],
    ['Severity', facts.severity],
    ['Incident status', facts.status],
    ['Document status', facts.documentStatus],
    ['Authors', facts.authors.length ? facts.authors.join(', ') : null],
  ];
  return fields
    .filter((field): field is [string, string] => field[1] !== null)
    .flatMap(([label, value], index) => [
      ...(index ? [text(' · ')] : []),
      strong(`${label}:`),
      text(` ${value}`),
    ]);
}

/**
 * The postmortem document as one mdast tree. `body` is the site page's MDX: no title, header or
 * figures table (the page shows them), a long timeline summarised, and each timeline entry an
 * element with an id and a link to itself.
 */
export function postmortemTree(
  facts: Facts,
  document: Postmortem,
  options: { body?: boolean } = {},
): Root {
  const withDay = spansDays(facts);
  const children: RootContent[] = options.body
    ? []
    : [heading(1, document.title), paragraph(...header(facts, document)), metricsTable(facts)];
  const proseSection = (name: keyof typeof SECTION_TITLES) =>
    isEmpty(document[name])
      ? []
      : [heading(2, SECTION_TITLES[name]), ...sectionBlocks(document[name])];
  children.push(
    ...proseSection('summary'),
    ...proseSection('impact'),
    ...proseSection('trigger'),
    ...proseSection('rootCause'),
    ...proseSection('detection'),
    ...proseSection('response'),
    heading(2, 'Timeline'),
    paragraph(
      text(
        `Times are in ${facts.timezone}. Impact ${facts.start ? `started ${formatTime(facts.start, facts, true)}` : 'start not stated'}; ${facts.resolved ? `resolved ${formatTime(facts.resolved, facts, true)}` : 'resolution not stated'}.`,
      ),
    ),
    ...inferredNote(facts),
    ...timelineList(
      facts,
      withDay,
      options.body ? PAGE_EVENT_LIMIT : Infinity,
      options.body === true,
    ),
    ...proseSection('lessons'),
    heading(2, 'Action items'),
  );
  if (document.actionItems.length) children.push(actionItemsTable(document.actionItems));
  else children.push(paragraph(text('No action items have been recorded yet.')));
  const rationales = document.actionItems.filter((a) => a.origin !== 'human' && a.rationale.trim());
  if (rationales.length)
    children.push(
      list(
        rationales.map((action) =>
          item(strong(`${action.text}:`), text(' '), {
            type: 'emphasis',
            children: [text(action.rationale)],
          }),
        ),
      ),
    );
  children.push(heading(2, 'To our users'), ...sectionBlocks(document.messageToUsers));
  // The notes are the team's working text ("do not publish the header name", who said what):
  // the writer reads them into the sections above; they are not published as they are.
  children.push(
    { type: 'thematicBreak' },
    paragraph({
      type: 'emphasis',
      children: [
        text(
          `Written by ${origins(document)}.${modelMilestones(facts)} Generated by IncidentPost from ${facts.file}.`,
        ),
      ],
    }),
  );
  return { type: 'root', children };
}
