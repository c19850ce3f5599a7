/**
 * Human sections are Markdown, but incident text is data, never code:
 * - raw HTML becomes literal text (a block of it a paragraph of its own, so the rest of the
 *   postmortem keeps its structure); HTML comments are dropped;
 * - links keep only `http`, `https` and `mailto` targets (and relative ones); `javascript:`,
 *   `data:`, `vbscript:` and every other scheme become plain text;
 * - images become links to the image, so a page view never requests another host.
 */
import type { Link, Paragraph, PhrasingContent, RootContent, Text } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Node, Parent } from 'unist';

const parser = unified().use(remarkParse).use(remarkGfm);

const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);

/**
 * Whether a link target may be followed: a safe scheme, or none at all (a path or an anchor).
 * Browsers ignore tabs, newlines and leading control characters in a scheme, so they are too.
 */
export function isSafeUrl(url: string): boolean {
  // eslint-disable-next-line no-control-regex
  const cleaned = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1];
  if (scheme) return SAFE_SCHEMES.has(scheme.toLowerCase());
  // `//host/path` takes the page's scheme; a colon before any slash would be a scheme we could not read.
  return !/^[^/?#]*:/.test(cleaned);
}

const isComment = (html: string) => /^\s*<!--[\s\S]*?-->\s*$/.test(html);

/** One child rewritten (its own children already are): the nodes that replace it. */
function rewrite(child: Node, block: boolean): Node[] {
  const node = child as Node & Record<string, unknown>;
  const url = typeof node['url'] === 'string' ? node['url'] : '';
  const alt = typeof node['alt'] === 'string' && node['alt'] ? node['alt'] : 'image';
  switch (node.type) {
    case 'html': {
      const value = typeof node['value'] === 'string' ? node['value'] : '';
      if (isComment(value)) return [];
      const text: Text = { type: 'text', value };
      const paragraph: Paragraph = { type: 'paragraph', children: [text] };
      return [block ? paragraph : text];
    }
    case 'link':
      return isSafeUrl(url) ? [node] : (node as Node as Parent).children;
    case 'definition':
      return isSafeUrl(url) ? [node] : [];
    case 'image':
      return isSafeUrl(url)
        ? [{ type: 'link', url, children: [{ type: 'text', value: `${alt} (image)` }] } as Link]
        : [{ type: 'text', value: alt } as Text];
    case 'imageReference':
      return [{ type: 'text', value: alt } as Text];
    default:
      return [node];
  }
}

/** Rewrites `parent`'s subtree in place, deepest first. */
function makeLiteral(parent: Parent): void {
  for (const child of parent.children)
    if (Array.isArray((child as Parent).children)) makeLiteral(child as Parent);
  const block = ['root', 'blockquote', 'listItem', 'footnoteDefinition'].includes(parent.type);
  parent.children = parent.children.flatMap((child) => rewrite(child, block)) as Parent['children'];
}

export function humanBlocks(markdown: string): RootContent[] {
  let blocks = parsed.get(markdown);
  if (!blocks) {
    const tree = parser.parse(markdown);
    makeLiteral(tree);
    blocks = tree.children;
    if (parsed.size >= PARSED_LIMIT) parsed.clear();
    parsed.set(markdown, blocks);
  }
  // A copy: the caller owns its tree, and the cached one stays as parsed.
  return structuredClone(blocks);
}

// postmortem.md and the page's MDX are two trees from the same human sections: parsing a 1 MiB
// notes section twice cost seconds (issue 13). Bounded for a long-running dev server.
const parsed = new Map<string, RootContent[]>();
const PARSED_LIMIT = 20_000;

/** One line of human Markdown (an action item) as inline content. */
export function humanInline(markdown: string): PhrasingContent[] {
  const [first] = humanBlocks(markdown);
  return first?.type === 'paragraph' ? first.children : [{ type: 'text', value: markdown }];
}
