import { access, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defineCommand } from 'citty';
import { stringify } from 'yaml';
import { analyzeSource } from '../../pipeline/analyze-source.js';
import { error } from '../../pipeline/diagnostics.js';
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

export function slugify(title: string): string {
  return (
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'incident'
  );
}

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
    const front: Record<string, string> = {};
    if (parsed.title) front['title'] = parsed.title;
    if (parsed.timezone) front['timezone'] = parsed.timezone;
    const probe = {
      ...decoded.file,
      text: Object.keys(front).length
        ? `---\n${stringify(front)}---\n${decoded.file.text}`
        : decoded.file.text,
    };
    const { facts, diagnostics } = analyzeSource(probe);
    if (!facts) {
      printDiagnostics(diagnostics);
      process.exitCode = 1;
      return;
    }
    const frontMatter = {
      title: parsed.title ?? facts.title,
      date: facts.date,
      timezone: facts.timezone,
      severity: 'unknown',
      status: facts.resolved ? 'resolved' : 'investigating',
      services: facts.services,
      ...(facts.usersAffected !== null ? { users_affected: facts.usersAffected } : {}),
    };
    const path = join(parsed.dir, `${facts.date}-${slugify(frontMatter.title)}.md`);
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
    const body = decoded.file.text.replace(/^---\n[\s\S]*?\n---\n/, '');
    await writeFile(path, `---\n${stringify(frontMatter)}---\n\n${body.trim()}\n`, { flag: 'wx' });
    process.stdout.write(`${path}\n`);
  },
});
