import { z } from 'zod';
import { FactsSchema } from './facts.js';

/** One incident in `/api/incidents.json`: the analyzed facts a reader needs, plus links. */
export const ApiIncidentSchema = FactsSchema.pick({
  title: true,
  date: true,
  status: true,
  severity: true,
  services: true,
  start: true,
  detected: true,
  acknowledged: true,
  identified: true,
  mitigated: true,
  resolved: true,
  durationMinutes: true,
  timeToDetectMinutes: true,
  timeToAcknowledgeMinutes: true,
  timeToMitigateMinutes: true,
  timeToResolveMinutes: true,
  usersAffected: true,
}).extend({
  slug: z.string(),
  /** Absolute URL of the incident page. */
  url: z.string(),
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
