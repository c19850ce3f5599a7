/** The files every pack offers for download, in the order the site lists them. */
export const PACK_FILES = [
  'postmortem.md',
  'timeline.svg',
  'timeline.png',
  'hn-post.txt',
  'twitter-thread.txt',
] as const;
