/**
 * Filters on the incident history that combine: service, severity and year, each optional.
 * Every combination that matches at least one incident is a static page, so a filtered view
 * works without JavaScript and can be shared. One filter keeps its own page (`services/api/`,
 * `incidents/severity/p1/`, `incidents/year/2026/`); two or three live under
 * `incidents/where/`, in this order: `incidents/where/service/api/severity/p1/year/2026/`.
 */
import { allServices, serviceSlug, severitySlug, type PackSummary } from './packs.ts';

export const FILTER_DIMENSIONS = ['service', 'severity', 'year'] as const;
export type FilterDimension = (typeof FILTER_DIMENSIONS)[number];
/** Active filters by dimension; each value is a slug (`api`, `p1`, `2026`). */
export type Filters = Partial<Record<FilterDimension, string>>;

// Every view's page list asks of every pack: the answer is kept per pack.
const valuesCache = new WeakMap<PackSummary, Record<FilterDimension, string[]>>();

/** The slugs a pack files under, per dimension (a pack with two services has two). */
function packValues(pack: PackSummary): Record<FilterDimension, string[]> {
  const cached = valuesCache.get(pack);
  if (cached) return cached;
  const values = {
    service: [...new Set(pack.facts.services.map(serviceSlug))],
    severity: pack.facts.severity ? [severitySlug(pack.facts.severity)] : [],
    year: [pack.facts.date.slice(0, 4)],
  };
  valuesCache.set(pack, values);
  return values;
}

export function matchesFilters(pack: PackSummary, filters: Filters): boolean {
  const values = packValues(pack);
  return FILTER_DIMENSIONS.every((dim) => {
    const wanted = filters[dim];
    return wanted === undefined || values[dim].includes(wanted);
  });
}

const activeDimensions = (filters: Filters) =>
  FILTER_DIMENSIONS.filter((dim) => filters[dim] !== undefined);

/** The site-relative folder of a filtered view (see the module comment for the scheme). */
export function filterPath(filters: Filters): string {
  const active = activeDimensions(filters);
  if (active.length === 0) return 'incidents/';
  if (active.length === 1) {
    const [dim] = active as [FilterDimension];
    const value = filters[dim]!;
    return dim === 'service' ? `services/${value}/` : `incidents/${dim}/${value}/`;
  }
  return `incidents/where/${active.map((dim) => `${dim}/${filters[dim]!}/`).join('')}`;
}

/** `service/api/severity/p1` (a `where` page's rest parameter) → the filters; null if malformed. */
export function parseWhere(rest: string): Filters | null {
  const parts = rest.split('/').filter(Boolean);
  if (parts.length % 2 !== 0) return null;
  const filters: Filters = {};
  for (let i = 0; i < parts.length; i += 2) {
    const dim = parts[i] as FilterDimension;
    if (!FILTER_DIMENSIONS.includes(dim) || filters[dim] !== undefined) return null;
    filters[dim] = parts[i + 1]!;
  }
  return filters;
}

/** A stable key for a set of filters, for the lookup of which views exist. */
const keyOf = (filters: Filters) => FILTER_DIMENSIONS.map((dim) => filters[dim] ?? '').join('\0');

export interface FilterViews {
  /** Whether the view has incidents, so a page was built for it. */
  exists: (filters: Filters) => boolean;
  /** The combinations of two or three filters: each gets a `where` page. */
  combined: Filters[];
}

// Every page's filter bar asks; the packs are loaded once per build, so once per build.
const viewsCache = new WeakMap<readonly PackSummary[], FilterViews>();

/**
 * Every combination of filters that matches at least one incident. Linear in incidents ×
 * services; computed once per list of packs.
 */
export function filterViews(packs: readonly PackSummary[]): FilterViews {
  const cached = viewsCache.get(packs);
  if (cached) return cached;
  const views = new Map<string, Filters>();
  for (const pack of packs) {
    const values = packValues(pack);
    for (const service of [undefined, ...values.service])
      for (const severity of [undefined, ...values.severity])
        for (const year of [undefined, ...values.year]) {
          const filters: Filters = {
            ...(service ? { service } : {}),
            ...(severity ? { severity } : {}),
            ...(year ? { year } : {}),
          };
          views.set(keyOf(filters), filters);
        }
  }
  const result: FilterViews = {
    exists: (filters) => views.has(keyOf(filters)),
    combined: [...views.values()].filter((filters) => activeDimensions(filters).length >= 2),
  };
  viewsCache.set(packs, result);
  return result;
}

export interface FilterOption {
  slug: string;
  /** As the incidents write it: `API`, `P1`, `2026`. */
  label: string;
}

const optionsCache = new WeakMap<readonly PackSummary[], Record<FilterDimension, FilterOption[]>>();

/**
 * The values each filter offers, in the order a reader scans them: newest year first. Every
 * list page's filter bar asks, so it is computed once per list of packs.
 */
export function filterOptions(
  packs: readonly PackSummary[],
): Record<FilterDimension, FilterOption[]> {
  const cached = optionsCache.get(packs);
  if (cached) return cached;
  const years = [...new Set(packs.map((p) => p.facts.date.slice(0, 4)))].sort().reverse();
  const severities = [
    ...new Set(packs.flatMap((p) => (p.facts.severity ? [p.facts.severity] : []))),
  ].sort();
  const options = {
    year: years.map((year) => ({ slug: year, label: year })),
    severity: severities.map((label) => ({ slug: severitySlug(label), label })),
    service: allServices(packs).map(({ slug, name }) => ({ slug, label: name })),
  };
  optionsCache.set(packs, options);
  return options;
}

/** The active filters' labels, service first: `['API', 'P1', '2026']`. */
export function filterLabels(packs: readonly PackSummary[], filters: Filters): string[] {
  const options = filterOptions(packs);
  return activeDimensions(filters).map(
    (dim) => options[dim].find((option) => option.slug === filters[dim])?.label ?? filters[dim]!,
  );
}
