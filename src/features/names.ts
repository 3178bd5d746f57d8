// Feature names joined from a few fixed parts (codes, buckets, markers), made once each: the
// models look every name up by its hash, and a string made once keeps its hash, where one
// concatenated anew for each utterance is flattened and hashed at every lookup.

const joined = new Map<string, Map<string, string>>();

/**
 * `a + b`, the same string every time for the same parts. Only for parts drawn from small
 * fixed sets (the names are kept for the life of the process), never for words.
 */
export function join(a: string, b: string): string {
  let after = joined.get(a);
  if (after === undefined) joined.set(a, (after = new Map()));
  let name = after.get(b);
  if (name === undefined) after.set(b, (name = a + b));
  return name;
}
