import type { Facts } from '../schemas/facts.js';
import { analyzeIncident } from './analyze/analyze-incident.js';
import { error, hasErrors, type Diagnostic } from './diagnostics.js';
import type { SourceFile } from './load/source-file.js';
import { parseIncident } from './parse/parse-incident.js';

/** parse → analyze for one file: the facts, or every problem that prevented them. */
export function analyzeSource(source: SourceFile): {
  facts: Facts | null;
  diagnostics: Diagnostic[];
} {
  const parsed = parseIncident(source);
  if (!parsed.incident || hasErrors(parsed.diagnostics))
    return { facts: null, diagnostics: parsed.diagnostics };
  const analyzed = analyzeIncident(parsed.incident);
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
  return { facts: hasErrors(diagnostics) ? null : analyzed.facts, diagnostics };
}
