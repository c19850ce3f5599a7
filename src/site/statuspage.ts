/**
 * Published packs → Statuspage's v2 API (src/schemas/statuspage.ts). Pure: the same packs and
 * site settings always give the same files, so rebuilds are byte-identical.
 *
 * Mapping: each service is a component; each incident keeps its slug as id; its updates are
 * its milestones (detected → investigating, identified → identified, mitigated → monitoring,
 * resolved → resolved) with the timeline line that established each as the body.
 */
import { createHash } from 'node:crypto';
import type { StatuspageComponentSchema } from '../schemas/statuspage.ts';
import { type StatusIndicator, type StatuspageIncident } from '../schemas/statuspage.ts';
import type { z } from 'zod';
import { incidentStatus, isOngoing } from './incident-status.ts';
import { allServices, serviceSlug, type PackFacts, type PackSummary } from './packs.ts';

type Component = z.infer<typeof StatuspageComponentSchema>;

/**
 * Statuspage's impact for a team's severity label: level 1 (`P1`, `SEV1`, `SEV-0`, `critical`)
 * is critical, level 2 (`P2`, `high`, `major`) major, anything else stated minor, none when
 * no severity is given.
 */
export function impactOf(severity: string | null): StatusIndicator {
  if (!severity) return 'none';
  const level = /(\d+)/.exec(severity)?.[1];
  if (level !== undefined)
    return Number(level) <= 1 ? 'critical' : Number(level) === 2 ? 'major' : 'minor';
  if (/crit|emergency|outage/i.test(severity)) return 'critical';
  if (/high|major|severe/i.test(severity)) return 'major';
  return 'minor';
}

const INDICATOR_RANK: Record<StatusIndicator, number> = {
  none: 0,
  minor: 1,
  major: 2,
  critical: 3,
};

/** The worst of several impacts; `none` for none. */
export function worstImpact(impacts: readonly StatusIndicator[]): StatusIndicator {
  return impacts.reduce<StatusIndicator>(
    (worst, impact) => (INDICATOR_RANK[impact] > INDICATOR_RANK[worst] ? impact : worst),
    'none',
  );
}

/** Statuspage's own words for each rollup indicator. */
const INDICATOR_DESCRIPTION: Record<StatusIndicator, string> = {
  none: 'All Systems Operational',
  minor: 'Minor Service Outage',
  major: 'Partial System Outage',
  critical: 'Major System Outage',
};

const COMPONENT_STATUS: Record<StatusIndicator, Component['status']> = {
  none: 'degraded_performance',
  minor: 'degraded_performance',
  major: 'partial_outage',
  critical: 'major_outage',
};

/** Oldest first, by the instant (ISO strings with different offsets do not sort as text). */
const byInstant = (a: string, b: string) => Date.parse(a) - Date.parse(b);

/** The instant an incident began: its start, else the first milestone, else midnight UTC. */
function startedAt(facts: PackFacts): string {
  return (
    facts.start ??
    facts.detected ??
    facts.acknowledged ??
    facts.identified ??
    facts.mitigated ??
    facts.resolved ??
    `${facts.date}T00:00:00Z`
  );
}

/** The latest instant an incident records. */
function lastUpdate(facts: PackFacts): string {
  const times = [
    startedAt(facts),
    facts.detected,
    facts.identified,
    facts.mitigated,
    facts.resolved,
  ]
    .filter((t): t is string => t !== null)
    .sort(byInstant);
  return times.at(-1) ?? startedAt(facts);
}

export interface StatuspageSite {
  name: string;
  /** Absolute URL of the home page. */
  home: string;
  /** Absolute URL of an incident page. */
  incidentUrl: (slug: string) => string;
}

