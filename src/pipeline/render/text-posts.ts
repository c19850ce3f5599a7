/** hn-post.txt and twitter-thread.txt: plain text, one file each. */
import type { Postmortem } from '../../schemas/postmortem.js';

export const THREAD_SEPARATOR = '---';

/** The title on the first line, a blank line, then the body. */
export function renderHnPost(document: Postmortem): string {
  return `${document.hnPost.title}\n\n${document.hnPost.body.trim()}\n`;
}

/** Tweets separated by lines holding only `---`. */
export function renderTwitterThread(document: Postmortem): string {
  return `${document.twitterThread.tweets.join(`\n${THREAD_SEPARATOR}\n`)}\n`;
}
