import type { APIRoute } from 'astro';
import { StatuspageIncidentsFileSchema } from '../../../schemas/statuspage.ts';
import { json, statuspageForBuild } from './_statuspage.ts';

/** Statuspage's `/api/v2/incidents.json`: the 50 most recent incidents, newest first. */
export const GET: APIRoute = async (context) => {
  const data = await statuspageForBuild(context.site);
  return json(
    StatuspageIncidentsFileSchema.parse({
      page: data.page,
      incidents: data.incidents.slice(0, 50),
    }),
  );
};
