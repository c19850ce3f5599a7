import type { APIRoute, GetStaticPaths } from 'astro';
import { z } from 'zod';
import { STATUSPAGE_FILES, type StatuspageFileName } from '../../../schemas/statuspage.ts';
import { json } from './_statuspage.ts';

/** The JSON Schema of each Statuspage file, generated from the zod schema that validates it. */
export const getStaticPaths: GetStaticPaths = () =>
  Object.keys(STATUSPAGE_FILES).map((name) => ({ params: { name } }));

export const GET: APIRoute = ({ params }) =>
  json(z.toJSONSchema(STATUSPAGE_FILES[params['name'] as StatuspageFileName]));
