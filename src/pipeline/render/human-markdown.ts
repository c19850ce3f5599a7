/**
 * Human sections are Markdown, but incident text is data, never code: raw HTML in them becomes
 * literal text, so `<script>` shows as `<script>` in every output.
 */
import type { PhrasingContent, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Node, Parent } from 'unist';

const parser = unified().use(remarkParse).use(remarkGfm);

function literalHtml(node: Node): void {
  const parent = node as Parent;
  if (!Array.isArray(parent.children)) return;
  parent.children = parent.children.map((child) => {
    if (child.type === 'html' && 'value' in child && typeof child.value === 'string')
      return { type: 'text', value: child.value };
    literalHtml(child);
    return child;
  });
}

export function humanBlocks(markdown: string): RootContent[] {
  const tree = parser.parse(markdown);
  literalHtml(tree);
  return tree.children;
}

/** One line of human Markdown (an action item) as inline content. */
export function humanInline(markdown: string): PhrasingContent[] {
  const [first] = humanBlocks(markdown);
  return first?.type === 'paragraph' ? first.children : [{ type: 'text', value: markdown }];
}
