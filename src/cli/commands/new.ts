import { access, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defineCommand } from 'citty';
import { DateTime } from 'luxon';
import { error, warning, type Diagnostic } from '../../pipeline/diagnostics.js';
import { incidentFromPaste } from '../../pipeline/load/incident-from-paste.js';
import { decodeSourceFile } from '../../pipeline/load/source-file.js';
import { printDiagnostics } from '../report.js';
import { rejectUnknownFlags, UsageError } from '../usage-error.js';

const args = {
  title: { type: 'string', description: 'Title (default: taken from the first alert)' },
  dir: { type: 'string', description: 'Folder to write the incident into', default: 'incidents' },
  timezone: {
    type: 'string',
    description: 'Zone for times that name none (default: found in the paste, else UTC)',
  },
  date: {
    type: 'string',
    description: 'Day the incident started, YYYY-MM-DD (default: found in the paste, else today)',
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
    if (parsed.date && !DateTime.fromISO(parsed.date).isValid)
      throw new UsageError(`--date "${parsed.date}" is not a day; use YYYY-MM-DD`);
    const file = decoded.file;
    const fromPaste = (date: string | undefined) =>
      incidentFromPaste(
        file,
        {
          ...(parsed.title ? { title: parsed.title } : {}),
          ...(parsed.timezone ? { timezone: parsed.timezone } : {}),
          ...(date ? { date } : {}),
        },
        parsed.dir,
        { draft: true },
      );
    let { incident, diagnostics } = fromPaste(parsed.date);
    const notes: Diagnostic[] = [];
    // A chat paste (Slack, Teams) shows times only: it is most often today's incident.
    if (!incident && !parsed.date && diagnostics.some((d) => d.code === 'timeline/no-date')) {
      const today = DateTime.utc().toISODate();
      ({ incident, diagnostics } = fromPaste(today));
      notes.push(
        warning(
          'new/assumed-date',
          '<stdin>',
          { line: 1 },
          `the paste names no day, so the incident is dated today (${today})`,
          'pass --date YYYY-MM-DD, or edit `date:` in the file, if it happened on another day',
        ),
      );
    }
    if (!incident) {
      printDiagnostics([...notes, ...diagnostics]);
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
    if (notes.length) printDiagnostics(notes);
    process.stdout.write(`${path}\n`);
    if (/^status: draft$/m.test(incident.text))
      process.stderr.write(
        'Written as status: draft, which is built for you but not published. Fill in the title, severity, services and the Root cause, Mitigations and Action items sections, then set status: resolved (or postmortem) to publish it.\n',
      );
  },
});
