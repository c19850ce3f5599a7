import type { APIRoute } from 'astro';
import { z } from 'zod';
import { ApiIncidentsSchema } from '../../schemas/api.ts';

/** The JSON Schema of /api/incidents.json, generated from the zod schema that validates it. */
export const GET: APIRoute = () =>
  new Response(`${JSON.stringify(z.toJSONSchema(ApiIncidentsSchema), null, 2)}\n`, {
    headers: { 'content-type': 'application/schema+json' },
  });
