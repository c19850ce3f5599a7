/**
 * Whether a timeline line is something responders did (an action), what came of it (an
 * outcome), or neither. Response and recovery lists actions only; outcomes are cited as the
 * recovery; status posts and impact lines are neither. Whether an action failed is the
 * analysis's reading (`reportsFailedAttempt` in analyze/read-line.ts, the `ineffective` modifier).
 */
import type { Cue } from './cue.js';

export type ActionSignal = 'action' | 'outcome';

/** A line needs this much `action` weight to be listed as a mitigating action. */
export const ACTION_THRESHOLD = 2;

/** Verbs responders use for what they did to stop impact. */
const MITIGATION_VERBS = String.raw`roll(?:ed|ing)? ?back|roll(?:ed|ing)? [\w.-]+(?: [\w.-]+){0,2} back|rollback|revert(?:ed|ing)|fail(?:ed|ing)? ?over|failover|restart(?:ed|ing)|reboot(?:ed|ing)|disabl(?:ed|ing)|enabl(?:ed|ing)|turn(?:ed|ing)? (?:[\w.-]+ ){0,3}?(?:off|on)\b(?! (?:call|the bridge))|shut (?:off|down)|scal(?:ed|ing)(?: [\w.-]+){0,2} (?:up|out|down|to \d+|from \d+)|provision(?:ed|ing)|add(?:ed|ing) (?:more |extra |\d+ )*(?:capacity|nodes|servers|instances|replicas|pods|workers|hosts|brokers|shards)|rais(?:ed|ing)|increas(?:ed|ing)|bump(?:ed|ing)|lower(?:ed|ing)|reduc(?:ed|ing)|push(?:ed|ing)|chang(?:ed|ing)|mov(?:ed|ing)|drain(?:ed|ing)|depool(?:ed|ing)|kill(?:ed|ing)|flush(?:ed|ing)|purg(?:ed|ing)|blocked|patch(?:ed|ing)|hotfix(?:ed)?|appl(?:ied|ying)|deploy(?:ed|ing) (?:a |the )?(?:fix|patch|hotfix)|add(?:ed|ing) (?:capacity|nodes|servers|instances|replicas)|remov(?:ed|ing)|re-?rout(?:ed|ing)|rerouted|redirect(?:ed|ing)|pause(?:d)?|paus(?:ing)|throttl(?:ed|ing)|rate[- ]limit(?:ed|ing)|terminat(?:ed|ing)|clear(?:ed|ing) (?:the )?(?:cache|queue|stuck|locks?)|clear(?:ed|ing) (?:out )?(?:\/[\w./-]+|(?:the )?(?:old |stale )?(?:disk|tmp|temp|logs?|files|volume|binlogs?|space))|prun(?:ed|ing)|clean(?:ed|ing) (?:up|out)|compact(?:ed|ing)|vacuum(?:ed|ing)|free(?:d|ing) up|cordon(?:ed|ing)|evacuat(?:ed|ing)|promot(?:ed|ing)|swapp?(?:ed|ing)|replac(?:ed|ing)|re-?enabl(?:ed|ing)|restor(?:ed|ing) (?:[\w.-]+ )?(?:from|the backup)|resync(?:ed)?|re-?ran|manually|upload(?:ed|ing)|re-?deploy(?:ed|ing)|deploy(?:ed|ing)|rotat(?:ed|ing)|renew(?:ed|ing)|re-?issu(?:ed|ing)|issu(?:ed|ing) (?:a |an |the )?(?:new |fresh |replacement )?(?:[\w.-]+ )?(?:cert\w*|keys?|tokens?|credentials?)|reload(?:ed|ing)|re-?install(?:ed|ing)|install(?:ed|ing)|updat(?:ed|ing)|correct(?:ed|ing)|fix(?:ed|ing)|resiz(?:ed|ing)|expand(?:ed|ing)|extend(?:ed|ing)|freed|delet(?:ed|ing)|truncat(?:ed|ing)|rebuil(?:t|ding)|re-?index(?:ed|ing)|unblock(?:ed|ing)|allow-?list(?:ed|ing)|whitelist(?:ed|ing)|reconfigur(?:ed|ing)|re-?imag(?:ed|ing)|set (?:the |a )?[\w.-]+ (?:to|back)|bounc(?:ed|ing)|cycl(?:ed|ing)|recycl(?:ed|ing)|re-?creat(?:ed|ing)|stopp(?:ed|ing)(?! \w+ing\b)|skipp(?:ed|ing) (?:it|them|past|over|(?:the|that|this|each|every) (?:[\w-]+ )?(?:messages?|records?|rows?|jobs?|events?|batch(?:es)?|offsets?|entr(?:y|ies)))\b|dead-?letter(?:ed|ing)|shed(?:ding)?|block(?:ing)?|switch(?:ed|ing)|shift(?:ed|ing)|flipp(?:ed|ing)|sent (?:traffic|requests)|re-?queu(?:ed|ing)|re-?admit(?:ted|ting)?|re-?sen[td]|replay(?:ed|ing)|letting (?:traffic|users|players|requests) back|let (?:traffic|users|players|requests) back|snapshott?(?:ed|ing)|isolat(?:ed|ing)|fenc(?:ed|ing)|pin(?:ned|ning)|capp(?:ed|ing)|limit(?:ed|ing) (?:[\w.-]+ ){0,3}?(?:to|at) \d|rout(?:ed|ing) (?:[\w.-]+ ){0,3}?(?:back|away|around|to|via|through)\b`;

