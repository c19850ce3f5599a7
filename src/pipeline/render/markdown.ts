import type { Root } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { mdxToMarkdown } from 'mdast-util-mdx';
import {
  defaultHandlers,
  toMarkdown,
  type Handle,
  type Options,
  type State,
  type Unsafe,
} from 'mdast-util-to-markdown';

/** How our Markdown is written: `-` bullets, `_emphasis_`, `*strong*`, fenced code. */
export const MARKDOWN_STYLE: Options = {
  bullet: '-',
  emphasis: '_',
  strong: '*',
  rule: '-',
  fences: true,
  listItemIndent: 'one',
};

type FlowParent = Parameters<State['containerFlow']>[0];
type FlowChild = FlowParent['children'][number];
type Position = Parameters<State['containerFlow']>[1];

/** What goes between two flow nodes: the same rule as mdast-util-to-markdown's containerFlow. */
function between(left: FlowChild, right: FlowChild, parent: FlowParent, state: State): string {
  for (let index = state.join.length - 1; index >= 0; index--) {
    const result = state.join[index]?.(left, right, parent, state);
    if (result === true || result === 1) break;
    if (typeof result === 'number') return '\n'.repeat(1 + result);
    if (result === false) return '\n\n<!---->\n\n';
  }
  return '\n\n';
}

/** mdast-util-to-markdown's containerFlow without its position tracker. */
function untrackedFlow(parent: FlowParent, state: State, info: Position): string {
  const results: string[] = [];
  state.indexStack.push(-1);
  parent.children.forEach((child, index) => {
    state.indexStack[state.indexStack.length - 1] = index;
    results.push(state.handle(child, parent, state, { ...info, before: '\n', after: '\n' }));
    if (child.type !== 'list') state.bulletLastUsed = undefined;
    const next = parent.children[index + 1];
    if (next) results.push(between(child, next, parent, state));
  });
  state.indexStack.pop();
  return results.join('');
}

/** Block types: a root of only these is flow, never phrasing. */
const FLOW = new Set([
  'heading',
  'paragraph',
  'list',
  'table',
  'thematicBreak',
  'blockquote',
  'code',
]);

/**
 * A tracker that tracks nothing. mdast-util-to-markdown's own says its positions are "not used
 * yet"; it splits every string it passes on into lines, at every level of the tree, which was
 * the costliest part of writing a postmortem (a tenth of a cold build's main thread).
 */
const untracked: State['createTracker'] = ({ now, lineShift }) => ({
  move: (value) => value ?? '',
  shift: () => undefined,
  // Only the two fields: handlers spread it over their own `before` and `after`.
  current: () => ({ now, lineShift }),
});

/**
 * The document serialised as the library's own handlers do but without position tracking: the
 * tracker splits every block's and list item's output into lines again, which costs seconds for
 * a 20,000-entry timeline (issue 13: any 1 MiB input under 10 s). No GFM handler reads
 * positions; mdast-util-mdx-jsx reads the column only to wrap a flow element's attributes, and
 * the postmortem has only text elements (the entries' self-links), so the MDX file is
 * untracked too. The root swaps in the untracked flow for the lists, list items and quotes
 * below it, and the untracked tracker for the phrasing handlers. A root holding phrasing, or
 * anything else the postmortem tree never has, goes to the default handler.
 */
const untrackedRoot: Handle = (node: Root, parent, state, info) => {
  if (!node.children.every((child) => FLOW.has(child.type)))
    return defaultHandlers.root(node, parent, state, info);
  const { containerFlow, createTracker, safe } = state;
  state.containerFlow = (flowParent, flowInfo) => untrackedFlow(flowParent, state, flowInfo);
  state.createTracker = untracked;
  state.safe = onlyPresentPatterns(state, safe);
  try {
    return untrackedFlow(node, state, info);
  } finally {
    state.containerFlow = containerFlow;
    state.createTracker = createTracker;
    state.safe = safe;
  }
};

/**
 * The library's `safe` (which escapes what would not stay text), run with only the unsafe
 * patterns whose character occurs in the string it is given. Every pattern is compiled to a
 * regular expression holding its character literally (compilePattern), so a pattern whose
 * character is absent cannot match and skipping it changes nothing; the library otherwise runs
 * all of its ~95 patterns (with GFM and MDX) over every text node, a twentieth of a cold build's
 * main thread. The patterns keep their order, so the escapes are the same.
 */
function onlyPresentPatterns(state: State, safe: State['safe']): State['safe'] {
  return (input, config) => {
    const value = (config.before ?? '') + (input ?? '') + (config.after ?? '');
    const all = state.unsafe;
    state.unsafe = all.filter((pattern) => value.includes(pattern.character));
    try {
      return safe.call(state, input, config);
    } finally {
      state.unsafe = all;
    }
  };
}

/**
 * The extensions, made once: each unsafe pattern keeps its compiled regular expression on
 * itself (`_compiled`), so patterns made anew for every document were compiled anew too.
 */
const GFM = gfmToMarkdown();
const MDX = mdxToMarkdown();

/**
 * mdast-util-mdx escapes `{` and `<` but not a line starting with `import`/`export`, which MDX
 * would run as a module statement: encode the first letter instead.
 */
const MODULE_STATEMENTS: Unsafe[] = [
  { character: 'e', atBreak: true, after: 'xport\\b' },
  { character: 'i', atBreak: true, after: 'mport\\b' },
];

/** Serializes to GitHub-flavoured Markdown; text nodes are escaped so they stay text. */
export function toMarkdownText(tree: Root): string {
  return toMarkdown(tree, {
    ...MARKDOWN_STYLE,
    extensions: [GFM],
    handlers: { root: untrackedRoot },
  });
}

/**
 * Serializes to MDX: incident text can never become an expression, a component or a module
 * statement.
 */
export function toMdxText(tree: Root): string {
  return toMarkdown(tree, {
    ...MARKDOWN_STYLE,
    extensions: [GFM, MDX],
    handlers: { root: untrackedRoot },
    unsafe: MODULE_STATEMENTS,
  });
}
