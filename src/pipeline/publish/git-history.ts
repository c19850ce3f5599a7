/** Revision history of each incident file from git, where the build runs in a checkout. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Config, SecretAllow } from '../../schemas/config.js';
import type { PackHistory, Revision } from '../../schemas/pack.js';
import type { Diagnostic } from '../diagnostics.js';
import { scanSecrets } from '../scan/secrets.js';
import { personalDataDiagnostics } from './scan-personal-data.js';
import { secretDiagnostic } from './scan-secrets.js';

const run = promisify(execFile);

/** `{ "incidents/x.md": [newest revision first] }`; empty when git or history is unavailable. */
export async function incidentHistory(dir: string): Promise<PackHistory> {
  try {
    const { stdout: top } = await run('git', ['rev-parse', '--show-toplevel'], { cwd: dir });
    const { stdout } = await run(
      'git',
      ['log', '--format=%x00%H%x09%aI%x09%s', '--name-only', '--', '.'],
      {
        cwd: dir,
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    const root = top.trim();
    const history: PackHistory = {};
    for (const chunk of stdout.split('\0').slice(1)) {
      const [header = '', ...files] = chunk.split('\n').filter(Boolean);
      const [commit = '', date = '', subject = ''] = header.split('\t');
      for (const file of files) {
        const relative = `${root}/${file}`.slice(root.length + 1);
        (history[relative] ??= []).push({ commit, date, subject });
      }
    }
    return history;
  } catch {
    return {};
  }
}

/**
 * Each commit whose subject the site shows, once, with the first incident file (by name) it
 * touched: where its problems are reported, however many incidents it changed.
 */
function* shownSubjects(
  history: PackHistory,
): Generator<{ file: string; revision: Revision; where: string }> {
  const seen = new Set<string>();
  for (const [file, revisions] of Object.entries(history).sort()) {
    for (const revision of revisions) {
      if (seen.has(revision.commit)) continue;
      seen.add(revision.commit);
      const where = `in the subject of commit ${revision.commit.slice(0, 12)}, which the site shows in this incident's history`;
      yield { file, revision, where };
    }
  }
}

/**
 * Secrets in the commit subjects the site would show in each incident's revision history: one
 * error per subject, at the incident file, naming the commit. `allow` is the config's allowlist.
 */
export function historySecrets(history: PackHistory, allow: readonly SecretAllow[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const { file, revision, where } of shownSubjects(history)) {
    for (const finding of scanSecrets(revision.subject, { allow })) {
      const diagnostic = secretDiagnostic(file, finding, { line: 1, column: 1, context: where });
      diagnostics.push({
        ...diagnostic,
        hint: `rotate the secret, then reword the commit (git rebase -i) or, once rotated, accept it in incidentpost.config.json under "secrets": { "allow": [{ "rule": "${finding.rule}", "fingerprint": "${finding.fingerprint}" }] }; nothing was published`,
      });
    }
  }
  return diagnostics;
}

/**
 * Personal data in the commit subjects the site would show (an author's e-mail, a customer's
 * phone number): warnings, or errors with `privacy.mode: "block"`, at the incident file,
 * naming the commit. One per commit and finding, however many incidents it touched.
 */
export function historyPersonalData(
  history: PackHistory,
  privacy: Config['privacy'],
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const { file, revision, where } of shownSubjects(history)) {
    for (const found of personalDataDiagnostics(
      { path: file, content: revision.subject },
      { privacy },
    )) {
      diagnostics.push({
        ...found,
        line: 1,
        column: 1,
        message: `${found.message}, ${where}`,
        hint: `reword the commit (git rebase -i) before it is pushed, or ${found.hint}`,
      });
    }
  }
  return diagnostics;
}
