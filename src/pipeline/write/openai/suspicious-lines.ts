/**
 * Lines in an incident that read like instructions to a language model ("ignore previous
 * instructions", "you are now ..."). They stay in the postmortem as data, but their figures do
 * not count as evidence for the faithfulness guard, and the prompt names them.
 */
const PATTERNS = [
  /\bignore (?:all |any )?(?:the )?(?:previous|prior|above|earlier) (?:instructions|prompts?|rules)\b/i,
  /\bdisregard (?:all |any )?(?:the )?(?:previous|prior|above|system)\b/i,
  /\byou are now\b/i,
  /\b(?:system|developer) (?:prompt|message)\b/i,
  /\b(?:as an ai|language model|chatgpt|assistant),? (?:you )?(?:must|should|will)\b/i,
  /\bnew instructions?\s*:/i,
  /\b(?:write|say|state|claim) that\b.*\b(?:postmortem|outage|incident)\b/i,
];

export function isSuspicious(line: string): boolean {
  return PATTERNS.some((pattern) => pattern.test(line));
}

export function suspiciousLines(raw: string): { line: number; text: string }[] {
  return raw
    .split('\n')
    .flatMap((text, index) => (isSuspicious(text) ? [{ line: index + 1, text }] : []));
}
