import { builtinWriter } from '../pipeline/write/builtin/builtin-writer.js';
import type { Writer } from '../pipeline/write/writer.js';
import { UsageError } from './usage-error.js';

export const writerArgs = {
  writer: {
    type: 'string',
    description: 'builtin (default, offline) or openai',
    valueHint: 'builtin|openai',
  },
  cache: {
    type: 'string',
    description: 'Folder of cached LLM drafts',
    default: 'incidents/.drafts',
  },
} as const;

export function chooseWriter(args: {
  writer?: string | undefined;
  cache: string;
}): Promise<Writer> {
  const id = args.writer ?? 'builtin';
  if (id === 'builtin') return Promise.resolve(builtinWriter);
  throw new UsageError(`unknown writer "${id}" (expected builtin or openai)`);
}
