/**
 * A load event exposes a latent fault: a marketing send ("push notification sent to all 640k
 * app users", "Newsletter went out to ~1.2M members") is the trigger, and an index a migration
 * or refactor removed weeks ago ("was removed by the ... migration and nobody noticed") is the
 * root cause. A blind judge found the root cause "still under investigation", the send's
 * audience told as the users affected, and the dropped index told as data loss.
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeSource } from '../src/pipeline/analyze-source.js';
import { sectionText } from './helpers/writer-pack.js';
import { builtinPackOf } from './helpers/writer-pack.js';
import { sourceFromFixture } from './helpers/source.js';

const DIR = join(import.meta.dirname, 'fixtures/writer-kinds-s13');

describe.each([
  ['load-exposes-a-dropped-index-push.md', '18:00', 'trigram index', '640'],
  ['load-exposes-a-dropped-index-newsletter.md', '07:30', 'sessions.member_id', '1.2'],
])('%s', (file, sentAt, index, audience) => {
  const path = join(DIR, file);
  const pack = builtinPackOf(path);
  const { facts } = analyzeSource(sourceFromFixture(path));

  test('the trigger is the send, at its time', () => {
    expect(pack.trigger).toContain(sentAt);
    expect(pack.trigger).toMatch(/notification|newsletter/i);
    expect(pack.trigger).not.toContain(index);
  });

  test('the root cause is the index the change removed', () => {
    expect(pack.cause).toContain(index);
    expect(pack.cause).not.toMatch(/under investigation/i);
    expect(pack.cause).not.toMatch(/notification|newsletter/i);
  });

  test("the send's audience is not the users affected, and no data loss is claimed", () => {
    expect(String(facts?.usersAffected ?? '')).not.toContain(audience);
    expect(sectionText(pack.document.impact)).not.toMatch(/data loss/i);
    expect(pack.users).not.toMatch(/data (?:was|were) lost|lost (?:your )?data/i);
  });
});
