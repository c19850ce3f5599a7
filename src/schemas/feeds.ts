/**
 * JSON Feed 1.1 (https://jsonfeed.org/version/1.1) as its specification defines it: required
 * `version`, `title` and `items`; each item needs an `id` and `content_html` or `content_text`;
 * dates are RFC 3339. The format publishes no machine-readable schema, so this one is written
 * from the specification's field list. Every feed.json is validated with it at build time, so a
 * feed that breaks the format fails the build instead of a subscriber's reader.
 */
import { z } from 'zod';

const Url = z.url();
/** RFC 3339, as JSON Feed requires: an instant with a zone offset or `Z`. */
const Rfc3339 = z.iso.datetime({ offset: true });

const JsonFeedAuthor = z
  .object({ name: z.string().optional(), url: Url.optional(), avatar: Url.optional() })
  .refine((author) => Object.values(author).some((value) => value !== undefined), {
    message: 'an author needs a name, url or avatar',
  });

export const JsonFeedItemSchema = z
  .object({
    id: z.string().min(1),
    url: Url.optional(),
    external_url: Url.optional(),
    title: z.string().optional(),
    content_html: z.string().optional(),
    content_text: z.string().optional(),
    summary: z.string().optional(),
    image: Url.optional(),
    banner_image: Url.optional(),
    date_published: Rfc3339.optional(),
    date_modified: Rfc3339.optional(),
    authors: z.array(JsonFeedAuthor).min(1).optional(),
    tags: z.array(z.string()).optional(),
    language: z.string().optional(),
    attachments: z
      .array(
        z.object({
          url: Url,
          mime_type: z.string(),
          title: z.string().optional(),
          size_in_bytes: z.number().int().nonnegative().optional(),
          duration_in_seconds: z.number().nonnegative().optional(),
        }),
      )
      .optional(),
  })
  .refine((item) => item.content_html !== undefined || item.content_text !== undefined, {
    message: 'an item needs content_html or content_text',
  });

export const JsonFeedSchema = z.object({
  version: z.literal('https://jsonfeed.org/version/1.1'),
  title: z.string().min(1),
  home_page_url: Url.optional(),
  feed_url: Url.optional(),
  description: z.string().optional(),
  user_comment: z.string().optional(),
  next_url: Url.optional(),
  icon: Url.optional(),
  favicon: Url.optional(),
  authors: z.array(JsonFeedAuthor).min(1).optional(),
  language: z.string().optional(),
  expired: z.boolean().optional(),
  items: z.array(JsonFeedItemSchema),
});
export type JsonFeed = z.infer<typeof JsonFeedSchema>;
