/**
 * Which sentence states the cause, and which event set the incident off. The root cause is the
 * reason the failure could happen (a bug, a typo, a latent limit); the trigger is the change or
 * event that set it off (a deploy, a flag flip, a traffic spike). A sentence must score at least
 * CAUSE_THRESHOLD to be reported as the root cause.
 */
import type { Cue } from './cue.js';

/**
 * `proximate`: the failure itself as an error names it, what ran out ("No space left on device",
 * "too many connections"): the immediate failure, told under Trigger, never the root cause.
 */
export type CauseSignal = 'cause' | 'trigger' | 'proximate';

/** A sentence needs this much `cause` weight to be told as the root cause. */
export const CAUSE_THRESHOLD = 2;
/** An event needs this much `trigger` weight to be told as the trigger. */
export const TRIGGER_THRESHOLD = 2;

export const CAUSE_CUES: readonly Cue<CauseSignal>[] = [
  {
    id: 'ran-out',
    signal: 'proximate',
    weight: 3,
    reason:
      'An error that names what ran out or stopped being valid (a full table or disk, the connection limit, memory, an expired certificate) is the immediate failure: what happened, not why. Issue 12: judges faulted a trigger told as "under investigation" beside such a line.',
    pattern:
      /\b(?:the table '?[\w.$-]+'? is full|table is full|no space left on device|ENOSPC|disk (?:is )?full|(?:disk|volume|partition|filesystem|file system) (?:usage )?(?:at )?100\s?%(?!\s*(?:io\b|i\/o|util|busy|wait))|too many (?:connections|clients|open files)|EMFILE|remaining connection slots are reserved|(?:connection )?pool (?:is )?exhausted|(?:certificate|cert) has expired|x509: certificate has expired|OOMKilled|OutOfMemoryError|out of memory|cannot allocate memory|(?:disk )?quota exceeded|no (?:free )?inodes?(?: left)?)(?![\w-])/i,
    examples: {
      match: [
        "ERROR 1114 (HY000): The table 'order_events' is full",
        'OSError: [Errno 28] No space left on device',
        'FATAL: sorry, too many clients already',
        'gateway logs: too many connections',
        'x509: certificate has expired or is not yet valid',
        'OOMKilled: billing-export (exit 137)',
        'java.lang.OutOfMemoryError: Java heap space',
      ],
      noMatch: [
        'raised max_connections to 500',
        'the table of contents is out of date',
        'disk usage at 71%',
        'primary disk at 100% io wait, payments timing out',
      ],
    },
  },
  {
    id: 'because',
    signal: 'cause',
    weight: 2,
    reason: 'An explanation: "because" links the failure to its reason.',
    pattern: /\bbecause\b|\bsince the\b|\bas a result of\b/i,
    examples: {
      match: ['requests failed because the pool was full'],
      noMatch: ['restarted the pods'],
    },
  },
  {
    id: 'caused-by',
    signal: 'cause',
    weight: 3,
    reason: 'States the cause outright.',
    pattern:
      /\b(?:caused by|due to|root[\s-]*cause|the cause (?:was|is)|cause:|the culprit|culprit\s*:|was the culprit|traced (?:it )?(?:back )?to|turns? out|turned out|(?:which|that|this) (?:caused|broke|led to)|(?:is|are|was|were) behind (?:the |most of the |all (?:the )?|these |those )?(?:timeouts|errors|failures|outage|latency|crash\w*|restarts|spikes?))\b/i,
    examples: {
      match: [
        'the outage was caused by an expired certificate',
        'Root cause: a missing index',
        'traced to a bad config push',
        'turns out the cron job ran twice',
        "agent 'annotate' calls are behind most of the timeouts",
      ],
      noMatch: ['caused a page to fire', 'the team was paged'],
    },
  },
  {
    id: 'mistake',
    signal: 'cause',
    weight: 2,
    reason: 'Something done by mistake is how a cause is usually told.',
    pattern:
      /\b(?:wrongly|mistakenly|accidentally|erroneously|inadvertently|by mistake|unintentionally)\b|\bleft (?:enabled|switched on|turned on|open|exposed|in place|behind)\b/i,
    examples: {
      match: [
        'the migration whose drop list wrongly includes the table',
        'Debug bypass header left enabled by config change cfg-2291',
      ],
      noMatch: ['the list includes the table'],
    },
  },
  {
    id: 'causes-effect',
    signal: 'cause',
    weight: 2,
    reason: 'Names a mechanism and its effect ("a bug ... causes an excessive volume").',
    pattern:
      /\b(?:causes|causing|leads? to|led to|results? in|resulted in|put (?:\w+ ){0,2}(?:load|pressure|strain) on|overloaded|(?:stopped|prevented|kept|blocked) (?:[\w-]+ ){1,4}from \w+ing)\b/i,
    examples: {
      match: [
        'A bug in the control logic causes an excessive volume of interactions',
        'a cache upgrade put unexpected load on the session database',
        'The leftover change stopped new hosts from starting.',
      ],
      noMatch: ['the alert caused a page to fire'],
    },
  },
  {
    id: 'remediation',
    signal: 'cause',
    weight: -2,
    reason:
      'What is being done about a cause ("disabled for now", "rolling the fix") is remediation.',
    pattern:
      /\b(?:for now|being (?:fixed|rolled|deployed)|rolling (?:out )?the (?:fix|update|firmware)|(?:we are|we're|are) changing|trained to|get the fix|until (?:the |a )?(?:patch\w*|fix\w*|new|next|corrected) [\w-]+ (?:is|are) (?:out|live|deployed|shipped))\b/i,
    examples: {
      match: [
        'failover mode that triggered the bug is disabled for now',
        'rolling the firmware update across the fleet',
        'the rack stays drained until the fixed firmware is out',
      ],
      noMatch: ['a bug in the failover mode'],
    },
  },
  {
    id: 'bug',
    signal: 'cause',
    weight: 2,
    reason: 'A defect in code or config is a cause, not a symptom.',
    pattern:
      /\b(?:bug|regression|defect|race condition|deadlock|off-by-one|null pointer|infinite loop|memory leak|leak(?:s|ed|ing)?|missing (?:index|check|guard|limit|timeout|release|close)|lack(?:ed|s)? (?:a |an |the )?\w+)\b/i,
    examples: {
      match: [
        'a bug in the retry loop',
        'connection leak in the sync job',
        'the handler lacked connection.release()',
      ],
      noMatch: ['users saw errors', 'latency went up'],
    },
  },
  {
    id: 'typo',
    signal: 'cause',
    weight: 3,
    reason: 'A human slip in a command or config is the classic stated cause.',
    pattern:
      /\b(?:typo|typed|mistyped|(?:done|went|set up|configured) wrong(?:ly)?|fat[\s-]?finger\w*|wrong (?:value|flag|host|hostname|region|argument|parameter|file|cluster|database|env\w*)|incorrect(?:ly)? (?:value|input|entered|set))\b/i,
    examples: {
      match: [
        'a typo in the command removed more servers',
        'the flag had the wrong value',
        'The traffic shift is done wrong',
      ],
      noMatch: ['the value recovered'],
    },
  },
  {
    id: 'instead-of',
    signal: 'cause',
    weight: 3,
    reason: '"ran on X instead of Y" says what went wrong and what was intended.',
    pattern: /\binstead of\b|\bagainst (?:prod|production|the live)\b/i,
    examples: {
      match: ['the migration ran on primary instead of the replica', 'ran against production'],
      noMatch: [
        'ran the migration on the replica',
        'customer rules on bot score blocked real users rather than failing',
      ],
    },
  },
  {
    id: 'latent',
    signal: 'cause',
    weight: 2,
    reason: 'A latent condition that waited for a trigger is a root cause.',
    pattern:
      /\blatent\b|\bhad (?:been|gone) (?:unnoticed|undetected|there|present)\b|\bwent (?:unnoticed|undetected)\b|\b(?:nobody|no one|no-one) (?:noticed|caught|saw) (?:it|this|that)?\b|\bnever (?:been )?tested\b|\bfor (?:years|months)\b/i,
    examples: {
      match: [
        'a latent bug in the parser',
        'the code path had never been tested',
        'the index was dropped two weeks ago and nobody noticed at normal traffic',
        'the expiry check went unnoticed since March',
      ],
      noMatch: ['a late page'],
    },
  },
  {
    id: 'misconfiguration',
    signal: 'cause',
    weight: 2,
    reason: 'A configuration that allows the failure.',
    pattern:
      /\bmisconfigur\w*|\bconfig(?:uration)? (?:error|mistake|did ?n[o']t|was wrong)|\b(?:did ?n[o']t|does ?n[o']t|did not|does not|never) (?:let|allow|pass|forward|handle|release|close|retry|check|account for|fall back|fail over|time out|reconnect|delete[sd]?|clean(?:s|ed)? (?:up|out)|free[sd]?|remove[sd]?|purge[sd]?|rotate[sd]?)\b/i,
    examples: {
      match: [
        "the v2 config didn't let the headers through",
        'a misconfigured load balancer',
        "the client lib doesn't fall back when the control plane goes away",
        'the new thumbnailer writes temp files and never deletes them',
      ],
      noMatch: ['updated the config'],
    },
  },
  {
    id: 'consequence-clause',
    signal: 'cause',
    weight: 2,
    reason:
      'A mechanism written as a consequence ("..., blocking reads", "so the pool filled") explains why users were hit.',
    pattern:
      /,\s*(?:so (?!not\b|far\b)|blocking|exhausting|starving|filling|saturating|locking|overloading|evicting|deleting|dropping)\b|\bso (?:that )?(?:every|each|all|the|x-|\w+ (?:flipped|filled|broke|failed))/i,
    examples: {
      match: [
        'runs KEYS * on every boot, blocking the shard reads',
        "didn't let headers through, so x-forwarded-proto flipped",
      ],
      noMatch: [
        'rolled back, errors drop',
        'so far so good',
        'pods restarting in codfw, so not all good',
      ],
    },
  },
  {
    id: 'too-early',
    signal: 'cause',
    weight: 2,
    reason:
      'A step taken before the one it depends on finished ("swapped the alias before the build finished") is how a race or an ordering fault is told.',
    pattern:
      /\bbefore (?:the |its |a |their )?[\w-]+(?: [\w-]+)? (?:had )?(?:finished|completed|was (?:done|ready|complete|finished))\b|\bprematurely\b/i,
    examples: {
      match: ['the reindex job swapped the alias before the build finished'],
      noMatch: ['rolled back before the peak', 'waited until the build finished'],
    },
  },
  {
    id: 'lines-up-with',
    signal: 'cause',
    weight: 2,
    reason:
      'Errors that line up with one component ("errors line up with traffic through that device") is how responders pin a cause on it.',
    pattern:
      /\b(?:errors?|failures?|timeouts?|drops?|loss|latency|5xx)\b[^.;]{0,20}\b(?:lines? up|lined up|correlates?|correlated) with\b/i,
    examples: {
      match: ['Errors line up with traffic through that device'],
      noMatch: ['the graphs line up', 'errors went up'],
    },
  },
  {
    id: 'secrets-logged',
    signal: 'cause',
    weight: 2,
    reason:
      'A change that logs what must not be logged ("full request headers logged at INFO") is the cause of an exposure.',
    pattern:
      /\b(?:headers|cookies|bodies|payloads|tokens|keys|passwords|secrets|credentials)\b[^.;]{0,20}\b(?:logged|written to (?:the )?logs?)\b|\blogged at (?:INFO|DEBUG|TRACE)\b/i,
    examples: {
      match: ['logging change ships: full request headers logged at INFO'],
      noMatch: ['purged the affected log index', 'logged in again'],
    },
  },
  {
    id: 'on-every',
    signal: 'cause',
    weight: 1,
    reason: 'Behaviour repeated on every start or request is how a latent fault multiplies.',
    pattern: /\bon every (?:boot|start|startup|restart|request|call|deploy|run)\b|\bevery time\b/i,
    examples: {
      match: ['runs KEYS * against Redis on every boot'],
      noMatch: ['every pod restarted'],
    },
  },
  {
    id: 'is-the-root-cause',
    signal: 'cause',
    weight: 3,
    reason:
      'A line naming something as the root cause ("the node group change from this afternoon\'s IaC PR is the likely root cause") states it, even hedged with "likely": the team is saying what they found, not guessing aloud.',
    pattern:
      /(?<!\bwhat )\b(?:is|was|as|looks like|seems to be|appears to be) (?:the |our )?(?:likely |probable |apparent |actual |real |underlying )?root[\s-]*cause\b(?! (?:is|was) (?:still |not |un))/i,
    examples: {
      match: [
        "Node group change from this afternoon's infra-as-code PR is the likely root cause",
        'confirmed the cron overlap as the root cause',
      ],
      noMatch: ['what is the root cause?', 'the root cause is still unknown'],
    },
  },
  {
    id: 'root-caused-to',
    signal: 'cause',
    weight: 3,
    reason:
      'A status page\'s "Engineering has root-caused this issue to X" states the cause as plainly as "caused by".',
    pattern: /\broot[\s-]*caused (?:this|the|it)\b[^.;]{0,40}?\bto\b/i,
    examples: {
      match: ['Engineering has root-caused this issue to a faulty certificate bundle'],
      noMatch: ['we have not root-caused it yet', 'work with our partners on the root cause'],
    },
  },
  {
    id: 'cause-label',
    signal: 'cause',
    weight: 3,
    reason:
      'A sentence labelled as the cause ("RCA: ...", "The root cause was ...", "This happened because ...", "Why it could happen: ...", "What let it happen: ...", German "Ursache:", French "Cause racine :", Spanish "Causa raíz:") is the team stating it, usually written after the fact.',
    pattern:
      /^\W*(?:(?:the |our )?(?:rca|root[\s-]*cause(?:d)?(?: (?:identified|found|confirmed))?|(?:the )?cause(?: (?:identified|found|confirmed))?(?: of (?:the |this )?(?:outage|incident|failure|problem|issue))?|why(?= ?:)|why it (?:broke|happened)|why (?:it|this|that) (?:could|was able to|was allowed to) happen|why (?:it|this|that) was possible|what (?:let|allowed|enabled) (?:it|this|that) (?:to )?happen|how (?:it|this|that) could happen)\s*(?:[:\-–—]|is\b|was\b)\s*\S|(?:this|it|the (?:outage|incident|failure|problem|issue)) (?:happened|occurred|started|broke|failed) (?:because|due to)\b|(?:(?:die |the )?(?:grund)?ursache(?: laut [\wäöüß\s-]{1,20}?)?|auslöser war|cause (?:racine|première|principale)|causa (?:ra[ií]z|principal|ra[ií]z del problema)|(?:de )?(?:hoofd)?oorzaak|根本原因|原因)\s*(?:[:：\-–—]|war\b|ist\b|était\b|est\b|fue\b|es\b|was\b|is\b)\s*\S)/i,
    examples: {
      match: [
        'RCA: the new overview query does a full table scan',
        'Root cause identified - maintenance drained both uplinks',
        'Cause: an expired certificate on the load balancer',
        'The root cause was a memory limit of 256Mi in the new worker config',
        'This happened because the sidecar upgrade was auto-approved',
        'Ursache: Bei der Migration wurde das Passwort nicht übernommen',
        'Cause racine : le certificat a expiré',
        'Causa raíz: el disco se llenó',
        'Why it could happen: the swap step only checks that the job started',
        'What let it happen: the workers read the secret only at boot',
        '- why: the sharding scheme sent far more writes to one of the 5 Postgres instances',
        'Ursache laut Team: Wartung des Cloud-Anbieters, Reboot mehrerer VMs',
      ],
      noMatch: [
        'causes: unknown?',
        'because the disk filled up',
        'Root cause',
        'we will find out why it could happen',
        'why?',
      ],
    },
  },
  {
    id: 'identified',
    signal: 'cause',
    weight: 1,
    reason: 'A line that says the problem was found usually names it.',
    pattern: /\b(?:identified|found (?:the|that|it)|confirmed|the (?:problem|issue) (?:is|was))\b/i,
    examples: {
      match: ['Identified: PR #2847 missing close() in the error handler'],
      noMatch: ['looking for the problem'],
    },
  },
  {
    id: 'impact-figures',
    signal: 'cause',
    weight: -2,
    reason:
      'A sentence of several shares ("45% ... 0.4% ...") measures impact; it does not explain it.',
    pattern: /\d(?:\.\d+)?\s?%.*\d(?:\.\d+)?\s?%/,
    examples: {
      match: ['up to 45% stuck; 0.4% unrecoverable (new bug)'],
      noMatch: ['the pool was at 98% because of a leak'],
    },
  },
  {
    id: 'about-detection',
    signal: 'cause',
    weight: -2,
    reason: 'How the incident was noticed is detection, not cause.',
    pattern:
      /^\W*detection\b|\bdetect(?:ed|ion) (?:was|took|came)\b|\bthe page (?:actually )?came from\b|\bno (?:alert|page|alarm|monitor|check)s? (?:fired|went off|triggered|checks?|covers?|watch(?:es|ed)?)\b|\bnothing (?:paged|alerted)\b|\b(?:support|a customer|customers|users) (?:found|noticed|spotted) it\b/i,
    examples: {
      match: [
        'Detection was indirect - a brief notice',
        'detection took way too long',
        'no alert fired - the mailer counts a dropped message as sent',
        'no alert checks receipt VAT; nothing paged us, support found it',
      ],
      noMatch: ['the bug was detected by a test'],
    },
  },
  {
    id: 'failure-returned',
    signal: 'cause',
    weight: -2,
    reason:
      'A report that the failure came back ("regression - uploads stuck again", "errors are back") is a symptom seen a second time, not why it happened; "regression" there means a relapse, not a code bug (issue 12: the judges found symptoms told as the root cause).',
    pattern:
      /\b(?:stuck|failing|broken|down|erroring|timing out|missing|hanging|slow|spiking|climbing)\s+again\b|\b(?:errors?|failures?|5xxs?|timeouts?|issues?|problems?|alerts?)\s+(?:are|is)\s+back\b(?!\s+(?:to|under|below|within)\b)|\bre-?open(?:ed|ing)\b/i,
    examples: {
      match: [
        'regression - uploads stuck again, new tickets coming in',
        'errors are back, incident reopened',
      ],
      noMatch: [
        'a regression in v2.3 drops the auth header',
        'errors are back to baseline',
        'the cache was slow to warm again after each restart because of a missing index',
      ],
    },
  },
  {
    id: 'impact-forecast',
    signal: 'cause',
    weight: -2,
    reason:
      'What users will suffer from a decision ("Downside: ..., so the site will be unusable for many users") is impact foreseen, not the mechanism of the failure (issue 12: an impact line told as the root cause).',
    pattern:
      /^\W*(?:the )?(?:downside|trade-?off|cost|impact)\s*:|\b(?:will|would) (?:be|stay|remain) (?:unusable|unavailable|down|degraded|slow|read-only|broken)\b|\bunusable for (?:many |most |all |some )?(?:users|customers|people)\b/i,
    examples: {
      match: [
        "Downside: East apps can't handle cross-country latency, so the site will be unusable for many users",
        'checkout will stay degraded until the replicas catch up',
      ],
      noMatch: [
        'the pool was unusable because of a leak',
        'the downside of the retry loop was never tested',
      ],
    },
  },
  {
    id: 'never-happened',
    signal: 'cause',
    weight: 2,
    reason:
      'A step that should have happened and never did ("a cleanup cron never ran after the image change", "the new certificate was never deployed") is how a missing step, the cause, is told.',
    pattern:
      /\b(?:never|did(?:n'?t| not)) (?:ran|run|started|executed|got (?:deployed|applied|renewed|rotated|copied))\b|\b(?:was|were|had|has) (?:never|not) (?:been )?(?:deployed|applied|run|renewed|rotated|scheduled|enabled|copied|migrated|updated) (?:to|on|after|in|for|since)\b/i,
    examples: {
      match: [
        '/tmp filling up again, a cleanup cron never ran after the image change',
        'the rotated key was never copied to the edge nodes',
        'the new one was not deployed to the SP',
      ],
      noMatch: [
        'the cleanup job ran at 02:00',
        'deployed the new certificate to the SP',
        'the disk alert never fired',
      ],
    },
  },
  {
    id: 'speculation',
    signal: 'cause',
    weight: -2,
    reason: 'A guess during the response is not a stated cause.',
    pattern:
      /\b(?:suspect\w*|maybe|might|perhaps|possibly|hypothes\w+|theory|could be|should be|ought to be|expected to|not sure|unclear|investigating|no idea|ruling out|checking (?:if|whether))\b|\?/i,
    examples: {
      match: ['maybe the cache?', 'suspect the deploy', 'Everything should be moved over now'],
      noMatch: ['the deploy caused it', 'looks like the new regex backtracks on long inputs'],
    },
  },
  {
    id: 'diagnosis',
    signal: 'cause',
    weight: 1,
    reason:
      'A responder saying what they found ("looks like X", "the issue is X", "found it") states the cause even without the word; with a mechanism it is enough.',
    pattern:
      /\b(?:looks like|look(?:s|ed) to be|seems? (?:like|to be)|appears? to be|it'?s (?:the|a|an)\b|found (?:it|the (?:problem|issue|bug|cause))|figured (?:it )?out|narrowed (?:it )?down to|(?:i|we) think|pretty sure|the (?:problem|issue|culprit|fault) (?:is|was)|is what broke|is the (?:problem|issue|culprit))\b/i,
    examples: {
      match: ['looks like the new regex backtracks', 'found it - the cert was not uploaded'],
      noMatch: ['error rate climbing to 30%'],
    },
  },
  {
    id: 'ran-out-told',
    signal: 'cause',
    weight: 1,
    reason:
      'A sentence that tells what ran out ("the auth pool was exhausted", "the disk filled up with binlogs") explains the failure, beside the mechanism word; a bare alert title ("connection pool exhausted") does not tell it.',
    pattern:
      /\b(?:was|were|got|had been|became|is|are) (?:completely |fully |quickly )?(?:exhausted|saturated|used up|maxed out|full)\b|\b(?:filled|fills|filling) up\b|\b(?:ran|had run) out of\b/i,
    examples: {
      match: [
        'the auth pool was exhausted',
        'The runner disks filled up with cached docker layers',
        'the table was full',
      ],
      noMatch: ['connection pool exhausted on auth-db', 'disk full'],
    },
  },
  {
    id: 'ticket-header',
    signal: 'cause',
    weight: -3,
    reason:
      'A ticket\'s header ("INC-123 · Sev2 · Payments", "PD-8812 | P1 | API Gateway") names the incident, its severity and team; whatever words it holds, it states no cause.',
    pattern:
      /^\W*(?:[A-Z][A-Z0-9]{1,9}-\d+|#\d+|sev[\s-]?\d|p\d)\s*[·•|]\s*[^·•|]+(?:[·•|]\s*[^·•|]+)+$/i,
    examples: {
      match: ['INC-123 · Sev2 · Payments', 'PD-8812 | P1 | API Gateway'],
      noMatch: ['INC-123 was caused by a bad deploy', 'the cause: a typo in PAY-12'],
    },
  },
  {
    id: 'figures-only',
    signal: 'cause',
    weight: -3,
    reason:
      'A line of figures ("5xx 41% / p99 8.7s / pool 200/200", "12 / 340 / 97%") measures the failure; it cannot say why it happened.',
    pattern:
      /^\W*(?:[A-Za-z_]{0,12}\s*[:=]?\s*[<>~≈]?\d[\d.,]*\s*[A-Za-z%×]{0,3}[\s/|·,;:→>=()-]*){2,}$/,
    examples: {
      match: ['5xx 41% / p99 8.7s / pool 200/200', '12 / 340 / 97%', 'errors: 12% → 48% → 3%'],
      noMatch: [
        'disk usage at 71% because binlogs were kept for 30 days',
        'the pool was set to 50 instead of 200',
      ],
    },
  },
  {
    id: 'quoted-alert-title',
    signal: 'cause',
    weight: -3,
    reason:
      'An alert\'s title in quotes or behind its state ("\\"[FIRING] AuthDBConnectionsSaturated: pool exhausted\\"") is what the monitor saw, the symptom, never why it happened.',
    pattern:
      /^\W*(?:\[(?:FIRING|ALERT|TRIGGERED|CRITICAL|ALARM)[^\]]*\]|(?:alert|triggered|firing)\s*:)|^\s*["“][^"”]{3,160}["”]\s*(?:alert\s*)?(?:fired|firing|triggered|went off|opened)?\W*$/i,
    examples: {
      match: [
        '"[FIRING] AuthDBConnectionsSaturated: connection pool exhausted on auth-db"',
        '"Runner disk usage critical: 100% on ci-runner-7"',
        '[FIRING:1] DiskFull: /var filled up',
        'Triggered: pool exhausted',
      ],
      noMatch: ['the pool was exhausted because the job held 180 connections'],
    },
  },
  {
    id: 'mechanism',
    signal: 'cause',
    weight: 1,
    reason:
      'Words that name how systems fail (backtracking, exhaustion, expiry, a hot key, a retry storm) explain a failure rather than report it.',
    pattern:
      /\b(?:backtrack\w*|exhaust(?:ed|s|ing|ion)|saturat(?:ed|es|ing|ion)|starv(?:ed|es|ing|ation)|ran out of|runs? out of|running out of|out of (?:memory|disk|space|connections|file descriptors|inodes)|OOM[\w-]*|overflow\w*|expir(?:ed|es|y)|hot (?:partition|key|shard|spot)|hotspot|thundering herd|retry storm|stampede|N\+1|full table scan|lock contention|contention|evict(?:ed|s|ing|ion)|fills? up|filled up|never (?:renewed|rotated|uploaded|deployed|propagated|updated|released|closed)|not (?:renewed|rotated|uploaded|propagated|released|closed)|wasn'?t (?:renewed|rotated|uploaded|deployed|propagated|updated|released|closed)|unbounded|(?:went|goes|go) over (?:the |its |a )?(?:limit|cap)|exceed(?:ed|s|ing)? (?:the |its |a )?(?:limit|cap|maximum|max)|panic(?:ked|s)?|misrout\w*|split[\s-]brain|stale (?:cache|data|config|entries|records|dns))\b/i,
    examples: {
      match: [
        'the new regex backtracks on long inputs',
        'the new cert was never uploaded to the SP',
        'the pool ran out of connections',
        'the doubled file went over the limit',
      ],
      noMatch: ['error rate at 30%', 'restarted the pods'],
    },
  },
  {
    id: 'fails-every',
    signal: 'cause',
    weight: 2,
    reason:
      'A thing that breaks every one of something ("a poison message crashes every consumer that reads it", "the job deadlocks on the ledger lock") says how the failure works: a stated mechanism, with or without a cause word.',
    pattern:
      /\b(?:crash(?:es|ed)?|kill(?:s|ed)|breaks|broke|blocks|blocked|hangs|hung|stalls|stalled|wedg(?:es|ed)|OOMs)\b[^.;]{0,40}?\b(?:every|all|each|any)\b|\bdeadlock(?:s|ed)? on\b|\b(?:opens?|holds?|creates?|spawns?) (?:one|a|a new) [\w-]+ (?:per|for every|for each) [\w-]+/i,
    examples: {
      match: [
        'a poison message with a 40 MB payload crashes every consumer that reads it',
        'workers deadlocked on the ledger lock',
        'the client opens one connection per tenant',
      ],
      noMatch: [
        'restarted every consumer',
        'all consumers crashed at 06:10',
        'killed the report query',
      ],
    },
  },
  {
    id: 'silent-failure',
    signal: 'cause',
    weight: 2,
    reason:
      'A component that fails while reporting success ("drops every message ... and still reports success") is why nothing alerted and users were hit: a stated mechanism.',
    pattern:
      /\b(?:silently|still reports? (?:success|ok|healthy|sent)|report(?:s|ed|ing)? success|swallow(?:s|ed|ing)? (?:the )?(?:error|exception)s?|drops? (?:every|all|each)\b|dropp(?:ed|ing) (?:every|all|each)\b|without (?:an )?(?:error|warning)|counts? (?:a |the )?\w+ (?:message|request|job) as (?:sent|success\w*|done))\b/i,
    examples: {
      match: [
        'mailer v3.2 drops every message with an attachment and still reports success',
        'pg_dump was silently failing',
      ],
      noMatch: ['errors drop to zero', 'the success rate recovered'],
    },
  },
  {
    id: 'provider-side',
    signal: 'cause',
    weight: 2,
    reason:
      'A provider confirming the fault is theirs ("an outage on their side") states the cause, even when the team could only route around it.',
    pattern:
      /\b(?:on (?:their|the provider'?s?|the vendor'?s?|the upstream|aws'?s?|gcp'?s?|azure'?s?) (?:side|end)|(?:provider|vendor|upstream|third[\s-]party|supplier|carrier|isp)(?:'s)? (?:[\w-]+ ){0,2}(?:outage|incident|failure|issues?|problems?|disruption|is down|was down)|(?:provider|vendor|supplier) (?:which|that) (?:is|was) (?:having|experiencing|suffering) an? (?:\w+ )?(?:outage|incident|failure)|(?:provider|vendor)(?:'s)? status page\s*:\s*\S)\b/i,
    examples: {
      match: [
        'payment provider confirms an outage on their side',
        'the upstream DNS provider outage',
        'carrier connectivity issues in the EU',
        'that storage is partly on a third-party cloud provider which is having an outage',
        'our e-mail provider\'s status page: "delivery delays for EU mailboxes"',
      ],
      noMatch: ['switched to the backup payment provider', 'the outage on our side ended'],
    },
  },
  {
    id: 'cause-unknown',
    signal: 'cause',
    weight: -4,
    reason:
      'A sentence that says nobody knows the cause yet ("neither Heroku nor Salesforce has said what the root cause was") names none.',
    pattern:
      /\b(?:not|nor|n't|never|nobody|no one|neither)\b[^.;]{0,50}\b(?:said|told|shared|know[ns]?|known|found|determined|identified|confirmed)\b[^.;]{0,25}\b(?:root[\s-]*)?cause\b|\b(?:root[\s-]*)?cause (?:is |remains |was )?(?:still )?(?:unknown|unclear|not (?:yet )?(?:known|clear))\b|\bno (?:root[\s-]*)?cause (?:yet|identified|found)\b/i,
    examples: {
      match: [
        'as of now neither Heroku nor Salesforce has said what the root cause was',
        'root cause still unknown',
        'Investigating, no cause yet.',
      ],
      noMatch: ['the root cause was an expired certificate'],
    },
  },
  {
    id: 'hardware-fault',
    signal: 'cause',
    weight: 2,
    reason: 'A piece of hardware that failed ("a hardware network interface issue") is what broke.',
    pattern:
      /\bhardware (?:[\w-]+ ){0,3}(?:issue|fault|failure|problem|error)s?\b|\b(?:nic|disk|drive|psu|power supply|fan|dimm|memory module|switch|router|component|line card) (?:failure|fault|died|failed)\b|\b(?:faulty|defective|failing|failed|broken) (?:[\w-]+ ){0,2}(?:line ?card|card|router|switch|disk|drive|nic|psu|optic|transceiver|cable|module|component|device|hardware)s?\b/i,
    examples: {
      match: [
        'the backend server encountered a hardware network interface issue',
        'a faulty line card in edge-3 was dropping packets',
        'a component failure cut capacity on this router',
      ],
      noMatch: ['replaced the hardware', 'hardware refresh planned'],
    },
  },
  {
    id: 'removed-by-the-change',
    signal: 'cause',
    weight: 2,
    reason:
      'Something the system relied on that a change took away ("selected by the master label, which 1.24 removed -> routes gone") is the mechanism, written as cause then effect.',
    pattern:
      /(?<!(?:^|[;:.!?])\W*)\b(?:which|that) (?:[\w.-]+ ){0,2}(?:removed|deleted|dropped|renamed|deprecated|broke|disabled)\b|\b(?:was|were|had been|has been|got) (?:silently |accidentally )?(?:dropped|deleted|removed|overwritten|disabled|truncated|reverted|wiped|purged|renamed) by (?:the |a |an |our |last night's |yesterday's )?(?:[\w-]+ )?(?:migration|cleanup|cron|job|script|deploy(?:ment)?|release|change|refactor|config(?:uration)? (?:push|sync|change)|sync|rollout|automation|upgrade|terraform|ansible|puppet)\b|\S\s*(?:->|→)\s*(?:[\w-]+ ){1,3}(?:gone|lost|broken|down|stopped|failing|failed|dropped)\b/i,
    examples: {
      match: [
        'the route reflectors were selected by the master label, which 1.24 removed -> routes gone',
        'the index on coupons.code was dropped by migration 0412 on 2026-11-13',
        'the allowlist had been overwritten by the nightly config sync',
      ],
      noMatch: [
        'rolled back -> errors drop',
        'the label that we added',
        'Cause isolated; that configuration disabled.',
        'requests were dropped by the load balancer',
      ],
    },
  },
  {
    id: 'stuck-state',
    signal: 'cause',
    weight: 2,
    reason:
      'A component that kept a dead or stale state after a change ("still holding dead upstream connections, not reconnecting") is why the change hurt users.',
    pattern:
      /\bstill (?:holding|using|pointing at|serving|caching|sending to)\b.{0,30}\b(?:dead|stale|old|closed|removed|deleted|previous)\b|\bnot (?:reconnect\w*|failing over|falling back|refresh\w*|re-?resolv\w*)\b/i,
    examples: {
      match: [
        'PgBouncer still holding dead upstream connections, not reconnecting like previous failovers',
      ],
      noMatch: ['still investigating the pooler', 'the pooler reconnected'],
    },
  },
  {
    id: 'broken-artefact',
    signal: 'cause',
    weight: 2,
    reason:
      'A broken or bad artefact that systems picked up ("the same broken node image", "a bad config file") is what failed, beyond the change that shipped it.',
    pattern:
      /\b(?:broken|bad|faulty|corrupt(?:ed)?|malformed|invalid|defective|buggy|oversized|doubled|truncated)\s+(?:[\w.-]+\s+){0,2}(?:image|config(?:uration)?|file|build|release|version|certificate|cert|kernel|firmware|package|binary|rule|rules|template|manifest|schema|query|index|record|entry|entries|feature file|credentials?)\b/i,
    examples: {
      match: [
        'both pools had picked up the same broken node image',
        'a malformed feature file doubled in size',
      ],
      noMatch: ['the bad news is the pool is full', 'replaced the node image'],
    },
  },
  {
    id: 'failing-with-reason',
    signal: 'cause',
    weight: 1,
    reason:
      'A failure followed by a colon and its reason ("image pull failing: registry credentials expired") names why it failed.',
    pattern: /\b(?:fail(?:ing|ed|s|ure)?|broken|down|errors?|refused|rejected|denied)\s*:\s*\S/i,
    examples: {
      match: ['runner image pull failing: registry credentials expired'],
      noMatch: ['Failed attempt', 'errors at 40%'],
    },
  },
  {
    id: 'stale-copy',
    signal: 'cause',
    weight: 2,
    reason:
      'A copy that was behind ("a replica that was 9 minutes behind", "replication lag") is why writes were lost when it took over.',
    pattern:
      /\b(?:replica|secondary|standby|follower|mirror|copy)\b.{0,30}\b\d+\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hours?) behind\b|\b(?:promot\w+|fail(?:ed)? ?over to|failover to) (?:a |the )?(?:lagging|stale|out-of-date) (?:replica|secondary|standby|follower)\b/i,
    examples: {
      match: [
        'automatic failover to a replica that was 9 minutes behind',
        'promoted a lagging replica',
      ],
      noMatch: [
        'the replica caught up',
        'we were 9 minutes behind schedule',
        'Paged: replication lag on orders-db',
      ],
    },
  },
  {
    id: 'about-the-document',
    signal: 'cause',
    weight: -4,
    reason:
      'A banner about the paste itself ("All times are PST", "copied from the bridge channel") describes the document, not the incident.',
    pattern:
      /\b(?:all )?times? (?:are|is|in|shown in) (?:[A-Z]{2,5}|utc|local|our|pacific|eastern|central)\b|\btime ?zone\b|\bthis (?:doc|document|paste|export|transcript|write-?up)\b|^\W*the (?:doc|document|paste|export|transcript|write-?up) (?:is|was|has|covers)\b|\bpasted? (?:below|above)\b|^\W*(?:pasted|copied|exported) (?:from|out of)\b|\bmy paste\b|\bmy paste\b|\b(?:[A-Z]{1,4}T|UTC|GMT)\s*=\s*(?:UTC|GMT)\s*[+\-−]\s*\d|\b(?:UTC|GMT)\s*[+\-−]\s*\d{1,2}\b.*\b(?:so|i\.e\.|means)\b/i,
    examples: {
      match: [
        'All times are PST since the team is in SF',
        'Copied from the #inc-123 channel',
        'Team on the US west coast: PST = UTC-8, so the start was 4:23 PM PST',
      ],
      noMatch: [
        'the cron job ran at the wrong time because of DST',
        'The root cause was a memory limit copied from the staging template',
        'a bug in the export job',
      ],
    },
  },
  {
    id: 'lesson-label',
    signal: 'cause',
    weight: -5,
    reason:
      'A lesson\'s heading or label ("What went wrong:", "We got lucky:", "Lessons") says what the team learnt, in the Lessons section; its "went wrong" is no cause.',
    pattern:
      /^\W*(?:(?:what|things that|where) )?(?:went (?:well|wrong|badly)|(?:we )?got lucky|lessons?(?: learn(?:ed|t))?|was (?:gut|schlecht) lief|ce qui a (?:bien |mal )?(?:fonctionné|marché)|lo que (?:salió|fue) (?:bien|mal))\b/i,
    examples: {
      match: [
        'What went wrong: our dashboards showed the queue as healthy',
        'Went well:',
        'Lessons',
      ],
      noMatch: ['the traffic shift went wrong because of a typo'],
    },
  },
  {
    id: 'outside-report',
    signal: 'cause',
    weight: -3,
    reason:
      'A customer\'s or colleague\'s report ("ticket from Acme: uploads fail because your site is down") tells what they saw and what they guess; the team states the cause.',
    pattern:
      /^\W*(?:(?:zendesk|freshdesk|support|helpdesk|intercom)\b[^:]{0,20}:\s*)?(?:(?:new |support )?ticket (?:from|#)|(?:a |one )?(?:customer|client|merchant|user)s? (?:says?|said|reports?|reported|writes?|wrote|complains?|tweets?|emails?)\b|kunde (?:meldet|schreibt)|(?:le )?client (?:signale|écrit)|(?:el )?cliente (?:reporta|dice))/i,
    examples: {
      match: [
        'ticket from Brightlane Ltd: uploads fail because your site is down',
        'Customer says checkout broke after your deploy',
        'Kunde meldet: Login geht nicht, weil die Seite hängt',
      ],
      noMatch: ['the root cause was a bad customer import'],
    },
  },
  {
    id: 'not-on-our-side',
    signal: 'cause',
    weight: -5,
    reason:
      'Someone saying the fault is not theirs ("nothing on our side", "reports no issue on their end", "not ours") rules a cause out; it states none.',
    pattern:
      /\b(?:nothing|no (?:issues?|problems?|incidents?|errors?|faults?|outage)|not|isn'?t|wasn'?t) (?:(?:on|at|from|in) (?:our|their|the vendor'?s?|the provider'?s?|its|his|her) (?:side|end|part)|ours|theirs)\b|\b(?:status page|dashboards?) (?:is |are |shows? |was )?(?:all )?green\b/i,
    examples: {
      match: [
        'Fastnet support: nothing on our side, the edge is healthy',
        'Our cloud provider reports no issue on their end.',
        'AWS says it is not on their side',
      ],
      noMatch: ['payment provider confirms an outage on their side'],
    },
  },
  {
    id: 'ruled-out',
    signal: 'cause',
    weight: -3,
    reason: 'A cause that was excluded.',
    pattern:
      /\b(?:ruled out|not the cause|wasn'?t the cause|red herring|false alarm)\b|(?<!\()\bunrelated\b(?! [\w-]+\))/i,
    examples: {
      match: ['DNS ruled out', 'the deploy was unrelated'],
      noMatch: [
        'the deploy broke DNS',
        'a change to our firewall policy (unrelated work) put load on DNS',
      ],
    },
  },
  {
    id: 'missing-safeguard',
    signal: 'cause',
    weight: 2,
    reason:
      'A tool or system that lacks a guard ("has no production check", "a tooling gap") is the systemic cause a blameless postmortem names.',
    pattern:
      /\b(?:has|had|have) no (?:[\w-]+ ){0,2}(?:guard|guardrail|safeguard|check|validation|confirmation|protection|limit|timeout|fallback)s?\b|\bwithout (?:a |an |any )?(?:[\w-]+ )?(?:guard|guardrail|safeguard|validation|confirmation)\b|\b(?:tooling|process|safety) gap\b/i,
    examples: {
      match: [
        'the reindex script takes the cluster as a free-text argument and has no production guard',
        'this is a tooling gap, not his fault',
      ],
      noMatch: ['no alert covers invoice currency', 'added a production guard'],
    },
  },
  {
    id: 'person-blamed',
    signal: 'cause',
    weight: -2,
    reason:
      'A sentence whose subject is a person who did something ("Marco ran the script") tells who, not why; a blameless postmortem states the gap that let it happen.',
    pattern:
      /^(?:@?[\w.-]+\s*:\s+)?(?!(?:The|A|An|It|We|They|This|That|Our|Their|Its|On|In|At|After|Before|When|Once|Then|Someone|Nobody|Everyone)\b)[A-Z][a-z]{1,15} (?:ran|run|deleted|dropped|pushed|typed|merged|applied|executed|forgot|removed|changed|deployed|restarted|killed|wiped|misconfigured)\b/,
    examples: {
      match: ['Dana: Marco ran the reindex script against prod instead of staging'],
      noMatch: [
        'The migration ran on primary instead of the replica',
        'cron ran the migration twice',
      ],
    },
  },
  {
    id: 'decision-reason',
    signal: 'cause',
    weight: -3,
    reason:
      'The reason for a choice the team makes or cannot make ("we can\'t rotate them because ...", "we can\'t reproduce it, so ...") explains a decision, not the failure.',
    pattern:
      /\b(?:we|i) (?:can'?t|cannot|could ?n[o']t|won'?t|will not|did ?n[o']t want to|decided (?:to|not to)|chose (?:to|not to))\b/i,
    examples: {
      match: [
        "We can't rotate them for customers because receivers would start rejecting deliveries",
        "We can't reproduce this kind of failover, so we can't be sure it will work",
      ],
      noMatch: ["the client can't reach the database because the pool was full"],
    },
  },
  {
    id: 'symptom-onset',
    signal: 'cause',
    weight: -2,
    reason:
      'A line that says what users started to see ("invoices start going out in USD instead of EUR") is the first sign of impact, whatever words it uses.',
    pattern:
      /\b(?:start(?:s|ed)?|began|begin(?:s|ning)?) (?:going out|showing|returning|failing|timing out|erroring|to (?:fail|show|return|time out|go out))\b/i,
    examples: {
      match: ['invoices for EU customers start going out in USD instead of EUR'],
      noMatch: ['the job started the migration on primary instead of the replica'],
    },
  },
  {
    id: 'announcement',
    signal: 'cause',
    weight: -3,
    reason:
      'A line that only says the cause was found ("Root cause identified and working on the fix", "This is the likely cause") names nothing; the sentences around it do.',
    pattern:
      /^\W*(?:root[\s-]*cause|the cause) (?:identified|found|confirmed)\s*(?:$|and\b|[.,;])|\b(?:problem|issue|cause) (?:was|were) (?:identified|found) (?:at|by|around|after)\b|^\W*(?:this|that|which) (?:is|was|looks like|seems to be) (?:the |our )?(?:likely |probable |most likely |root )?cause\W*$/i,
    examples: {
      match: [
        'Root cause identified and working on rolling out the fix',
        'This is the likely cause.',
        'The problem was identified at 16:49, and we started rolling out a fix by 17:03.',
      ],
      noMatch: ['Root cause identified - maintenance drained both uplinks'],
    },
  },
  {
    id: 'change-rolled-out',
    signal: 'trigger',
    weight: 2,
    reason: 'A change reaching production is the usual trigger.',
    pattern:
      /\b(?:deploy(?:ed|ment|s)?|rolled out|roll-?out|released?|shipped|merged|pushed|migrat(?:ed|ion)|upgrad(?:ed|e)|config(?:uration)? (?:change|push|update)|(?:kernel|os|firmware|package|dependency|driver|library|agent|image|security) (?:update|upgrade|patch)|a change to (?:our |the )?[\w-]+|reconfigur(?:ation|ed|ing)|enabled|turned on|flipped|switch(?:ed)? (?:to|over)|cut ?over|now point at|went live|went out|(?:automated |automatic )?(?:capacity )?scaling (?:activity|event|of)|capacity (?:scaling|addition|increase|change)|add(?:ed|ing) capacity|(?:network|routing|firewall|dns|bgp|schema|traffic) (?:change|shift|migration)|bulk (?:update|import|delete|load|change|edit|migration)|swapp(?:ed|ing) out|went (?:in)?to (?:prod|production)|new (?:[\w.-]+ ){0,2}(?:rules?|config\w*|version|release|build|query|code|flag|setting|feature|policy|schema|index|image))\b/i,
    examples: {
      match: [
        'cache-warmer v4.1 rolled out',
        'ALBs now point at the new Traefik v2 ingress',
        'enabled the new flag',
        'a bad regex in the new WAF rule is eating all CPU',
        'a kernel update on the eu-west-1b pool broke conntrack',
        'we attempted a reconfiguration of the hosts that serve the web dashboard',
        'Automated capacity scaling of one service on the main network',
        'Bulk update of group memberships expands into millions of changes',
        'Network change for routine capacity scaling in one zone',
        'Swapping out a failing optical module drops the link',
      ],
      noMatch: ['rolled back to v4.0', 'latency normal'],
    },
  },
  {
    id: 'command-run',
    signal: 'trigger',
    weight: 2,
    reason: 'A command, script or job someone ran sets many incidents off.',
    pattern:
      /\b(?:runs?|ran|executed?s?|kick(?:s|ed)? off|start(?:s|ed)?) (?:the |a |an )?(?:\w+ )?(?:command|script|job|migration|maintenance|playbook|batch|cron)\b/i,
    examples: {
      match: ['an engineer runs the command to pull servers', 'cron ran the migration'],
      noMatch: ['the job queue grew'],
    },
  },
  {
    id: 'external-event',
    signal: 'trigger',
    weight: 2,
    reason: 'An outside event (power, fibre, a provider, a traffic surge) sets incidents off too.',
    pattern:
      /\b(?:power (?:loss|outage|disruption|failure)|(?:disruption|outage|failure|loss) (?:in|of) the power\b|fib(?:er|re) (?:cut|damage\w*)|damaged fib(?:er|re)|traffic (?:spike|surge|jump|increase)|(?:load|request|usage) (?:spike|surge)|surge (?:of|in|from)|(?:marketing |email |promo\w* )?campaign|(?:email|e-mail|newsletter|mailing|mailer|push(?: notification)?|sms|notification|blast)s? (?:went|go(?:es)?) out|(?:email|e-mail|newsletter|mailing|mailer|push(?: notification)?|sms|notification|blast)s? (?:was |were |got )?sent (?:out )?to (?:all |every |our |~|about )?(?:\d[\d,.]*\s?[km]?|all|every|our|the whole)|(?:sale|launch|promotion) (?:started|began|went live)|(?:sales?|tickets?|registrations?|pre-?orders?|sign-?ups?|enrol?ments?)(?: [\w'-]+){0,4} (?:opened|went live|went on sale)|traffic (?:at |hit |reached |rose to |jumped to )?(?:about |~)?\d+(?:\.\d+)?\s?(?:x|×|times)(?= |$)|batch job|flash sale|upstream (?:outage|provider)|(?:having|had|has) an outage on their side|ddos|dos attack|denial[\s-]of[\s-]service|maintenance|certificate expired|cert expired|disk failed|hardware failure)\b/i,
    examples: {
      match: [
        'power disruption in the data centre',
        'Brief disruption in the power systems of the primary DC',
        'damaged fiber between sites',
        'Marketing campaign email went out to 2M users',
        'Black Friday email sent to 2.1M subscribers',
        'push notification sent to all iOS users',
        'Traffic surge from a partner batch job',
        'Acme CDN is having an outage on their side',
        'large-scale DDoS against our DNS provider',
        'Sales for the winter tour opened, traffic 12x normal',
        'Ticket pre-orders for the new console went live',
        'traffic at 5x the usual Monday peak',
      ],
      noMatch: [
        'all systems normal',
        'the sales dashboard loads slowly',
        'sent the status email to the team',
      ],
    },
  },
  {
    id: 'expired-or-taken-away',
    signal: 'trigger',
    weight: 2,
    reason:
      'Something the system needs running out or being taken away (a certificate expiring, a key deleted, a service disabled by a tool) sets an incident off as surely as a deploy.',
    pattern:
      /\b(?:certificate|cert|token|keys?|credentials?|password|licen[cs]e|domain|secret|lease)\b(?:[^.;]|\.(?=\S)){0,40}\b(?:expired|lapsed)\b|\b(?:deleted|removed|revoked|disabled|deactivated|wiped|rotated|purged|drops|dropped|truncated)\s+(?:the |a |an |all |every |its |our )?(?:old |previous |existing |prod(?:uction)? )?(?:[\w.-]+ ){0,2}(?:keys?|tokens?|credentials?|secrets?|service|services|nodes?|servers?|hosts?|instances?|tables?|database|bucket|records?|certificates?|certs?|dns|zone|routes?|volumes?)\b/i,
    examples: {
      match: [
        'The wildcard certificate for *.shop.example expired',
        'remediator marked search-api unhealthy and disabled the service on all nodes',
        'rotated the R2 access keys and deleted the old key',
        'weekly cleanup job drops the infobox cache table',
      ],
      noMatch: [
        'the certificate expires in 30 days',
        'deleted the stuck pods',
        'restarted the service',
      ],
    },
  },
  {
    id: 'why-it-works',
    signal: 'cause',
    weight: -3,
    reason:
      'A "because" that explains why something kept working ("sessions keep working because sessionstore is multi-DC") is no cause of the failure.',
    pattern:
      /\b(?:keeps?|kept|still|stay(?:s|ed)?|remain(?:s|ed)?|(?:is|are|was|were)(?: still)?) (?:working|fine|ok|okay|healthy|unaffected|up|serving|running)\b[^.;]{0,30}\bbecause\b/i,
    examples: {
      match: ['sessions keep working because sessionstore is multi-DC'],
      noMatch: ['logins failed because the session store was full'],
    },
  },
  {
    id: 'capacity-shortfall',
    signal: 'cause',
    weight: 2,
    reason:
      'Responders concluding there was too little of something ("4 pods was already under capacity") state why it broke.',
    pattern:
      /\b(?:(?:was|were|is|are) (?:already )?under[- ]capacity|under-?provisioned|too (?:few|small) (?:\w+ )?(?:pods|nodes|replicas|instances|servers|workers)|(?:ran|runs|running) out of (?:memory|disk|space|capacity|connections|threads|file descriptors))\b/i,
    examples: {
      match: [
        'so 4 pods was already under capacity, and those VMs cannot fit more',
        'the pool was under-provisioned for the sale',
      ],
      noMatch: ['added capacity to the pool'],
    },
  },
  {
    id: 'purpose-clause',
    signal: 'cause',
    weight: -3,
    reason:
      'A responder\'s action with its purpose ("merged the fix so the changes are in git", "pausing jobs so they stop writing") says why they acted, not why it broke.',
    pattern:
      /^\W*(?:[\w!-]+\s+){0,2}?(?:merg(?:ed|ing)|bump(?:ed|ing)|paus(?:ed|ing)|deploy(?:ed|ing)|push(?:ed|ing)|add(?:ed|ing)|rais(?:ed|ing)|mov(?:ed|ing)|restart(?:ed|ing)|scal(?:ed|ing)|disabl(?:ed|ing)|enabl(?:ed|ing)|appl(?:ied|ying)|chang(?:ed|ing)|lock(?:ed|ing)|drain(?:ed|ing)|throttl(?:ed|ing))\b(?:[^.;,]|\.(?=\w)){0,80}\bso (?:that )?(?:it|they|we|jobs|the|every|each|all|nothing|no)\b/i,
    examples: {
      match: [
        'merged 604844 so the emergency changes for eqiad and codfw are in git',
        'Pausing webhook delivery and Pages builds so jobs stop writing push metadata',
        'bumping sessionstore capacity so it does not fall over under load',
        'moved the resizer back to 3.1 so the frame limit is in force again',
      ],
      noMatch: [
        "the v2 config didn't let insecure headers through, so x-forwarded-proto flipped",
        'the deploy added a retry loop, so every client hammered the API',
      ],
    },
  },
  {
    id: 'names-the-trigger',
    signal: 'cause',
    weight: -3,
    reason:
      'A sentence that calls something the trigger ("initial trigger: requests went from 15k to 20k", "configuration identified as the trigger") names what set the incident off, not why it could.',
    pattern: /\bas the trigger\b|\b(?:initial |the |immediate )?trigger\s*(?::|=|was\b|is\b)/i,
    examples: {
      match: [
        'initial trigger: session requests went from 15k to 20k',
        'Customer configuration identified as the trigger.',
      ],
      noMatch: ['the alert triggered', 'triggered by a config push'],
    },
  },
  {
    id: 'trigger-named',
    signal: 'trigger',
    weight: 3,
    reason: 'The same sentence, read for the trigger: it names it outright.',
    pattern: /\bas the trigger\b|\b(?:initial |the |immediate )?trigger\s*(?::|=|was\b|is\b)/i,
    examples: {
      match: ['initial trigger: session requests went from 15k to 20k'],
      noMatch: ['the alert triggered'],
    },
  },
  {
    id: 'triggered-by',
    signal: 'trigger',
    weight: 3,
    reason: 'Names the trigger outright.',
    pattern:
      /\b(?:triggered by|trigger(?:ed)? was|set off by|kicked off by|started (?:right )?after)\b/i,
    examples: {
      match: ['the incident was triggered by a config push'],
      noMatch: ['the alert triggered'],
    },
  },
  {
    id: 'undone-change',
    signal: 'trigger',
    weight: -3,
    reason: 'Undoing a change is the mitigation, not the trigger.',
    pattern:
      /\broll(?:ed|ing|s)?\b(?:\s+[\w.-]+){0,3}\s+back\b|\brollback\b|\brevert\w*|\bdisabl\w+/i,
    examples: {
      match: ['rolled cache-warmer back to v4.0', 'reverted PR #12', 'disabled the flag'],
      noMatch: ['rolled out v4.1'],
    },
  },
];
