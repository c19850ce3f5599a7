import type { APIRoute } from 'astro';
import { StatuspageStatusFileSchema } from '../../../schemas/statuspage.ts';
import { json, statuspageForBuild } from './_statuspage.ts';

/** Statuspage's `/api/v2/status.json`: the rollup indicator monitors poll. */
export const GET: APIRoute = async (context) => {
  const data = await statuspageForBuild(context.site);
  return json(StatuspageStatusFileSchema.parse({ page: data.page, status: data.status }));
};
