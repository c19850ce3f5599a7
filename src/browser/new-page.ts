/**
 * The /new/ page: the form's behaviour. Kept small so the page is interactive at once; the
 * pipeline (paste-to-pack.ts) loads behind it, then, once the page is idle (or at the first
 * keystroke, if that comes first), the secret scanner and the PNG renderer with its wasm and
 * fonts, so the page works offline from then on; a service worker keeps them for a reload
 * offline (keepForOffline). Every piece of pasted text reaches the page as textContent, a
 * textarea's value, or a blob URL: never HTML.
 */
import type { Diagnostic } from '../pipeline/diagnostics.js';
import type { SourceFile } from '../pipeline/load/source-file.js';
import type { Facts } from '../schemas/facts.js';
import type { MilestoneRow, PasteAnalysis, PasteFields, WrittenPack } from './paste-to-pack.ts';
import { browserFontSource } from './fonts.ts';

const loadPipeline = () =>
  Promise.all([
    import('./paste-to-pack.ts'),
    import('./postmortem-view.ts'),
    import('../pipeline/render/postmortem-tree.js'),
  ]).then(([pack, view, tree]) => ({ ...pack, ...view, ...tree }));
type Pipeline = Awaited<ReturnType<typeof loadPipeline>>;
const loadScanner = () => import('./find-secrets.ts');
const loadRasterizer = () => import('./rasterize.ts').then((m) => m.loadRasterizer());

function byId<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`the /new/ page has no #${id}`);
  return found as T;
}

const form = byId<HTMLFormElement>('paste-form');
const paste = byId<HTMLTextAreaElement>('paste');
const formStatus = byId('form-status');
const analysis = byId('analysis');
const results = byId('results');
const secrets = byId('secrets');
const secretsOk = byId<HTMLInputElement>('secrets-ok');

const pipeline = loadPipeline();
pipeline.then(
  () => {
    // Read by the benchmark (scripts/bench-new-page.ts) and the browser tests.
    performance.mark('pipeline-ready');
    document.body.dataset['pipeline'] = 'ready';
    whenIdle(warmUp);
  },
  () => (formStatus.textContent = 'The pipeline could not load: reload the page to try again.'),
);

/** After the browser has nothing more urgent to do (Safari has no requestIdleCallback). */
function whenIdle(run: () => void): void {
  if ('requestIdleCallback' in window) requestIdleCallback(run, { timeout: 2000 });
  else setTimeout(run, 200);
}

let scanner: ReturnType<typeof loadScanner> | null = null;
let rasterizer: ReturnType<typeof loadRasterizer> | null = null;
let kept = false;
/**
 * Loads the rest (scanner, resvg wasm, fonts) when the page is idle or at the first keystroke,
 * so everything Generate needs is here before it is pressed, and a page loaded and then taken
 * offline still works. A failed load is retried on the next call.
 */
function warmUp(): void {
  if (scanner && rasterizer) return;
  scanner ??= loadScanner();
  rasterizer ??= loadRasterizer();
  rasterizer.catch(() => (rasterizer = null));
  void Promise.all([pipeline, scanner, rasterizer]).then(
    () => {
      // Read by the benchmark and the browser tests.
      performance.mark('offline-ready');
      document.body.dataset['offlineReady'] = 'true';
      if (kept) return;
      kept = true;
      keepForOffline().catch(() => (kept = false));
    },
    () => undefined,
  );
}

/**
 * A reload offline: the service worker served beside this page (public/new/offline-worker.js,
 * its scope this page's folder only, under any base path) is handed every same-origin file
 * this page has loaded, itself included, and answers from them when the network fails. It
 * goes to the network first, so online a new deploy is never hidden behind a kept copy.
 * Without service workers (some private modes) the page still works offline until reloaded.
 */
async function keepForOffline(): Promise<void> {
  const script = form.dataset['offlineWorker'];
  if (!script || !('serviceWorker' in navigator)) return;
  await navigator.serviceWorker.register(script);
  const { active } = await navigator.serviceWorker.ready;
  if (!active) return;
  const loaded = performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((url) => url.startsWith(`${location.origin}/`));
  const channel = new MessageChannel();
  const answer = new Promise<unknown>((resolve) => (channel.port1.onmessage = resolve));
  active.postMessage({ keep: [location.origin + location.pathname, ...new Set(loaded)] }, [
    channel.port2,
  ]);
  const reply = ((await answer) as MessageEvent<unknown>).data;
  if (reply !== 'kept') throw new Error(String(reply));
  performance.mark('offline-kept');
  document.body.dataset['offlineKept'] = 'true';
}

