/**
 * Turns a model's draft into the postmortem: each section passes the faithfulness guard or is
 * replaced by the built-in writer's; tweets and the HN title are re-checked and fixed; human
 * sections win over both.
 */
import type { Facts } from '../../../schemas/facts.js';
import {
  PROSE_SECTIONS,
  type ActionItem,
  type Postmortem,
  type PostmortemDraft,
  type ProseSection,
  type Section,
} from '../../../schemas/postmortem.js';
import { isPublicSafe, splitSentences } from '../builtin/sentences.js';
import { truncateTitle, writeBuiltin } from '../builtin/builtin-writer.js';
import { withHumanSections } from '../human-sections-win.js';
import { splitThread, tweetLength, TWEET_LIMIT } from '../split-tweets.js';
import {
  collectEvidence,
  unsupportedClaims,
  unsupportedTokens,
  type Evidence,
} from './faithfulness.js';

/**
 * The most a model may write per field, in characters (items for lists). Far above what a
 * postmortem needs; anything longer is a runaway reply, replaced by the built-in writer's.
 */
export const DRAFT_CAPS = {
  summary: 2_000,
  section: 6_000,
  sectionItems: 30,
  actionItems: 20,
  actionItem: 600,
  hnBody: 6_000,
  tweets: 25,
  tweet: 1_000,
} as const;

/** Sections read by the public: a draft that tells its author what to do, or says "unknown", is not published. */
const PUBLIC: ReadonlySet<ProseSection> = new Set(['summary', 'messageToUsers']);

function publicProblem(text: string): string | null {
  const bad = splitSentences(text).find((sentence) => !isPublicSafe(sentence));
  return bad ? `"${bad.slice(0, 60)}" is not fit to publish` : null;
}

function describe(tokens: string[]): string {
  return tokens
    .slice(0, 4)
    .map((t) => `"${t}"`)
    .join(', ');
}

export function acceptDraft(
  draft: PostmortemDraft,
  facts: Facts,
  raw: string,
): { document: Postmortem; warnings: string[] } {
  const builtin = writeBuiltin(facts);
  const evidence: Evidence = collectEvidence(facts, raw);
  const warnings: string[] = [];
  const checked = (name: string, text: string, cap: number, published = false): boolean => {
    const length = Array.from(text).length;
    if (length > cap) {
      warnings.push(
        `${name} replaced by the built-in writer's: ${length} characters, over the cap of ${cap}`,
      );
      return false;
    }
    const unsupported = unsupportedTokens(text, evidence);
    if (unsupported.length)
      warnings.push(
        `${name} replaced by the built-in writer's: ${describe(unsupported)} not found in the input`,
      );
    const claims = unsupportedClaims(text, evidence);
    if (claims.length && unsupported.length === 0)
      warnings.push(
        `${name} replaced by the built-in writer's: it claims ${describe(claims)}, which the input does not say`,
      );
    const problem =
      published && unsupported.length === 0 && claims.length === 0 ? publicProblem(text) : null;
    if (problem) warnings.push(`${name} replaced by the built-in writer's: ${problem}`);
    return unsupported.length === 0 && claims.length === 0 && problem === null;
  };
  const tooMany = (name: string, count: number, cap: number): boolean => {
    if (count > cap)
      warnings.push(
        `${name} replaced by the built-in writer's: ${count} items, over the cap of ${cap}`,
      );
    return count > cap;
  };

  const sections = {} as Record<ProseSection, Section>;
  for (const name of PROSE_SECTIONS) {
    const section = draft[name];
    const text = [...section.paragraphs, ...section.bullets].join('\n');
    const items = section.paragraphs.length + section.bullets.length;
    const cap = name === 'summary' ? DRAFT_CAPS.summary : DRAFT_CAPS.section;
    sections[name] =
      text.trim() &&
      !tooMany(name, items, DRAFT_CAPS.sectionItems) &&
      checked(name, text, cap, PUBLIC.has(name))
        ? { origin: 'openai', ...section }
        : builtin[name];
  }

  const items: ActionItem[] = tooMany(
    'action items',
    draft.actionItems.length,
    DRAFT_CAPS.actionItems,
  )
    ? []
    : draft.actionItems
        .filter((item) =>
          checked(
            `action item "${item.text.slice(0, 40)}"`,
            `${item.text}\n${item.rationale}`,
            DRAFT_CAPS.actionItem,
          ),
        )
        .map((item) => ({ ...item, origin: 'openai' }));
  // The team's own action items are authoritative: then the built-in list (theirs, filed) wins.
  const actionItems =
    items.length && facts.human.actionItems.length === 0 ? items : builtin.actionItems;

  const hnText = `${draft.hnPost.title}\n${draft.hnPost.body}`;
  const hnPost: Postmortem['hnPost'] =
    draft.hnPost.title.trim() && checked('HN post', hnText, DRAFT_CAPS.hnBody, true)
      ? { title: truncateTitle(draft.hnPost.title), body: draft.hnPost.body, origin: 'openai' }
      : builtin.hnPost;
  if (hnPost.origin === 'openai' && Array.from(draft.hnPost.title).length > 80)
    warnings.push('HN title was over 80 characters and was shortened');

  const plain = draft.twitterThread
    .map((tweet) => tweet.replace(/^\s*\d+\/\d+\s*/, '').trim())
    .filter(Boolean);
  let twitterThread = builtin.twitterThread;
  const tweetTooLong = plain.some((tweet) => Array.from(tweet).length > DRAFT_CAPS.tweet);
  if (tweetTooLong)
    warnings.push(
      `Twitter thread replaced by the built-in writer's: a tweet is over ${DRAFT_CAPS.tweet} characters`,
    );
  if (
    plain.length &&
    !tweetTooLong &&
    !tooMany('Twitter thread', plain.length, DRAFT_CAPS.tweets) &&
    checked('Twitter thread', plain.join('\n'), DRAFT_CAPS.tweets * DRAFT_CAPS.tweet, true)
  ) {
    // Numbering is ours; splitThread re-splits anything over 280 rather than publishing it.
    const tweets = splitThread(plain, facts.language ?? undefined);
    if (plain.some((tweet) => tweetLength(tweet) > TWEET_LIMIT - 8))
      warnings.push('a tweet was too long and was split');
    twitterThread = { tweets, origin: 'openai' };
  }

  const body = withHumanSections({ title: facts.title, ...sections, actionItems }, facts);
  return { document: { ...body, hnPost, twitterThread }, warnings };
}
