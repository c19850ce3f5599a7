/**
 * The prompts of incidents/_template.md and of the draft `incidentpost new` writes ("What broke
 * and why, in two or three sentences."). A prompt left in place is not the team's text: were it
 * read as a root cause it would be published as one.
 */
import { warning, type Diagnostic } from '../diagnostics.js';
import type { Section } from './document.js';

/** Each prompt as the template writes it, after its list marker and priority. */
export const TEMPLATE_PROMPTS = {
  rootCause: 'What broke and why, in two or three sentences.',
  mitigations: 'What you did to stop the impact.',
  actionItems: [
    'HIGH: The change that stops this from happening again',
    'MEDIUM: The change that makes it faster to detect or fix',
    'LOW: Nice to have',
  ],
} as const;

const normalise = (text: string): string =>
  text
    .replace(/^\s*(?:[-*+]\s+)?(?:\[[ xX]\]\s+)?(?:(?:HIGH|MEDIUM|LOW)\s*:\s*)?/i, '')
    .replace(/[.\s]+$/, '')
    .toLowerCase();

const PROMPTS: ReadonlySet<string> = new Set(
  [TEMPLATE_PROMPTS.rootCause, TEMPLATE_PROMPTS.mitigations, ...TEMPLATE_PROMPTS.actionItems].map(
    normalise,
  ),
);

/**
 * `section` without the lines that are still the template's prompts, and a warning for each,
 * at its line, saying to write the team's own text there or delete it.
 */
export function withoutTemplatePrompts(
  file: string,
  section: Section,
): { section: Section; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const blocks = section.blocks
    .map((block) => ({
      lines: block.lines.filter((line) => {
        if (!PROMPTS.has(normalise(line.text))) return true;
        diagnostics.push(
          warning(
            'section/template-prompt',
            file,
            { line: line.number },
            `"${line.text.trim()}" is the template's prompt, not your text: it is left out`,
            'write what happened in its place, or delete the line',
          ),
        );
        return false;
      }),
    }))
    .filter((block) => block.lines.length > 0);
  return { section: { ...section, blocks }, diagnostics };
}
