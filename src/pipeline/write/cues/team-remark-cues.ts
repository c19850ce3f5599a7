/**
 * What responders say to each other, not about the incident: "my paste got cut off", "(ignore
 * this)", "cc @lena", "ping me if it comes back", a link to a dashboard or a runbook, a Slack
 * channel's name, "lol", "+1". Blind judges found these in published texts (issue 12). A
 * `remark` is a whole clause said to the team: the clause goes. An `aside` is a part of a clause
 * (a cc, a link with its label, a laugh): the part goes, the clause stays. Read by
 * `internal-notes.ts` (withoutTeamRemarks) before anything public is written; the postmortem,
 * the team's record, keeps the lines as written.
 */
import type { Cue } from './cue.js';

export type TeamRemarkSignal = 'remark' | 'aside';

/** What a label before a link names: "graphs:", "runbook:", "see". */
const LINK_LABEL = String.raw`(?:see|graphs?|dashboards?|runbooks?|playbooks?|logs?|log query|query|jira|tickets?|thread|wiki|docs?|notebook|traces?|grafana|kibana|datadog|splunk|sentry|details|more)(?:\s+(?:here|at|in))?\s*:?\s*`;

export const TEAM_REMARK_CUES: readonly Cue<TeamRemarkSignal>[] = [
  {
    id: 'chat-reply',
    signal: 'remark',
    weight: 3,
    reason:
      'A clause that is only a chat reply ("lol", "+1", "same", "thx", "nice") says nothing a reader outside can use.',
    pattern:
      /^\W*(?:lol|lmao|rofl|haha\w*|hehe|\+1|same(?: here)?|ty|thx|thanks?(?: (?:all|everyone|team|folks))?|nice|cool|lgtm|yay|oof|ugh|sigh|brb|nvm|k)\W*$/i,
    examples: {
      match: ['+1', 'lol', 'haha.', 'thanks all!', 'nvm'],
      noMatch: ['same errors in eu-west', 'thanks to the cache, reads held'],
    },
  },
  {
    id: 'paste-remark',
    signal: 'remark',
    weight: 3,
    reason:
      'A remark about the paste or the message itself ("my paste got cut off", "test message", "ignore this", "sorry for the mess") is about the chat, not the incident.',
    pattern:
      /\b(?:my paste|paste (?:got |was )?cut off|got cut off|(?:this|my) (?:message|note|paste) (?:got|was) (?:cut|truncated)|test message|ignore (?:this|that|me|the above|the last one)|disregard (?:this|that|the above)|wrong (?:channel|thread)|sorry for the (?:mess|noise|spam)|will (?:write|clean) (?:it|this) up(?: properly)? later)\b/i,
    examples: {
      match: [
        'my paste got cut off',
        '(ignore this) test message',
        'sorry for the mess',
        'will write it up properly later',
      ],
      noMatch: ['the upload was cut off at 90%', 'we ignored the retry budget'],
    },
  },
  {
    id: 'call-to-a-colleague',
    signal: 'remark',
    weight: 3,
    reason:
      'A request to a colleague ("ping me if it comes back", "let me know if", "ask Omar for access") addresses the team, not the reader.',
    pattern:
      /\b(?:(?:ping|dm|page|call|tag|slack) me\b|let me know (?:if|when)\b|ask [\p{L}@.-]+ (?:for access|about it|for the link)\b)/iu,
    examples: {
      match: ['ping me if it comes back', 'ask Omar for access', 'let me know if it spikes'],
      noMatch: ['customers were asked to sign in again', 'support pinged engineering'],
    },
  },
  {
    id: 'chat-channel',
    signal: 'remark',
    weight: 3,
    reason:
      'A pointer to a chat channel ("see the thread in #inc-exports-0610", "discussed in #sre-push") names the team\'s room; a reader outside cannot open it.',
    pattern:
      /(?:^|\s)(?:in|see|on|to|from|at|join|into)\s+(?:the\s+)?(?:(?:thread|discussion|channel)\s+in\s+)?#[a-z][\w-]*[a-z0-9]\b/i,
    examples: {
      match: ['see the thread in #inc-exports-0610', 'Discussed in #sre-push', 'join #incident-42'],
      noMatch: ['PR #12 merged', 'ticket #4711 closed'],
    },
  },
  {
    id: 'cc',
    signal: 'aside',
    weight: 3,
    reason: 'A cc to colleagues ("cc @lena", "(cc: dana, omar)") routes the message in chat.',
    pattern:
      /(?:[,;]\s*|\s+[-–—]\s+|\s+|^)\(?\bcc(?::\s*|\s+(?=@))@?[\w.-]+(?:\s*(?:,|and)\s*@?[\w.-]+)*\)?/i,
    examples: {
      match: ['exports time out, cc @lena', 'restarted it (cc: dana, omar)'],
      noMatch: ['the cc field of the mail', 'a 250cc engine'],
    },
  },
  {
    id: 'laughter',
    signal: 'aside',
    weight: 2,
    reason: 'A laugh after a finding ("held by the nightly vacuum lol") is chat tone.',
    pattern: /[,;]?\s+(?:lol|lmao|rofl|haha\w*|hehe)(?=\W*$)/i,
    examples: {
      match: ['held by the nightly vacuum lol', 'it was DNS again, haha'],
      noMatch: ['lollipop builds', 'the lol-service'],
    },
  },
  {
    id: 'internal-link',
    signal: 'aside',
    weight: 3,
    reason:
      'A link to a dashboard, a runbook, a ticket or a chat thread, with its label ("runbook: https://…", "graphs: https://…"), is internal; left behind, the label alone ("…, runbook") reads as a cut sentence.',
    pattern: new RegExp(
      String.raw`(?:[,;]\s*|\s+[-–—]\s+|\s+\(?|^\W*)(?:${LINK_LABEL})?<?\bhttps?:\/\/[^\s>)]+>?\)?`,
      'i',
    ),
    examples: {
      match: [
        'restarted the workers, runbook: https://wiki.corp.example.com/runbooks/exports',
        'graphs: https://grafana.corp.example.com/d/exports',
        'Dashboard: https://datadog.internal/dash/push',
      ],
      noMatch: ['the runbook said to restart', 'status page updated'],
    },
  },
  {
    id: 'aside-to-the-team',
    signal: 'aside',
    weight: 3,
    reason:
      'An aside in brackets to the team ("(ignore the first panel)", "(ask Omar for access)", "(sorry)") is a note between colleagues.',
    // "(ignore, that was the scheduled load test)" says the line was a false alarm: that is
    // about the incident and stays.
    pattern:
      /\s*\((?:(?:ignore|disregard) (?:this|me|that one|the [\w -]{1,30})|nvm|sorry|lol|(?:ask|ping|dm|cc) [^)]{1,40})\)/i,
    examples: {
      match: ['graphs (ignore the first panel)', 'Dashboard (ask Omar for access).'],
      noMatch: [
        'errors (about 40%)',
        'the ignore list (robots.txt)',
        'CPU > 90% (ignore, that was the scheduled load test)',
      ],
    },
  },
];
