/**
 * The postmortem's mdast tree as DOM nodes, built with createElement and textContent only:
 * no HTML string is ever parsed, so nothing in a paste can become markup or script. Links keep
 * only http(s) and mailto targets; images show their alt text, so a paste cannot make the page
 * fetch anything from another site.
 */
import type { Nodes, Root } from 'mdast';

const BLOCK_TAGS: Partial<Record<Nodes['type'], string>> = {
  paragraph: 'p',
  blockquote: 'blockquote',
  strong: 'strong',
  emphasis: 'em',
  delete: 'del',
  table: 'table',
  tableRow: 'tr',
  listItem: 'li',
};

function safeHref(url: string): string | null {
  try {
    const parsed = new URL(url, 'https://invalid.example/');
    return ['http:', 'https:', 'mailto:'].includes(parsed.protocol) &&
      parsed.host !== 'invalid.example'
      ? parsed.href
      : null;
  } catch {
    return null;
  }
}

function element(doc: Document, node: Nodes, inHeader: boolean): Node {
  switch (node.type) {
    case 'text':
    case 'html':
      return doc.createTextNode(node.value);
    case 'inlineCode': {
      const code = doc.createElement('code');
      code.textContent = node.value;
      return code;
    }
    case 'code': {
      const pre = doc.createElement('pre');
      const code = pre.appendChild(doc.createElement('code'));
      code.textContent = node.value;
      return pre;
    }
    case 'break':
      return doc.createElement('br');
    case 'thematicBreak':
      return doc.createElement('hr');
    case 'image':
    case 'imageReference':
      return doc.createTextNode(node.alt ?? '');
    case 'heading': {
      // The page has its own h1 and h2s: the postmortem's headings sit one level below.
      const heading = doc.createElement(`h${Math.min(6, node.depth + 1)}`);
      append(doc, heading, node.children, false);
      return heading;
    }
    case 'list': {
      const list = doc.createElement(node.ordered ? 'ol' : 'ul');
      append(doc, list, node.children, false);
      return list;
    }
    case 'link': {
      const href = safeHref(node.url);
      const link = doc.createElement(href ? 'a' : 'span');
      if (href) {
        link.setAttribute('href', href);
        link.setAttribute('rel', 'noopener noreferrer nofollow');
      }
      append(doc, link, node.children, false);
      return link;
    }
    case 'table': {
      const table = doc.createElement('table');
      const [head, ...rows] = node.children;
      if (head) append(doc, table.createTHead(), [head], true);
      append(doc, table.createTBody(), rows, false);
      return table;
    }
    case 'tableCell': {
      const cell = doc.createElement(inHeader ? 'th' : 'td');
      if (inHeader) cell.setAttribute('scope', 'col');
      append(doc, cell, node.children, false);
      return cell;
    }
    default: {
      const tag = BLOCK_TAGS[node.type];
      const wrapper = tag ? doc.createElement(tag) : doc.createDocumentFragment();
      if ('children' in node) append(doc, wrapper, node.children as Nodes[], inHeader);
      else if ('value' in node && typeof node.value === 'string')
        wrapper.appendChild(doc.createTextNode(node.value));
      return wrapper;
    }
  }
}

function append(doc: Document, parent: Node, children: readonly Nodes[], inHeader: boolean) {
  for (const child of children) parent.appendChild(element(doc, child, inHeader));
}

/** The tree as a fragment to put in the page. */
export function postmortemView(doc: Document, tree: Root): DocumentFragment {
  const fragment = doc.createDocumentFragment();
  append(doc, fragment, tree.children, false);
  return fragment;
}
