import type { Facts } from '../schemas/facts.js';
import type { MilestoneName } from '../schemas/front-matter.js';
import { analyzeIncident } from './analyze/analyze-incident.js';
import { cueTable, type CueConfigEntry } from './analyze/cues.js';
import { error, hasErrors, warning, type Diagnostic } from './diagnostics.js';
import type { SourceFile } from './load/source-file.js';
import { parseIncident } from './parse/parse-incident.js';

/**
 * parse → analyze for one file: the facts, or every problem that prevented them. `cues` are a
 * team's own cue entries (`analysis.cues` in the config), read after the built-in table.
 */
export function analyzeSource(
  source: SourceFile,
  options: { cues?: readonly CueConfigEntry[] | undefined } = {},
): {
  facts: Facts | null;
  diagnostics: Diagnostic[];
} {
  const parsed = parseIncident(source);
  if (!parsed.incident || hasErrors(parsed.diagnostics))
    return { facts: null, diagnostics: parsed.diagnostics };
  const analyzed = analyzeIncident(parsed.incident, { cues: cueTable(options.cues) });
  const diagnostics = [
    ...parsed.diagnostics,
    ...analyzed.problems.map((problem) =>
      error(
        problem.hint ? 'front-matter/milestone-order' : 'front-matter/bad-milestone',
        source.path,
        { line: problem.line },
        problem.message,
        problem.hint ?? `write ${problem.key} as HH:MM, YYYY-MM-DD HH:MM or an ISO 8601 instant`,
      ),
    ),
  ];
  for (const found of analyzed.warnings)
    diagnostics.push(
      warning(found.code, source.path, { line: found.line }, found.message, found.hint),
    );
  // A milestone read from weak evidence is a guess: say so where the reviewer can pin it.
  for (const [name, evidence] of Object.entries(analyzed.facts.evidence ?? {})) {
    if (evidence?.confidence !== 'low') continue;
    const quoted = evidence.text.length > 60 ? `${evidence.text.slice(0, 57)}...` : evidence.text;
    const time = analyzed.facts[name as MilestoneName];
    diagnostics.push(
      warning(
        'milestone/low-confidence',
        source.path,
        { line: evidence.line },
        `"${name}" is a guess from weak evidence: "${quoted}" (cue ${evidence.cue})${evidence.runnerUp ? `; the next best line is ${evidence.runnerUp.line}` : ''}`,
        `if it is wrong, pin it in the front matter, e.g. ${name}: "${time?.slice(0, 16).replace('T', ' ') ?? 'YYYY-MM-DD HH:MM'}"`,
      ),
    );
  }
  return { facts: hasErrors(diagnostics) ? null : analyzed.facts, diagnostics };
}
