/** Where the pipeline wrote the packs: `incidentpost build` sets it; `generated/` otherwise. */
export function packsDir(): string {
  return process.env['INCIDENTPOST_PACKS'] ?? 'generated';
}
