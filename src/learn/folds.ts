// Grouped folds, shared by the counsellor and client training: sessions are dealt to folds by
// their group (AnnoMI's source video), never split, and a code set's lines are dealt by order.

/**
 * Groups dealt into k folds: largest group first, each to the fold with the fewest examples so
 * far (ties: the lower fold). Deterministic, and one group is never split.
 */
export function groupFolds(groups: readonly string[], k: number): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const g of groups) sizes.set(g, (sizes.get(g) ?? 0) + 1);
  const order = [...sizes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const load = new Array<number>(k).fill(0);
  const fold = new Map<string, number>();
  for (const [group, size] of order) {
    let best = 0;
    for (let i = 1; i < k; i++) if (load[i]! < load[best]!) best = i;
    fold.set(group, best);
    load[best]! += size;
  }
  return fold;
}

/** What dealing examples to folds needs of them: their group, and whether they come from a session. */
export interface Foldable {
  group: string;
  /** The transcript, or null for a code set's line. */
  session: string | null;
}

/**
 * Each example's fold, for out-of-fold predictions: as many folds as asked (at most one a
 * session group, at least one); session examples by their group, code-set lines by their order,
 * so each line is predicted by a model that did not see it.
 */
export function exampleFolds(examples: readonly Foldable[], folds: number): { k: number; foldOf: number[] } {
  const sessionGroups = examples.filter((e) => e.session !== null).map((e) => e.group);
  const k = Math.max(Math.min(folds, new Set(sessionGroups).size), 1);
  const fold = groupFolds(sessionGroups, k);
  let line = 0;
  return { k, foldOf: examples.map((e) => (e.session !== null ? fold.get(e.group)! : line++ % k)) };
}

/** The examples for which `keep` holds, and the turns made only of them, renumbered. */
export function subset<E, T extends { examples: number[] }>(set: { examples: E[]; turns: T[] }, keep: (index: number) => boolean): { examples: E[]; turns: T[] } {
  const renumber = new Map<number, number>();
  const examples: E[] = [];
  set.examples.forEach((e, i) => {
    if (!keep(i)) return;
    renumber.set(i, examples.length);
    examples.push(e);
  });
  const turns = set.turns.filter((t) => t.examples.every((i) => renumber.has(i))).map((t) => ({ ...t, examples: t.examples.map((i) => renumber.get(i)!) }));
  return { examples, turns };
}
