import { describe, expect, it } from "vitest";
import { accuracy, auc, classScores, cohenKappa, confusion, macroF1, spearman } from "../../src/eval/stats.js";

describe("agreement statistics", () => {
  const gold = ["q", "q", "r", "r", "o"];
  const pred = ["q", "r", "r", "r", "q"];
  it("computes per-class precision, recall and F1, and their macro mean", () => {
    const scores = classScores(gold, pred, ["q", "r", "o"]);
    expect(scores[0]).toMatchObject({ label: "q", precision: 0.5, recall: 0.5, f1: 0.5, support: 2 });
    expect(scores[1]!.precision).toBeCloseTo(2 / 3);
    expect(scores[2]).toMatchObject({ precision: null, recall: 0, f1: null });
    expect(macroF1(scores)).toBeCloseTo((0.5 + 0.8 + 0) / 3);
  });
  it("computes accuracy, kappa and the confusion matrix", () => {
    expect(accuracy(gold, pred)).toBeCloseTo(0.6);
    expect(cohenKappa(["a", "b"], ["a", "b"], ["a", "b"])).toBe(1);
    expect(confusion(gold, pred, ["q", "r", "o"])).toEqual([[1, 1, 0], [0, 2, 0], [1, 0, 0]]);
  });
  it("computes Spearman's rho with ties and the AUC", () => {
    expect(spearman([1, 2, 3], [10, 20, 30])).toBeCloseTo(1);
    expect(spearman([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1);
    expect(spearman([1, 1, 2], [5, 5, 9])).toBeCloseTo(1);
    expect(auc([3, 2, 1], [true, false, false])).toBe(1);
    expect(auc([1, 1], [true, false])).toBe(0.5);
    expect(auc([1], [true])).toBeNull();
  });
});
