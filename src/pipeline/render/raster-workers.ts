/**
 * SVG → PNG on a pool of worker threads, one per core (os.availableParallelism()). Measured
 * on 2 cores, one worker fewer (leaving a core to the text, and to Astro beside the images,
 * build.ts) wrote the text sooner but left images for Astro's time and slowed it: a cold
 * build of 200 incidents took 10.8-11.3 s against 10.6-10.7 s.
 *
 * resvg-js's renderAsync lays out and draws on libuv's thread pool, but its PNG encoder
 * (`asPng`) runs on the calling thread: about a quarter of a cold build's main-thread time,
 * during which no Markdown is written and no incident analysed. A worker lays out and draws
 * with resvg-js synchronously, encodes the pixels with png-encode.ts (cheaper than `asPng`),
 * and hands the PNG back.
 *
 * The workers start on the first image and are unreferenced while idle, so a process that is
 * done exits without closing the pool. A worker that dies fails the images it was drawing
 * (with resvg's message) and is replaced by the next image.
 *
 * resvg-js allocates with mimalloc, which hands freed memory back to the kernel 10 ms after
 * it is freed (its `purge_delay`). An image frees its 3 MB canvas and PNG buffers and the next
 * one, tens of milliseconds later, gets fresh pages that the kernel must fault in and zero
 * again: on this 2-core machine that was a third of each image's time (perf: memset and page
 * faults, 275,000 faults for 40 timelines). The pool loads resvg-js once with purging off
 * (MIMALLOC_PURGE_DELAY=-1, read by mimalloc when the library loads), so a worker keeps what
 * its largest image needed and reuses it: the same pixels, about 30% less time per image.
 *
 * Measured and left alone (issue 17): resvg-js re-opens and re-reads its font file for every
 * glyph (strace: about 880 opens per image; perf: 30% of the image CPU in those calls), and
 * resvg's WebAssembly build (@resvg/resvg-wasm, as in src/browser/rasterize.ts) takes the
 * fonts as bytes instead (`fontBuffers`, read once per worker). It draws byte-identical PNGs
 * and lays out in half the time, but draws at half the speed and copies each canvas out of its
 * memory: 400 images of 200 synthetic incidents took 13.7-14.6 s of CPU against 12.9-13.7 s.
 * Subsets without hinting instructions (subset-font's `noHinting`; resvg never hints) are
 * 29 KB instead of 50 KB and draw the same pixels, with no measurable change: the cost is the
 * system calls per glyph, not the bytes.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ResvgRenderOptions } from '@resvg/resvg-js';

/**
 * The worker's code. CommonJS evaluated from a string, so the same pool runs from the compiled
 * build and from TypeScript sources under vitest; resvg-js is loaded from the path the main
 * thread resolved.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { Resvg } = require(workerData.resvg);
// import(), not require(): Node 22 warns when require() loads an ES module.
const encoder = import(require('node:url').pathToFileURL(workerData.encoder).href);
// A drawn image's resvg objects hold megabytes of native memory (its tree and canvas) behind a
// few bytes of this worker's heap, so V8 saw little reason to collect them, and the memory
// stayed taken while Astro ran beside the images. The young generation, where they are, is
// collected every few images instead (a full collection cost 9% more CPU for the same memory).
require('node:v8').setFlagsFromString('--expose-gc');
const collect = require('node:vm').runInNewContext('gc');
let drawn = 0;
parentPort.on('message', async ({ id, svg, options }) => {
  try {
    const image = new Resvg(svg, options).render();
    const { encodePng } = await encoder;
    const png = await encodePng(image.pixels, image.width, image.height);
    parentPort.postMessage({ id, png }, [png.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
  if (++drawn % workerData.collectEvery === 0) collect({ type: 'minor' });
});
`;

const require = createRequire(import.meta.url);
const resvgPath = require.resolve('@resvg/resvg-js');
/**
 * png-encode.ts as the workers import it: compiled beside this file in the build, the
 * TypeScript source itself under vitest (Node 24 strips its types).
 */
const encoderPath = ['./png-encode.js', './png-encode.ts']
  .map((name) => fileURLToPath(new URL(name, import.meta.url)))
  .find((path) => existsSync(path));

