import { createHash } from 'node:crypto';

/** Bump when the pack layout or any renderer's output changes, so every pack is rebuilt. */
export const FORMAT_VERSION = '1';

/** sha256 of the input bytes plus everything else that shapes the pack. */
export function packKey(
  bytes: Uint8Array,
  writer: { id: string; version: string },
  extra = '',
): string {
  return createHash('sha256')
    .update(bytes)
    .update(`\0writer=${writer.id}@${writer.version}\0format=${FORMAT_VERSION}\0${extra}`)
    .digest('hex');
}
