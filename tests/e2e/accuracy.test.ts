// Accuracy regression guard: the figures README states are measured again with the real CLI,
// the way README says: on the AnnoMI development corpus by 5-fold cross-validation grouped by
// source (each fold coded by weights trained on the other folds, never in-sample), and on the
// test part of the English MITI code set with the bundled weights (never trained on). The test
// fails when any figure lies more than 0.02 from what README states: below, a change that costs
// accuracy cannot land unnoticed; above, README would understate what users get (training is
// deterministic, so the figures move only when rules, features, data or training change).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CORPUS, HAS_CORPUS, ROOT, fixture, oars } from "../helpers.js";

const TOLERANCE = 0.02;

interface Report {
  behaviour: { macroF1: number; accuracy: number; kappa: number };
  question: { f1: number };
  openClosed: { accuracy: number };
  reflection: { f1: number };
  simpleComplex: { accuracy: number };
  advice: { precision: number; recall: number };
  reflectionToQuestionSpearman: number;
  qualityAuc: { oars: number };
  confidence: { highShare: number; highAgreement: number };
  client: { macroF1: number; kappa: number; perClass: { label: string; f1: number }[]; percentChangeTalkSpearman: number };
}

/** README row label → where the figure stands in `oars eval --cv 5 -f json`. */
const FIGURES: Record<string, (r: Report) => number> = {
  "main behaviour macro-F1": (r) => r.behaviour.macroF1,
  "main behaviour accuracy": (r) => r.behaviour.accuracy,
  "main behaviour Cohen's kappa": (r) => r.behaviour.kappa,
  "question detection F1": (r) => r.question.f1,
  "open/closed accuracy": (r) => r.openClosed.accuracy,
  "reflection detection F1": (r) => r.reflection.f1,
  "simple/complex accuracy": (r) => r.simpleComplex.accuracy,
  "advice flag precision": (r) => r.advice.precision,
  "advice flag recall": (r) => r.advice.recall,
  "R:Q Spearman vs experts": (r) => r.reflectionToQuestionSpearman,
  "R:Q AUC high vs low quality": (r) => r.qualityAuc.oars,
  "one-utterance turns coded `high` confidence (share)": (r) => r.confidence.highShare,
  "`high` confidence codes agreeing with the experts": (r) => r.confidence.highAgreement,
  "client talk macro-F1 (change / neutral / sustain)": (r) => r.client.macroF1,
  "change talk F1": (r) => r.client.perClass.find((c) => c.label === "change")!.f1,
  "sustain talk F1": (r) => r.client.perClass.find((c) => c.label === "sustain")!.f1,
  "client talk Cohen's kappa": (r) => r.client.kappa,
  "% change talk Spearman vs experts": (r) => r.client.percentChangeTalkSpearman,
};

interface CodeSetReport {
  macroF1: number;
  flags: { precision: number; recall: number };
  client: { macroF1: number } | null;
}

/** README row label → where the figure stands in `oars eval --lines fixtures/miti/en.tsv -f json`. */
const CODE_SET_FIGURES: Record<string, (r: CodeSetReport) => number> = {
  "MITI code set (en), test part: 13-code macro-F1": (r) => r.macroF1,
  "MITI code set (en), test part: persuade + confront flag precision": (r) => r.flags.precision,
  "MITI code set (en), test part: persuade + confront flag recall": (r) => r.flags.recall,
  "MITI code set (en), test part: client talk macro-F1": (r) => r.client!.macroF1,
};

/** The client lines of the Scandinavian code sets (issue 18): README row → language. */
const CLIENT_LINE_FIGURES: Record<string, string> = {
  "MITI code set (nb), test part: client talk macro-F1": "nb",
  "MITI code set (da), test part: client talk macro-F1": "da",
  "MITI code set (sv), test part: client talk macro-F1": "sv",
};

/** The figures of README's accuracy table (between the accuracy-table markers). */
function readmeFigures(): Map<string, number> {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const table = /<!-- accuracy-table -->([\s\S]*?)<!-- \/accuracy-table -->/.exec(readme)?.[1];
  if (!table) throw new Error("README has no <!-- accuracy-table --> section");
  const figures = new Map<string, number>();
  for (const line of table.split("\n")) {
    const cells = line.split("|").map((c) => c.trim());
    // Two decimals, or three where rounding would cross a target (0.749 against ≥ 0.75).
    if (cells.length > 3 && /^\d\.\d\d\d?$/.test(cells[2]!)) figures.set(cells[1]!, Number(cells[2]));
  }
  return figures;
}

/** A measured figure within TOLERANCE of README's (README rounds to two decimals, or three near a target). */
function expectNear(measured: number, stated: number, name: string): void {
  expect(measured, `${name}: measured ${measured.toFixed(3)}, README states ${stated}`).toBeGreaterThanOrEqual(stated - TOLERANCE);
  expect(measured, `${name}: measured ${measured.toFixed(3)}, README states ${stated} (update README)`).toBeLessThanOrEqual(stated + TOLERANCE);
}

describe("README accuracy table", () => {
  it("states every figure the regression test guards", () => {
    expect([...readmeFigures().keys()].sort()).toEqual([...Object.keys(FIGURES), ...Object.keys(CODE_SET_FIGURES), ...Object.keys(CLIENT_LINE_FIGURES)].sort());
  });
});

