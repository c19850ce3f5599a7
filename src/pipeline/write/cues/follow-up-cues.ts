/**
 * Follow-ups the input writes in prose ("next we should load-test X", "Follow-ups: ...",
 * "TODO", "Also: ..."), and how to file each one: its type (detect / mitigate / prevent /
 * process), its priority, whether it is already done.
 */
import type { ActionType, Priority } from '../../../schemas/postmortem.js';
import type { Cue } from './cue.js';

/** A sentence needs this much `follow-up` weight to become an action item. */
export const FOLLOW_UP_THRESHOLD = 2;

export const FOLLOW_UP_CUES: readonly Cue<'follow-up'>[] = [
  {
    id: 'should',
    signal: 'follow-up',
    weight: 3,
    reason: 'The team says what it should or will do next.',
    pattern:
      /\b(?:we|i|you|teams?|they|team \w+|everyone) (?:should|must|need to|needs to|will|are going to|plan to|want to|ought to)\b|\b(?:we'll|we're going to|i'll)\b|^\W*(?:so |and |also )?(?:we are|we're) (?:now |also )?(?:adding|building|introducing|moving|changing|rolling out|working on|planning|reviewing|updating|improving|implementing|migrating|replacing|putting|making|writing|setting up|investing)\b|\bnext (?:we|step)\b|\bneed(?:s)? to (?!be\b)\w+|\bwe need (?:a|an)\b|\blet'?s (?:also )?(?:write|document|file|schedule|automate|audit|review|build|set up|create|make sure|add)\b/i,
    examples: {
      match: [
        'next we should load-test the fraud-rules engine',
        'teams should watch their own apps after critical changes',
        'we need to add an alert',
        'We are adding a config diff review to the deploy tool',
        "we'll page the owning team directly",
        'we need a guard in the reindex job',
        "+1, and let's write a runbook for alias rollback",
      ],
      noMatch: [
        'we rolled back',
        'it should have been caught',
        "ALBs now point at the new ingress (we're migrating off v1)",
      ],
    },
  },
  {
    id: 'label',
    signal: 'follow-up',
    weight: 3,
    reason: 'A label that introduces follow-ups.',
    pattern:
      /^(?:\W*)(?:(?:follow[\s-]*ups?|action items?|next steps?|remediation(?: items?)?)(?:\s+(?:from|of|for|after|in)\s+(?:the\s+)?[\w-]+|\s+so far|\s*\([^()]{1,60}\))?|(?:todo|to do)(?:\s+(?:after|for|from|once)\s+(?:the\s+)?[\w-]+)?|action|ai|a\.i\.|next|next up|fixes|also|afterwards|(?:folge)?ma(?:ß|ss)nahmen|nächste schritte|actions? (?:correctives?|de suivi)|prochaines étapes|acciones(?: correctivas)?|próximos pasos|actiepunten|vervolgstappen)\s*[:\-–—]/i,
    examples: {
      match: [
        'Follow-ups: add a canary',
        'Follow-ups from the postmortem: make the job refuse dev rules',
        'Action: make the script refuse production',
        'Next: add a second SMS provider',
        'Remediation: isolate DNS from other changes',
        'TODO: rotate keys',
        'TODO after this: the alert should page',
        'Maßnahmen: Vault-Prüfung in die Checkliste aufnehmen',
        'Actions correctives : ajouter une alerte',
        'Also: page the DB team',
        'next up - get the fix everywhere',
        'AI: add a canary stage (@dana)',
        'Next steps: alert on queue depth',
      ],
      noMatch: [
        'Notes: it broke',
        'Actions taken: rolled back',
        'Next update when we see recovery',
      ],
    },
  },
  {
    id: 'longer-term',
    signal: 'follow-up',
    weight: 3,
    reason: 'Plans on a horizon are follow-ups.',
    pattern:
      /^(?:\W*)(?:(?:longer[\s-]term|long[\s-]term|going forward|in (?:the )?future|eventually),?\s|later,\s)/i,
    examples: {
      match: [
        'Longer term, move rules evaluation off the request path.',
        'Later, shard the queue.',
      ],
      noMatch: ['It later recovered.', 'later traced to queries pointed at the wrong database'],
    },
  },
  {
    id: 'remediation-under-way',
    signal: 'follow-up',
    weight: 2,
    reason:
      'Work the team says is under way ("rolling the update", "still working on") is an item.',
    pattern:
      /^(?:\W*)(?:still )?(?:changing|rolling(?: out)?|working (?:with|on)|adding|moving|migrating|replacing|upgrading|building|fixing)\b/i,
    examples: {
      match: [
        'rolling the firmware update across the fleet',
        'Still working with the vendors on the bug',
      ],
      noMatch: ['the rollout broke login'],
    },
  },
  {
    id: 'comparative-noun',
    signal: 'follow-up',
    weight: 2,
    reason: 'A note that opens "better X", "more X" names something to build.',
    pattern:
      /^(?:\W*)(?:better|more|faster|bigger|fewer|stronger|automatic|automated)\s+(?!than\b)\w+/i,
    examples: {
      match: ['better circuit breakers for graceful degradation', 'More capacity on the nodes'],
      noMatch: ['More than 500 users were affected'],
    },
  },
  {
    id: 'imperative',
    signal: 'follow-up',
    weight: 2,
    reason: 'A sentence that opens with an imperative verb is a to-do.',
    pattern:
      /^(?:\W*)(?:add|put|move|make|write|fix|load[\s-]?test|test|alert|automate|document|require|enforce|limit|split|replace|upgrade|monitor|track|build|create|audit|rate[\s-]?limit|cap|gate|improve|ensure|update|rotate|teach|train|schedule|deprecate|introduce|implement|adopt|extend|verify|validate|review|investigate|remove|block|page|run|set up|stop|switch|publish|share|define|reduce|increase|separate|isolate|dedupe|retire|size|resize|tune|configure|harden|pin|expose|shard|partition|backfill|archive|consolidate|simplify|enable|disable|throttle|clean up|roll out|require|notify|pre-?warm|warm up|drill|practi[sc]e|benchmark|instrument)\b(?!\s*:)/i,
    examples: {
      match: ['Add an alert on pool saturation', 'load-test the engine'],
      noMatch: ['Added an alert on pool saturation', 'Adding pods helped', 'Alert: pool at 98%'],
    },
  },
  {
    id: 'ticket',
    signal: 'follow-up',
    weight: 1,
    reason: 'A ticket reference marks tracked work.',
    pattern: /\b(?!UTF|ISO|SHA|RFC|TLS)[A-Z][A-Z0-9]{1,9}-\d+\b|\bticket\b/,
    examples: { match: ['OPS-123 add canary stage'], noMatch: ['UTF-8 issue'] },
  },
  {
    id: 'status-promise',
    signal: 'follow-up',
    weight: -3,
    reason:
      'A promise to keep watching, post an update or publish the report ("we\'ll continue monitoring", "we\'ll update when 6.4.1 is live", "share a Post Incident Report") is communication about this incident, not work that prevents the next.',
    pattern:
      /\b(?:continue|keep) (?:on )?(?:monitoring|investigating|watching|to monitor|to investigate|to watch)\b|\b(?:keep|keeping) an eye on\b[^.;]{0,60}\b(?:for the rest of|today|tonight|this (?:afternoon|evening|week)|calling this resolved)\b|\b(?:we'll|we will|will) (?:post |provide |share |send )?(?:an? |more )?(?:update|updates)\b|\bnext update\b|\b(?:share|publish|post)\b[^.;]{0,30}\b(?:post[\s-]?incident report|PIR|postmortem|post-mortem|RCA|analysis)\b|\b(?:post[\s-]?incident report|PIR|RCA)\b[^.;]{0,40}\b(?:share|publish|post)\b/i,
    examples: {
      match: [
        "Resolved - back to normal. We'll continue monitoring.",
        'Publish an analysis of this incident once the investigation is complete',
        'Our teams will be working on a detailed Post Incident Report to share publicly by the end of April',
        "not resolved yet - we'll update when 6.4.1 is live",
        'we will post an update in 30 minutes',
        "we'll keep an eye on logstash catching up for the rest of the day, otherwise calling this resolved",
      ],
      noMatch: [
        'we will add monitoring on the queue',
        'update the runbook',
        'publish deploy events to the incident channel',
      ],
    },
  },
  {
    id: 'past-regret',
    signal: 'follow-up',
    weight: -3,
    reason: 'Hindsight about the past ("should have") is a lesson, not a plan.',
    pattern: /\b(?:should have|could have|would have|should've|could've|would've|needed to)\b/i,
    examples: {
      match: ['we should have caught it in staging'],
      noMatch: ['we should add a staging check'],
    },
  },
];

/** Which kind of action item a follow-up is. Checked in order; the strongest signal wins. */
export const ACTION_TYPE_CUES: readonly Cue<ActionType>[] = [
  {
    id: 'detect-monitoring',
    signal: 'detect',
    weight: 3,
    reason: 'Alerts, monitors and dashboards shorten time to detect.',
    pattern:
      /\b(?:alert\w*|monitor\w*|dashboard\w*|detect\w*|page (?:on|when)|page (?:an? |the )?[\w-]+ (?:when|if|on)|page (?:the )?[\w-]+ (?:team|on-?call)|paging on|probe\w*|synthetic\w*|observ\w+|metric\w*|slo burn|alarm\w*|watch (?:their|our|the))\b/i,
    examples: {
      match: [
        'Add an alert on pool saturation',
        'teams should watch their own apps',
        'Page an engineer when hosts repeatedly fail to start',
      ],
      noMatch: ['fix the handler'],
    },
  },
  {
    id: 'detect-load-test',
    signal: 'detect',
    weight: 2,
    reason: 'Load and chaos tests find the failure before users do.',
    pattern: /\b(?:load[\s-]?test\w*|stress[\s-]?test\w*|chaos|game ?day|canary)\b/i,
    examples: { match: ['load-test the fraud-rules engine'], noMatch: ['unit test the parser'] },
  },
  {
    id: 'mitigate-recovery',
    signal: 'mitigate',
    weight: 3,
    reason: 'Makes recovery faster or safer next time.',
    pattern:
      /\b(?:runbook|playbook|rollback|roll back|fail ?over|kill[\s-]?switch|restore|recover\w*|backup\w*|faster|remediation time|shorten|time to (?:recover|mitigate|restore)|automat\w+ (?:the )?(?:rollback|failover|recovery|restart))\b/i,
    examples: {
      match: ['fix rollback permissions', 'write a runbook for pool exhaustion'],
      noMatch: ['add an alert'],
    },
  },
  {
    id: 'prevent-guard',
    signal: 'prevent',
    weight: 2,
    reason: 'Guards, validation, limits and fixes stop the failure recurring.',
    pattern:
      /\b(?:two[\s-]person|peer review|approval|guard\w*|validat\w+|lint\w*|limit\w*|cap\b|quota|off the (?:request|hot|critical) path|isolat\w+|decoupl\w+|fix\w*|remov\w+|prevent\w*|safeguard\w*|staged rollout|feature flag|(?:unit|integration|regression) tests?|in ci\b|ci check|pre-?deploy|idempotent|retry|backoff|timeout|circuit breaker|redundan\w+|capacity)\b/i,
    examples: {
      match: [
        'put flag changes behind a two-person review',
        'move rules evaluation off the request path',
        'Add connection.close() fix in all handlers',
      ],
      noMatch: ['announce changes in Slack'],
    },
  },
  {
    id: 'process-people',
    signal: 'process',
    weight: 2,
    reason: 'How people work: communication, on-call, reviews of process, training.',
    pattern:
      /\b(?:announc\w+|communicat\w+|comms|status ?page|on-?call|escalat\w+|training|train\b|document\w*|checklist|postmortem|post[\s-]mortem|handover|hand-off|rota|policy|process|slack)\b/i,
    examples: {
      match: ['announce critical changes outside Slack', 'add pool checks to the deploy checklist'],
      noMatch: ['add an index'],
    },
  },
];

/** Priority words the input uses; absent, the type and the incident decide. */
export const PRIORITY_CUES: readonly Cue<Priority>[] = [
  {
    id: 'urgent',
    signal: 'HIGH',
    weight: 3,
    reason: 'The input says it comes first.',
    pattern:
      /\b(?:urgent\w*|asap|immediately|right away|first|top priority|blocker|p0|p1|sev ?[01]|before (?:the )?next|must|high[\s-]pri(?:ority)?|pri(?:ority)?[\s:=]*(?:high|0|1))\b/i,
    examples: {
      match: [
        'immediately rotate the key',
        'before the next deploy',
        'rollbacks must go through change review',
        'Add a disk alert (P1)',
        'high priority: page on replication lag',
        'priority: high - pin the image',
      ],
      noMatch: ['eventually migrate', 'move rules off the critical path'],
    },
  },
  {
    id: 'normal',
    signal: 'MEDIUM',
    weight: 3,
    reason:
      'The input gives a middle priority ("P2", "medium priority"); it is not read from the type then.',
    pattern:
      /\b(?:p2|sev ?2|medium[\s-]pri(?:ority)?|normal[\s-]pri(?:ority)?|pri(?:ority)?[\s:=]*(?:medium|2))\b/i,
    examples: {
      match: ['Add a canary stage (P2)', 'medium priority: tidy the dashboards'],
      noMatch: ['add a canary for p99 latency', 'upgrade to HTTP/2'],
    },
  },
  {
    id: 'later',
    signal: 'LOW',
    weight: 3,
    reason: 'A horizon or a wish is not urgent.',
    pattern:
      /\b(?:longer[\s-]term|long[\s-]term|eventually|someday|some day|nice[\s-]to[\s-]have|consider\w*|explore|maybe|later|when (?:we|there) (?:have|is) time|if time (?:allows|permits)|stretch goal|low[\s-]pri(?:ority)?|pri(?:ority)?[\s:=]*(?:low|3|4)|p3|p4)\b/i,
    examples: {
      match: [
        'Longer term, move rules off the request path',
        'consider a second region',
        'nice-to-have: a dark mode for the status page',
        'low priority - rename the dashboards (P3)',
      ],
      noMatch: ['add an alert now'],
    },
  },
];

/** Whether an item is already done. */
export const DONE_CUES: readonly Cue<'done'>[] = [
  {
    id: 'done-marker',
    signal: 'done',
    weight: 3,
    reason: 'The input marks the item done.',
    pattern:
      /\((?:[^()]{0,30}\s)?(?:already\s+(?!planned|scheduled|filed|tracked|requested|assigned|open)[a-z]+(?:ed|t|ne|wn)|(?!planned|scheduled|filed|tracked|requested|assigned)[a-z]+(?:ed|t|ne|wn)\s+already)\b[^()]{0,30}\)|\((?:already )?(?:done|fixed|shipped|completed|merged|deployed|rolled out)(?!\s+(?:by|before|when|once|next|this|in|later|soon)\b)[^()]{0,40}\)|\[(?:done|x)\]|✅|✔|☑|^\W*~~[^~]+~~|^\W*(?:done|fixed|shipped)\s*[:\-–—]|\s[-–—:]\s*(?:done|fixed|shipped|completed|merged)\W*$|\b(?:already (?:done|fixed|shipped|added|deployed|merged|in place)|(?<!\b(?:why|whether|how|if|when|what)\b[^.;()]{0,60})(?:was|has been|have been|is now) (?:added|fixed|shipped|deployed|merged|done|disabled|trained)|trained to|disabled for now)\b/i,
    examples: {
      match: [
        'Add pool alert (done)',
        'DONE: rotate keys',
        'alerts have been added',
        'add the cert to the runbook - done',
        'Local-preference changed (done right after the incident)',
        'Pin the worker pool size (shipped the same afternoon)',
        'email every user with 5 or more failed requests - Lena (sent already)',
        'Refund the double charges (already sent by billing)',
        '~~Raise the default pool size~~',
        '- ~~document the standby switch~~ done',
      ],
      noMatch: [
        'add pool alert',
        'done when the backlog clears',
        'Add the check (done by Friday)',
        'Add a replica alert (already planned for Q3)',
        'Investigate why the retry backoff was disabled',
      ],
    },
  },
];

/**
 * A row of a follow-up list that is no action, whatever list it stands in: a date or a team
 * alone (a column a chat copy split onto its own line), a section label, or where things stand
 * ("All services operating normally."). Issue 12: blind judges scored such rows as filler items.
 */
export const NOT_AN_ACTION_CUES: readonly Cue<'not-an-action'>[] = [
  {
    id: 'date-alone',
    signal: 'not-an-action',
    weight: 3,
    reason: 'A date or a weekday alone is when, the due column of a row a copy split; no action.',
    pattern:
      /^\W*(?:due\s*:?\s*|by\s+)?(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./-]\d{1,2}(?:[./-]\d{2,4})?|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?(?:,?\s+\d{1,2}(?:st|nd|rd|th)?)?|today|tomorrow|next week|(?:q[1-4]|h[12])(?:\s+\d{4})?|(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s+\d{4})?)\W*$/i,
    examples: {
      match: ['2026-03-12', 'Tuesday', 'Feb 10', '12 March 2026', 'due: 2026-04-01', 'Q3'],
      noMatch: ['Add an alert by Tuesday', 'March config change broke it'],
    },
  },
  {
    id: 'team-alone',
    signal: 'not-an-action',
    weight: 3,
    reason: 'A team or role named alone is an owner cell a copy split off its row, not an action.',
    pattern:
      /^\W*(?:owner\s*:\s*)?(?:the\s+)?(?:[\p{L}&/-]+\s+){0,2}(?:team|squad|crew|guild|group|sre|ops|devops|infra(?:structure)?|platform|on-?call|dba|security|backend|frontend|support)\W*$|^\W*(?:team|équipe|equipo|equipe|squad)\s+[\p{L}&/-]+(?:\s+[\p{L}&/-]+)?\W*$|^\W*[A-Z]{2,5}\W*$/iu,
    examples: {
      match: [
        'Platform team',
        'SRE',
        'the payments squad',
        'Owner: Infra',
        'DBA',
        'Team Zahlungen',
      ],
      noMatch: ['Page the platform team on pool saturation', 'Add SRE review'],
    },
  },
  {
    id: 'section-label',
    signal: 'not-an-action',
    weight: 3,
    reason:
      'A few words ending in a colon head the rows below them ("Prevention:", "Short term:"); the label is no item.',
    pattern: /^\W*[\p{L}][\p{L}\s/&'’()-]{0,40}:\W*$/u,
    examples: {
      match: ['Prevention:', 'Short term:', '**Detection:**', 'Follow-ups (owners TBD):'],
      noMatch: ['Prevention: add a canary stage', 'Add an alert'],
    },
  },
  {
    id: 'status-sentence',
    signal: 'not-an-action',
    weight: 3,
    reason:
      'Where things stand ("all services operating normally", "we are back to normal", "resolved") is a status post or an outcome, never work to do.',
    pattern:
      /^\W*(?:(?:update|status|resolved|monitoring)\s*[:\-–—]\s*)?(?:(?:all|every)\s+(?:services?|systems?|regions?|apis?|components?)\s+(?:are\s+|is\s+)?(?:now\s+)?(?:operating normally|operational|healthy|green|up|back to normal|working(?: normally)?)|(?:we(?:'re| are)|everything(?:'s| is)|service(?:s)? (?:is|are)|it(?:'s| is))\s+(?:now\s+|fully\s+|all\s+)?(?:back to normal|back up|operational|healthy|stable|restored|resolved|recovered|fine)|(?:service|services|everything|access)\s+(?:fully\s+)?(?:restored|recovered)|(?:incident\s+)?(?:resolved|closed|mitigated|all clear))\W*$|^\W*(?:the )?(?:incident|outage)\s+(?:was\s+|is\s+)?(?:resolved|closed|mitigated|over)\b|^\W*(?:alle\s+)?(?:systeme|dienste|services)\s+(?:laufen|funktionieren|arbeiten)\s+wieder\s+(?:normal|stabil)\W*$|^\W*(?:tous les )?services\s+(?:fonctionnent|sont)\s+(?:à nouveau\s+)?(?:normalement|rétablis|opérationnels)\W*$|^\W*(?:todos los )?servicios\s+(?:funcionan|operan)\s+(?:con normalidad|normalmente)\W*$/iu,
    examples: {
      match: [
        'All services operating normally.',
        'We are back to normal.',
        'Update: all systems operational',
        'Resolved',
        'service restored',
        'incident resolved once the replica caught up',
        'Alle Systeme laufen wieder normal.',
        'Tous les services fonctionnent normalement.',
      ],
      noMatch: [
        'Alert when not all services are operating normally',
        'Make sure everything is restored from backup before close',
        'Page the IC before the incident is resolved',
      ],
    },
  },
];
