/** The value of `text` read as JSON, or undefined when it is no JSON (a paste is often almost JSON). */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
