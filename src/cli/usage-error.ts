import type { ArgsDef } from 'citty';

/** A mistake in how the command was called: exit code 2, as with every Unix tool. */
export class UsageError extends Error {
  readonly code = 'usage';
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** citty accepts any flag; a typo such as `--out-dir` should fail loudly instead. */
export function rejectUnknownFlags(rawArgs: readonly string[], args: ArgsDef): void {
  const known = new Set<string>(['help', 'h']);
  for (const [name, def] of Object.entries(args)) {
    known.add(name);
    known.add(name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`));
    const aliases = 'alias' in def ? def.alias : undefined;
    for (const alias of Array.isArray(aliases) ? aliases : aliases ? [aliases] : [])
      known.add(alias);
    if (def.type === 'boolean') known.add(`no-${name}`);
  }
  for (const raw of rawArgs) {
    if (raw === '--') break;
    const flag = /^--?([^=]+)/.exec(raw)?.[1];
    if (flag && raw.startsWith('-') && !/^-\d/.test(raw) && !known.has(flag))
      throw new UsageError(`unknown option "${raw}"`);
  }
}
