import { z } from 'zod';

/** One incident in `/api/incidents.json`. Times are ISO 8601 with offset, or null when not stated. */
export const ApiIncidentSchema = z.object({
  slug: z.string(),
  title: z.string(),
  /** Absolute URL of the incident page. */
  url: z.string(),
  date: z.string(),
  status: z.string(),
  severity: z.string().nullable(),
  services: z.array(z.string()),
  start: z.string().nullable(),
  detected: z.string().nullable(),
  acknowledged: z.string().nullable(),
  identified: z.string().nullable(),
  mitigated: z.string().nullable(),
  resolved: z.string().nullable(),
  durationMinutes: z.number().nullable(),
  timeToDetectMinutes: z.number().nullable(),
  timeToAcknowledgeMinutes: z.number().nullable(),
  timeToMitigateMinutes: z.number().nullable(),
  timeToResolveMinutes: z.number().nullable(),
  usersAffected: z.union([z.number(), z.string()]).nullable(),
  summary: z.string(),
  /** Absolute URLs of the pack files: postmortem.md, timeline.svg, timeline.png, hn-post.txt, twitter-thread.txt. */
  files: z.record(z.string(), z.string()),
});

/** `/api/incidents.json`: every incident, newest first. Its JSON Schema is at `/api/incidents.schema.json`. */
export const ApiIncidentsSchema = z.object({
  version: z.literal(1),
  site: z.string(),
  incidents: z.array(ApiIncidentSchema),
});
export type ApiIncidents = z.infer<typeof ApiIncidentsSchema>;