/** One component per service; a service with an ongoing incident shows its worst impact. */
function statuspageComponents(packs: readonly PackSummary[], pageId: string): Component[] {
  const ongoing = packs.filter((pack) => isOngoing(pack.facts.status));
  return allServices(packs).map((service, index) => {
    const dates = service.packs.map((p) => startedAt(p.facts)).sort(byInstant);
    const worst = ongoing
      .filter((p) => p.facts.services.some((name) => serviceSlug(name) === service.slug))
      .map((p) => impactOf(p.facts.severity))
      .sort((a, b) => INDICATOR_RANK[b] - INDICATOR_RANK[a])[0];
    return {
      id: service.slug,
      name: service.name,
      status: worst ? COMPONENT_STATUS[worst] : 'operational',
      created_at: dates[0]!,
      updated_at: service.packs
        .map((p) => lastUpdate(p.facts))
        .sort(byInstant)
        .at(-1)!,
      position: index + 1,
      description: null,
      showcase: true,
      start_date: dates[0]!.slice(0, 10),
      group_id: null,
      page_id: pageId,
      group: false,
      only_show_if_degraded: false,
    };
  });
}

/** One incident with an update per Statuspage state it reached, newest update first. */
function statuspageIncident(
  { slug, facts, updates: texts }: PackSummary,
  context: { pageId: string; site: StatuspageSite; byService: ReadonlyMap<string, Component> },
): StatuspageIncident {
  const steps = [
    ['investigating', 'detected'],
    ['identified', 'identified'],
    ['monitoring', 'mitigated'],
    ['resolved', 'resolved'],
  ] as const;
  const updates = steps.flatMap(([status, milestone]) => {
    const time = facts[milestone];
    if (!time) return [];
    return [
      {
        id: `${slug}-${status}`,
        status,
        body: texts[milestone] ?? '',
        incident_id: slug,
        created_at: time,
        updated_at: time,
        display_at: time,
        affected_components: null,
        deliver_notifications: false,
        custom_tweet: null,
        tweet_id: null,
      },
    ];
  });
  const status = incidentStatus(facts.status);
  return {
    id: slug,
    name: facts.title,
    status: status === 'draft' ? 'investigating' : status,
    created_at: facts.detected ?? startedAt(facts),
    updated_at: lastUpdate(facts),
    monitoring_at: facts.mitigated,
    resolved_at: isOngoing(facts.status) ? null : facts.resolved,
    impact: impactOf(facts.severity),
    shortlink: context.site.incidentUrl(slug),
    started_at: startedAt(facts),
    page_id: context.pageId,
    incident_updates: updates.reverse(),
    components: facts.services.flatMap((name) => {
      const component = context.byService.get(serviceSlug(name));
      return component ? [component] : [];
    }),
  };
}

/** The page's indicator: the worst impact among ongoing incidents, `none` when there are none. */
function pageIndicator(ongoing: readonly PackSummary[]): StatusIndicator {
  const worst = ongoing
    .map((p) => impactOf(p.facts.severity))
    .sort((a, b) => INDICATOR_RANK[b] - INDICATOR_RANK[a])[0];
  // An ongoing incident without a severity still means the page is not all green.
  return ongoing.length ? (worst === 'none' ? 'minor' : worst!) : 'none';
}

/** The files' shared parts, computed once per build. */
export function statuspageData(packs: readonly PackSummary[], site: StatuspageSite) {
  const pageId = createHash('sha256').update(site.home).digest('hex').slice(0, 12);
  const ongoing = packs.filter((pack) => isOngoing(pack.facts.status));
  const components = statuspageComponents(packs, pageId);
  const context = { pageId, site, byService: new Map(components.map((c) => [c.id, c])) };
  const incident = (pack: PackSummary) => statuspageIncident(pack, context);
  const indicator = pageIndicator(ongoing);
  const updated = packs
    .map((p) => lastUpdate(p.facts))
    .sort(byInstant)
    .at(-1);
  return {
    page: {
      id: pageId,
      name: site.name,
      url: site.home,
      time_zone: 'Etc/UTC',
      // The newest instant any incident records: deterministic, unlike the build's clock.
      updated_at: updated ?? '1970-01-01T00:00:00Z',
    },
    status: { indicator, description: INDICATOR_DESCRIPTION[indicator] },
    components,
    /** Every incident, newest first. */
    incidents: packs.map(incident),
    unresolved: ongoing.map(incident),
  };
}
