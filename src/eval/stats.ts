// Agreement statistics for `oars eval`: precision/recall/F1, Cohen's kappa, Spearman's rho,
// and the area under the ROC curve. Undefined figures (no cases) are null, never NaN.

export interface ClassScore {
  label: string;
  precision: number | null;
  recall: number | null;
  f1: number | null;
  support: number;
}

export function classScores(gold: string[], predicted: string[], labels: string[]): ClassScore[] {
  return labels.map((label) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    gold.forEach((g, i) => {
      const p = predicted[i];
      if (p === label && g === label) tp++;
      else if (p === label) fp++;
      else if (g === label) fn++;
    });
    return { label, ...prf(tp, fp, fn), support: tp + fn };
  });
}

export function prf(tp: number, fp: number, fn: number): { precision: number | null; recall: number | null; f1: number | null } {
  const precision = tp + fp === 0 ? null : tp / (tp + fp);
  const recall = tp + fn === 0 ? null : tp / (tp + fn);
  const f1 = precision === null || recall === null ? null : precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

export function macroF1(scores: ClassScore[]): number | null {
  const defined = scores.filter((s) => s.support > 0).map((s) => s.f1 ?? 0);
  return defined.length === 0 ? null : defined.reduce((a, b) => a + b, 0) / defined.length;
}

export function accuracy(gold: string[], predicted: string[]): number | null {
  if (gold.length === 0) return null;
  return gold.filter((g, i) => g === predicted[i]).length / gold.length;
}

export function cohenKappa(gold: string[], predicted: string[], labels: string[]): number | null {
  const n = gold.length;
  if (n === 0) return null;
  const observed = accuracy(gold, predicted)!;
  let expected = 0;
  for (const label of labels) {
    expected += (gold.filter((g) => g === label).length / n) * (predicted.filter((p) => p === label).length / n);
  }
  return expected === 1 ? null : (observed - expected) / (1 - expected);
}

export function confusion(gold: string[], predicted: string[], labels: string[]): number[][] {
  const matrix = labels.map(() => labels.map(() => 0));
  gold.forEach((g, i) => {
    const row = labels.indexOf(g);
    const col = labels.indexOf(predicted[i]!);
    if (row !== -1 && col !== -1) matrix[row]![col]!++;
  });
  return matrix;
}

/** Ranks with ties given their average rank (1-based). */
function ranks(values: number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(values.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    for (let k = i; k <= j; k++) out[order[k]![1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return out;
}

export function spearman(a: number[], b: number[]): number | null {
  if (a.length < 2) return null;
  const ra = ranks(a);
  const rb = ranks(b);
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const ma = mean(ra);
  const mb = mean(rb);
  let num = 0;
  let da = 0;
  let db = 0;
  ra.forEach((x, i) => {
    num += (x - ma) * (rb[i]! - mb);
    da += (x - ma) ** 2;
    db += (rb[i]! - mb) ** 2;
  });
  return da === 0 || db === 0 ? null : num / Math.sqrt(da * db);
}

/** Probability that a random positive scores above a random negative (ties count half). */
export function auc(scores: number[], positive: boolean[]): number | null {
  const pos = scores.filter((_, i) => positive[i]);
  const neg = scores.filter((_, i) => !positive[i]);
  if (pos.length === 0 || neg.length === 0) return null;
  let wins = 0;
  for (const p of pos) for (const n of neg) wins += p > n ? 1 : p === n ? 0.5 : 0;
  return wins / (pos.length * neg.length);
}
