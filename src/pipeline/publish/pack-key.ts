import { createHash } from 'node:crypto';

/** Bump when the pack layout or any renderer's output changes, so every pack is rebuilt. */
export const FORMAT_VERSION = '5';

/** sha256 of the input bytes plus everything else that shapes the pack (the writer's part). */
export function packKey(bytes: Uint8Array, writerKey: string): string {
  return createHash('sha256')
    .update(bytes)
    .update(`\0writer=${writerKey}\0format=${FORMAT_VERSION}`)
    .digest('hex');
}
