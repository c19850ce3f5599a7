import type { Facts } from '../../schemas/facts.js';
import type { Postmortem } from '../../schemas/postmortem.js';

/** What a writer says about one incident besides the document: cached, drafted, fell back, why. */
export interface WriteOutcome {
  document: Postmortem;
  /** One line for the progress output, e.g. "drafted by gpt-4o-mini" or "fell back: timeout". */
  status: string;
  warnings: string[];
}

/**
 * A writer turns facts into a postmortem document. The built-in writer is deterministic and
 * offline; the OpenAI writer drafts with a model and falls back to the built-in one.
 */
export interface Writer {
  readonly id: 'builtin' | 'openai';
  /** Part of every cache key: bump it when the writer's output changes. */
  readonly version: string;
  write(facts: Facts, rawInput: string): Promise<WriteOutcome>;
}
