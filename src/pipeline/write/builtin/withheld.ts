/**
 * What stays out of every public text and the figure: private addresses (RFC 1918), cloud
 * access key IDs, and what the input itself marks as not for publishing ("Do not publish the
 * header name"). The postmortem keeps them: it is the team's record.
 */
import type { Facts } from '../../../schemas/facts.js';

/** RFC 1918 private IPv4 addresses, with an optional prefix length or port. */
const PRIVATE_IP =
  /\b(?:10(?:\.\d{1,3}){3}|172\.(?:1[6-9]|2\d|3[01])(?:\.\d{1,3}){2}|192\.168(?:\.\d{1,3}){2})(?:\/\d{1,2}|:\d{1,5})?\b/g;
/** AWS access key IDs: the prefixes of gitleaks' aws-access-token rule, any 16 capitals or digits after. */
const ACCESS_KEY_ID = /\b(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b/g;
/** Either in brackets, which go with it. Made once: they were made anew for every text. */
const PRIVATE_IP_IN_BRACKETS = new RegExp(String.raw`\s*\((?:${PRIVATE_IP.source})\)`, 'g');
const ACCESS_KEY_ID_IN_BRACKETS = new RegExp(String.raw`\s*\((?:${ACCESS_KEY_ID.source})\)`, 'g');
const ARTICLE_PRIVATE_IP = new RegExp(
  String.raw`\b(the|our|a|an)\s+(?:${PRIVATE_IP.source})`,
  'gi',
);
/** An HTTP header with its value: "X-Internal-Debug: 1", "header X-Skip-Auth". */
const HEADER =
  /\b(?:the\s+)?(?:header\s+)?X-[A-Za-z0-9-]+(?::\s*[^\s,;)]*[^\s,;).])?(?:\s+header\b)?/g;
/** "Do not publish the header name", "keep the header internal": the input's own instruction. */
const HEADER_WITHHELD =
  /\b(?:do not|don't|never|must not)\s+(?:publish|share|disclose|post|mention)\b[^.\n]{0,40}\bheader\b|\bheader\b[^.\n]{0,30}\b(?:internal[\s-]only|stays? internal|not (?:be )?published)\b/i;

/** The texts of the input a do-not-publish instruction may sit in. */
function inputTexts(facts: Facts): string[] {
  return [
    ...facts.notes.map((note) => note.markdown),
    facts.human.summary?.markdown ?? '',
    facts.human.impact?.markdown ?? '',
    ...facts.events.map((event) => event.text),
  ];
}

/**
 * A function that takes out of a public text what must not be published: a private address or
 * a key ID in brackets goes with its brackets, elsewhere it becomes "an internal address" or
 * "an access key"; a header the input says not to publish becomes "an internal header".
 */
export function withheldFrom(facts: Facts): (text: string) => string {
  const headers = inputTexts(facts).some((text) => HEADER_WITHHELD.test(text));
  return (text) => {
    let out = text
      .replace(PRIVATE_IP_IN_BRACKETS, '')
      .replace(ACCESS_KEY_ID_IN_BRACKETS, '')
      // "the 10.0.4.7 jump host" reads "the internal jump host", not "the an internal address".
      .replace(ARTICLE_PRIVATE_IP, '$1 internal')
      .replace(/\b(a) internal\b/gi, '$1n internal')
      .replace(PRIVATE_IP, 'an internal address')
      .replace(ACCESS_KEY_ID, 'an access key');
    if (headers) out = out.replace(HEADER, 'an internal header');
    return out.replace(/[ \t]{2,}/g, ' ');
  };
}
