import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'vitest';
import { builtinPackOf } from './helpers/writer-pack.js';
const DIR = process.env.DUMP_DIR ?? join(import.meta.dirname, 'fixtures/writer-kinds-4');
test('dump', () => {
  for (const f of readdirSync(DIR).filter((n) => n.endsWith('.md') && n !== 'README.md')) {
    const p = builtinPackOf(join(DIR, f));
    console.log(`==== ${f}\n-- SUMMARY\n${p.summary}\n-- TRIGGER\n${p.trigger}\n-- CAUSE\n${p.cause}\n-- DETECTION\n${p.detection}\n-- RESPONSE\n${p.response}\n`);
  }
});
