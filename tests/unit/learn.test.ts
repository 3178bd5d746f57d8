import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lineEvidence, ruleKey, transcriptEvidence, type UtteranceEvidence } from "../../src/features/index.js";
import { bundledModel } from "../../src/learn/bundled.js";
import { allowedCodes } from "../../src/eval/labels.js";
import { CodeModel, compileModel, PRIOR_AT_PRIORITY_100 } from "../../src/learn/model.js";
import { minimize } from "../../src/learn/optimize.js";
import { groupFolds } from "../../src/learn/folds.js";
import { train, type Example, type TrainRequest, type TrainingSet } from "../../src/learn/train.js";
import { bundledWeights, formatWeights, parseWeights, type WeightsData } from "../../src/learn/weights.js";
import { loadLanguagePack } from "../../src/packs/load.js";
import { LanguagePack } from "../../src/packs/pack.js";
import { segmentTurns } from "../../src/segment/index.js";
import { COUNSELLOR_CODES, type Code, type Role, type Turn } from "../../src/types.js";
import { english, ROOT } from "../helpers.js";
import { SourceError } from "../../src/errors.js";

const evidence = (features: string[], text = "x"): UtteranceEvidence => ({ text, hits: [], features: ["bias", ...features], tokens: [], ngrams: [] });
const example = (features: string[], allowed: Code[], group = "g"): Example => ({ evidence: evidence(features), allowed, alone: allowed.length === 1, group, session: null, weight: 1 });
const request: TrainRequest = { language: "en", rules: [], trainedOn: ["toy"], base: null, options: { l2: 0.001, iterations: 100, minSessionShare: 0.5, lineWeight: 1 }, folds: 0 };
const predict = (weights: WeightsData, features: string[]) => new CodeModel(weights, english).predict(evidence(features));

describe("the trainer", () => {
  const toy: TrainingSet = {
    examples: [
      ...Array.from({ length: 6 }, () => example(["f:ask"], ["open-question"])),
      ...Array.from({ length: 6 }, () => example(["f:tell"], ["giving-information"])),
      ...Array.from({ length: 6 }, () => example(["f:echo"], ["simple-reflection"])),
    ],
    turns: [],
  };

  it("learns a separable problem", () => {
    const weights = train(toy, request);
    expect(predict(weights, ["f:ask"]).code).toBe("open-question");
    expect(predict(weights, ["f:tell"]).code).toBe("giving-information");
    expect(predict(weights, ["f:echo"]).code).toBe("simple-reflection");
    expect(predict(weights, ["f:tell"]).probability).toBeGreaterThan(0.8);
  });

  it("is deterministic: the same data gives the same file, byte for byte", () => {
    expect(formatWeights(train(toy, request))).toBe(formatWeights(train(toy, request)));
  });

  it("learns from partial labels: mass goes to the allowed set, and overlapping sets narrow it to their common code", () => {
    const weights = train(
      {
        examples: [
          ...Array.from({ length: 5 }, () => example(["f:q"], ["open-question", "closed-question"])),
          ...Array.from({ length: 5 }, () => example(["f:q"], ["open-question", "simple-reflection"])),
          ...Array.from({ length: 5 }, () => example(["f:other"], ["other"])),
        ],
        turns: [],
      },
      request,
    );
    const p = predict(weights, ["f:q"]);
    expect(p.code).toBe("open-question");
    const index = (code: Code) => COUNSELLOR_CODES.indexOf(code);
    expect(p.probabilities[index("open-question")]!).toBeGreaterThan(p.probabilities[index("closed-question")]! + 0.3);
  });

  it("stays near its base weights with few examples (training on top of other weights)", () => {
    const base = train(toy, request);
    const onTop = train({ examples: [example(["f:ask"], ["closed-question"])], turns: [] }, { ...request, base: { name: "toy", data: base }, options: { ...request.options, l2: 1 } });
    expect(onTop.base).toBe("toy");
    expect(predict(onTop, ["f:tell"]).code).toBe("giving-information");
  });
});

describe("the optimiser", () => {
  it("finds the minimum of a quadratic", () => {
    const x = minimize((v, g) => {
      let value = 0;
      v.forEach((x, i) => {
        value += (i + 1) * (x - 2) ** 2;
        g[i] = 2 * (i + 1) * (x - 2);
      });
      return value;
    }, new Float64Array(5), 50);
    for (const v of x) expect(v).toBeCloseTo(2, 4);
  });
});

