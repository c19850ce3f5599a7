import type { Root } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { mdxToMarkdown } from 'mdast-util-mdx';
import {
  defaultHandlers,
  toMarkdown,
  type Handle,
  type Options,
  type State,
} from 'mdast-util-to-markdown';

const style: Options = {
  bullet: '-',
  emphasis: '_',
  strong: '*',
  rule: '-',
  fences: true,
  listItemIndent: 'one',
};

/** What goes between two flow nodes: the same rule as mdast-util-to-markdown's containerFlow. */
function between(
  left: Root['children'][number],
  right: Root['children'][number],
  parent: Root,
  state: State,
): string {
  for (let index = state.join.length - 1; index >= 0; index--) {
    const result = state.join[index]?.(left, right, parent, state);
    if (result === true || result === 1) break;
    if (typeof result === 'number') return '\n'.repeat(1 + result);
    if (result === false) return '\n\n<!---->\n\n';
  }
  return '\n\n';
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
 * The document's top level, serialised as the library's own root handler does but without its
 * position tracking: the tracker splits every block's output into lines again, which costs seconds
 * for a 20,000-entry timeline (issue 13: any 1 MiB input under 10 s), and no GFM handler reads
 * positions (mdast-util-mdx-jsx does, so the MDX file keeps the default handler). A root holding
 * phrasing, or anything else the postmortem tree never has, goes to the default handler.
 */
const untrackedRoot: Handle = (node: Root, parent, state, info) => {
  if (!node.children.every((child) => FLOW.has(child.type)))
    return defaultHandlers.root(node, parent, state, info);
  const results: string[] = [];
  state.indexStack.push(-1);
  node.children.forEach((child, index) => {
    state.indexStack[state.indexStack.length - 1] = index;
    results.push(state.handle(child, node, state, { ...info, before: '\n', after: '\n' }));
    if (child.type !== 'list') state.bulletLastUsed = undefined;
    const next = node.children[index + 1];
    if (next) results.push(between(child, next, node, state));
  });
  state.indexStack.pop();
  return results.join('');
};

/** Serializes to GitHub-flavoured Markdown; text nodes are escaped so they stay text. */
export function toMarkdownText(tree: Root): string {
  return toMarkdown(tree, {
    ...style,
    extensions: [gfmToMarkdown()],
    handlers: { root: untrackedRoot },
  });
}

/**
 * Serializes to MDX: incident text can never become an expression, a component or a module
 * statement.
 */
export function toMdxText(tree: Root): string {
  return toMarkdown(tree, {
    ...style,
    extensions: [gfmToMarkdown(), mdxToMarkdown()],
    // mdast-util-mdx escapes `{` and `<` but not a line starting with `import`/`export`, which
    // MDX would run as a module statement: encode the first letter instead.
    unsafe: [
      { character: 'e', atBreak: true, after: 'xport\\b' },
      { character: 'i', atBreak: true, after: 'mport\\b' },
    ],
  });
}
