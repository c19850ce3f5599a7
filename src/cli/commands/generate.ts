import { defineCommand } from 'citty';
import { generate } from '../../pipeline/generate.js';
import { hasErrors } from '../../pipeline/diagnostics.js';
import { printDiagnostics, progress } from '../report.js';
import { rejectUnknownFlags } from '../usage-error.js';
import { chooseWriter, writerArgs } from '../choose-writer.js';

export const generateArgs = {
  incidents: {
    type: 'string',
    description: 'Folder (or file) of incident timelines',
    default: 'incidents',
  },
  out: {
    type: 'string',
    description: 'Where packs are written, one folder per incident',
    default: 'generated',
  },
  ...writerArgs,
} as const;

export const generateCommand = defineCommand({
  meta: {
    name: 'incidentpost generate',
    description:
      'Turn every incident into a postmortem pack (postmortem.md, timeline.svg/png, hn-post.txt, twitter-thread.txt)',
  },
  args: generateArgs,
  run: async ({ rawArgs, args }) => {
    rejectUnknownFlags(rawArgs, generateArgs);
    const writer = await chooseWriter(args);
    const report = await generate({
      inputs: [args.incidents],
      out: args.out,
      writer,
      onProgress: progress,
    });
    printDiagnostics(report.diagnostics);
    process.stdout.write(
      `generated ${report.generated.length}, unchanged ${report.cached.length}, failed ${report.failed.length}${report.removed.length ? `, removed ${report.removed.length}` : ''} → ${args.out}\n`,
    );
    if (hasErrors(report.diagnostics)) process.exitCode = 1;
  },
});