describe("grouped folds", () => {
  it("keeps each group in one fold and deals them the same way every time", () => {
    const groups = ["a", "a", "a", "b", "c", "c", "d", "e", "e", "e", "e"];
    const folds = groupFolds(groups, 2);
    expect(new Set(folds.values())).toEqual(new Set([0, 1]));
    expect(groupFolds(groups, 2)).toEqual(folds);
    expect(folds.size).toBe(5);
  });
});

describe("partial labels from AnnoMI", () => {
  const gold = { transcript: "t", turn: 0, role: "counsellor" as const, text: "", behaviour: "reflection" as const, question: null, reflection: "complex" as const, input: null };
  it("gives a one-utterance turn its behaviour's codes, and a longer turn the union with the 'other' group", () => {
    expect(allowedCodes(gold, ["You're worried."])[0]).toEqual({ allowed: ["complex-reflection"], alone: true });
    const [first] = allowedCodes({ ...gold, question: "open" }, ["Okay.", "You're worried. What next?"]);
    expect(first!.alone).toBe(false);
    expect(first!.allowed).toEqual(expect.arrayContaining(["complex-reflection", "simple-reflection", "summary", "open-question", "other", "affirm"]));
    expect(first!.allowed).not.toContain("persuade");
  });
  it("lets a one-utterance turn calibrate confidence whatever its label allows (an 'Okay.' in an 'other' turn), a longer turn's utterances never", () => {
    const other = { ...gold, behaviour: "other" as const, reflection: null };
    expect(allowedCodes(other, ["Okay."])).toEqual([{ allowed: ["affirm", "seek-collaboration", "emphasize-autonomy", "other"], alone: true }]);
    expect(allowedCodes(other, ["Okay.", "Thanks."]).map((a) => a.alone)).toEqual([false, false]);
    const table = { ...gold, codes: ["giving-information"] as Code[] };
    expect(allowedCodes(table, ["Five a night is a lot."])[0]!.alone).toBe(true);
    expect(allowedCodes(table, ["Okay.", "Five a night is a lot."])[0]!.alone).toBe(false);
  });
  it("maps advice to persuade with or without permission", () => {
    expect(allowedCodes({ ...gold, behaviour: "therapist_input", reflection: null, input: "advice" }, ["Cut down."])[0]!.allowed.sort()).toEqual(["persuade", "persuade-with-permission"]);
  });
  it("gives each utterance its own row's code when a table's rows are the turn's utterances", () => {
    const table = { ...gold, codes: ["giving-information", "simple-reflection"] as Code[], rows: [{ text: "You need to cut down.", codes: ["giving-information"] as Code[] }, { text: "Five a night is a lot.", codes: ["simple-reflection"] as Code[] }] };
    expect(allowedCodes(table, ["You need to cut down.", "Five a night  is a lot."])).toEqual([
      { allowed: ["giving-information"], alone: true },
      { allowed: ["simple-reflection"], alone: true },
    ]);
    // Rows that are not the utterances (split otherwise): every utterance may be any of the turn's codes.
    for (const allowed of allowedCodes(table, ["You need to cut down. Five a night is a lot."])) expect(allowed.allowed).toEqual(["giving-information", "simple-reflection"]);
  });
});

describe("features", () => {
  const turns = (lines: [Role, string][]): Turn[] => lines.map(([role, text], index) => ({ index, role, speaker: role, text, line: index + 1, start: null, end: null }));
  it("names every rule that holds (not only the first) by its id without the language", () => {
    const e = lineEvidence("I drink a lot.", "You really should stop drinking.", false, english);
    expect(e.hits.length).toBeGreaterThan(0);
    for (const rule of e.hits) expect(e.features).toContain(`rule:${ruleKey(rule.id)}`);
    expect(e.features.filter((f) => f.startsWith("rule:")).length).toBe(e.hits.length);
    expect(e.features).toContain("form:statement");
    expect(e.ngrams).toEqual(expect.arrayContaining(["w:should", "w:you really", "w:<s> you"]));
  });
  it("sees question form, position, permission and what the client said", () => {
    const segmented = segmentTurns(turns([["counsellor", "Would it be okay if I shared an idea?"], ["client", "Sure, go ahead."], ["counsellor", "Okay. What would help you most?"]]), english);
    const found = transcriptEvidence(segmented, english);
    expect(found[1]).toBeNull();
    const [okay, question] = found[2]!;
    expect(okay!.features).toEqual(expect.arrayContaining(["pos:first", "permission", "client:consent", "turn:question-elsewhere"]));
    expect(question!.features).toEqual(expect.arrayContaining(["pos:last", "form:question-mark", "form:wh-start", "prev:other"]));
  });
});

