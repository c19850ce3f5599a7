/**
 * Turns a model's draft into the postmortem: each section passes the faithfulness guard or is
 * replaced by the built-in writer's; tweets and the HN title are re-checked and fixed; human
 * sections win over both.
 */
import type { Facts } from '../../../schemas/facts.js';
import type {
  ActionItem,
  Postmortem,
  PostmortemDraft,
  Section,
} from '../../../schemas/postmortem.js';
import { truncateTitle, writeBuiltin } from '../builtin/builtin-writer.js';
import { withHumanSections } from '../human-sections-win.js';
import { splitThread, tweetLength, TWEET_LIMIT } from '../split-tweets.js';
import { collectEvidence, unsupportedTokens, type Evidence } from './faithfulness.js';

type SectionName = 'summary' | 'impact' | 'rootCause' | 'mitigations' | 'messageToUsers';
const SECTIONS: readonly SectionName[] = [
  'summary',
  'impact',
  'rootCause',
  'mitigations',
  'messageToUsers',
];

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
  const checked = (name: string, text: string): boolean => {
    const unsupported = unsupportedTokens(text, evidence);
    if (unsupported.length)
      warnings.push(
        `${name} replaced by the built-in writer's: ${describe(unsupported)} not found in the input`,
      );
    return unsupported.length === 0;
  };

  const sections = {} as Record<SectionName, Section>;
  for (const name of SECTIONS) {
    const section = draft[name];
    const text = [...section.paragraphs, ...section.bullets].join('\n');
    sections[name] =
      text.trim() && checked(name, text) ? { origin: 'openai', ...section } : builtin[name];
  }

  const items: ActionItem[] = draft.actionItems
    .filter((item) =>
      checked(`action item "${item.text.slice(0, 40)}"`, `${item.text}\n${item.rationale}`),
    )
    .map((item) => ({ ...item, origin: 'openai' }));
  const actionItems = items.length ? items : builtin.actionItems;

  const hnText = `${draft.hnPost.title}\n${draft.hnPost.body}`;
  const hnPost: Postmortem['hnPost'] =
    draft.hnPost.title.trim() && checked('HN post', hnText)
      ? { title: truncateTitle(draft.hnPost.title), body: draft.hnPost.body, origin: 'openai' }
      : builtin.hnPost;
  if (hnPost.origin === 'openai' && Array.from(draft.hnPost.title).length > 80)
    warnings.push('HN title was over 80 characters and was shortened');

  const plain = draft.twitterThread
    .map((tweet) => tweet.replace(/^\s*\d+\/\d+\s*/, '').trim())
    .filter(Boolean);
  let twitterThread = builtin.twitterThread;
  if (plain.length && checked('Twitter thread', plain.join('\n'))) {
    // Numbering is ours; splitThread re-splits anything over 280 rather than publishing it.
    const tweets = splitThread(plain, facts.language ?? undefined);
    if (plain.some((tweet) => tweetLength(tweet) > TWEET_LIMIT - 8))
      warnings.push('a tweet was too long and was split');
    twitterThread = { tweets, origin: 'openai' };
  }

  const body = withHumanSections({ title: facts.title, ...sections, actionItems }, facts);
  return { document: { ...body, hnPost, twitterThread }, warnings };
}
