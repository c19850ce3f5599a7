import type { Root } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { mdxToMarkdown } from 'mdast-util-mdx';
import { toMarkdown, type Options } from 'mdast-util-to-markdown';

const style: Options = {
  bullet: '-',
  emphasis: '_',
  strong: '*',
  rule: '-',
  fences: true,
  listItemIndent: 'one',
};

/** Serializes to GitHub-flavoured Markdown; text nodes are escaped so they stay text. */
export function toMarkdownText(tree: Root): string {
  return toMarkdown(tree, { ...style, extensions: [gfmToMarkdown()] });
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
