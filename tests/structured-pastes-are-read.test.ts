import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeSource } from '../src/pipeline/analyze-source.js';
import { cjkStampLine } from '../src/pipeline/parse/cjk-times.js';
import { sourceFromFixture, sourceFromText } from './helpers/source.js';

const fixture = (name: string) =>
  sourceFromFixture(join(import.meta.dirname, 'fixtures', 'structured-pastes', `${name}.md`));

/** The events of a fixture as `line time text`, after checking it was read without an error. */
function events(name: string): string[] {
  const { facts, diagnostics } = analyzeSource(fixture(name));
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return (facts?.events ?? []).map((event) => `${event.line} ${event.time ?? '-'} ${event.text}`);
}

describe('JSON records pasted from a tool are timeline entries at their event time', () => {
  test('rows `[time, kind, summary]`, newest first, keep their offset and cite their line', () => {
    expect(events('json-rows-newest-first-offset')).toEqual([
      '9 2026-02-11T08:14:00+01:00 error: checkout p99 above 3 s for 5 minutes',
      '8 2026-02-11T08:47:05+01:00 info: feature flag fast-tax switched off by lena',
      '7 2026-02-11T09:02:40+01:00 success: checkout p99 back under 800 ms',
      expect.stringMatching(/^5 - Event rows/) as unknown as string,
    ]);
  });

  test('a row whose time is epoch seconds in another cell than the first', () => {
    expect(events('json-rows-epoch-cell-not-first')).toEqual([
      '4 2026-01-01T06:00:00+00:00 export: nightly export job stuck at 40%, no progress',
      '5 2026-01-01T06:30:00+00:00 ops: restarted the exporter on worker-7',
      '6 2026-01-01T07:00:00+00:00 export: export finished, files delivered',
    ]);
  });

  test('JSON lines: `@timestamp` is the event, `event.ingested` is not; nested message and user', () => {
    const { facts } = analyzeSource(fixture('json-lines-event-time-and-ingest-lag'));
    expect(facts?.events.map((event) => [event.line, event.time, event.actor])).toEqual([
      [6, '2026-06-09T21:40:12+00:00', null],
      [7, '2026-06-09T21:48:00+00:00', 'tomoko'],
      [8, '2026-06-09T22:05:30+00:00', null],
    ]);
    // A log record at error level says so, as a printed log line would.
    expect(facts?.events[0]?.text).toBe('ERROR: bulk rejected: es_rejected_execution_exception');
    expect(facts?.start).toBe('2026-06-09T21:40:12+00:00');
  });

  test('an API reply wrapping its list: `created_at` is the event, `received_at` is not', () => {
    const { facts } = analyzeSource(fixture('api-reply-wrapped-list-received-later'));
    expect(facts?.events.map((event) => [event.line, event.time])).toEqual([
      [10, '2026-07-01T03:10:00-04:00'],
      [16, '2026-07-01T03:14:00-04:00'],
      [23, '2026-07-01T04:02:00-04:00'],
    ]);
    expect(facts?.acknowledged).toBe('2026-07-01T03:14:00-04:00');
  });

  test('an annotation region in epoch milliseconds ends at `timeEnd`: its alert is resolved there', () => {
    expect(events('annotation-region-epoch-millis').sort()).toEqual([
      '7 2026-06-08T10:00:00+00:00 Post-incident: cache warmed, closing',
      '8 2026-06-08T09:05:00+00:00 [FIRING] cache hit ratio < 60% on edge-cache',
      '8 2026-06-08T09:45:00+00:00 [RESOLVED] cache hit ratio < 60% on edge-cache',
    ]);
  });

  test("a resolved alert ends at `endsAt`; a firing alert's `endsAt` is an expiry, not an end", () => {
    expect(events('alert-list-starts-and-ends').sort()).toEqual([
      '6 2026-08-20T13:05:00+00:00 [FIRING] /var/lib/docker above 95% on runner-3',
      '6 2026-08-20T13:50:00+00:00 [RESOLVED] /var/lib/docker above 95% on runner-3',
      '7 2026-08-20T13:12:00+00:00 [FIRING] build queue above 40 jobs',
    ]);
  });

  test('a Slack export (`ts`) and a metric series are left to the readers that know them', () => {
    const { facts } = analyzeSource(
      sourceFromText(
        [
          '---',
          'title: t',
          '---',
          '{"type":"message","user":"U1","text":"api down","ts":"1770110040.000100"}',
          '{"type":"message","user":"U2","text":"api back","ts":"1770112680.000400"}',
        ].join('\n'),
      ),
    );
    expect(facts?.events.map((event) => event.text)).toEqual(['api down', 'api back']);
    const series = analyzeSource(
      sourceFromText(
        ['---', 'date: 2026-01-10', '---', '[[1767247200, "0.5"], [1767247260, "0.7"]]'].join('\n'),
      ),
    );
    expect(series.facts?.events ?? []).toEqual([]);
  });
});

