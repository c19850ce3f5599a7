import { describe, expect, test } from 'vitest';
import { analyzeSource } from '../src/pipeline/analyze-source.js';
import { readLine } from '../src/pipeline/analyze/read-line.js';
import { sourceFromText } from './helpers/source.js';

/** A tool acknowledging its own page is not a person taking it (issue 10, kind 4). */
describe('an acknowledgement made by a tool is not an acknowledgement', () => {
  const byTool: [string, string | null, string | null][] = [
    ['Acknowledged by Auto-Ack rule', 'Acknowledged', 'Auto-Ack rule'],
    ['Alert acknowledged by integration Datadog', null, null],
    ['Incident #231 opened and acknowledged automatically for the on-call rota', null, null],
    ['ack', null, 'incident-bot'],
    ['Acknowledged', 'acknowledge', 'Jira Automation'],
    ['alert auto-acknowledged by the escalation policy', null, null],
  ];
  test.each(byTool)('"%s" (state %s, by %s)', (text, state, actor) => {
    expect(readLine(text, state, undefined, actor).scores.acknowledge).toBe(0);
  });

  const byPerson: [string, string | null, string | null][] = [
    ['Acknowledged by Ravi Shah', 'Acknowledged', 'Ravi Shah'],
    // The paging tool posts the line; the person it names took the page.
    ['Acknowledged by Jane Doe', null, 'PagerDuty'],
    ['Tomasz Nowak acknowledged alert', null, null],
    ["Acknowledged by Jane Doe (via escalation policy 'Default')", null, null],
    ['Acknowledged by Jane Doe via PagerDuty', null, 'PagerDuty'],
    ['Alert acknowledged via Slack by Jane Doe', null, 'Opsgenie'],
    ['Tomasz Nowak acknowledged alert #4211', null, 'Opsgenie'],
    ['acking, looking at the dashboards now', null, 'luis'],
  ];
  test.each(byPerson)('"%s" (state %s, by %s) is a person', (text, state, actor) => {
    expect(readLine(text, state, undefined, actor).scores.acknowledge).toBeGreaterThan(0);
  });

  test("a tool's acknowledgement keeps the line's other evidence", () => {
    const reading = readLine('[FIRING] uploads 5xx, acknowledged automatically', null);
    expect(reading.scores.acknowledge).toBe(0);
    expect(reading.scores.detect).toBeGreaterThan(0);
  });

  test('with only a tool acknowledging, "acknowledged" is not stated', () => {
    const { facts } = analyzeSource(
      sourceFromText(
        [
          '---',
          'title: Queue backlog',
          'date: 2026-07-01',
          'timezone: Europe/Warsaw',
          '---',
          '03:10 <pager-bot> [FIRING] billing queue depth > 10k',
          '03:10 <pager-bot> acknowledged by rule "night shift auto-ack"',
          '03:42 <ola> restarted the billing consumers',
          '03:50 <ola> queue back to normal',
        ].join('\n'),
      ),
    );
    expect(facts?.acknowledged).toBeNull();
    expect(facts?.detected).toBe('2026-07-01T03:10:00+02:00');
  });
});
