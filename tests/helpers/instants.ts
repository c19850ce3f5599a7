import { expect } from 'vitest';
import { parseIncident } from '../../src/pipeline/parse/parse-incident.js';
import { sourceFromText } from './source.js';

/** The instants parse gives a timeline, sorted, as ISO strings in UTC; asserts no parse error. */
export function instants(text: string): string[] {
  const { incident, diagnostics } = parseIncident(sourceFromText(text));
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return (incident?.entries ?? [])
    .flatMap((entry) => (entry.time ? [entry.time.toUTC().toISO() ?? ''] : []))
    .sort();
}