export const ACTION_CUES: readonly Cue<ActionSignal>[] = [
  {
    id: 'mitigation-verb',
    signal: 'action',
    weight: 2,
    reason: 'A responder did something to the system.',
    pattern: new RegExp(String.raw`\b(?:${MITIGATION_VERBS})\b`, 'i'),
    examples: {
      match: [
        'rolled cache-warmer back to v4.0',
        'disabled the new fraud-rules flag',
        'failed over to the secondary acquirer',
        'Rolling back user-sync to v2.3.1',
        'Scaled api-gateway from 10 to 30 instances',
        'added 4 more nodes',
        'issued a new certificate by hand and reloaded the LBs',
        'capped resize concurrency at 8 by config',
        'limited export workers to 4',
        'routed imports back to the v4 workers',
        'consumer group stuck on a poison message, skipping it',
        'upgrade of auth-proxy to 3.2 went out at 09:25, rolling it back',
        'pruned docker images on all runners',
        'cleared /var/tmp on upload workers',
        'cleaned up old binlogs on db-2',
      ],
      noMatch: [
        'latency normal',
        'checkout p99 latency 9s',
        'The deploy skipped the canary stage because the pipeline flag was stale',
      ],
    },
  },
  {
    id: 'labelled-mitigation',
    signal: 'action',
    weight: 2,
    reason:
      'A line the team labels as the mitigation ("Mitigation: restored the audience", "workaround: routed imports back") tells what they did, whatever its verb.',
    pattern: /^\W*(?:mitigation|workaround|fix applied|remediation|action taken)\s*:\s*\S/i,
    examples: {
      match: [
        'Mitigation: restored the partner audience in the validator config by hand',
        'workaround: routed imports back to the v4 workers',
      ],
      noMatch: [
        'mitigation in progress',
        'no workaround yet',
        'Mitigation plan: drain eu-west later',
      ],
    },
  },
  {
    id: 'action-noun-done',
    signal: 'action',
    weight: 2,
    reason:
      'An action named as a noun and said to be carried out ("global WAF kill executed", "failover done") is an action.',
    pattern:
      /\b(?:kill|rollback|roll-back|failover|fail-over|switch(?:over)?|bypass|purge|patch|hotfix|mitigation|workaround|restart|revert|drain)\b.{0,20}\b(?:executed|applied|done|completed|in place|carried out|went through|succeeded)\b/i,
    examples: {
      match: ['global WAF kill executed', 'failover to us-east completed'],
      noMatch: ['proposing global kill on WAF Managed Rulesets'],
    },
  },
  {
    id: 'value-change',
    signal: 'action',
    weight: 2,
    reason: 'A setting moved from one value to another ("50 -> 200") is a change someone made.',
    pattern: /\d\s*(?:->|→|=>)\s*\d/,
    examples: {
      match: ['pushed pool size 50 -> 200 by hand', 'max_connections 100->400'],
      noMatch: ['latency 9s', 'error rate 40%'],
    },
  },
  {
    id: 'by-hand',
    signal: 'action',
    weight: 1,
    reason: 'Manual work is an action even without a known verb.',
    pattern:
      /\bby hand\b|\bmanually\b|\bran (?:a |the )?(?:script|command|job|playbook|runbook)\b/i,
    examples: { match: ['pushed it by hand', 'ran the runbook'], noMatch: ['the job ran late'] },
  },
  {
    id: 'done-to-an-object',
    signal: 'action',
    weight: 2,
    reason:
      'A clause that opens with its doer and a past-tense verb on an object ("Dana re-pointed the products alias", "we pinned the old image") is something a responder did, whatever the verb; verbs of noticing and telling are not.',
    pattern:
      /^(?:(?:we|i|they|on-?call|sre|ops|[A-Z][a-z]+(?: [A-Z][a-z]+)?)\s+)?(?!(?:acknowledg|confirm|notic|observ|report|declar|open|escalat|pag|ask|join|start|creat|investigat|check|look|identifi|not|post|narrow|receiv|ping|call|want|need|tri|seem|appear|suspect|caus|affect|impact|expir|fail|crash|stall|spik|climb|jump|drop)ed\b)(?:re-?)?[a-z]{3,}ed (?:the|a|an|our|their|its|all|every|both|each|yesterday'?s|last|today'?s)\b/,
    examples: {
      match: [
        "Dana re-pointed the products alias to yesterday's index snapshot",
        're-pointed the consumers at the new broker address',
      ],
      noMatch: ['Dana Whitfield acknowledged', 'confirmed the log view is private', 'API p99 12s'],
    },
  },
  {
    id: 'pointed-back',
    signal: 'action',
    weight: 2,
    reason:
      'Sending something back or over to where it works ("point them back at origin", "moved traffic over to the standby") is a mitigation in any tense.',
    pattern:
      /\b(?:re-?)?(?:point|move|send|route|switch|flip|fail|steer|shift)(?:ed|ing|s)? (?:[\w.-]+ ){0,3}(?:back|over) (?:at|to|on|onto)\b|\broll(?:ed|ing)? out (?:the |a |our )?(?:[\w-]+ )?(?:fix|config(?:uration)? changes?|patch|hotfix|workaround)\b/i,
    examples: {
      match: [
        'point them back at our DNS-based service discovery instead of Traffic Director',
        'rolling out config changes to the critical systems now',
      ],
      noMatch: ['traffic is back to normal', 'rolled out v4.1 at 09:00'],
    },
  },
  {
    id: 'manual-intervention',
    signal: 'action',
    weight: 2,
    reason:
      'A responder intervening by hand ("manual intervention on PgBouncer - reconnected") acted, even with no verb for what they did.',
    pattern: /\bmanual(?:ly)? interven\w*|\bintervened\b/i,
    examples: {
      match: ['manual intervention on PgBouncer - reconnected; API latency dropping'],
      noMatch: ['no manual steps were needed'],
    },
  },
  {
    id: 'tool-record',
    signal: 'action',
    weight: -4,
    reason:
      'An incident tool\'s record of a field or a post ("Priority changed from P2 to P1", "Alert closed by system", a Statuspage post) changes the record, not the system.',
    pattern:
      /^\W*(?:(?:priority|severity|status|urgency|assignee|owner|incident type|title)\b[^.]{0,20}\b(?:changed|set|updated|raised|lowered|escalated)\b|(?:alert|incident) (?:closed|acknowledged|created|opened|reopened|resolved|merged)\b|sev\s*\d+ (?:raised|declared|opened)\b|status ?page\b|blog post\b)|\b(?:closed|resolved|reopened|marked) (?:the |this )?incident\b/i,
    examples: {
      match: [
        'Priority changed from P2 to P1',
        'Alert closed by system: cert rotation check passed',
        'Statuspage — Monitoring - We identified the issue and applied a fix.',
        'Sev1 raised: UK South - multiple chilled water pumps shut down',
        'Blog post with more context is out (late - our Pages builds are paused too)',
        'We closed the incident at 10:00.',
      ],
      noMatch: ['changed the pool size from 50 to 200'],
    },
  },
  {
    id: 'recovered',
    signal: 'outcome',
    weight: 3,
    reason: 'A state of the system after the actions, not an action.',
    pattern:
      /\b(?:recover(?:ed|s|ing)|normal|back (?:up|online|to normal)|restored|healthy|stable|all clear|resolved|errors? (?:drop|dropped|stop(?:ped)?|gone)|(?:under|below) \d+\w*|green|operational|resum(?:e|es|ed|ing)|flowing|caught up|working again|succeed(?:s|ing)? again|(?:render|load|serve|respond|boot)(?:s|ing)? again)\b/i,
    examples: {
      match: [
        'latency normal',
        'pages render again',
        'login p95 under 300ms again',
        'all clear',
        'errors drop',
        'sales resume',
        'builds flowing',
      ],
      noMatch: ['rolled back to v4.0'],
    },
  },
  {
    id: 'measurement',
    signal: 'outcome',
    weight: 1,
    reason: 'A figure on its own (a rate, a latency) reports state.',
    pattern: /\b(?:p\d\d|error rate|latency|5xx|\d+\s?%|\d+\s?ms)\b/i,
    examples: {
      match: ['checkout p99 latency 9s', 'payments API 5xx at 40%'],
      noMatch: ['restarted search'],
    },
  },
  {
    id: 'status-post',
    signal: 'outcome',
    weight: 3,
    reason: 'A status-page post or announcement tells people; it does not mitigate.',
    pattern:
      /\b(?:status ?page|posted (?:an? )?(?:update|status)|announc\w+|tweeted|comms? sent|update posted|customer comms?|blog post)\b/i,
    examples: {
      match: [
        'posted an update to the status page',
        'Statuspage: investigating',
        'Blog post with more context is out',
      ],
      noMatch: ['restarted the status service pods'],
    },
  },
  {
    id: 'metric-movement',
    signal: 'action',
    weight: -2,
    reason:
      'A figure moving ("went from 15k to 20k", "latency climbed") is a measurement, not an action.',
    pattern:
      /\b(?:went (?:from|up|down)|going (?:up|down)|dropp(?:ed|ing)|climb(?:ed|ing|s)|rose|fell|jump(?:ed|s)?|spik(?:ed|es|ing))\b/i,
    examples: {
      match: [
        'session requests went from 15k to 20k',
        'latency climbed to 9s',
        'Cognito error rates jump (a latent bug makes webservers block)',
        'replica lag going up not down',
      ],
      noMatch: ['raised the pool to 200'],
    },
  },
  {
    id: 'plan',
    signal: 'action',
    weight: -2,
    reason: 'What a fix would need is a plan, not yet an action.',
    pattern:
      /\b(?:needs? (?:a|an|to)|would (?:need|require)|candidate causes?|plan(?:ning)? to|considering|should be|ha(?:ve|s) to be|must be|(?:should|would|could|ought to) have|supposed to)\b/i,
    examples: {
      match: [
        'every likely fix needs a full, slow restart',
        'planning to fail over',
        'Everything should be moved over now',
        'the replicas are not taking over, failover should have kicked in by now',
        'the breaker was supposed to shed load here',
      ],
      noMatch: ['failed over to the standby'],
    },
  },
  {
    id: 'plan-label',
    signal: 'action',
    weight: -4,
    reason:
      'A line labelled as a plan or proposal ("Plan: drain eu-west -> fail over -> re-enable") lists steps to come; the lines that carry them out are the actions.',
    pattern: /^\W*(?:plan|proposal|proposed|idea|options?|next steps?)\s*:/i,
    examples: {
      match: [
        'Plan: drain eu-west -> fail over to eu-central -> re-enable eu-west',
        'Plan: restore from backups -> drain the queued jobs',
      ],
      noMatch: ['drained eu-west as planned'],
    },
  },
  {
    id: 'not-done',
    signal: 'action',
    weight: -2,
    reason: 'A negated verb ("haven\'t restarted", "can\'t fail over") says what was not done.',
    pattern:
      /\b(?:haven'?t|hasn'?t|not yet|never|can'?t|cannot|couldn'?t|could not|unable to|was not able to)\b/i,
    examples: {
      match: [
        "We haven't fully restarted index in many years",
        "can't fail over to the standby",
        'existing codespaces in East US could not fail over',
      ],
      noMatch: ["restart didn't help", 'restarted the index'],
    },
  },
  {
    id: 'impact-report',
    signal: 'action',
    weight: -2,
    reason: 'A line reporting what is affected ("Lambda all impacted") is impact, not an action.',
    pattern: /\b(?:impacted|affected|knock-on|unavailable|still (?:down|failing|broken))\b/i,
    examples: {
      match: [
        'Knock-on in the region: EBS volumes restoring from S3 snapshots, Lambda all impacted',
      ],
      noMatch: ['restored from the snapshot'],
    },
  },
  {
    id: 'system-doing-it',
    signal: 'action',
    weight: -2,
    reason:
      'Things doing something by themselves ("pods restarting in codfw", "EBS volumes restoring from snapshots") is the system\'s state, not what a responder did.',
    pattern:
      /(?:^|[,;:]\s)\W*(?:[\w./-]+\s+){0,2}[\w./-]*[a-z]s\s+(?:restarting|rebooting|crash(?:ing|looping)|flapping|restoring|recovering|failing|retrying|timing out|reloading)\b/i,
    examples: {
      match: [
        'pods restarting in codfw now too',
        'looking, gateway pods restarting',
        'EBS volumes restoring from S3 snapshots',
        'kask pods crashlooping',
      ],
      noMatch: ['restarting the pods', "we're restarting the pods", 'SRE restarting the pods'],
    },
  },
  {
    id: 'described-not-done',
    signal: 'action',
    weight: -2,
    reason:
      'A sentence whose subject is a participle ("the removed hosts backed two subsystems", "Uptime check: the rebooted boxes share one hardware class") describes what was done before, not an action taken in the response.',
    pattern: /(?:^|[:;]\s*)\W*(?:the|those|these) [a-z]+ed [a-z]+s?\b(?! (?:to|back|over|out)\b)/i,
    examples: {
      match: [
        'the removed hosts backed two other subsystems',
        'Uptime check: the rebooted boxes all share one hardware class',
      ],
      noMatch: ['restarted the failed pods', 'rolled the deployed build back'],
    },
  },
  {
    id: 'observation',
    signal: 'action',
    weight: -2,
    reason:
      'A clause that tells the state of a thing ("CPU is pegged at 100%", "api workers are all blocked", "shard has no primary") or what responders see ("we see 5xx from eu-west") is an observation, whatever verb follows in it ("... on every shard we rolled back").',
    pattern:
      /(?:^|[,;:.]\s+|\s[-–—]\s+|\b(?:but|and|while|now|so)\s+)\W*(?!(?:we|i|you|they|he|she|someone|team|on-?call)\b)(?:[\w./%'-]+\s+){1,4}?(?:is|are|'s|'re|has|have|looks?|seems?)\s+(?:(?:all|now|still|also|just|completely|fully|totally|mostly|partly|partially|basically)\s+)*(?:(?:at|over|above|below|under|near|around|~)\s*~?\d|pegged|stalled|blocked|stuck|saturated|exhausted|wedged|overloaded|starved|starving|maxed|hung|hanging|full|down|slow|red|unhealthy|flapping|failing|erroring|timing out|not\b|no\b|no longer|gone|missing|broken|dead|degraded)|(?:^|[,;:.]\s+)\W*(?:(?:we|i)(?:'re| are)?\s+(?:still\s+|now\s+|also\s+)?(?:see|seeing|can see|observe|observing|notice|noticing)|seeing|still seeing)\b/i,
    examples: {
      match: [
        'CPU is at 90%',
        'we see 5xx from eu-west',
        'api workers are all blocked waiting on that shard',
        'this time the shards have primaries but CPU is pegged at 100% on every shard we rolled back',
        'shard has no primary',
        'seeing timeouts on the payment pods we restarted',
      ],
      noMatch: [
        'restarted the payment pods',
        'we are rolling back the deploy',
        'we have drained eu-west',
        'Dana has failed over the primary',
        'the fix is deployed to every region',
      ],
    },
  },
  {
    id: 'changing-by-itself',
    signal: 'action',
    weight: -2,
    reason:
      'A figure or a queue changing on its own ("queue draining", "errors dropping", "backlog clearing") is the outcome of the actions before it; a responder\'s verb that means the same ("drained the pool") has an object.',
    pattern:
      /(?:^|[,;:.]\s+|\s[-–—]\s+)\W*(?:the\s+)?(?:[\w./-]+\s+){0,2}?(?:queues?|backlogs?|lag|errors?|error rate|[45](?:\d\d|xx)s?|latency|p\d\d|load|traffic|cpu|memory|connections?|requests?|retries|timeouts?|alerts?|jobs?|messages?|consumers?|crash(?:es)?)\s+(?:is\s+|are\s+|now\s+|finally\s+|slowly\s+|already\s+|have\s+|had\s+)*(?:draining|clearing|dropping|falling|emptying|catching up|shrinking|subsiding|settling|easing|coming down|going down|flushing|processing|stopp(?:ed|ing)|ceased|went away)\b(?!\s+(?:the|a|an|our|all|every|it|them)\b)/i,
    examples: {
      match: [
        'queue draining',
        'errors dropping after the restart',
        'restarted the consumers, backlog clearing slowly',
        'EU lag catching up',
        'the 502s stopped by 4:58 PM',
      ],
      noMatch: [
        'draining the bad node pool',
        'we are draining the queue',
        'flushing the CDN cache',
      ],
    },
  },
  {
    id: 'done-by-itself',
    signal: 'action',
    weight: -2,
    reason:
      'A verb with a deadline and no object ("queue drained by 10:05", "backlog cleared at 12:30") says what came of the actions.',
    pattern:
      /\b(?:drained|cleared|emptied|caught up|processed|recovered|finished|completed) (?:by|at|within|around) ~?\d|(?:^|[,;]\s*)\W*(?:the )?(?:[\w-]+ ){0,1}(?:queue|backlog|lag|pool|cache|buffer)s? (?:drained|cleared|emptied|caught up|recovered)\b(?! (?:the|a|an|our|all|every)\b)/i,
    examples: {
      match: [
        'builds flowing, queue drained by 10:05',
        'queue drained, depth back to 200',
        'EU consumers back, backlog drained, status green',
      ],
      noMatch: ['drained the bad node pool in US'],
    },
  },
  {
    id: 'investigation',
    signal: 'action',
    weight: -2,
    reason: 'Looking is not yet acting.',
    pattern:
      /\b(?:investigat(?:ing|es)|looking (?:into|at)|digging|debugging|checking|reviewing|paged|acknowledged|joined|declar\w+|escalat\w+|working out how|figuring out)\b/i,
    examples: {
      match: [
        'Cloud Engineering start investigating',
        'on-call acknowledged',
        'Working out how to manually make a US East DB primary again',
      ],
      noMatch: ['restarted the cluster'],
    },
  },
];
