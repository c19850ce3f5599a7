/**
 * Statuspage's public read API, version 2 (`/api/v2/status.json`, `/api/v2/summary.json`,
 * `/api/v2/incidents.json`), in the shapes Atlassian documents for every hosted status page, so
 * widgets and monitors written for Statuspage read this site unchanged. Each file is validated
 * with these schemas at build time, and their JSON Schemas are published beside them.
 * Source: Statuspage's "Status API" reference (v2), fields in its documented order.
 */
import { z } from 'zod';

const Instant = z.iso.datetime({ offset: true });

export const STATUS_INDICATORS = ['none', 'minor', 'major', 'critical'] as const;
export type StatusIndicator = (typeof STATUS_INDICATORS)[number];

export const COMPONENT_STATUSES = [
  'operational',
  'degraded_performance',
  'partial_outage',
  'major_outage',
  'under_maintenance',
] as const;

/** Statuspage's incident states; `postmortem` once the write-up is published. */
export const StatuspageIncidentStatus = z.enum([
  'investigating',
  'identified',
  'monitoring',
  'resolved',
  'postmortem',
]);

export const StatuspagePageSchema = z.object({
  id: z.string(),
  name: z.string(),
  url: z.url(),
  time_zone: z.string(),
  updated_at: Instant,
});

export const StatuspageStatusSchema = z.object({
  indicator: z.enum(STATUS_INDICATORS),
  description: z.string(),
});

/** A component: here, one service named by the incidents. */
export const StatuspageComponentSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(COMPONENT_STATUSES),
  created_at: Instant,
  updated_at: Instant,
  position: z.number().int().positive(),
  description: z.string().nullable(),
  showcase: z.boolean(),
  start_date: z.iso.date().nullable(),
  group_id: z.string().nullable(),
  page_id: z.string(),
  group: z.boolean(),
  only_show_if_degraded: z.boolean(),
});

export const StatuspageIncidentUpdateSchema = z.object({
  id: z.string(),
  status: StatuspageIncidentStatus,
  body: z.string(),
  incident_id: z.string(),
  created_at: Instant,
  updated_at: Instant,
  display_at: Instant,
  affected_components: z.null(),
  deliver_notifications: z.boolean(),
  custom_tweet: z.null(),
  tweet_id: z.null(),
});

export const StatuspageIncidentSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: StatuspageIncidentStatus,
  created_at: Instant,
  updated_at: Instant,
  monitoring_at: Instant.nullable(),
  resolved_at: Instant.nullable(),
  impact: z.enum(STATUS_INDICATORS),
  /** The incident's page on this site. */
  shortlink: z.url(),
  started_at: Instant,
  page_id: z.string(),
  /** Newest first, as Statuspage lists them. */
  incident_updates: z.array(StatuspageIncidentUpdateSchema),
  components: z.array(StatuspageComponentSchema),
});
export type StatuspageIncident = z.infer<typeof StatuspageIncidentSchema>;

/** `/api/v2/status.json`: the page's rollup indicator. */
export const StatuspageStatusFileSchema = z.object({
  page: StatuspagePageSchema,
  status: StatuspageStatusSchema,
});

/** `/api/v2/summary.json`: components, unresolved incidents and the rollup. */
export const StatuspageSummaryFileSchema = z.object({
  page: StatuspagePageSchema,
  components: z.array(StatuspageComponentSchema),
  incidents: z.array(StatuspageIncidentSchema),
  scheduled_maintenances: z.array(z.never()),
  status: StatuspageStatusSchema,
});

/** `/api/v2/incidents.json`: the 50 most recent incidents, newest first. */
export const StatuspageIncidentsFileSchema = z.object({
  page: StatuspagePageSchema,
  incidents: z.array(StatuspageIncidentSchema),
});

/** Every published file with its schema, by the file's name under `/api/v2/`. */
export const STATUSPAGE_FILES = {
  status: StatuspageStatusFileSchema,
  summary: StatuspageSummaryFileSchema,
  incidents: StatuspageIncidentsFileSchema,
} as const;
export type StatuspageFileName = keyof typeof STATUSPAGE_FILES;
