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
 * Serializes to MDX. The MDX extension escapes `{`, `<` and line-initial `import`/`export`, so
 * incident text can never become an expression, a component or a module statement.
 */
export function toMdxText(tree: Root): string {
  return toMarkdown(tree, { ...style, extensions: [gfmToMarkdown(), mdxToMarkdown()] });
}