function fields(): PasteFields {
  const value = (name: string) =>
    (form.elements.namedItem(name) as HTMLInputElement | null)?.value.trim() ?? '';
  const users = value('users');
  return {
    title: value('title'),
    date: value('date'),
    timezone: value('timezone'),
    severity: value('severity'),
    usersAffected: /^\d[\d,_ ]*$/.test(users) ? Number(users.replace(/[,_ ]/g, '')) : users,
  };
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  attributes: Record<string, string> = {},
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

/** `file:line:col: warning: message [code]` and its hint: the words `incidentpost check` prints. */
function problemItem(d: Diagnostic): HTMLLIElement {
  const item = el('li');
  item.dataset['severity'] = d.severity;
  item.append(
    el(
      'pre',
      `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.code}]\n  hint: ${d.hint}`,
    ),
  );
  return item;
}

/** What analyze found: the milestone table (empty when the paste has errors) and the problems. */
function showAnalysis(result: PasteAnalysis, rows: readonly MilestoneRow[]): void {
  analysis.hidden = false;
  byId('milestones').replaceChildren(
    ...rows.map((milestone) => {
      const row = el('tr');
      row.append(el('th', milestone.name, { scope: 'row' }));
      if (milestone.time === null) {
        row.append(el('td', 'not stated', { colspan: '4', class: 'muted' }));
        return row;
      }
      const line = el('td', `${milestone.line}: `);
      line.append(el('code', milestone.lineText));
      const confidence = el('td', milestone.confidence);
      if (milestone.level) confidence.dataset['confidence'] = milestone.level;
      const why = milestone.runnerUpLine
        ? `${milestone.reason}; runner-up line ${milestone.runnerUpLine}`
        : milestone.reason;
      row.append(el('td', milestone.time, { class: 'when' }), line, confidence, el('td', why));
      return row;
    }),
  );
  const problems = byId('problems');
  problems.replaceChildren(
    ...(result.diagnostics.length
      ? result.diagnostics.map(problemItem)
      : [el('li', 'None: the timeline reads cleanly.')]),
  );
}

let analyzeTimer: ReturnType<typeof setTimeout> | undefined;
async function analyzeNow(): Promise<void> {
  const { analyzePaste, milestoneRows } = await pipeline;
  if (paste.value.trim() === '') {
    analysis.hidden = true;
    return;
  }
  const analyzed = analyzePaste(paste.value, fields());
  const { incident, facts } = analyzed;
  showAnalysis(analyzed, incident && facts ? milestoneRows(facts, incident.text) : []);
}

form.addEventListener('input', () => {
  warmUp();
  clearTimeout(analyzeTimer);
  analyzeTimer = setTimeout(() => void analyzeNow(), 250);
  if (!results.hidden) formStatus.textContent = 'The paste changed: press Generate to update.';
});

const objectUrls: string[] = [];
function blobUrl(data: string | Uint8Array, type: string): string {
  const url = URL.createObjectURL(new Blob([data as BlobPart], { type }));
  objectUrls.push(url);
  return url;
}

const TYPES: Record<string, string> = {
  '.md': 'text/markdown;charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain;charset=utf-8',
  '.zip': 'application/zip',
};
const typeOf = (name: string) => TYPES[name.slice(name.lastIndexOf('.'))] ?? 'text/plain';

function downloadLink(name: string, data: string | Uint8Array, label = name): HTMLLIElement {
  const item = el('li');
  item.append(
    el('a', label, { href: blobUrl(data, typeOf(name)), download: name, class: 'button' }),
  );
  return item;
}

/** Downloads and the commit link wait while a secret is flagged and not waved through. */
function gateDownloads(): void {
  const blocked = !secrets.hidden && !secretsOk.checked;
  byId('downloads').hidden = blocked;
  byId('repository-links').hidden = blocked;
  byId('download-blocked').hidden = !blocked;
}
secretsOk.addEventListener('change', gateDownloads);

let generation = 0;
form.addEventListener('submit', (event) => {
  event.preventDefault();
  void generate();
});

/** Analyse, write and show the pack, then scan what could leave the page, then draw the PNG. */
async function generate(): Promise<void> {
  const run = ++generation;
  performance.mark('generate-start');
  warmUp();
  formStatus.textContent = 'Generating…';
  const loaded = await pipeline;
  const analyzed = loaded.analyzePaste(paste.value, fields());
  const { incident, facts } = analyzed;
  showAnalysis(analyzed, incident && facts ? loaded.milestoneRows(facts, incident.text) : []);
  if (!incident || !facts) {
    results.hidden = true;
    formStatus.textContent = 'The timeline has errors (listed above): fix them and generate again.';
    byId('problems-heading').focus();
    return;
  }
  let written: WrittenPack;
  try {
    // The timeline is laid out in DejaVu Sans, fetched once (usually already, by warmUp).
    written = await loaded.writePack(facts, browserFontSource);
  } catch (problem) {
    formStatus.textContent = `The fonts could not load (${String(problem)}): generate again.`;
    return;
  }
  if (run !== generation) return;
  for (const url of objectUrls.splice(0)) URL.revokeObjectURL(url);

  showPostmortem(loaded, facts, incident, written);
  const pending = showDownloads(loaded.PACK_FILES, written.files);
  showRepositoryLinks(incident);
  results.hidden = false;
  performance.mark('postmortem-shown');
  // Let the postmortem paint before the scan and the PNG take the main thread.
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

  if (!(await scanBeforeDownload(incident, written.files, run))) return;
  await addImageDownloads(loaded, facts, written, pending, run);
}

/** The postmortem, the timeline image (with milestone times as its alt text) and the posts. */
function showPostmortem(
  { postmortemView, postmortemTree }: Pipeline,
  facts: Facts,
  incident: SourceFile,
  { document: postmortem, files }: WrittenPack,
): void {
  byId('postmortem').replaceChildren(postmortemView(document, postmortemTree(facts, postmortem)));
  const image = byId<HTMLImageElement>('timeline-image');
  image.src = blobUrl(files['timeline.svg'], 'image/svg+xml');
  image.alt = `Timeline of ${facts.title}: ${Object.entries(facts.milestones)
    .map(([name, m]) => `${name} ${m.time.slice(11, 16)}`)
    .join(', ')}`;
  byId<HTMLTextAreaElement>('hn-post').value = files['hn-post.txt'];
  byId<HTMLTextAreaElement>('thread').value = files['twitter-thread.txt'];
  byId('incident-path').textContent = incident.path;
}

/**
 * A download link per pack file but the PNG, and a pending item for the PNG and the zip, which
 * are drawn after the scan (addImageDownloads); returns that item.
 */
function showDownloads(packFiles: readonly string[], files: WrittenPack['files']): HTMLLIElement {
  const pending = el('li', 'timeline.png and the zip: drawing…', { 'data-pending': '' });
  byId('downloads').replaceChildren(
    ...packFiles
      .filter((name) => name !== 'timeline.png')
      .map((name) => downloadLink(name, files[name as keyof typeof files])),
    pending,
  );
  return pending;
}

/**
 * How to commit the incident: a download of its file and, when the site names its repository
 * (`data-repository`, `data-branch`), a link to GitHub's new-file page filled with it.
 */
function showRepositoryLinks(incident: SourceFile): void {
  const repository = form.dataset['repository'];
  const links = byId('repository-links');
  links.replaceChildren(
    downloadLink(
      incident.path.split('/').pop() ?? 'incident.md',
      incident.text,
      `Download ${incident.path}`,
    ),
  );
  if (!repository) return;
  const target = new URL(`${repository}/new/${form.dataset['branch'] ?? 'main'}`);
  target.searchParams.set('filename', incident.path);
  target.searchParams.set('value', incident.text);
  const item = el('li');
  item.append(
    el('a', 'Open it in a new file on GitHub', {
      href: target.href,
      class: 'button',
      rel: 'noopener',
    }),
  );
  links.append(item);
}

/**
 * Scans what could leave this page (the incident file and every text download) for secrets
 * and personal data, lists what it found and gates the downloads on a flagged secret. False
 * when a newer Generate (`run` is no longer the latest) has taken over.
 */
async function scanBeforeDownload(
  incident: SourceFile,
  files: WrittenPack['files'],
  run: number,
): Promise<boolean> {
  const scan = await (scanner ??= loadScanner());
  const personal = scan.findPersonalData([{ path: incident.path, content: incident.text }]);
  const found = scan.findSecrets([
    { path: incident.path, content: incident.text },
    ...Object.entries(files).map(([name, content]) => ({ path: name, content })),
  ]);
  if (run !== generation) return false;
  performance.mark('secrets-scanned');
  byId('privacy').hidden = personal.length === 0;
  byId('privacy-list').replaceChildren(...personal.map(problemItem));
  secrets.hidden = found.length === 0;
  secretsOk.checked = false;
  byId('secret-list').replaceChildren(...found.map(problemItem));
  gateDownloads();
  formStatus.textContent = found.length
    ? 'Generated, but a secret was found: see the warning above the downloads.'
    : 'Generated: the postmortem and its files are below.';
  return true;
}

/**
 * Draws timeline.png (resvg wasm) and zips the pack, then puts both downloads in `pending`'s
 * place; if drawing fails, `pending` says so and the rasterizer is loaded again next time.
 */
async function addImageDownloads(
  { finishPack }: Pipeline,
  facts: Facts,
  written: WrittenPack,
  pending: HTMLLIElement,
  run: number,
): Promise<void> {
  try {
    const rasterize = await (rasterizer ??= loadRasterizer());
    const finished = await finishPack(facts, written, rasterize);
    if (run !== generation) return;
    performance.mark('zip-ready');
    pending.replaceWith(
      downloadLink('timeline.png', finished['timeline.png']),
      downloadLink(finished.zipName, finished.zip, `${finished.zipName} (everything)`),
    );
  } catch (problem) {
    rasterizer = null;
    pending.textContent = `timeline.png could not be drawn (${String(problem)}); the other files are ready.`;
  }
}

const copyStatus = byId('copy-status');
for (const button of document.querySelectorAll<HTMLButtonElement>('[data-copy-from]')) {
  button.addEventListener('click', async () => {
    const source = byId<HTMLTextAreaElement>(button.dataset['copyFrom'] ?? '');
    try {
      await navigator.clipboard.writeText(source.value);
      copyStatus.textContent = `${button.textContent?.replace(/^Copy /, '') ?? 'Text'}: copied to the clipboard.`;
    } catch {
      copyStatus.textContent = 'Copying is not allowed here; select the text and copy it instead.';
    }
  });
}
