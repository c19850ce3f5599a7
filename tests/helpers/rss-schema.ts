/**
 * RSS 2.0 as the RSS Advisory Board's specification (rssboard.org/rss-specification) defines
 * it: a channel needs `title`, `link` and `description`; an item needs a `title` or a
 * `description`; dates are RFC 822. RSS publishes no official machine-readable schema, so this
 * is written from the specification's required elements and formats, for fast-xml-parser's
 * reading of a feed (attributes as `@_name`).
 */
import { z } from 'zod';

const Url = z.url();

/** RFC 822 date-time as RSS 2.0 writes it: `Sat, 10 Jan 2026 14:23:00 GMT`. */
const Rfc822 = z
  .string()
  .regex(
    /^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{2,4} \d{2}:\d{2}(?::\d{2})? (?:UT|GMT|[ECMP][SD]T|[A-IK-Z]|[+-]\d{4})$/,
    'is not an RFC 822 date',
  );

const RssText = z.union([z.string(), z.number()]).transform(String);

export const RssItemSchema = z
  .object({
    title: RssText.optional(),
    link: Url.optional(),
    description: RssText.optional(),
    category: z.union([RssText, z.array(RssText)]).optional(),
    guid: z.union([RssText, z.object({ '#text': RssText })]).optional(),
    pubDate: Rfc822.optional(),
  })
  .refine((item) => item.title !== undefined || item.description !== undefined, {
    message: 'an item needs a title or a description',
  });

/** An RSS 2.0 document as fast-xml-parser reads it (a one-item list reads as the item itself). */
export const RssSchema = z.object({
  rss: z.object({
    '@_version': z.literal('2.0'),
    channel: z.object({
      title: RssText,
      link: Url,
      description: RssText,
      language: z.string().optional(),
      lastBuildDate: Rfc822.optional(),
      item: z.union([RssItemSchema, z.array(RssItemSchema)]).optional(),
    }),
  }),
});
