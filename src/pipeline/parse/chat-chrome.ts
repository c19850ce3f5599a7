/**
 * A chat copied from Teams, Google Chat, Slack or Discord carries the client's own lines between
 * the messages: reaction counts (`👍 3`, `:eyes: 2`), an edit mark on a line of its own
 * (`Edited`, `(edited)`), a thread's footer (`2 replies`, `Last reply today at 3:05 PM`,
 * `View thread`). A reader skips them; read as text they were glued to the message above or
 * below ("Edited the pdf-renderer image ...", "closing this ❤️ 1"), and a footer's time could
 * pass for a message's. They are dropped here, before the line readers; the other lines keep
 * their numbers.
 */
import type { Block, SourceLine } from './document.js';

/** One reaction: an emoji (or Slack's `:name:`) and how many people gave it. */
const REACTION = String.raw`(?:\p{Extended_Pictographic}|:[a-z0-9_+-]{1,40}:)[\p{Extended_Pictographic}\p{Emoji_Modifier}\u{FE0F}\u{200D}]*\s*(?:×\s*)?\d{1,4}`;
/** A line of reactions and nothing else: `👍 3`, `👀 2  ❤️ 1`, `:tada: 4 :eyes: 1`. */
const REACTIONS_LINE = new RegExp(`^\\s*(?:${REACTION}\\s*)+$`, 'u');
/** An edit mark alone, in the languages the clients print it in. */
const EDIT_MARK =
  /^\s*\(?(?:edited|bearbeitet|modifié|modificato|editado|editada|bewerkt|redigerad)\)?\s*$/iu;
/** A thread's footer: `2 replies`, `1 reply Last reply 3 minutes ago`, `View thread`. */
const THREAD_FOOTER =
  /^\s*(?:\d{1,4}\s+repl(?:y|ies)\b.*|last reply\b.*|view (?:thread|\d+ more repl(?:y|ies))|reply|see more|show more)\s*$/i;

/** Whether a line is a chat client's own mark, not something a person wrote. */
export function isChatChrome(text: string): boolean {
  return REACTIONS_LINE.test(text) || EDIT_MARK.test(text) || THREAD_FOOTER.test(text);
}

/**
 * The blocks without the chat client's lines (see the module comment). A block that is only
 * such lines is dropped; the others keep their lines' numbers.
 */
export function withoutChatChrome(blocks: readonly Block[]): Block[] {
  return blocks.flatMap((block) => {
    const lines: SourceLine[] = block.lines.filter((line) => !isChatChrome(line.text));
    return lines.length === 0 ? [] : [{ ...block, lines }];
  });
}
