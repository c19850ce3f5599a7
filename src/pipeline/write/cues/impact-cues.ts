/**
 * What a figure means and what users must hear: whether a percentage is a failure rate (and not
 * a normal baseline, a success rate or packet loss), whether data was lost, whether users must
 * do anything.
 */
import { USER_NOUNS } from '../builtin/user-words.js';
import type { Cue } from './cue.js';

export type FigureSignal = 'failure-rate' | 'not-failure-rate';

export const FIGURE_CUES: readonly Cue<FigureSignal>[] = [
  {
    id: 'share-failing',
    signal: 'failure-rate',
    weight: 3,
    reason: 'A share of requests that failed or returned errors.',
    pattern:
      /\d\s?%\s+(?:of\s+)?(?:all\s+)?(?:requests|calls|queries|transactions|checkouts|logins|api calls)\s+(?:fail\w*|return\w*\s+(?:5\d\d|errors?)|erroring|error(?:ed)?|timing out|timed out)|\b(?:error rate|failure rate|5xx(?: rate)?|errors?)\s*(?:(?:climbing|climbed|rising|rose|spiked|jumped|went up|up)\s+)?(?:at|of|is|was|:|=|to|hit|reached|peaked at)?\s*~?\d+(?:\.\d+)?\s?%/i,
    examples: {
      match: [
        '23% of requests returning 503',
        'payments API 5xx at 40%',
        'Error rate: 23%',
        'error rate climbing to 30%',
      ],
      noMatch: ['normally 90% of retries succeed', '7% packet loss'],
    },
  },
  {
    id: 'baseline',
    signal: 'not-failure-rate',
    weight: 4,
    reason: 'A normal or expected value describes the baseline, not the incident.',
    pattern:
      /\b(?:normally|usually|typically|baseline|expected|as usual|on a normal day|nominal)\b/i,
    examples: {
      match: ['normally 90% of retries succeed', 'baseline 404 rate 85%'],
      noMatch: ['5xx at 40%'],
    },
  },
  {
    id: 'success-share',
    signal: 'not-failure-rate',
    weight: 3,
    reason: 'A share that succeeded is the opposite of a failure rate.',
    pattern:
      /\b(?:succeed\w*|success(?:ful)?|pass(?:ed|ing)?|healthy|hit rate|available|availability)\b/i,
    examples: {
      match: ['90% of retries succeed', 'success rate 60%'],
      noMatch: ['40% of requests failing'],
    },
  },
  {
    id: 'other-quantity',
    signal: 'not-failure-rate',
    weight: 3,
    reason: 'Packet loss, 404s, CPU or capacity are their own quantities, told with their words.',
    pattern: /\b(?:packet loss|404s?|cpu|memory|disk|capacity|utili[sz]ation|pool|cache)\b/i,
    examples: {
      match: ['7% packet loss', 'highest 404 rate 85%', 'pool at 98% capacity'],
      noMatch: ['5xx at 40%'],
    },
  },
];

export type UserNoticeSignal = 'data-lost' | 'data-exposed' | 'no-data-lost' | 'user-action';