describe('a word in a column of event kinds after the time is text, not an unknown zone', () => {
  test('an on-call timeline with `CHAT` among TRIGGERED, PAGED, ACKED', () => {
    const read = events('oncall-kind-column-chat');
    expect(read[3]).toBe(
      '11 2026-09-14T02:31:44+01:00 CHAT ines: consumer pod deadlocked, deleted it',
    );
    expect(read).toHaveLength(5);
  });

  test('a deploy log with `HALT` among DEPLOY, ROLLBACK, VERIFY', () => {
    expect(events('deploy-log-kind-column-halt').slice(1)).toEqual([
      '6 2026-10-02T07:00:00+00:00 DEPLOY web v812 to 5% canary',
      '7 2026-10-02T07:06:40+00:00 HALT canary error rate 4.1% over budget, rollout paused',
      '8 2026-10-02T07:09:15+00:00 ROLLBACK web v811 restored on the canary',
      '9 2026-10-02T07:20:00+00:00 VERIFY error rate 0.2%, incident over',
    ]);
  });

  test('the same unknown word after the time on most lines is a zone, and an error', () => {
    const { diagnostics } = analyzeSource(
      sourceFromText(
        ['---', 'date: 2026-01-10', '---', '14:00 QXT alert fired', '14:30 QXT resolved'].join(
          '\n',
        ),
      ),
    );
    expect(diagnostics.map((d) => d.code)).toContain('time/unknown-zone');
  });
});

describe('Japanese, Chinese and Korean dates and times are read', () => {
  test.each([
    ['10時02分　決済APIのエラー', '10:02 決済APIのエラー'],
    ['- 午後3時半 再起動', '- 15:30 再起動'],
    ['午前12時5分 deploy', '00:05 deploy'],
    ['2026年4月8日（水）10時02分 発報', '2026-04-08 10:02 発報'],
    ['下午2点05分 订单服务返回500', '14:05 订单服务返回500'],
    ['오후 3시 5분 복구', '15:05 복구'],
    ['１０：０２ 復旧', '10:02 復旧'],
    ['10時頃 調査開始', '~10:00 調査開始'],
    // Durations are no clock time.
    ['3時間後にふりかえり', '3時間後にふりかえり'],
    ['2시간 동안 장애', '2시간 동안 장애'],
  ])('%s → %s', (written, read) => {
    expect(cjkStampLine({ number: 1, text: written }).text).toBe(read);
  });

  test('Japanese notes: 午後 times, 日本時間 as the zone, a 年月日 front-matter date', () => {
    const { facts } = analyzeSource(fixture('japanese-gogo-times'));
    expect(facts?.timezone).toBe('Asia/Tokyo');
    expect(facts?.events.map((event) => event.time)).toEqual([
      '2026-09-30T14:47:00+09:00',
      '2026-09-30T14:52:00+09:00',
      '2026-09-30T15:30:00+09:00',
      '2026-09-30T16:05:00+09:00',
      null,
    ]);
  });

  test('Chinese notes: 下午 times, the date and 北京时间 in the header line', () => {
    expect(events('chinese-xiawu-dian')).toEqual([
      '6 2026-05-03T14:05:00+08:00 订单服务返回500，告警触发',
      '7 2026-05-03T14:09:00+08:00 值班同学确认',
      '8 2026-05-03T14:30:00+08:00 回滚到上一个版本',
      '9 2026-05-03T14:41:00+08:00 错误率恢复正常',
    ]);
  });

  test('Korean notes: 오전 times, the date and 한국 시간 in the header line', () => {
    expect(events('korean-ohu-si-bun')).toEqual([
      '6 2026-06-01T09:12:00+09:00 로그인 API 오류율 급증',
      '7 2026-06-01T09:20:00+09:00 담당자 확인',
      '8 2026-06-01T10:00:00+09:00 세션 서버 재시작, 정상화',
    ]);
  });
});

