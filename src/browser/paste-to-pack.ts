/**
 * The pipeline as the /new/ page runs it: paste → incident file → facts (parse, analyze) →
 * postmortem (the built-in writer) → pack files (render). The same modules the CLI runs; only
 * the PNG step is handed in, since the browser draws with resvg's WebAssembly build. No DOM
 * here, so tests run it in Node.
 */
import { incidentFromPaste, type PasteFields } from '../pipeline/load/incident-from-paste.js';
import { decodeSourceFile, type SourceFile } from '../pipeline/load/source-file.js';
import type { Diagnostic } from '../pipeline/diagnostics.js';
import { PACK_FILES } from '../schemas/pack.js';
import { inferred } from '../pipeline/render/postmortem-tree.js';
import type { FontFace, FontSource } from '../pipeline/render/font-faces.js';
import {
  loadTimelineTypesetter,
  renderTextFiles,
  zipPack,
  type PackFiles,
  type Rasterize,
  type TextFiles,
} from '../pipeline/render/render-pack.js';
import { writeBuiltin } from '../pipeline/write/builtin/builtin-writer.js';
import type { Facts } from '../schemas/facts.js';
import { MILESTONE_NAMES, type MilestoneName } from '../schemas/front-matter.js';
import type { Postmortem } from '../schemas/postmortem.js';

export type { PasteFields };

/** What a paste is called in messages until the facts give it a file name. */
export const PASTE_PATH = 'pasted-timeline.md';

export interface PasteAnalysis {
  /** The file to commit, `incidents/<date>-<slug>.md`; null when the paste has errors. */
  incident: SourceFile | null;
  facts: Facts | null;
  /** Every problem, in the words `incidentpost check` prints. */
  diagnostics: Diagnostic[];
}

/** parse → analyze, cheap enough to run as the person types (a few milliseconds). */
export function analyzePaste(text: string, fields: PasteFields): PasteAnalysis {
  const decoded = decodeSourceFile(PASTE_PATH, new TextEncoder().encode(text));
  if (!decoded.file) return { incident: null, facts: null, diagnostics: decoded.diagnostics };
  const result = incidentFromPaste(decoded.file, fields);
  // What decoding did to the paste (control characters removed) is said about the paste.
  return { ...result, diagnostics: [...decoded.diagnostics, ...result.diagnostics] };
}

/** One row of the page's milestone table: what `incidentpost analyze` prints for a milestone. */
export interface MilestoneRow {
  name: MilestoneName;
  /** `YYYY-MM-DD HH:MM` on the incident's own clock; null when the timeline does not state it. */
  time: string | null;
  /** 1-based line of the incident file the milestone was read from, and that line as written. */
  line: number | null;
  lineText: string;
  /** Why that line: the cue's reason, as analyze prints it. */
  reason: string;
  /**
   * How sure the analysis is, in the postmortem's words: `high confidence`, `inferred: medium
   * confidence` (any milestone neither pinned nor high, as postmortem.md marks it), or `stated
   * in the front matter`; empty when not stated.
   */
  confidence: string;
  /** `high`, `medium` or `low`; null when pinned in the front matter or not stated. */
  level: 'high' | 'medium' | 'low' | null;
  /** The next best line for this milestone, for a reviewer who disagrees. */
  runnerUpLine: number | null;
}

/**
 * The milestones the analysis found, in order, with the evidence behind each
 * (`facts.evidence`); `text` is the incident file, for quoting the cited line. Low-confidence
 * milestones also come with a `milestone/low-confidence` warning among the diagnostics, in the
 * words `incidentpost check` prints (src/pipeline/analyze-source.ts).
 */
export function milestoneRows(facts: Facts, text: string): MilestoneRow[] {
  const lines = text.split('\n');
  return MILESTONE_NAMES.map((name): MilestoneRow => {
    const milestone = facts.milestones[name];
    if (!milestone)
      return {
        name,
        time: null,
        line: null,
        lineText: '',
        reason: '',
        confidence: '',
        level: null,
        runnerUpLine: null,
      };
    const evidence = facts.evidence?.[name];
    const pinned = evidence?.cue === 'front-matter';
    const guess = inferred(facts, name);
    return {
      name,
      // The instant as the incident's own clock read it (the ISO string carries its offset).
      time: `${milestone.time.slice(0, 10)} ${milestone.time.slice(11, 16)}`,
      line: milestone.line,
      lineText: lines[milestone.line - 1]?.trim() ?? '',
      reason: milestone.reason,
      confidence: pinned
        ? 'stated in the front matter'
        : guess
          ? `inferred: ${guess} confidence`
          : evidence
            ? `${evidence.confidence} confidence`
            : '',
      level: pinned ? null : (evidence?.confidence ?? null),
      runnerUpLine: evidence?.runnerUp?.line ?? null,
    };
  });
}

export interface WrittenPack {
  document: Postmortem;
  files: TextFiles;
  /** The fonts timeline.svg is laid out in, for drawing its PNG. */
  faces: FontFace[];
}

/**
 * write → render for the text files: the same bytes `incidentpost generate` writes, given the
 * same fonts (`fonts`: the browser serves DejaVu Sans only, see src/browser/fonts.ts).
 */
export async function writePack(facts: Facts, fonts: FontSource): Promise<WrittenPack> {
  const document = writeBuiltin(facts);
  const typesetter = await loadTimelineTypesetter(facts, fonts);
  return {
    document,
    files: renderTextFiles(facts, document, typesetter),
    faces: typesetter.faces(),
  };
}

/** The PNG and the zip of every download, as the site's `<slug>-pack.zip` holds them. */
export async function finishPack(
  facts: Facts,
  { files, faces }: Pick<WrittenPack, 'files' | 'faces'>,
  rasterize: Rasterize,
): Promise<{ 'timeline.png': Uint8Array; zip: Uint8Array; zipName: string }> {
  const png = await rasterize(files['timeline.svg'], 960, faces);
  const all: PackFiles = { ...files, 'timeline.png': png };
  return {
    'timeline.png': png,
    zip: zipPack(facts.slug, all),
    zipName: `${facts.slug}-pack.zip`,
  };
}

export { PACK_FILES };
