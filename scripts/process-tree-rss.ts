/**
 * Peak resident memory of a process and all its descendants, sampled from /proc (Linux).
 * A build is a tree (CLI → Astro → Pagefind); the sum is what the machine has to hold.
 */
import { readdirSync, readFileSync } from 'node:fs';

function children(): Map<number, number[]> {
  const tree = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      tree.set(parent, [...(tree.get(parent) ?? []), Number(entry)]);
    } catch {
      // The process ended between listing and reading.
    }
  }
  return tree;
}

function rssKb(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

export function treeRssKb(root: number): number {
  const tree = children();
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop() as number;
    total += rssKb(pid);
    stack.push(...(tree.get(pid) ?? []));
  }
  return total;
}

/** Samples every 100 ms until stopped; returns the peak in MB (null where /proc is missing). */
export function samplePeakRss(pid: number): () => number | null {
  let peak = 0;
  const available = (() => {
    try {
      readdirSync('/proc');
      return true;
    } catch {
      return false;
    }
  })();
  const timer = setInterval(() => (peak = Math.max(peak, treeRssKb(pid))), 100);
  return () => {
    clearInterval(timer);
    return available ? peak / 1024 : null;
  };
}
