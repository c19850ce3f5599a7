/**
 * facts.json, the facts as the site reads them (FactsSchema), sized in proportion to the
 * timeline. Pretty-printed whole, a 1 MiB paste of 16,000 short lines came out at 9.6 MB: 80%
 * of it was each event's field names, indentation and empty fields, repeated per line. Here
 * each event and each impact figure is one line of compact JSON, and an event leaves out the
 * fields that have their schema default (`endTime`, `timeLabel`, `source`, `actor`: null;
 * `approximate`: false), which FactsSchema.parse puts back: the parsed facts are the same.
 */
import type { Facts, TimelineEvent } from '../../schemas/facts.js';

/** Event fields FactsSchema fills in when absent, with the value it fills in. */
const EVENT_DEFAULTS = {
  endTime: null,
  timeLabel: null,
  approximate: false,
  source: null,
  actor: null,
} as const satisfies Partial<TimelineEvent>;

function withoutDefaults(event: TimelineEvent): Partial<TimelineEvent> {
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(event)) {
    if (
      Object.hasOwn(EVENT_DEFAULTS, key) &&
      EVENT_DEFAULTS[key as keyof typeof EVENT_DEFAULTS] === value
    )
      continue;
    kept[key] = value;
  }
  return kept;
}

/** A list of records, one compact JSON line each, indented as a top-level field's value. */
const oneLineEach = (items: readonly unknown[]): string =>
  items.length === 0
    ? '[]'
    : `[\n${items.map((item) => `    ${JSON.stringify(item)}`).join(',\n')}\n  ]`;

/**
 * The text of facts.json: an object with the fields of `facts` in their order, two-space
 * indented, `events` and `impact` one record to a line. `FactsSchema.parse(JSON.parse(text))`
 * gives `facts` back.
 */
export function factsJson(facts: Facts): string {
  // Fields that are undefined are left out, as JSON.stringify leaves them out.
  const fields = Object.entries(facts).flatMap(([key, value]) => {
    if (value === undefined) return [];
    const body =
      key === 'events'
        ? oneLineEach(facts.events.map(withoutDefaults))
        : key === 'impact'
          ? oneLineEach(facts.impact)
          : JSON.stringify(value, null, 2).replaceAll('\n', '\n  ');
    return [`  ${JSON.stringify(key)}: ${body}`];
  });
  return `{\n${fields.join(',\n')}\n}\n`;
}