describe('a timeline of HTML toggles reads each summary as an event and its body as the message', () => {
  test('a Notion export: 12-hour summaries, an untimed toggle kept in order with its list', () => {
    expect(events('notion-toggles-twelve-hour')).toEqual([
      '10 2026-11-19T09:40:00-06:00 uploads start failing Users see "upload failed" on every image. Error rate on /upload jumps to 70%.',
      '17 - mid-morning - digging',
      '19 - bucket policy looks fine',
      '20 - the signing service returns 403 for new keys',
      '25 2026-11-19T11:15:00-06:00 key rotated back We restored the previous signing key; uploads work again.',
    ]);
  });

  test('toggles written on one line with bold times in the summary', () => {
    const { facts } = analyzeSource(fixture('html-details-summary-inline-bold'));
    expect(facts?.events.map((event) => [event.line, event.time])).toEqual([
      [7, '2026-12-08T14:05:00+00:00'],
      [10, '2026-12-08T14:20:00+00:00'],
      [13, '2026-12-08T14:52:00+00:00'],
    ]);
    expect(facts?.events[2]?.text).toBe('lag back under 1 s, incident closed');
    expect(facts?.resolved).toBe('2026-12-08T14:52:00+00:00');
  });
});

describe("a terminal session's `date` readings stamp the commands and notes after them", () => {
  test('`date -R` under a root prompt: notes and commands at the reading, output goes on', () => {
    const { facts } = analyzeSource(fixture('terminal-date-rfc-root-prompt'));
    expect(facts?.events.map((event) => [event.line, event.time, event.source])).toEqual([
      [8, '2026-03-05T14:02:11+00:00', 'web-2'],
      [11, '2026-03-05T14:02:11+00:00', 'web-2'],
      [15, '2026-03-05T14:19:40+00:00', 'web-2'],
      [16, '2026-03-05T14:19:40+00:00', 'web-2'],
    ]);
    expect(facts?.events[0]?.text).toMatch(/^df -i \/var Filesystem .* 100% \/var$/);
    expect(facts?.events[1]?.text).toBe(
      'no inodes left, nginx cannot write its temp files, site returns 500',
    );
  });

  test('ctime readings with a zone (`Mon Oct 12 08:41:03 PDT 2026`) under a user prompt', () => {
    expect(events('terminal-ctime-pacific-notes')).toEqual([
      '6 2026-10-12T08:41:03-07:00 alerts: job queue not draining, checkout confirmations delayed',
      '7 2026-10-12T08:41:03-07:00 kubectl -n jobs get pods | grep -c CrashLoop 17',
      '11 2026-10-12T09:05:27-07:00 kubectl -n jobs rollout undo deploy/workers deployment.apps/workers rolled back',
      '15 2026-10-12T09:22:50-07:00 queue drained, confirmations flowing again',
    ]);
  });
});

describe('a table of ages under a clock reading is dated back from the reading', () => {
  test('`oc get events` ages (1h5m, 58m, 2m30s) before an ISO `date` reading', () => {
    expect(events('age-table-iso-date-oc-events').slice(1)).toEqual([
      '8 2026-05-02T08:25:00+02:00 Warning Evicted pod/search-0 The node was low on resource: ephemeral-storage.',
      '9 2026-05-02T08:32:00+02:00 Warning Evicted pod/search-1 The node was low on resource: ephemeral-storage.',
      '10 2026-05-02T09:27:30+02:00 Normal Pulled pod/search-1 Successfully pulled image "search:4.2"',
    ]);
  });

  test('`kubectl get events` ages (2h, 95m) before a ctime reading in EST, then a note', () => {
    const { facts } = analyzeSource(fixture('age-table-ctime-est-kubectl'));
    expect(facts?.events.map((event) => [event.line, event.time])).toEqual([
      [6, '2026-01-16T18:10:00-05:00'],
      [8, '2026-01-16T16:10:00-05:00'],
      [9, '2026-01-16T16:35:00-05:00'],
      [10, '2026-01-16T17:58:00-05:00'],
      [11, '2026-01-16T18:10:00-05:00'],
    ]);
    expect(facts?.start).toBe('2026-01-16T16:10:00-05:00');
  });
});

test("a zone named in an event's words is left as written; a header's gets its IANA name", () => {
  expect(cjkStampLine({ number: 1, text: '午後3時 日本時間の夕方に再発' }).text).toBe(
    '15:00 日本時間の夕方に再発',
  );
  expect(cjkStampLine({ number: 1, text: '※時刻はすべて日本時間' }).text).toBe(
    '※時刻はすべて日本時間 (Asia/Tokyo)',
  );
});
