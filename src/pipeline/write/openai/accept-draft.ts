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
import { writeBuiltin } from '../builtin/builtin-writer.js';
import { truncateTitle } from '../../format/titles.js';
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

/**
 * The checks a drafted text must pass, each failure pushed to `warnings` as "<name> replaced by
 * the built-in writer's: <why>".
 */
interface DraftGuard {
  /**
   * True when `text` is within `cap` characters (code points), every token in it (figures,
   * names, identifiers) and every claim it makes is found in the input, and, when `published`,
   * no sentence tells its author what to do or says "unknown".
   */
  passes(name: string, text: string, cap: number, published?: boolean): boolean;
  /** True (with a warning) when `count` items are over `cap`. */
  tooMany(name: string, count: number, cap: number): boolean;
  warnings: string[];
}

function draftGuard(evidence: Evidence): DraftGuard {
  const warnings: string[] = [];
  const passes = (name: string, text: string, cap: number, published = false): boolean => {
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
  return { passes, tooMany, warnings };
}

/** Each prose section: the draft's where it passes the guard, else the built-in writer's. */
function acceptSections(
  draft: PostmortemDraft,
  builtin: Postmortem,
  guard: DraftGuard,
): Record<ProseSection, Section> {
  const sections = {} as Record<ProseSection, Section>;
  for (const name of PROSE_SECTIONS) {
    const section = draft[name];
    const text = [...section.paragraphs, ...section.bullets].join('\n');
    const items = section.paragraphs.length + section.bullets.length;
    const cap = name === 'summary' ? DRAFT_CAPS.summary : DRAFT_CAPS.section;
    sections[name] =
      text.trim() &&
      !guard.tooMany(name, items, DRAFT_CAPS.sectionItems) &&
      guard.passes(name, text, cap, PUBLIC.has(name))
        ? { origin: 'openai', ...section }
        : builtin[name];
  }
  return sections;
}

/**
 * The action items: the draft's that pass the guard, unless none do, there are too many, or
 * the team wrote its own (then the built-in list, which files theirs, wins).
 */
function acceptActionItems(
  draft: PostmortemDraft,
  facts: Facts,
  builtin: Postmortem,
  guard: DraftGuard,
): ActionItem[] {
  const items: ActionItem[] = guard.tooMany(
    'action items',
    draft.actionItems.length,
    DRAFT_CAPS.actionItems,
  )
    ? []
    : draft.actionItems
        .filter((item) =>
          guard.passes(
            `action item "${item.text.slice(0, 40)}"`,
            `${item.text}\n${item.rationale}`,
            DRAFT_CAPS.actionItem,
          ),
        )
        .map((item) => ({ ...item, origin: 'openai' }));
  // The team's own action items are authoritative: then the built-in list (theirs, filed) wins.
  return items.length && facts.human.actionItems.length === 0 ? items : builtin.actionItems;
}

/** The HN post: the draft's where it passes the guard (its title cut to 80 characters). */
function acceptHnPost(
  draft: PostmortemDraft,
  builtin: Postmortem,
  guard: DraftGuard,
): Postmortem['hnPost'] {
  const hnText = `${draft.hnPost.title}\n${draft.hnPost.body}`;
  const hnPost: Postmortem['hnPost'] =
    draft.hnPost.title.trim() && guard.passes('HN post', hnText, DRAFT_CAPS.hnBody, true)
      ? { title: truncateTitle(draft.hnPost.title), body: draft.hnPost.body, origin: 'openai' }
      : builtin.hnPost;
  if (hnPost.origin === 'openai' && Array.from(draft.hnPost.title).length > 80)
    guard.warnings.push('HN title was over 80 characters and was shortened');
  return hnPost;
}

/**
 * The Twitter thread: the draft's tweets, stripped of their numbering, where they pass the
 * guard; renumbered and re-split by splitThread so no tweet is over 280 (weighted length).
 */
function acceptThread(
  draft: PostmortemDraft,
  facts: Facts,
  builtin: Postmortem,
  guard: DraftGuard,
): Postmortem['twitterThread'] {
  const plain = draft.twitterThread
    .map((tweet) => tweet.replace(/^\s*\d+\/\d+\s*/, '').trim())
    .filter(Boolean);
  const tweetTooLong = plain.some((tweet) => Array.from(tweet).length > DRAFT_CAPS.tweet);
  if (tweetTooLong)
    guard.warnings.push(
      `Twitter thread replaced by the built-in writer's: a tweet is over ${DRAFT_CAPS.tweet} characters`,
    );
  if (
    !plain.length ||
    tweetTooLong ||
    guard.tooMany('Twitter thread', plain.length, DRAFT_CAPS.tweets) ||
    !guard.passes('Twitter thread', plain.join('\n'), DRAFT_CAPS.tweets * DRAFT_CAPS.tweet, true)
  )
    return builtin.twitterThread;
  // Numbering is ours; splitThread re-splits anything over 280 rather than publishing it.
  const tweets = splitThread(plain, facts.language ?? undefined);
  if (plain.some((tweet) => tweetLength(tweet) > TWEET_LIMIT - 8))
    guard.warnings.push('a tweet was too long and was split');
  return { tweets, origin: 'openai' };
}

/**
 * A model's draft as the postmortem: each prose section, the action items, the HN post and the
 * Twitter thread pass the guard (DRAFT_CAPS, every token and claim found in `facts` or the raw
 * timeline `raw`, public text fit to publish) or are replaced by the built-in writer's; human
 * sections win over both. `warnings` says what was replaced, shortened or split, and why.
 */
export function acceptDraft(
  draft: PostmortemDraft,
  facts: Facts,
  raw: string,
): { document: Postmortem; warnings: string[] } {
  const builtin = writeBuiltin(facts);
  const guard = draftGuard(collectEvidence(facts, raw));
  const sections = acceptSections(draft, builtin, guard);
  const actionItems = acceptActionItems(draft, facts, builtin, guard);
  const hnPost = acceptHnPost(draft, builtin, guard);
  const twitterThread = acceptThread(draft, facts, builtin, guard);
  // The header's impact is read from the input, not drafted: the built-in writer's line stands.
  const body = withHumanSections(
    { title: facts.title, impactInBrief: builtin.impactInBrief, ...sections, actionItems },
    facts,
  );
  return { document: { ...body, hnPost, twitterThread }, warnings: guard.warnings };
}
