/**
 * The words that tell what a timeline line is about. Kept in one place so the classifier and
 * the milestone rules agree, and so a newcomer can tune them without reading the rules.
 */
export const signals = {
  /** Something is wrong for users or systems. */
  impact:
    /\b(errors?|error rates?|fail(?:s|ed|ing|ures?)?|down|outage|unavailable|unreachable|degraded|disruption|disrupted|time-?outs?|timing out|timed out|latency|slow(?:ness)?|5\d\d|50x|stale|crash\w*|oom\w*|overwhelm\w*|congest\w*|isolated|stuck|broken|breaks?|lost|loss|exhaust\w*|saturat\w*|spik\w+|critical|can'?t|cannot|unable|backlog|throttl\w*|denied|refused|rejected|panic\w*|exceptions?|flapping|starv\w*|pressure|maxed|hangs?|hung|duplicat\w+|corrupt\w*|data loss|incorrect|wrong)\b/i,
  alert:
    /\b(alerts?|alarms?|alerting|paged|paging|pages|page fired|critical|problem|firing|fired|fires|triggered|on-?call)\b/i,
  alertSource:
    /pagerduty|opsgenie|datadog|icinga|nagios|prometheus|alertmanager|grafana|cloudwatch|sentry|new ?relic|pingdom|statuscake|zabbix|splunk|honeycomb|victorops|incident\.io|firehydrant/i,
  report:
    /\b(reports?|reported|reporting|tells us|told us|complain\w*|notic(?:ed|es)|spotted|escalat\w+|support tickets?|customers? (?:say|see|saw)|users? (?:say|see|saw))\b/i,
  acknowledge:
    /\b(ack(?:nowledged?|nowledges|'d|ed)?|on it|joined|joining|incident (?:declared|opened|created)|declared (?:an? )?incident|incident commander|responding|taking (?:this|a look)|paged in)\b/i,
  investigate:
    /\b(investigat\w+|looking (?:into|at|for)|digging|debugging|diagnos\w+|triag\w+|reviewing|scope understood|suspect\w*|theory|hypothes\w+|looks like)\b/i,
  identify:
    /\b(identified|root cause|cause (?:is|was|found|confirmed)|confirmed|confirms|culprit|traced (?:to|it)|narrowed|found (?:the|that|it)|turns out|turned out|the problem (?:is|was))\b/i,
  mitigate:
    /\b(roll(?:ed|ing)?[ -]?back|rollback|revert\w*|fail(?:ed|ing)? ?over|failover|restart\w*|reboot\w*|disabl\w+|shut (?:off|down)|turned off|switching off|depool\w*|drain(?:ed|ing)? (?:traffic|the)|scal(?:ed|ing) (?:up|out)|bump\w*|raised|increased|add(?:ed|ing) capacity|hotfix\w*|patch(?:ed|ing)|mitigat\w+|blocked|rate[- ]limit\w*|moved (?:\w+ )?(?:traffic|off)|re-?rout\w+|cut all|cut off|kill(?:ed|ing)|paused|pausing|terminat\w+|flush\w*|purg\w+)\b/i,
  /** A claim that something works again. */
  strongRecovery:
    /\b(recovered|back to normal|returned to normal|normal again|operational again|healthy|restored|working again|works again|back (?:up|online|in service)|up again|fully back|errors? (?:end|ended|stop|stopped)|(?:requests?|errors?|failures?)(?:\s+\w+)?\s+stop(?:s|ped)?|services? (?:are |is )?operational|(?:latency|error rates?|traffic|everything|all systems) (?:is |are |back )?normal|normal\.)/i,
  /** A monitor's state column (`OK`, `RECOVERED`): capitals only, "ok, looking" is not a recovery. */
  monitorRecovered: /^\s*\[?(?:OK|RECOVERED)\b/,
  /** Clean-up finishing: the last thing that happens, rarely the moment users are fine. */
  weakRecovery:
    /\b(caught up|backlog (?:cleared|drained|processed)|cleared|drained|backfill(?:ed)? (?:done|complete))\b/i,
  /** The line says impact goes on or only part recovered. */
  caveat:
    /\b(still|continu\w+|ongoing|remain\w*|except|partial\w*|partly|some|most|largely|starts? (?:to )?recover\w*|starting|begins? to|beginning to|first signs|dropping|stays? elevated|not (?:yet|all|fully)|however|while|slowly|mostly)\b/i,
  ineffective:
    /\b(no change|no effect|didn'?t help|did not help|made (?:it|things) worse|no improvement|without effect|did ?n[o']t work)\b/i,
  impactStart:
    /\b(impact (?:starts?|started|begins?|began)|(?:user[- ]visible|customer[- ]facing) impact|outage (?:begins?|began|starts?|started)|incident (?:begins?|began|starts?|started)|start of (?:the )?(?:impact|outage|incident)|first signs? of impact)\b/i,
  mitigatedMarker:
    /\b(mitigated|contained|impact (?:ended|ends|stopped|over)|outage (?:ended|over)|(?:failed|failing|erroring)\s+(?:[\w-]+\s+){0,3}(?:requests?|calls?)\s+stop\w*|stop(?:s|ped)? getting worse|bleeding (?:has )?stopped)\b/i,
  resolveMarker:
    /\b(incident (?:is |was |has been |now |marked |declared )?(?:resolved|over|closed|ended)|(?:marked|declared|calling (?:this|it)|considered) (?:as )?resolved|all clear|all systems (?:nominal|operational|normal|go)|closing (?:the )?incident)\b|^\s*resolved\b/i,
  detectedMarker: /\b(detected|first alert|we were alerted|got paged)\b/i,
  deploy:
    /\b(deploy\w*|releas(?:ed|ing)|rolled out|rollout|shipped|merged|PR #?\d+|upgrad\w+|migrat\w+|config(?:uration)? change)\b/i,
  statusUpdate:
    /\b(status ?page|status\.\S+|statuspage|status (?:set|updated|yellow|red|green)|service health dashboard|SHD|posted (?:an? )?update|banner|announc\w+|customer comms?)\b/i,
} as const;