/** mimalloc's option for how long freed memory is kept before it goes back to the kernel. */
const PURGE_DELAY = 'MIMALLOC_PURGE_DELAY';

let resvgLoaded = false;

/**
 * Loads resvg-js into this process with mimalloc's purging off, unless the user set the option
 * (or resvg-js was loaded already: mimalloc reads its options once, when the library loads).
 * The workers then load the same library. The variable is removed again at once, so no child
 * process (Astro, Pagefind) inherits it.
 */
function loadResvgKeepingFreedMemory(): void {
  if (resvgLoaded) return;
  resvgLoaded = true;
  const userSet = process.env[PURGE_DELAY] !== undefined;
  if (!userSet) process.env[PURGE_DELAY] = '-1';
  try {
    require(resvgPath);
  } finally {
    if (!userSet) delete process.env[PURGE_DELAY];
  }
}

interface Task {
  id: number;
  svg: string;
  options: ResvgRenderOptions;
  resolve: (png: Uint8Array) => void;
  reject: (error: Error) => void;
}

interface Reply {
  id: number;
  png?: Uint8Array;
  error?: string;
}

class RasterPool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Task>();
  private readonly queue: Task[] = [];
  private started = 0;
  private nextId = 0;

  constructor(private readonly size: number) {}

  /** Starts every worker now, idle and unreferenced, so their start-up overlaps other work. */
  warm(): void {
    while (this.started < this.size) {
      const worker = this.start();
      worker.unref();
      this.idle.push(worker);
    }
  }

  render(svg: string, options: ResvgRenderOptions): Promise<Uint8Array> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, svg, options, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const worker = this.idle.pop() ?? (this.started < this.size ? this.start() : undefined);
      if (!worker) return;
      const task = this.queue.shift() as Task;
      this.busy.set(worker, task);
      worker.ref();
      worker.postMessage({ id: task.id, svg: task.svg, options: task.options });
    }
  }

  private start(): Worker {
    loadResvgKeepingFreedMemory();
    this.started++;
    if (!encoderPath) throw new Error('png-encode.js is missing beside raster-workers.js');
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { resvg: resvgPath, encoder: encoderPath, collectEvery: COLLECT_EVERY },
    });
    worker.on('message', (reply: Reply) => {
      const task = this.busy.get(worker);
      this.busy.delete(worker);
      worker.unref();
      this.idle.push(worker);
      if (task?.id === reply.id) {
        if (reply.png) task.resolve(reply.png);
        else task.reject(new Error(reply.error ?? 'resvg returned no image'));
      }
      this.dispatch();
    });
    let gone = false;
    const lost = (error: Error) => {
      if (gone) return;
      gone = true;
      const task = this.busy.get(worker);
      this.busy.delete(worker);
      const at = this.idle.indexOf(worker);
      if (at !== -1) this.idle.splice(at, 1);
      this.started--;
      task?.reject(error);
      this.dispatch();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`the image worker stopped (exit code ${code})`)));
    return worker;
  }
}

const CORES = Math.max(1, availableParallelism());

/**
 * Images a worker draws between collections of its young generation (WORKER_SOURCE). Every 4:
 * a cold generate of 200 incidents peaked at 430-465 MB of RSS instead of 590-635 MB, with
 * the same CPU (12.0 ± 0.3 s against 12.2 ± 0.2 s, three runs each).
 */
const COLLECT_EVERY = 4;

let pool: RasterPool | null = null;

/**
 * An SVG document drawn as PNG bytes by resvg-js on a worker thread.
 * @param options resvg's options (fonts as files: workers share no memory with this thread).
 * @throws Error with resvg's message when the SVG cannot be drawn.
 */
export function rasterizeOnWorker(svg: string, options: ResvgRenderOptions): Promise<Uint8Array> {
  pool ??= new RasterPool(CORES);
  return pool.render(svg, options);
}

/**
 * Starts the image workers before the first image, for a caller that knows images are coming:
 * a worker takes about a tenth of a second to start and load resvg-js (more on a busy
 * machine), which then overlaps the analysis and writing of the first incident instead of
 * following it. Idle workers do not keep the process alive.
 */
export function startRasterWorkers(): void {
  pool ??= new RasterPool(CORES);
  pool.warm();
}
