/**
 * An incident tool's journal writes the kind of each entry, or who wrote it, before what was
 * said: `Incident update: ...`, `Action: AB rolling back`, `Message: CD - errors dropping`,
 * `Note: KM looking`, `Comment by Priya: on it`. Those are the tool's labels, not the incident's
 * words: blind judges found them quoted in summaries and public texts ("you may have seen
 * errors: Incident update: ...") and `Action:` entries listed as action items.
 */

/** A per-entry label from a journal (FireHydrant, incident.io, a running-notes doc). */
const JOURNAL_LABEL =
  /^\s*(?:\*\*)?(?:incident update|status update|update|action|message|note|comment|work note|timeline entry|entry|event|log)(?:\*\*)?\s*:\s+(?=\S)/i;

/** The labels no one writes as part of what they say. */
const ALWAYS_A_LABEL =
  /^\s*(?:\*\*)?(?:incident update|note|message|comment|work note|timeline entry)(?:\*\*)?\s*:\s+(?=\S)/i;

/** Who wrote the entry, as a tool labels a comment: `Comment by Priya:`, `Posted by J. Ode:`. */
const AUTHOR_LABEL =
  /^\s*(?:comment(?:ed)? by|comment from|posted by|reply by|update from|note by|message from|note from)\s+([\p{L}@][\p{L}\d@._' -]{0,39}?)\s*:\s+(?=\S)/iu;

/**
 * A scribe's initials after a journal label (`AB - deploy 4411 went out`, `KM looking`): two or
 * three capitals, then a dash or colon, or a lower-case word. Read only after a label was
 * dropped, where the tool's convention makes them initials and not an acronym like `DNS`.
 */
const INITIALS = /^([A-Z]{2,3})(?:\s*[-–—:]\s+|\s+(?=\p{Ll}))/u;

/** A system's acronym opens an entry as often as initials do ("Action: DNS records updated"). */
const ACRONYM =
  /^(?:DNS|API|CDN|SSL|TLS|CPU|RAM|SQL|AWS|GCP|DB|VM|IP|LB|UI|OS|ELB|ALB|NLB|RDS|EC2|SSO|MFA|SLO|SLA|ETA|FYI|ACK|PR|CI|WAF|VPN|NAT|BGP|SMS|SRE|OOM|JVM|GC|TTL|URL|HTTP|SEV|INC|IO|QA|MQ|NFS|EBS|IAM|KMS|SNS|SQS|ECS|EKS|GKE|AKS|AZ)$/;

/**
 * True when at least two of `rests` (the text after each timed line's stamp in one block) open
 * with a journal label: then a label is the tool's, not a follow-up someone wrote (`Action: add
 * a canary` on one line stays a follow-up).
 */
export function journalLabelsRepeat(rests: readonly string[]): boolean {
  return rests.filter((rest) => JOURNAL_LABEL.test(rest)).length >= 2;
}

/**
 * `text` without a tool's label: the author label always (`Comment by Priya: on it` → actor
 * Priya, text `on it`), a kind label and the scribe's initials after it only when `journal`
 * (see journalLabelsRepeat). `actor` is null when the label names nobody.
 */
export function withoutJournalLabel(
  text: string,
  journal: boolean,
): { actor: string | null; text: string } {
  const author = AUTHOR_LABEL.exec(text);
  if (author) return { actor: author[1]?.trim() ?? null, text: text.slice(author[0].length) };
  // "Note:", "Message:", "Comment:" are a tool's words wherever they stand; "Action:" and
  // "Update:" alone may be the team's own (a follow-up, a status post), so only in a journal.
  const label = journal ? JOURNAL_LABEL.exec(text) : ALWAYS_A_LABEL.exec(text);
  if (!label) return { actor: null, text };
  const rest = text.slice(label[0].length);
  const initials = INITIALS.exec(rest);
  return initials && !ACRONYM.test(initials[1] ?? '')
    ? { actor: initials[1] ?? null, text: rest.slice(initials[0].length) }
    : { actor: null, text: rest };
}
