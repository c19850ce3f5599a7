/**
 * Argument definitions shared by commands, kept apart from the commands themselves so that
 * reading them loads nothing heavy.
 */
export const writerArgs = {
  writer: {
    type: 'string',
    description:
      'openai (default when OPENAI_API_KEY is set; otherwise cached drafts only) or builtin',
    valueHint: 'openai|builtin',
  },
  cache: {
    type: 'string',
    description: 'Folder of cached LLM drafts (commit it)',
    default: 'incidents/.drafts',
  },
  refresh: {
    type: 'boolean',
    description: 'Ask the model again even where a cached draft exists',
    default: false,
  },
  strict: {
    type: 'boolean',
    description: 'Exit 1 when a draft could not be had and the built-in writer stood in',
    default: false,
  },
  config: { type: 'string', description: 'Config file', default: 'incidentpost.config.json' },
} as const;

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
