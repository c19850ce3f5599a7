/** twitter-text's parseTweet module on its own (split-tweets.ts): its types are the package's. */
declare module 'twitter-text/dist/parseTweet.js' {
  import type { parseTweet } from 'twitter-text';
  const parse: typeof parseTweet;
  export default parse;
}