describe("accuracy on the English MITI code set's test part", () => {
  it(`stays within ${TOLERANCE} of README`, () => {
    const stated = readmeFigures();
    const run = oars(["eval", "--lines", fixture("miti", "en.tsv"), "-f", "json"]);
    expect(run.status, run.stderr).toBe(0);
    const [report] = (JSON.parse(run.stdout) as { codeSets: CodeSetReport[] }).codeSets;
    for (const [name, figure] of Object.entries(CODE_SET_FIGURES)) expectNear(figure(report!), stated.get(name)!, name);
  });
});

describe("client talk on the Scandinavian MITI code sets' test part", () => {
  it(`stays within ${TOLERANCE} of README`, () => {
    const stated = readmeFigures();
    for (const [name, language] of Object.entries(CLIENT_LINE_FIGURES)) {
      const run = oars(["eval", "--lines", fixture("miti", `${language}.tsv`), "-f", "json"]);
      expect(run.status, run.stderr).toBe(0);
      const [report] = (JSON.parse(run.stdout) as { codeSets: CodeSetReport[] }).codeSets;
      expect(report!.client!.macroF1, name).toBeGreaterThanOrEqual(stated.get(name)! - TOLERANCE);
    }
  });
});

describe.skipIf(!HAS_CORPUS)("accuracy on the AnnoMI development corpus", () => {
  const files = (kind: string) =>
    readFileSync(join(CORPUS, "transcripts.jsonl"), "utf8")
      .trim()
      .split("\n")
      .map((line) => join(CORPUS, kind, `${(JSON.parse(line) as { transcript: string }).transcript}.${kind}`));

  it(`cross-validated (5 folds grouped by source), stays within ${TOLERANCE} of README`, () => {
    const stated = readmeFigures();
    // Each of the five folds trains on inner folds too (primary step, confidence cut): a few minutes.
    const run = oars(["eval", "--cv", "5", "--lang", "en", "--lines", fixture("miti", "en.tsv"), "-f", "json", "--gold", join(CORPUS, "gold.jsonl"), ...files("txt")], { timeout: 900_000 });
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as Report;
    for (const [name, figure] of Object.entries(FIGURES)) expectNear(figure(report), stated.get(name)!, name);

    // README's ceiling table: at oars' own error rate, drawing turn codes from its confusion
    // matrices gives back the session figures the cross-validation measured.
    const own = ceilingRows(run.stdout).get("1")!;
    expect(Math.abs(own.auc - report.qualityAuc.oars), "R:Q AUC from oars' confusion").toBeLessThanOrEqual(0.03);
    expect(Math.abs(own.changeTalk - report.client.percentChangeTalkSpearman), "% change talk Spearman from oars' confusion").toBeLessThanOrEqual(0.05);
  }, 900_000);

  it("ceiling.mjs gives the experts' own figures for a coder that makes no errors", () => {
    const perfect = (n: number) => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 100 : 0)));
    const report = {
      behaviour: { labels: ["question", "reflection", "therapist_input", "other"], confusion: perfect(4), macroF1: 1 },
      client: { labels: ["change", "neutral", "sustain"], confusion: perfect(3), macroF1: 1, kappa: 1, percentChangeTalkSpearman: 1 },
      reflectionToQuestionSpearman: 1,
      qualityAuc: { gold: 0.88, oars: 0.88 },
    };
    for (const row of ceilingRows(JSON.stringify(report)).values()) {
      expect(row).toEqual({ macroF1: 1, rqSpearman: 1, auc: 0.88, clientMacroF1: 1, changeTalk: 1 });
    }
  });

  it("codes the vtt files as the txt files", () => {
    const figures = (kind: string) => {
      const run = oars(["eval", "-f", "json", "--gold", join(CORPUS, "gold.jsonl"), ...files(kind)]);
      expect(run.status, run.stderr).toBe(0);
      const report = JSON.parse(run.stdout) as Report & { sessions: unknown; alignment: unknown };
      return Object.values(FIGURES).map((f) => f(report));
    };
    expect(figures("vtt")).toEqual(figures("txt"));
  }, 120_000);
});

/** The rows of `node scripts/ceiling.mjs` on an `eval --cv -f json` report, by error factor. */
function ceilingRows(report: string): Map<string, { macroF1: number; rqSpearman: number; auc: number; clientMacroF1: number; changeTalk: number }> {
  const file = join(mkdtempSync(join(tmpdir(), "oars-ceiling-")), "cv.json");
  writeFileSync(file, report);
  const run = spawnSync(process.execPath, [join(ROOT, "scripts", "ceiling.mjs"), file], { encoding: "utf8", env: { ...process.env, OARS_CORPUS: CORPUS } });
  expect(run.status, run.stderr).toBe(0);
  const rows = new Map<string, { macroF1: number; rqSpearman: number; auc: number; clientMacroF1: number; changeTalk: number }>();
  for (const line of run.stdout.split("\n")) {
    const cells = /^\| ([\d.]+) \|/.test(line) ? line.split("|").slice(1, -1).map((c) => Number(c.trim())) : null;
    if (cells) rows.set(String(cells[0]), { macroF1: cells[1]!, rqSpearman: cells[2]!, auc: cells[3]!, clientMacroF1: cells[4]!, changeTalk: cells[6]! });
  }
  expect(rows.size).toBeGreaterThan(3);
  return rows;
}
