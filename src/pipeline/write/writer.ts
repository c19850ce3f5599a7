import type { Facts } from '../../schemas/facts.js';
import type { Postmortem } from '../../schemas/postmortem.js';
import type { SourceFile } from '../load/source-file.js';

export interface WriterUsage {
  requests: number;
  promptTokens: number;
  completionTokens: number;
}

/** What a writer says about one incident besides the document. */
export interface WriteOutcome {
  document: Postmortem;
  /** One line for the progress output: "cached draft", "drafted by gpt-4o-mini", "fell back: timeout". */
  status: string;
  /** Problems worth a line each in the output: a section replaced, an endpoint failure. */
  warnings: string[];
  /** True when the writer wanted a draft and could not get one; such packs are retried next run. */
  fellBack: boolean;
  usage: WriterUsage;
}

/**
 * A writer turns facts into a postmortem document. The built-in writer is deterministic and
 * offline; the OpenAI writer drafts with a model and falls back to the built-in one.
 */
export interface Writer {
  readonly id: 'builtin' | 'openai';
  /** Everything besides the input bytes that decides this writer's output for a file. */
  keyFor(file: SourceFile): Promise<string>;
  write(facts: Facts, file: SourceFile): Promise<WriteOutcome>;
}

export const NO_USAGE: WriterUsage = { requests: 0, promptTokens: 0, completionTokens: 0 };
