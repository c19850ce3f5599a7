import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { formatDiagnostic } from '../src/pipeline/diagnostics.js';
import { loadConfig } from '../src/pipeline/load/load-config.js';
import { parseWithDiagnostics, yamlLocator } from '../src/pipeline/schema-diagnostics.js';
import { loadPacks } from '../src/site/packs.js';
import { tempDir } from './helpers/cli.js';

describe('a schema error is reported at the line and column where the field is written', () => {
  test('a nested config field, not the first key of the same name', async () => {
    const file = join(tempDir(), 'incidentpost.config.json');
    writeFileSync(
      file,
      '{\n  "site": { "name": "Status" },\n  "writer": {\n    "concurrency": 99\n  }\n}\n',
    );
    const { config, diagnostics } = await loadConfig(file, {});
    expect(config).toBeNull();
    expect(diagnostics).toMatchObject([
      { code: 'config/invalid', file, line: 4, column: 5, message: /"writer.concurrency"/ },
    ]);
  });

  test('an unknown config key, at the key itself', async () => {
    const file = join(tempDir(), 'incidentpost.config.json');
    writeFileSync(file, '{\n  "site": {\n    "titel": "Status"\n  }\n}\n');
    const { diagnostics } = await loadConfig(file, {});
    expect(diagnostics).toMatchObject([{ code: 'config/invalid', line: 3, column: 5 }]);
  });

  test('a list item in YAML, and a missing field at its parent', () => {
    const schema = z.object({ owners: z.array(z.object({ name: z.string() })) });
    const yaml = 'title: x\nowners:\n  - name: ana\n  - team: sre\n';
    const parsed = parseWithDiagnostics(
      schema,
      { owners: [{ name: 'ana' }, { team: 'sre' }] },
      { code: 'test/invalid', file: 'x.md', locate: yamlLocator(yaml, 3), hint: 'h' },
    );
    // The second item has no name: the place is that item (line 4 of the text, 6 of the file).
    expect(parsed).toMatchObject({ success: false, diagnostics: [{ line: 6, column: 5 }] });
  });
});

describe('a pack file that does not match its schema stops the site with a diagnostic', () => {
  const before = process.env['INCIDENTPOST_PACKS'];
  afterEach(() => {
    if (before === undefined) delete process.env['INCIDENTPOST_PACKS'];
    else process.env['INCIDENTPOST_PACKS'] = before;
  });

  test('printed as the CLI prints it, at the field', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'p'));
    writeFileSync(join(dir, 'index.json'), '{\n  "packs": "p"\n}\n');
    process.env['INCIDENTPOST_PACKS'] = dir;
    expect(() => loadPacks()).toThrow(
      `${join(dir, 'index.json')}:2:3: error: index.json field "packs": `,
    );
    expect(() => loadPacks()).toThrow(/\[pack\/invalid\]\n {2}hint: delete .* and build again/);
  });
});

test('the plain printer is the CLI format', () => {
  expect(
    formatDiagnostic({
      code: 'config/invalid',
      severity: 'warning',
      file: 'a.json',
      line: 2,
      column: 3,
      message: 'm',
      hint: 'h',
    }),
  ).toBe('a.json:2:3: warning: m [config/invalid]\n  hint: h');
});
