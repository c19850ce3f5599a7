/**
 * Counts written in words, as people write a step of time ("ten minutes later", "an hour
 * later", "half an hour later") or a clock ("ten past two"). One table for every reader of
 * them, so "twelve minutes later" reads the same at a line's start and inside a sentence.
 */

/** The value of each word; "half an" is half of the unit after it. */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  'twenty-five': 25,
  thirty: 30,
  forty: 40,
  'forty-five': 45,
  fifty: 50,
  ninety: 90,
  'half an': 0.5,
};

/**
 * A step's amount in a regular expression: up to three digits or a word of NUMBER_WORDS,
 * longest first so "twenty-five" is not read as "twenty".
 */
export const AMOUNT_SOURCE = `\\d{1,3}|${Object.keys(NUMBER_WORDS)
  .sort((a, b) => b.length - a.length)
  .join('|')}`;

/**
 * The seconds a step states: `amount` in digits or words, `unit` as written (`h`, `hours`,
 * `min`, `m`, `s`, `secs`). Its first letter says the unit.
 */
export function stepSeconds(amount: string, unit: string): number {
  const count = NUMBER_WORDS[amount.toLowerCase()] ?? Number(amount);
  const u = unit.toLowerCase();
  const size = u.startsWith('h') ? 3600 : u.startsWith('m') ? 60 : 1;
  return count * size;
}
