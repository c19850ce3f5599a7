import { access, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defineCommand } from 'citty';
import { error } from '../../pipeline/diagnostics.js';
import { incidentFromPaste } from '../../pipeline/load/incident-from-paste.js';
import { decodeSourceFile } from '../../pipeline/load/source-file.js';
import { printDiagnostics } from '../report.js';
import { rejectUnknownFlags } from '../usage-error.js';

const args = {
  title: { type: 'string', description: 'Title (default: taken from the first alert)' },
  dir: { type: 'string', description: 'Folder to write the incident into', default: 'incidents' },
  timezone: {
    type: 'string',
    description: 'Zone for times that name none (default: found in the paste, else UTC)',
  },
} as const;

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

export const newCommand = defineCommand({
  meta: {
    name: 'incidentpost new',
    description: 'Create an incident file from a timeline pasted on standard input',
  },
  args,
  run: async ({ rawArgs, args: parsed }) => {
    rejectUnknownFlags(rawArgs, args);
    const pasted = await readStdin();
    const decoded = decodeSourceFile('<stdin>', pasted);
    if (!decoded.file) {
      printDiagnostics(decoded.diagnostics);
      process.exitCode = 1;
      return;
    }
    const { incident, diagnostics } = incidentFromPaste(
      decoded.file,
      {
        ...(parsed.title ? { title: parsed.title } : {}),
        ...(parsed.timezone ? { timezone: parsed.timezone } : {}),
      },
      parsed.dir,
    );
    if (!incident) {
      printDiagnostics(diagnostics);
      process.exitCode = 1;
      return;
    }
    const path = join(parsed.dir, `${incident.slug}.md`);
    const exists = await access(path).then(
      () => true,
      () => false,
    );
    if (exists) {
      printDiagnostics([
        error(
          'new/exists',
          path,
          { line: 1 },
          'an incident with this name already exists',
          'pass --title to choose another name, or edit the existing file',
        ),
      ]);
      process.exitCode = 1;
      return;
    }
    await mkdir(parsed.dir, { recursive: true });
    await writeFile(path, incident.text, { flag: 'wx' });
    process.stdout.write(`${path}\n`);
  },
});
