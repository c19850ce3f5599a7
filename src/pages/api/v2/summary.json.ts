import type { APIRoute } from 'astro';
import { StatuspageSummaryFileSchema } from '../../../schemas/statuspage.ts';
import { json, statuspageForBuild } from './_statuspage.ts';

/** Statuspage's `/api/v2/summary.json`: components, unresolved incidents and the rollup. */
export const GET: APIRoute = async (context) => {
  const data = await statuspageForBuild(context.site);
  return json(
    StatuspageSummaryFileSchema.parse({
      page: data.page,
      components: data.components,
      incidents: data.unresolved,
      scheduled_maintenances: [],
      status: data.status,
    }),
  );
};
