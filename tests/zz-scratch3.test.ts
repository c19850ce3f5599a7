import { test } from 'vitest';
import { analyzeSource } from '../src/pipeline/analyze-source.js';
import { sourceFromFixture } from './helpers/source.js';
import { readIncident } from '../src/pipeline/write/builtin/read-incident.js';
test('dump', () => {
  const { facts } = analyzeSource(sourceFromFixture(process.env.F!));
  const r = readIncident(facts!);
  console.log(JSON.stringify({ mit: facts!.mitigated, res: facts!.resolved, m: r.response.mitigated?.text, rs: r.response.resolved?.text, fix: r.response.fix?.event.text, steps: r.response.steps.map(s => s.event.text) }));
});
