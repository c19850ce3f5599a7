/**
 * Which way a language's text runs. Scripts written right to left, from Unicode's Script
 * property values (UAX #24) as CLDR's likely-subtags data assigns them to languages.
 */
const RIGHT_TO_LEFT_SCRIPTS = new Set([
  'Adlm',
  'Arab',
  'Hebr',
  'Mand',
  'Mend',
  'Nkoo',
  'Rohg',
  'Samr',
  'Syrc',
  'Thaa',
]);

/**
 * `rtl` for a BCP 47 tag whose script (stated, as in `az-Arab`, or likely, as `he` → Hebr) runs
 * right to left; `ltr` otherwise, and for a tag `Intl` cannot read.
 */
export function languageDirection(language: string): 'ltr' | 'rtl' {
  try {
    const script = new Intl.Locale(language).maximize().script;
    return script && RIGHT_TO_LEFT_SCRIPTS.has(script) ? 'rtl' : 'ltr';
  } catch {
    return 'ltr';
  }
}