describe("weights files", () => {
  const good = bundledWeights("en");
  const text = JSON.stringify(good);
  it("refuses a malformed or foreign file with a message naming it", () => {
    expect(() => parseWeights("w.json", "{")).toThrow(SourceError);
    expect(() => parseWeights("w.json", "{")).toThrow(/not valid JSON/);
    expect(() => parseWeights("w.json", JSON.stringify({ ...good, format: "x" }))).toThrow(/"format" must be "oars-weights"/);
    expect(() => parseWeights("w.json", JSON.stringify({ ...good, codes: good.codes.slice(1) }))).toThrow(/"codes"/);
    expect(() => parseWeights("w.json", JSON.stringify({ ...good, features: { bias: [1, 2] } }))).toThrow(/feature "bias"/);
    expect(() => parseWeights("w.json", JSON.stringify({ ...good, features: { ...good.features, "rule:no.such": good.features.bias } }))).toThrow(/names a rule not in "rules"/);
    expect(parseWeights("w.json", text)).toEqual(good);
  });
  it("refuses weights for another language or built against other rule ids", () => {
    expect(() => compileModel(good, loadLanguagePack("nb"), "w.json")).toThrow(/weights for en, not for nb/);
    expect(() => compileModel({ ...good, rules: [...good.rules, "persuade.gone"] }, english, "w.json")).toThrow(/built against other rule ids: persuade.gone/);
  });
  it("gives a rule the weights do not know a prior from its priority", () => {
    const draft = english.draft();
    const rule = { ...english.byId.get("en.persuade.you-should")!, id: "en.persuade.mine", priority: 50 };
    draft.rules.push(rule);
    const model = compileModel(good, new LanguagePack(draft), "w.json");
    const plain = model.predict(evidence([]));
    const withRule = model.predict(evidence(["rule:persuade.mine"]));
    const index = COUNSELLOR_CODES.indexOf("persuade");
    expect(Math.log(withRule.probabilities[index]! / withRule.probabilities[0]!) - Math.log(plain.probabilities[index]! / plain.probabilities[0]!)).toBeCloseTo((PRIOR_AT_PRIORITY_100 * 50) / 100, 3);
  });
  it("gives persuade, confront and advice with permission only when a rule of that code held", () => {
    // Weights that lift each of the three codes on one word alone.
    const codes = ["persuade", "confront", "persuade-with-permission"] as const;
    const row = (code: Code) => COUNSELLOR_CODES.map((c) => (c === code ? 9 : 0));
    const words = { ...good, features: { ...good.features, ...Object.fromEntries(codes.map((code) => [`f:${code}`, row(code)])) } };
    const model = new CodeModel(words, english);
    for (const code of codes) {
      expect(model.predict(evidence([`f:${code}`])).code).not.toBe(code);
      const rule = english.byPriority.find((r) => r.code === code)!;
      expect(model.predict({ ...evidence([`f:${code}`]), hits: [rule] }).code).toBe(code);
    }
  });
  it("ship for every language, built against exactly the bundled rules", () => {
    for (const language of ["en", "nb", "da", "sv"] as const) {
      const pack = loadLanguagePack(language);
      const weights = bundledWeights(language);
      expect(weights.language).toBe(language);
      expect(weights.rules).toEqual(pack.rules.map((r) => ruleKey(r.id)).sort());
      expect(() => bundledModel(pack)).not.toThrow();
    }
  });
});

describe("the bundled weights", () => {
  it("are what npm run train makes: retraining Norwegian gives the committed file byte for byte", () => {
    const out = mkdtempSync(join(tmpdir(), "oars-train-"));
    const run = spawnSync(process.execPath, [join(ROOT, "scripts", "train.mjs")], { cwd: ROOT, env: { ...process.env, OARS_TRAIN_ONLY: "nb", OARS_TRAIN_OUT: out }, encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(join(out, "nb.json"), "utf8")).toBe(readFileSync(join(ROOT, "rules", "nb", "weights.json"), "utf8"));
    // The client talk weights too (issue 18), from the same step.
    expect(readFileSync(join(out, "nb-client.json"), "utf8")).toBe(readFileSync(join(ROOT, "rules", "nb", "client-weights.json"), "utf8"));
  }, 120_000);
});
