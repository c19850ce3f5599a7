/**
 * PNG bytes from the pixels resvg drew, encoded here rather than by resvg-js's `asPng`.
 *
 * `asPng` compresses with adaptive row filters at zlib's default effort: a third of each
 * image's time (38 of 110 ms for a timeline), for images that are mostly one flat colour. Rows
 * stored unfiltered and deflated at level 1 by Node's zlib take about 15 ms and come out
 * smaller (96 KB against 112 KB for a typical timeline), because long runs of the same pixel are
 * what level 1 finds anyway. The deflate runs on the calling thread, an image worker
 * (raster-workers.ts), which has nothing else to do meanwhile: on libuv's thread pool it cost
 * 12% more CPU in stream bookkeeping (16 KB chunks) for the same bytes.
 * The pixels are the same: a decoder reads back exactly what `asPng` would have stored
 * (tests/png-encode.test.ts).
 */
import { crc32, deflateSync } from 'node:zlib';

const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
/** zlib effort: 1 is the fastest; the images are flat colour, which it compresses well. */
const LEVEL = 1;
/**
 * zlib's output is taken in pieces of this size: one piece for a whole image instead of about
 * six. The compressed bytes do not depend on it.
 */
const CHUNK = 1 << 20;

/** One chunk: length, type, data, and the CRC of type and data. */
function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/**
 * The image's rows as PNG stores them unfiltered: a 0 (filter "none") before each row, and
 * colours no longer multiplied by their alpha. resvg (tiny-skia 0.11) keeps premultiplied RGBA
 * and its own encoder divides each colour by alpha / 255, rounded half up (`demultiply`); this
 * does the same arithmetic, so a half-transparent edge keeps the colour `asPng` gave it.
 * Opaque pixels are copied as they are.
 *
 * Rows are copied whole first, then one tight loop per buffer kind finds the pixels that are
 * not opaque (on a white card, almost none): testing each pixel inside the row copy, with the
 * buffer kind decided per pixel, was 3 ms of a timeline's 24 ms on a worker; this is 1.3 ms.
 * @throws Error when `pixels` is not `width * height * 4` bytes long.
 */
export function pngRows(
  pixels: Uint8Array,
  width: number,
  height: number,
  /** A buffer to write the rows into, when it is long enough (what it held is overwritten). */
  into?: Uint8Array,
): Uint8Array {
  const stride = width * 4;
  if (pixels.length !== stride * height)
    throw new Error(`${pixels.length} bytes are not ${width}×${height} RGBA pixels`);
  const length = height * (stride + 1);
  const rows = into && into.length >= length ? into.subarray(0, length) : new Uint8Array(length);
  for (let y = 0; y < height; y++) {
    // Filter "none"; a reused buffer may hold a pixel of a wider image here.
    rows[y * (stride + 1)] = 0;
    rows.set(pixels.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  const words = opaqueTest(pixels);
  if (words) demultiplyByWord(words, rows, width, height);
  else demultiplyByByte(pixels, rows, width, height);
  return rows;
}

/** demultiply on every pixel whose word says it is not opaque: one comparison per pixel. */
function demultiplyByWord(words: Uint32Array, rows: Uint8Array, width: number, height: number) {
  const rowLength = width * 4 + 1;
  // Read once: a module constant read in the loop is checked for initialisation every time
  // (a third of this loop's cost).
  const opaque = OPAQUE;
  for (let y = 0, p = 0; y < height; y++) {
    const firstAlpha = y * rowLength + 4;
    for (let x = 0; x < width; x++, p++)
      if ((words[p] as number) < opaque) demultiply(rows, firstAlpha + x * 4);
  }
}

/** demultiply on every pixel whose alpha byte is not 255. */
function demultiplyByByte(pixels: Uint8Array, rows: Uint8Array, width: number, height: number) {
  const rowLength = width * 4 + 1;
  for (let y = 0, p = 3; y < height; y++) {
    const firstAlpha = y * rowLength + 4;
    for (let x = 0; x < width; x++, p += 4)
      if (pixels[p] !== 255) demultiply(rows, firstAlpha + x * 4);
  }
}

/**
 * Divides the colour before the alpha byte at `alphaAt` by that alpha, as resvg's encoder does.
 */
function demultiply(rows: Uint8Array, alphaAt: number): void {
  const a = (rows[alphaAt] as number) / 255;
  for (let c = alphaAt - 3; c < alphaAt; c++) {
    // Rust's float-to-u8 cast: NaN (0 / 0, a transparent pixel) is 0, overflow is 255.
    const value = Math.floor((rows[c] as number) / a + 0.5);
    rows[c] = Number.isNaN(value) ? 0 : Math.min(255, value);
  }
}

/** On a little-endian machine an RGBA pixel read as one word is A·2²⁴ + B·2¹⁶ + G·2⁸ + R. */
const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;
/** Every word at or above this has alpha 255. */
const OPAQUE = 0xff000000;

/**
 * The pixels as 32-bit words, so a pixel's opacity is one comparison (the images are mostly
 * opaque, and reading alpha byte by byte was a tenth of an image worker's time); null where
 * the buffer cannot be read so (not 4-byte aligned, or a big-endian machine).
 */
function opaqueTest(pixels: Uint8Array): Uint32Array | null {
  if (!LITTLE_ENDIAN || pixels.byteOffset % 4 !== 0) return null;
  return new Uint32Array(pixels.buffer, pixels.byteOffset, pixels.length / 4);
}

/**
 * The rows buffer of the last image, kept for the next: a fresh 3 MB buffer per image is
 * memory the kernel must map and zero again (a third of pngRows' time on a worker, and most
 * of its system time). Taken while an image uses it, so two images never share it.
 */
let spareRows: Uint8Array | null = null;

/**
 * A PNG file (8-bit RGBA, one IDAT chunk) of `width`×`height` premultiplied RGBA pixels, as
 * resvg-js's `render().pixels` gives them.
 * @throws Error when `pixels` is not `width * height * 4` bytes long.
 */
export async function encodePng(
  pixels: Uint8Array,
  width: number,
  height: number,
): Promise<Uint8Array> {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  // Bit depth 8, colour type 6 (RGBA); compression, filter method and interlace all 0.
  header.set([8, 6, 0, 0, 0], 8);
  const scratch = spareRows ?? undefined;
  spareRows = null;
  const rows = pngRows(pixels, width, height, scratch);
  let data: Uint8Array;
  try {
    data = deflateSync(rows, { level: LEVEL, chunkSize: CHUNK });
  } finally {
    // The larger of the two is kept: an og card after a timeline needs no new buffer.
    const kept = rows.buffer.byteLength >= (scratch?.length ?? 0) ? rows.buffer : scratch?.buffer;
    if (kept) spareRows = new Uint8Array(kept);
  }
  const parts = [
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', data),
    chunk('IEND', new Uint8Array()),
  ];
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
