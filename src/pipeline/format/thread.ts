/**
 * The line between two tweets in twitter-thread.txt. The renderer joins a thread with it and the
 * site's share panel splits the file on it, so both read it from here.
 */
export const THREAD_SEPARATOR = '---';
