/** Revision history of each incident file from git, where the build runs in a checkout. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

export interface Revision {
  commit: string;
  date: string;
  subject: string;
}

const run = promisify(execFile);

/** `{ "incidents/x.md": [newest revision first] }`; empty when git or history is unavailable. */
export async function incidentHistory(dir: string): Promise<Record<string, Revision[]>> {
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
    const history: Record<string, Revision[]> = {};
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
