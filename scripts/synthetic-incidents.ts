/**
 * Deterministic synthetic incidents for benchmarks: 20-40 events each, in a rotating mix of
 * the timeline shapes real teams paste.
 */
const SERVICES = ['api', 'checkout', 'search', 'auth', 'billing', 'queue', 'cdn', 'db'];
const STEPS = [
  '[PagerDuty] CRITICAL: {svc} error rate above 5%',
  '[Datadog] Alert: {svc} p99 latency 4200ms',
  '@oncall acknowledged, investigating',
  '[Slack] looking at the {svc} deploy from this morning',
  '[CloudWatch] {svc} CPU at 91%, connections maxed',
  'Error rate: 17% of requests returning 503',
  'suspect the new {svc} config',
  'Identified: connection leak in {svc} worker',
  'Rolling back {svc} to previous release',
  '{svc} error rate dropping',
  'restarted {svc} consumers',
  'customers report slow pages',
  'status page updated',
];

function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export function syntheticIncident(index: number): { name: string; text: string } {
  const random = rng(index + 1);
  const svc = SERVICES[index % SERVICES.length] ?? 'api';
  const day = new Date(Date.UTC(2025, 0, 1) + index * 86_400_000).toISOString().slice(0, 10);
  const count = 20 + Math.floor(random() * 21);
  let minute = 8 * 60 + Math.floor(random() * 600);
  const lines = [
    `---`,
    `title: ${svc} incident ${index}`,
    `date: ${day}`,
    `severity: P${1 + (index % 3)}`,
    `---`,
    '',
  ];
  for (let i = 0; i < count; i++) {
    minute += 1 + Math.floor(random() * 9);
    const hh = String(Math.floor(minute / 60) % 24).padStart(2, '0');
    const mm = String(minute % 60).padStart(2, '0');
    const step =
      i === count - 2
        ? 'error rate back to normal'
        : i === count - 1
          ? 'incident resolved'
          : (STEPS[Math.floor(random() * STEPS.length)] ?? '');
    const text = step.replaceAll('{svc}', svc);
    lines.push(index % 2 === 0 ? `${hh}:${mm} UTC ${text}` : `- **${hh}:${mm} UTC** ${text}`);
  }
  lines.push(
    '',
    `Notes: follow-ups: add alerting for ${svc}, review the ${svc} rollout checklist.`,
  );
  return { name: `${day}-${svc}-${index}.md`, text: `${lines.join('\n')}\n` };
}
