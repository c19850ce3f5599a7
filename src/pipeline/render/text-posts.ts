/** hn-post.txt and twitter-thread.txt: plain text, one file each. */
import type { Postmortem } from '../../schemas/postmortem.js';
import { THREAD_SEPARATOR } from '../format/thread.js';

/**
 * Hacker News and Twitter show Markdown as typed, so a code span's backticks
 * (`` `connection.release()` ``, carried from a human-written section) would be posted as
 * noise: the span's text is kept, its backticks dropped.
 */
export function withoutCodeSpans(text: string): string {
  return text.replace(/(`+)([^`\n]+?)\1/g, '$2');
}

/** The title on the first line, a blank line, then the body. */
export function renderHnPost(document: Postmortem): string {
  return withoutCodeSpans(`${document.hnPost.title}\n\n${document.hnPost.body.trim()}\n`);
}

/** Tweets separated by lines holding only `---`. */
export function renderTwitterThread(document: Postmortem): string {
  return withoutCodeSpans(`${document.twitterThread.tweets.join(`\n${THREAD_SEPARATOR}\n`)}\n`);
}
