/**
 * The postmortem as an mdast tree. Both the Markdown and the MDX files are serialized from
 * this one tree, so any text from the input is a text node and comes out literally.
 */
import type { BlockContent, ListItem, PhrasingContent, Root, RootContent, TableRow } from 'mdast';
import type { Facts, TimelineEvent } from '../../schemas/facts.js';
import {
  PRIORITIES,
  type Origin,
  type Postmortem,
  type Section,
} from '../../schemas/postmortem.js';
import {
  formatDate,
  formatMinutes,
  formatTime,
  formatUsers,
  spansDays,
} from '../write/format-figures.js';
import { humanBlocks, humanInline } from './human-markdown.js';
import { gapText, PAGE_EVENT_LIMIT, shownEvents } from './shown-events.js';

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

const MILESTONE_LABELS: Record<string, string> = {
  start: 'impact starts',
  detected: 'detected',
  acknowledged: 'acknowledged',
  identified: 'cause identified',
  mitigated: 'mitigated',
  resolved: 'resolved',
};

/** `[Source] actor:` unless the text already names the actor (`@sarah acknowledged`). */
export function eventPrefix(event: TimelineEvent): string {
  const named =
    event.actor && (event.text.startsWith(`@${event.actor}`) || event.text.startsWith(event.actor));
  return [event.source ? `[${event.source}]` : '', event.actor && !named ? `${event.actor}:` : '']
    .filter(Boolean)
    .join(' ');
}

function timelineItem(event: TimelineEvent, facts: Facts, withDay: boolean): ListItem {
  const marks = Object.entries(facts.milestones)
    .filter(([, milestone]) => milestone.line === event.line)
    .map(([name]) => MILESTONE_LABELS[name] ?? name);
  const when = event.time
    ? `${event.approximate ? '~' : ''}${formatTime(event.time, facts, withDay)}${event.endTime ? `–${formatTime(event.endTime, facts)}` : ''}`
    : (event.timeLabel ?? 'untimed');
  const who = eventPrefix(event);
  const children: PhrasingContent[] = [
    strong(when),
    text(` — ${who ? `${who} ` : ''}${event.text}`),
  ];
  if (marks.length)
    children.push(text(' '), { type: 'emphasis', children: [text(`(${marks.join(', ')})`)] });
  return item(...children);
}

function metricsTable(facts: Facts): RootContent {
  const cell = (value: string) => ({ type: 'tableCell' as const, children: [text(value)] });
  const row = (values: string[]): TableRow => ({ type: 'tableRow', children: values.map(cell) });
  return {
    type: 'table',
    align: ['left', 'left', 'left', 'left'],
    children: [
      row(['Time to detect', 'Time to acknowledge', 'Time to mitigate', 'Time to resolve']),
      row(
        [
          facts.timeToDetectMinutes,
          facts.timeToAcknowledgeMinutes,
          facts.timeToMitigateMinutes,
          facts.timeToResolveMinutes,
        ].map(formatMinutes),
      ),
    ],
  };
}

function origins(document: Postmortem): string {
  const named: [string, Origin][] = [
    ['summary', document.summary.origin],
    ['impact', document.impact.origin],
    ['root cause', document.rootCause.origin],
    ['mitigations', document.mitigations.origin],
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

/** The timeline as a list; on the site page a long one is summarised (shown-events.ts). */
function timelineList(facts: Facts, withDay: boolean, limit: number): RootContent[] {
  const rows = shownEvents(facts, limit);
  const items = rows.map((row) =>
    row.type === 'event'
      ? timelineItem(row.event, facts, withDay)
      : item({ type: 'emphasis' as const, children: [text(gapText(row.count))] }),
  );
  return [list(items)];
}

export function postmortemTree(
  facts: Facts,
  document: Postmortem,
  options: { body?: boolean } = {},
): Root {
  const withDay = spansDays(facts);
  const header: PhrasingContent[] = [
    strong('Date:'),
    text(` ${formatDate(facts.date)} · `),
    strong('Duration:'),
    text(` ${formatMinutes(facts.durationMinutes)} · `),
    strong('Users affected:'),
    text(` ${formatUsers(facts.usersAffected)} · `),
    strong('Severity:'),
    text(` ${facts.severity ?? 'not stated'} · `),
    strong('Status:'),
    text(` ${facts.status}`),
  ];
  const children: RootContent[] = [
    ...(options.body
      ? []
      : [heading(1, document.title), paragraph(...header), metricsTable(facts)]),
    heading(2, 'Executive summary'),
    ...sectionBlocks(document.summary),
    heading(2, 'Impact'),
    ...sectionBlocks(document.impact),
    heading(2, 'Timeline'),
    paragraph(
      text(
        `Times are in ${facts.timezone}. Impact ${facts.start ? `started ${formatTime(facts.start, facts, true)}` : 'start not stated'}; ${facts.resolved ? `resolved ${formatTime(facts.resolved, facts, true)}` : 'resolution not stated'}.`,
      ),
    ),
    ...timelineList(facts, withDay, options.body ? PAGE_EVENT_LIMIT : Infinity),
    heading(2, 'Root cause'),
    ...sectionBlocks(document.rootCause),
    heading(2, 'Mitigations'),
    ...sectionBlocks(document.mitigations),
    heading(2, 'Action items'),
  ];
  for (const priority of PRIORITIES) {
    const items = document.actionItems.filter((action) => action.priority === priority);
    if (items.length === 0) continue;
    children.push(heading(3, priority));
    children.push(
      list(
        items.map((action) =>
          item(
            ...inline(action.text, action.origin),
            ...(action.origin === 'human'
              ? []
              : [text(' — '), { type: 'emphasis' as const, children: [text(action.rationale)] }]),
          ),
        ),
      ),
    );
  }
  if (document.actionItems.length === 0)
    children.push(paragraph(text('No action items were recorded.')));
  children.push(heading(2, 'To our users'), ...sectionBlocks(document.messageToUsers));
  if (facts.notes.length) {
    children.push(
      heading(2, 'Notes'),
      ...facts.notes.flatMap((note) => humanBlocks(note.markdown)),
    );
  }
  children.push(
    { type: 'thematicBreak' },
    paragraph({
      type: 'emphasis',
      children: [
        text(`Written by ${origins(document)}. Generated by IncidentPost from ${facts.file}.`),
      ],
    }),
  );
  return { type: 'root', children };
}
