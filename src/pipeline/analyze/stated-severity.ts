/**
 * The incident's severity as the text states it, for teams who write it in the notes or the
 * first lines rather than in front matter: "Severity: Critical", "Priority: P1", "SEV1", "Sev 2", "P1".
 */

/**
 * "Severity: Critical" anywhere, a tracker's "Priority: P1" (a P level only: an action item's
 * "Priority: high" is not the incident's); "SEV1", "P1", "Critical", "Major" as the label a note opens
 * with; "SEV1" anywhere. "critical" alone in a sentence is not a severity, nor "P1 bug".
 */
const SEVERITY_ANYWHERE =
  /\bseverity\s*(?:level\s*)?[:=-]?\s*((?:sev(?:erity)?[\s-]?)?[0-5]|p[0-4]|critical|major|high|medium|minor|low)\b|\b(SEV[\s-]?[0-5])\b|\bpriority\s*[:=-]?\s*(P[0-4])\b/im;
/** The label a note opens with. Kept apart: on a timeline line it must not hide a `[SEV1]` tag. */
const SEVERITY_LABEL =
  /^\W*((?:sev[\s-]?[0-5]|p[0-4]|critical|major|minor))\b(?!\s+(?:bug|issue|path|section)\b)/im;

/**
 * The first severity label the notes, then the timeline lines, state, normalised to how teams
 * write it ("SEV1", "P2", "Critical"); null when none. A timeline line opening with "CRITICAL:"
 * is a monitor's level, not the incident's severity, so a label opening a line counts only in
 * a note.
 *
 * @param notes the notes' Markdown, in file order
 * @param lines the timeline lines' text, in file order
 */
export function statedSeverity(notes: readonly string[], lines: readonly string[]): string | null {
  const texts = [
    ...notes.map((text) => ({ text, note: true })),
    ...lines.map((text) => ({ text, note: false })),
  ];
  for (const { text, note } of texts) {
    const match = SEVERITY_ANYWHERE.exec(text);
    const label =
      match?.[1] ?? (note ? SEVERITY_LABEL.exec(text)?.[1] : undefined) ?? match?.[2] ?? match?.[3];
    if (label)
      return label
        .replace(/^(?:sev|p)(?=[\s-]?\d)/i, (prefix) => prefix.toUpperCase())
        .replace(/^(?!SEV|P\d)[a-z]/, (first) => first.toUpperCase());
  }
  return null;
}
