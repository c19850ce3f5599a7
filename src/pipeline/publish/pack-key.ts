import { createHash } from 'node:crypto';

/**
 * Bump when a pack made from the same input changes: its layout, a renderer's output, or what
 * analyze and the built-in writer make of the lines (a cached pack is otherwise kept as it was).
 * 6: this release reads more pastes, writes the sections differently and scales the figure.
 * 7: the PNGs are encoded by png-encode.ts (the same pixels, other bytes).
 * 8: the postmortem's header states the impact window.
 * 9: analyze reads more pastes (T0 offsets, mail threads' clocks, tables under captions, chat
 *    authors' tags and weekdays), so the facts of a pack made from the same input can differ.
 */
export const FORMAT_VERSION = '9';

/** sha256 of the input bytes plus everything else that shapes the pack (the writer's part). */
export function packKey(bytes: Uint8Array, writerKey: string): string {
  return createHash('sha256')
    .update(bytes)
    .update(`\0writer=${writerKey}\0format=${FORMAT_VERSION}`)
    .digest('hex');
}