export const USER_NOTICE_CUES: readonly Cue<UserNoticeSignal>[] = [
  {
    id: 'no-data-lost',
    signal: 'no-data-lost',
    weight: 3,
    reason: 'The input says no data was lost.',
    pattern:
      /^(?!.*\b(?:verify\w*|checking|check(?:ed)? (?:that|whether|if)|confirm\w* (?:that|whether|if)|whether|if)\b.*\bno data\b)(?:.*?)(?:\bno (?:customer |user )?data (?:was |were )?(?:lost|loss)|\bno data loss\b|\bnothing (?:else )?was lost\b|\bdata (?:was|is) (?:safe|intact)|\bwithout (?:any )?data loss\b|\bnot lost\b)/i,
    examples: {
      match: ['No data was lost.', 'no data loss', 'writes were queued, not lost'],
      noMatch: [
        'data was lost for 2 hours',
        'Verifying everything runs normally and that no data was lost.',
      ],
    },
  },
  {
    id: 'data-lost',
    signal: 'data-lost',
    weight: 3,
    reason: 'The input says data was lost or must be re-entered.',
    pattern:
      /\b(?:(?<!\bno )data (?:was |were )?lost|lost (?:\w+ )?(?:data|changes|writes|orders|messages|edits|uploads|events|records|comments|files|accounts)|data loss|(?:writes|orders|messages|edits|uploads|events|records) (?:were |was )?(?:lost|dropped|deleted)|(?<!\b(?:index(?:es)?|indices|routes?|flags?|rules?|alerts?|jobs?|pods?|connections?|requests?|packets?|calls?|nodes?|labels?|caches?|keys?|locks?|sessions?|tokens?|certs?|certificates?|configs?|settings?|containers?|queues?|indexes)(?: [^\s;:!?]+){0,4} )(?:were|was) (?:permanently )?(?:deleted|dropped|corrupted)|(?<!\b(?:no|nothing|not)(?: \w+)? )(?:were|was) (?:permanently )?lost\b(?! (?:connectivity|connection|contact))|cannot be recovered|can'?t be recovered|could not be recovered|unrecoverable|lost for good)\b/i,
    examples: {
      match: [
        'comments posted between 15:53 and 16:02 UTC were lost with the old disk',
        'about 200 orders were lost',
        'data loss for EU tenants',
        'lost writes between 10:00 and 10:05',
        'Lost DB changes made between 17:20 and 00:00 UTC',
        'the orders table was dropped by the migration',
      ],
      // Dropping an index, a route or a request loses no one's data.
      noMatch: [
        'No data was lost.',
        'lost connectivity',
        'Nothing else was lost.',
        'the index on coupons.code was dropped by migration 0412',
        'requests were dropped at the edge',
      ],
    },
  },
  {
    id: 'never-delivered',
    signal: 'data-lost',
    weight: 3,
    reason:
      'Messages that were not delivered and will not be sent again are lost for the users who expected them, whatever word the input uses.',
    pattern:
      /\b(?:were|was) (?:not|never) (?:delivered|sent|processed|saved|stored|recorded)\b[^.;]{0,40}\b(?:will|can|could) ?(?:not|n['’]t|never) be (?:re-?sent|re-?delivered|retried|re-?processed|recovered|restored)\b/i,
    examples: {
      match: [
        'Notifications sent between 07:20 and 07:41 were not delivered and will not be resent.',
        'the 312 webhooks were never sent and cannot be retried',
      ],
      noMatch: [
        'notifications were not delivered until 07:41; all were resent',
        'emails were delayed, not lost',
      ],
    },
  },
  {
    id: 'data-exposed',
    signal: 'data-exposed',
    weight: 3,
    reason:
      "The input says users' data was shown to someone else or leaked (another customer's orders, tokens in a readable log): users must hear it plainly, near the top, with the window.",
    pattern:
      /(?<!\b(?:no|nothing|not|never|none)\b[^.;]{0,25})\b(?:(?:saw|see|seen|could see|viewed|view|accessed|received|got)\s+(?:someone else['’]?s|somebody else['’]?s|another (?:user|customer|account|merchant|tenant|member|player|patient)['’]?s?|other (?:users|customers|accounts|merchants|tenants|members|players|patients)['’]?)|(?:were|was|are|is|became) (?:publicly )?(?:visible|exposed|readable|accessible|shown|available) to (?:anyone|other|another|the public|all|everyone|unauthori[sz]ed)|(?:were|was) (?:exposed|leaked)|\bpublicly (?:readable|accessible|visible)|\bdata (?:exposure|leak)|(?:tokens?|keys?|credentials?|passwords?|secrets?|addresses|e-?mails?) (?:were |was )?(?:exposed|leaked)|cross-(?:account|tenant|customer) (?:data|responses?|access|leak))\b/i,
    examples: {
      match: [
        "two customers say they can see someone else's orders",
        "214 customers may have seen another customer's order history",
        "tokens were visible to anyone with access to that account's delivery log",
        'API keys leaked in the build log',
        'the bucket was publicly readable',
      ],
      noMatch: [
        'we saw errors in other regions',
        'the dashboard was visible to the on-call',
        'no data was exposed',
      ],
    },
  },
  {
    id: 'user-must-act',
    signal: 'user-action',
    weight: 3,
    reason:
      'Something users must do (retry, log in again, re-submit, rotate a credential), or the input saying they need do nothing: a message says "no action is needed" only when the input does.',
    pattern:
      /\b(?:(?:users?|customers?|merchants?|you)\b(?: (?!we\b|i\b|team\b|but\b|so\b)[\w'.:-]+){0,10}? (?:should|must|need to|will need to|may need to|have to)|please (?:retry|re-?submit|log ?in|sign ?in|reset|rotate|update|reconnect|re-?run)|(?:must|need to|should) (?:retry|re-?submit|log in again|sign in again|reset|rotate)|no (?:further )?action (?:is |was )?(?:needed|required|necessary)|(?:you|users|customers) (?:do(?:n['’]t| not)|won['’]t|will not) (?:need|have) to do anything|(?:affected |your |their |any affected )(?:[\w-]+ ){0,2}(?:pipelines?|builds?|jobs?|workflows?|deploys?|orders?|payments?|uploads?|webhooks?|tokens?|keys?|certificates?|passwords?|credentials?|messages?|emails?)(?: [\w-]+){0,5} (?:(?:may |might |will |must )?(?:need|needs|have|has) (?:to be |a |an )?|(?:must|should|will|may|might) be )(?:manual(?:ly)? )?(?:(?:re-?)?(?:triggered|trigger|run|started|submitted|sent|issued)|re-?(?:start|try|tried|submit|send|issue)|rotated|renewed|replaced|revoked|reset))\b/i,
    examples: {
      match: [
        'Any affected pipelines may need a manual trigger on the relevant branch',
        'affected API tokens must be rotated before 2026-09-29',
        'your webhook deliveries from the window need to be re-sent',
        'users must log in again',
        'please retry failed payments',
        'customers should rotate their API keys',
        'users who could not sign in just need to sign in again',
        'Customers who downloaded an empty export between 14:05 and 14:31 should download it again',
        'No action is needed from users',
        "customers don't need to do anything",
      ],
      noMatch: [
        'we will retry the jobs',
        'the team should add alerts',
        'customers were affected and we need to add alerts',
      ],
    },
  },
];

/**
 * A sentence that bounds who was hit ("us-east and ap-south were unaffected throughout",
 * "logged-in users could keep listening", "only eu-west was affected"): users outside the
 * scope must hear that they were not affected.
 */
export const SCOPE =
  /\b(?:unaffected|not affected|were not impacted|(?:was|were) (?:fine|up) throughout|could (?:still|keep) \w+|continued to work|kept working|only (?:the )?[\w-]+(?: region| customers| users| accounts)? (?:was|were) (?:affected|impacted|down))\b/i;

export type LessonSignal = 'went-well' | 'went-wrong' | 'lucky';

export const LESSON_CUES: readonly Cue<LessonSignal>[] = [
  {
    id: 'went-well',
    signal: 'went-well',
    weight: 3,
    reason: 'The input says something worked.',
    pattern:
      /\b(?:went well|worked well|worked as (?:designed|intended|expected)|(?:quick|fast|clean)(?:ly)? (?:rollback|failover|recovery|detection)|caught (?:it )?(?:early|quickly|within)|paid off|helped a lot)\b/i,
    examples: {
      match: ['the rollback worked as designed', 'the canary caught it early'],
      noMatch: ['it went down'],
    },
  },
  {
    id: 'went-wrong',
    signal: 'went-wrong',
    weight: 3,
    reason: 'The input names what slowed or hurt the response.',
    pattern:
      /\b(?:took (?:way |far |much )?too long|too slow|slowed (?:us|the response) down|drowned out|missed|did ?n[o']t notice|did not notice|went unnoticed|no one noticed|nobody noticed|confus\w+|lack of|we should have|should have been|could have been caught|blind spot|no alert|without (?:an )?alert|stale runbook|wrong runbook|had no access|lacked access|permissions? (?:denied|missing)|took (?:several |many )?hours|none (?:of them )?(?:working|worked)|(?:not|never) (?:set up|enabled|tested)|(?:failing|failed) silently|silently fail\w*|no (?:staged|gradual|canary) rollout|(?:globally|everywhere) in one step|by mistake|(?:monitoring|dashboards?|alerting|bypass|status page) (?:also )?depend(?:s|ed)? on|(?:has|had|have|with) no (?:production |prod )?(?:guard|safeguard|confirmation|dry[\s-]run|check)s?|(?:only|just) (?:have|had|use|used) (?:one|a single)|single (?:provider|vendor|point of failure|dependency)|sit (?:on|behind) the same)\b/i,
    examples: {
      match: [
        'Detection took way too long',
        'Announcements in Slack get drowned out',
        'we did compare request headers, but missed that one',
        'Staging restore took hours because of slow disks',
        'Five backup techniques deployed, none working reliably or set up in the first place',
        'WAF rules go out globally in one step (no staged rollout)',
        'Our monitoring also depends on Consul, so dashboards are mostly blank',
        'the reindex script takes the cluster as a free-text argument and has no production guard',
        'We only have one SMS provider.',
        'our support tools sit on the same DNS, which slowed us down',
      ],
      noMatch: [
        'detection was quick',
        'the restore took 20 minutes',
        'we added a production guard',
        'only one region was affected',
      ],
    },
  },
  {
    id: 'lucky',
    signal: 'lucky',
    weight: 3,
    reason: 'The input says chance helped.',
    pattern:
      /\b(?:lucky|luckily|fortunately|by chance|happened to|coincidence\w*|thankfully|could have been (?:much |far )?worse|low[- ]traffic (?:time|hour|period)|off[- ]peak)\b/i,
    examples: {
      match: ['Luckily it was a Sunday', 'an engineer happened to be online'],
      noMatch: ['unfortunately it broke'],
    },
  },
  {
    id: 'unlucky',
    signal: 'lucky',
    weight: -3,
    reason: '"Unfortunately" is the opposite.',
    pattern: /\bunfortunate(?:ly)?\b|\bunlucky\b/i,
    examples: { match: ['unfortunately it broke'], noMatch: ['fortunately it held'] },
  },
];

/** What users saw, in the words a message to them uses (the strongest class wins). */
export type SymptomSignal =
  'sign-in' | 'errors' | 'slow' | 'unavailable' | 'delayed' | 'wrong-data';

export const USER_SYMPTOM_CUES: readonly Cue<SymptomSignal>[] = [
  {
    id: 'sign-in',
    signal: 'sign-in',
    weight: 3,
    reason: 'Logins failing is what users notice first and what they are told plainly.',
    pattern:
      /(?<!\bwithout (?:a )?)(?<!\bno )\b(?:log ?ins?|logging in|sign[\s-]?ins?|signing in|sso|saml|oauth|auth(?:entication)? (?:fail\w*|errors?)|invalid assertion|session(?:s)? (?:expired|dropped|lost)|logged out)\b/i,
    examples: {
      match: ['SSO users get "invalid assertion" at sign-in', 'Login failures for SSO customers'],
      noMatch: ['checkout latency', 'Internal admin page reachable without login'],
    },
  },
  {
    id: 'errors',
    signal: 'errors',
    weight: 2,
    reason: 'Error responses.',
    pattern:
      /\b(?:5\d\ds?|5xx|errors?|erroring|fail(?:ed|ing|ures?)|exceptions?|crash\w*|broken)\b/i,
    examples: { match: ['API 5xx on the public API', 'requests failing'], noMatch: ['slow pages'] },
  },
  {
    id: 'slow',
    signal: 'slow',
    weight: 2,
    reason: 'Latency and timeouts are told as slowness.',
    pattern: /\b(?:latency|slow\w*|timeouts?|timing out|timed out|p9\d|lag\w*|degraded)\b/i,
    examples: { match: ['Search API timeouts', 'checkout p99 latency 9s'], noMatch: ['5xx'] },
  },
  {
    id: 'unavailable',
    signal: 'unavailable',
    weight: 3,
    reason: 'An outage: the service could not be reached at all.',
    pattern:
      /\b(?:outage|(?:is|was|were|are|went|go(?:es)?|been|site|service|api|app) down|down$|unavailable|unreachable|offline|not (?:reachable|loading|available)|could ?n[o']t (?:reach|connect|load|access)|no (?:traffic|connectivity)|dns)\b/i,
    examples: { match: ['global outage', 'site down'], noMatch: ['scaled down the pool'] },
  },
  {
    id: 'delayed',
    signal: 'delayed',
    weight: 2,
    reason: 'Work that queued up reached users late.',
    pattern: /\b(?:delay\w*|backlog\w*|queued|stuck|late|behind)\b/i,
    examples: { match: ['emails delayed', 'jobs stuck in the queue'], noMatch: ['errors'] },
  },
  {
    id: 'wrong-data',
    signal: 'wrong-data',
    weight: 3,
    reason: 'Missing, stale or wrong data shown to users.',
    pattern:
      /\b(?:missing (?:data|items|records|orders)|stale (?:data|results|prices)|wrong (?:data|results|prices|totals)|incorrect (?:data|results|prices|totals)|dropped (?:rows|records|items)|duplicate\w*)\b/i,
    examples: { match: ['stale prices shown', 'missing items in the feed'], noMatch: ['latency'] },
  },
];

export type UserImpactSignal = 'user-impact';

/**
 * Whether a clause tells what users saw ("~85% of the network returning errors", "online booking
 * is down", "customers can't open support cases"), as opposed to what the team saw inside (an
 * alert, a pod, a backlog), how it ended, or why it happened. Read clause by clause; the best
 * clause is the header's impact and the message's "what you saw".
 */
export const USER_IMPACT_CUES: readonly Cue<UserImpactSignal>[] = [
  {
    id: 'stated-impact',
    signal: 'user-impact',
    weight: 4,
    reason: 'The team labels the clause as the impact, or as what users saw.',
    pattern:
      /^\W*(?:customer |user |business )?impact\s*[:\-–—=]\s*\S|\b(?:user|customer)[\s-](?:visible|facing) impact\b|\bimpact (?:starts|started|begins|began)\b/i,
    examples: {
      match: [
        'Impact: every upload failed for 40 minutes',
        'requests fail (user-visible impact starts)',
      ],
      noMatch: ['impact lines in the timeline', 'no customer impact'],
    },
  },
  {
    id: 'share-affected',
    signal: 'user-impact',
    weight: 3,
    reason: 'A share of requests, users or the network that failed: the size of what users saw.',
    pattern:
      /\d\s?%\s+of\s+(?:the\s+|all\s+|our\s+)?[\w/-]+|(?:\ball|\bevery|\bmost)\s+(?:of\s+)?(?:the\s+|our\s+)?(?:[\w/-]+\s+){0,2}?(?:requests|network|traffic|users|customers|calls|queries|logins|checkouts|payments|uploads|pages|sites|accounts|merchants|editors|transactions|services|api calls|deliveries|builds|pushes|volumes|instances)\b/i,
    examples: {
      match: [
        '~85% of the network returning errors',
        '40% of requests failed in eu-west',
        'all logins',
        '~13% of volumes in the AZ stuck',
      ],
      noMatch: ['7% packet loss', '95% CPU on db-1'],
    },
  },
  {
    id: 'users-could-not',
    signal: 'user-impact',
    weight: 3,
    reason: 'Users, customers or a business telling what they could not do or got back.',
    pattern: new RegExp(
      String.raw`\b(?:${USER_NOUNS}|people|business)\b(?:\s+[\w'/-]+){0,4}?\s+(?:can'?t|cannot|could ?n[o']t|unable to|were unable|are unable|is unable|get(?:ting)?|got|saw|see(?:ing)?|hit(?:ting)?|receiv\w+|report\w*|tells? us|says?|said|complain\w*|notic\w*|experienc\w*|lost)\b`,
      'i',
    ),
    examples: {
      match: [
        "Customers can't reliably open support cases.",
        'Business tells us online booking is down.',
        'logged-in users unable to edit',
        'fans could not complete checkout',
        "patients say reminder texts don't arrive",
      ],
      noMatch: ['the on-call engineer got paged'],
    },
  },
  {
    id: 'errors-returned',
    signal: 'user-impact',
    weight: 3,
    reason: 'Error responses served to callers: what a user sees of a failure.',
    pattern:
      /\b(?:return\w*|serv\w*|answer\w*|throw\w*)\s+(?:HTTP\s+)?(?:["“]?\d{3}\b|errors?|5xx|timeouts?)|\bHTTP\s+[45]\d[\dX]\b|\b(?:error rates?|errors?|failures?|latency|timeouts?|delays?)\s+(?:\w+\s+){0,2}?(?:up|elevated|spik\w*|jump\w*|climb\w*|increas\w*|hit|rise|rising|rose|start|starts|begin|begins)\b|\belevated (?:errors?|error rates?|latency)\b/i,
    examples: {
      match: [
        'app serving HTTP 503 (unicorn page)',
        'Error rates and latency up on launch/describe APIs',
        'site answering HTTP 403 "Edge IP Restricted"',
        '~25k HTTP 50X served',
        'API errors and delivery delays start',
      ],
      noMatch: ['the script returned a list of prefixes'],
    },
  },
  {
    id: 'down-or-failing',
    signal: 'user-impact',
    weight: 3,
    reason: 'A service users touch down, unreachable, failing or slow.',
    pattern:
      /\b(?:(?:is|was|are|were|went|goes|go)\s+down\b|down for\b|unreachable|unavailable|can'?t serve|could ?n[o']t serve|not loading|(?:requests?|calls?|logins?|payments?|uploads?|checkouts?|pushes|builds?|deliver\w*|creates?|searche?s?|quer(?:y|ies)|pages?|loads?|jobs?|emails?|messages?)\s+(?:\w+\s+)?(?:fail\w*|start failing|time out|timing out|hang|erroring|broken|delayed)|\btak(?:e|es|ing) (?:up to |over |about )?~?\d[\d.-]*\s*(?:s|sec|secs|seconds|minutes)\b(?! (?:ago|later|after))|(?:fail\w*|broken|slow|delayed)\s+(?:for|in)\s+(?:all|every|some|most|\w+-\w+)|\b(?:fail(?:s|ing|ures?)|timeouts?|hang)\b[^.;]{0,50}\b(?:begin|begins|start|starts|globally|region-wide|in (?:several|many|all|other) (?:regions|zones|azs))\b|\b(?:starts?|began|begins?) (?:failing|erroring|timing out))/i,
    examples: {
      match: [
        'online booking is down',
        'sessionstore requests start failing',
        "S3 can't serve requests until they're back",
        'deploy failures and serving timeouts for access-controlled apps begin in several regions',
        'Cloud SQL instance creation starts failing globally',
        'search results take 20-30 seconds to load, some searches time out',
      ],
      noMatch: ['scaled down the pool', 'the pod went into a crash loop'],
    },
  },
  {
    id: 'outage-word',
    signal: 'user-impact',
    weight: 2,
    reason: 'An outage or a disruption named, without saying what users could not do.',
    pattern: /\b(?:outage|disruption)\b/i,
    examples: { match: ['Global disruption begins'], noMatch: ['online booking is down'] },
  },
  {
    id: 'recovered',
    signal: 'user-impact',
    weight: -5,
    reason: 'A clause that says it got better tells the end of the impact, not the impact.',
    pattern:
      /\b(?:recover\w*|back to normal|back up|restored|normal again|working again|operational again|resolved|improv\w*|re-?enabled|(?:errors?|failures?|impact) (?:end|ends|ended)|\bstop(?:s|ped)?\b|(?:returning|back) to normal|normal|no longer)\b/i,
    examples: {
      match: ['failed sessionstore requests stop', 'API error rates returning to normal'],
      noMatch: ['online booking is down'],
    },
  },
  {
    id: 'inside-the-team',
    signal: 'user-impact',
    weight: -3,
    reason:
      'The team’s own tooling, machines and alerts (a page, a pod, a backlog, a status page) are not what users saw.',
    pattern:
      /\b(?:alert\w*|paged|pager|paging|icinga\w*|nagios|problem\s+-|prometheus|grafana|cpu|memory|iowait|oom\w*|pods?|nodes?|hosts?|kubernetes|k8s|garbage|backlog|cache servers?|chatops|logstash|ping|dashboard|status ?page|status\.|health dashboard|on-?call|incident coordinator|monitoring|operators?|engineers?|the team|runbook|deploy systems?|tooling|tkos?|packet loss|replica(?:s|tion)?|(?:health|status) checks?|ops|servers?|(?:network )?devices|threshold|confusion|(?:start|part) of (?:the )?response|before (?:customers|users) (?:see|notice)\w*)\b/i,
    examples: {
      match: [
        'PROBLEM - MediaWiki exceptions and fatals per minute on icinga1001 is CRITICAL',
        "Service Health Dashboard tooling can't fail over to its standby region",
        'local ops trained to spot and reset this before customers see it',
        'Slightly over 25% of servers plus several network devices reboot',
        '60% of data above the 50 threshold',
      ],
      noMatch: ['online booking is down'],
    },
  },
  {
    id: 'why-not-what',
    signal: 'user-impact',
    weight: -2,
    reason: 'A clause that says why or what the team did is the cause or a step, not the impact.',
    pattern:
      /\b(?:because|due to|caused by|root cause|bug|typo|typed wrong|rolled back|rollback|reverted|restarted|depooled|pushes a|runs the command|we (?:moved|disabled|added|bumped|changed|deployed|rolled|migrated))\b/i,
    examples: {
      match: ['Rollback beats investigation - rolled back', 'caused by a bad config push'],
      noMatch: ['online booking is down'],
    },
  },
  {
    id: 'vague-subject',
    signal: 'user-impact',
    weight: -2,
    reason: 'A clause that opens on "what", "it" or "they" leans on another for its subject.',
    pattern: /^\W*(?:but\s+|so\s+|and\s+)?(?:what|which|it|they|this|that|these|those)\b/i,
    examples: {
      match: ['what they depend on is down'],
      noMatch: ['app serving HTTP 503'],
    },
  },
  {
    id: 'may-happen',
    signal: 'user-impact',
    weight: -2,
    reason: 'What may or will happen is a forecast, not what users saw.',
    pattern: /\b(?:may|might|will|would|could)\b(?!\s*n[o']t)/i,
    examples: {
      match: ['logged-out readers may still get badly rendered pages'],
      noMatch: ["customers couldn't open cases"],
    },
  },
];

/** A clause scoring this much on USER_IMPACT_CUES tells what users saw. */
export const USER_IMPACT_THRESHOLD = 3;
