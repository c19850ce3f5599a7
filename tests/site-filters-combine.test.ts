import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  filterLabels,
  filterPath,
  filterViews,
  matchesFilters,
  parseWhere,
  type Filters,
} from '../src/site/filters.js';
import type { Pack } from '../src/site/packs.js';

/** Just what filters read of a pack. */
function pack(slug: string, date: string, severity: string | null, services: string[]): Pack {
  return { slug, facts: { date, severity, services } } as unknown as Pack;
}

const PACKS = [
  pack('a', '2026-01-10', 'P1', ['API', 'user-sync']),
  pack('b', '2026-01-28', 'P3', ['API']),
  pack('c', '2025-06-01', 'P1', ['Billing']),
  pack('d', '2025-07-01', null, []),
];

describe('filters on the incident history combine', () => {
  test('one filter keeps its own page; two or three live under incidents/where/', () => {
    expect(filterPath({})).toBe('incidents/');
    expect(filterPath({ service: 'api' })).toBe('services/api/');
    expect(filterPath({ severity: 'p1' })).toBe('incidents/severity/p1/');
    expect(filterPath({ year: '2026' })).toBe('incidents/year/2026/');
    expect(filterPath({ year: '2026', service: 'api' })).toBe(
      'incidents/where/service/api/year/2026/',
    );
    expect(filterPath({ year: '2026', severity: 'p1', service: 'api' })).toBe(
      'incidents/where/service/api/severity/p1/year/2026/',
    );
  });

  test('a where path reads back as the filters it was made from', () => {
    const slug = fc.stringMatching(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    fc.assert(
      fc.property(
        fc.record({ service: slug, severity: slug, year: slug }, { requiredKeys: [] }),
        (filters: Filters) => {
          const path = filterPath(filters);
          if (!path.startsWith('incidents/where/')) return;
          expect(parseWhere(path.slice('incidents/where/'.length))).toEqual(filters);
        },
      ),
    );
    expect(parseWhere('service/api/service/web')).toBeNull();
    expect(parseWhere('colour/red/year/2026')).toBeNull();
  });

  test('an incident matches only when every active filter matches it', () => {
    const shown = (filters: Filters) =>
      PACKS.filter((p) => matchesFilters(p, filters)).map((p) => p.slug);
    expect(shown({})).toEqual(['a', 'b', 'c', 'd']);
    expect(shown({ service: 'api' })).toEqual(['a', 'b']);
    expect(shown({ service: 'api', severity: 'p1' })).toEqual(['a']);
    expect(shown({ severity: 'p1', year: '2025' })).toEqual(['c']);
    expect(shown({ service: 'user-sync', year: '2025' })).toEqual([]);
  });

  test('a view exists exactly when an incident matches it, and combined views are the pages to build', () => {
    const views = filterViews(PACKS);
    const combos = fc.record(
      {
        service: fc.constantFrom('api', 'user-sync', 'billing', 'web'),
        severity: fc.constantFrom('p1', 'p3', 'p2'),
        year: fc.constantFrom('2025', '2026', '2024'),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(combos, (filters: Filters) => {
        expect(views.exists(filters)).toBe(PACKS.some((p) => matchesFilters(p, filters)));
      }),
    );
    for (const filters of views.combined) {
      expect(Object.keys(filters).length).toBeGreaterThanOrEqual(2);
      expect(PACKS.some((p) => matchesFilters(p, filters))).toBe(true);
    }
    expect(views.combined).toContainEqual({ service: 'user-sync', severity: 'p1', year: '2026' });
    expect(views.combined).not.toContainEqual({ service: 'api', year: '2025' });
  });

  test('active filters are named as the incidents write them', () => {
    expect(filterLabels(PACKS, { year: '2026', service: 'api', severity: 'p1' })).toEqual([
      'API',
      'P1',
      '2026',
    ]);
  });
});
