// The learned layer end to end: oars train, eval --cv, eval --lines, --weights, bad weights
// files, and probability/why in the reports. Small and fast: a few translated sessions.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeText, fixture, oars } from "../helpers.js";

const dir = mkdtempSync(join(tmpdir(), "oars-learn-"));
const gold = fixture("annomi-nb", "gold.jsonl");
const sessions = ["annomi-000", "annomi-001", "annomi-004", "annomi-006"].map((id) => fixture("annomi-nb", "txt", `${id}.txt`));
const weightsFile = join(dir, "nb.json");
const small = ["--folds", "0", "--iterations", "25"];

describe("oars train", () => {
  it("writes a weights file from a reference and a code set, which analyze then codes with", () => {
    const run = oars(["train", "--lang", "nb", "--gold", gold, ...sessions, "--lines", fixture("miti", "nb.tsv"), ...small, "-o", weightsFile]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe("");
    const weights = JSON.parse(readFileSync(weightsFile, "utf8")) as { language: string; trainedOn: string[]; features: Record<string, number[]> };
    expect(weights.language).toBe("nb");
    expect(weights.trainedOn[0]).toMatch(/4 transcripts/);
    expect(weights.trainedOn[1]).toMatch(/nb\.tsv: \d+ counsellor lines of the train part/);

    const analysed = oars(["analyze", "--weights", weightsFile, "--lang", "nb", "-f", "json", sessions[0]!]);
    expect(analysed.status, analysed.stderr).toBe(0);
    const coded = JSON.parse(analysed.stdout).files[0].turns.filter((t: { role: string }) => t.role === "counsellor");
    const utterance = coded[0].utterances[0];
    expect(utterance.probability).toBeGreaterThan(0);
    expect(utterance.probability).toBeLessThanOrEqual(1);
    expect(utterance.why.length).toBeGreaterThan(0);
    expect(Object.keys(weights.features)).toContain(utterance.why[0].feature);
  });

  it("refuses to run without coded data or an output file", () => {
    const run = oars(["train", "--lang", "nb", "-o", join(dir, "x.json")]);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/^oars: give coded data/);
  });

  it("refuses a code set without train lines instead of writing weights learnt from nothing", () => {
    const header = "id\tpart\tspeaker\tbefore\tpermission\tcode\tsubtype\ttext";
    const set = join(dir, "test-part-only.tsv");
    writeFileSync(set, [header, "nb-c001\ttest\tcounsellor\tJa.\tno\topen-question\t-\tHva tenker du om det?", "nb-k001\ttest\tclient\tHva vil du?\t-\tchange-talk\tdesire\tJeg vil slutte."].join("\n") + "\n");
    for (const [extra, side] of [[[], "counsellor"], [["--client"], "client"]] as const) {
      const out = join(dir, `nothing-${side}.json`);
      const run = oars(["train", "--lang", "nb", ...extra, "--lines", set, "-o", out]);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr).toBe(`oars: ${set}: no ${side} line of the train part (rows with part "train") to learn from\n`);
      expect(() => readFileSync(out)).toThrow();
    }
  });
});

describe("oars eval --cv", () => {
  it("cross-validates in folds grouped by source and reports the usual figures", () => {
    const run = oars(["eval", "--cv", "2", "--lang", "nb", "--gold", gold, ...sessions, "-f", "json"]);
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.files).toBe(4);
    expect(report.behaviour.macroF1).toBeGreaterThan(0.3);
    expect(report.counsellorTurns).toBeGreaterThan(50);
  });

  it("starts every fold's client talk training from --client-base", () => {
    const run = (extra: string[]) => oars(["eval", "--cv", "2", "--lang", "nb", "--gold", gold, ...sessions, "-f", "json", ...extra]);
    const scratch = run([]);
    const based = run(["--client-base", "bundled"]);
    expect(scratch.status, scratch.stderr).toBe(0);
    expect(based.status, based.stderr).toBe(0);
    const client = (r: typeof scratch) => (JSON.parse(r.stdout) as { client: { macroF1: number; turns: number } }).client;
    // The counsellor codes are the same; the client weights start elsewhere, so they code otherwise.
    expect(JSON.parse(based.stdout).behaviour).toEqual(JSON.parse(scratch.stdout).behaviour);
    expect(client(based).macroF1).not.toBe(client(scratch).macroF1);
  });

  it("refuses a missing --client-base file, and --client-base without --cv, in one line", () => {
    const missing = oars(["eval", "--cv", "2", "--lang", "nb", "--gold", gold, ...sessions, "--client-base", join(dir, "nowhere.json")]);
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim().split("\n")).toHaveLength(1);
    expect(missing.stderr).toContain("nowhere.json");
    const alone = oars(["eval", "--lang", "nb", "--gold", gold, ...sessions, "--client-base", "bundled"]);
    expect(alone.status).toBe(2);
    expect(alone.stderr).toBe("oars: --client-base goes with --cv\n");
  });

  it("refuses more folds than sources", () => {
    const run = oars(["eval", "--cv", "9", "--lang", "nb", "--gold", gold, ...sessions]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^oars: --cv 9 needs at least 9 sessions from different sources; the reference codes 4\n$/);
  });
});

describe("oars eval --lines", () => {
  it("scores a code set's test part with the bundled weights", () => {
    const run = oars(["eval", "--lines", fixture("miti", "en.tsv"), "-f", "json"]);
    expect(run.status, run.stderr).toBe(0);
    const [set] = JSON.parse(run.stdout).codeSets;
    expect(set.lines).toBe(117);
    expect(set.macroF1).toBeGreaterThan(0.3);
    expect(set.flags.precision).not.toBeNull();
  });
});

describe("bad weights files", () => {
  const good = readFileSync(join(fixture(".."), "rules", "en", "weights.json"), "utf8");
  const cases: [string, string, string[], RegExp][] = [
    ["malformed.json", "{ not json", [], /malformed\.json:1:3: not valid JSON\n$/],
    ["other-language.json", good, ["--lang", "nb"], /other-language\.json: weights for en, not for nb/],
    ["other-rules.json", good.replace('"rules": [', '"rules": ["persuade.not-a-rule", '), [], /other-rules\.json: built against other rule ids: persuade\.not-a-rule/],
    ["not-weights.json", '{"format": "something"}', [], /not-weights\.json: not an oars weights file: "format"/],
  ];
  for (const [name, text, args, message] of cases) {
    it(`refuses ${name} with one line and exit 2, before coding anything`, () => {
      const path = join(dir, name);
      writeFileSync(path, text);
      const run = oars(["analyze", "--weights", path, ...args, "-f", "json", fixture("en", "session-alcohol.txt")]);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
      expect(run.stderr).toMatch(message);
    });
  }
  it("refuses a missing weights file in eval too", () => {
    const run = oars(["eval", "--weights", join(dir, "missing.json"), "--lines", fixture("miti", "en.tsv")]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/missing\.json: no such weights file\n$/);
  });
});

describe("client talk weights of a trainer's own", () => {
  const clientFile = join(dir, "nb-client.json");
  const session = sessions[0]!;
  type Talk = { code: string; probability: number; why: { feature: string }[] };
  const talkOf = (stdout: string): Talk[] =>
    JSON.parse(stdout).files[0].turns.flatMap((t: { role: string; utterances: Talk[] }) => (t.role === "client" ? t.utterances : []));

  it("are written by train --client and code client talk in analyze, review and a configuration's client-weights:", () => {
    const trained = oars(["train", "--client", "--lang", "nb", "--lines", fixture("miti", "nb.tsv"), ...small, "-o", clientFile]);
    expect(trained.status, trained.stderr).toBe(0);
    const features = JSON.parse(readFileSync(clientFile, "utf8")).features as Record<string, number[]>;

    const bundled = oars(["analyze", "--lang", "nb", "-f", "json", session]);
    const own = oars(["analyze", "--lang", "nb", "--client-weights", clientFile, "-f", "json", session]);
    expect(own.status, own.stderr).toBe(0);
    const [mine, theirs] = [talkOf(own.stdout), talkOf(bundled.stdout)];
    expect(mine.length).toBe(theirs.length);
    expect(mine.length).toBeGreaterThan(10);
    // Weights learnt from 84 code-set lines only are not the bundled ones: the probabilities move,
    // and every reason given is a feature of the trainer's file.
    expect(mine.filter((u, i) => u.probability !== theirs[i]!.probability).length).toBeGreaterThan(mine.length / 2);
    for (const u of mine) for (const reason of u.why) expect(features[reason.feature], reason.feature).toBeDefined();

    const configDir = mkdtempSync(join(tmpdir(), "oars-client-config-"));
    writeFileSync(join(configDir, ".oarsrc.yaml"), `client-weights: ${clientFile}\n`);
    const configured = oars(["analyze", "--lang", "nb", "-f", "json", session], { cwd: configDir });
    expect(configured.status, configured.stderr).toBe(0);
    expect(talkOf(configured.stdout)).toEqual(mine);
    expect(oars(["config", "-f", "json"], { cwd: configDir }).stdout).toContain(`"client-weights": "${clientFile}"`);

    const review = oars(["review", "--lang", "nb", "--client-weights", clientFile, session]);
    expect(review.status, review.stderr).toBe(0);
    expect(review.stdout).not.toBe(oars(["review", "--lang", "nb", session]).stdout);
  });

  it("learn from the code set's lines as much as --line-weight says", () => {
    const featuresWith = (weight: string) => {
      const out = join(dir, `nb-client-lw${weight}.json`);
      const run = oars(["train", "--client", "--lang", "nb", "--gold", gold, ...sessions, "--lines", fixture("miti", "nb.tsv"), "--line-weight", weight, ...small, "-o", out]);
      expect(run.status, run.stderr).toBe(0);
      const data = JSON.parse(readFileSync(out, "utf8")) as { options: { lineWeight: number }; features: Record<string, number[]> };
      expect(data.options.lineWeight).toBe(Number(weight));
      return data.features;
    };
    expect(featuresWith("1")).not.toEqual(featuresWith("10"));
  });

  it("score a code set's client lines in eval --lines", () => {
    const bundled = JSON.parse(oars(["eval", "--lines", fixture("miti", "nb.tsv"), "-f", "json"]).stdout).codeSets[0];
    const run = oars(["eval", "--lines", fixture("miti", "nb.tsv"), "--client-weights", clientFile, "-f", "json"]);
    expect(run.status, run.stderr).toBe(0);
    const own = JSON.parse(run.stdout).codeSets[0];
    expect(own.macroF1).toBe(bundled.macroF1); // the counsellor lines keep the bundled weights
    expect(own.client.misses).not.toEqual(bundled.client.misses);
  });

  it("are refused with one line and exit 2 when for another language, of the other kind, or with --cv", () => {
    const counsellorFile = join(fixture(".."), "rules", "nb", "weights.json");
    const cases: [string[], string][] = [
      [["analyze", "--lang", "en", "--client-weights", clientFile, fixture("en", "session-alcohol.txt")], `oars: ${clientFile}: client weights for nb, not for en (--lang en)\n`],
      [["analyze", "--weights", clientFile, session], `oars: ${clientFile}: not an oars weights file: these are client talk weights (oars train --client): give them with --client-weights\n`],
      [["analyze", "--client-weights", counsellorFile, session], `oars: ${counsellorFile}: not an oars client weights file: these are counsellor weights (oars train without --client): give them with --weights\n`],
      [["eval", "--cv", "2", "--lang", "nb", "--client-weights", clientFile, "--gold", gold, ...sessions], "oars: --cv trains its own client weights in each fold; leave out --client-weights (--client-base starts them from a file)\n"],
    ];
    for (const [args, message] of cases) {
      const run = oars(args);
      expect(run.status, args.join(" ")).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr).toBe(message);
    }
  });

  it("leave a transcript in another language to its bundled weights, and say so for that file only", () => {
    const english = fixture("en", "session-alcohol.txt");
    const run = oars(["analyze", "--weights", weightsFile, "--client-weights", clientFile, "-f", "json", english, session]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe(
      `oars: ${english}: ${weightsFile} holds weights for nb, not for this transcript's language (en): coded with the bundled en weights\n` +
        `oars: ${english}: ${clientFile} holds client talk weights for nb, not for this transcript's language (en): client talk coded with the bundled en weights\n`,
    );
    const files = JSON.parse(run.stdout).files as { path: string; warnings: { id: string }[]; turns: unknown }[];
    const en = files.find((f) => f.path === english);
    const nb = files.find((f) => f.path === session);
    expect(en!.warnings.map((w) => w.id)).toEqual(["weights.other-language", "client-weights.other-language"]);
    expect(nb!.warnings).toEqual([]);
    expect(en!.turns).toEqual(JSON.parse(oars(["analyze", "-f", "json", english]).stdout).files[0].turns);
  });

  it("are taken by the library as by the command line, and refused there with the file named", async () => {
    const { analyze, SourceError } = await import("../../src/index.js");
    const cli = JSON.parse(oars(["analyze", "--lang", "nb", "--weights", weightsFile, "--client-weights", clientFile, "-f", "json", session]).stdout).files[0];
    const bundled = analyze(readFileSync(session), { lang: "nb", path: session });
    const own = analyze(readFileSync(session), { lang: "nb", path: session, weights: weightsFile, clientWeights: clientFile });
    expect(JSON.parse(JSON.stringify(own.turns))).toEqual(cli.turns);
    expect(own.turns).not.toEqual(bundled.turns);
    // The files are read once and kept; coding again gives the same result.
    expect(analyze(readFileSync(session), { lang: "nb", path: session, weights: weightsFile, clientWeights: clientFile }).turns).toEqual(own.turns);
    const wrongKind = (() => {
      try {
        analyze(readFileSync(session), { lang: "nb", weights: clientFile });
        return null;
      } catch (err) {
        return err;
      }
    })();
    expect(wrongKind).toBeInstanceOf(SourceError);
    expect((wrongKind as InstanceType<typeof SourceError>).describe()).toBe(`${clientFile}: not an oars weights file: these are client talk weights (oars train --client): give them with --client-weights`);
  });
});

describe("probability and why in reports", () => {
  it("gives every counsellor utterance a probability, reasons, and a rule of its code", () => {
    const run = oars(["analyze", "-f", "json", fixture("en", "session-alcohol.txt")]);
    expect(run.status, run.stderr).toBe(0);
    const turns = JSON.parse(run.stdout).files[0].turns as { role: string; utterances: { code: string; rule: string; probability: number; why: { feature: string; weight: number }[]; confidence: string }[] }[];
    const utterances = turns.filter((t) => t.role === "counsellor").flatMap((t) => t.utterances);
    expect(utterances.length).toBeGreaterThan(5);
    for (const u of utterances) {
      expect(u.rule.startsWith(`en.${u.code}.`)).toBe(true);
      expect(u.probability).toBeGreaterThan(0);
      expect(Array.isArray(u.why)).toBe(true);
    }
  });
  it("prints them with --show turns", () => {
    const run = oars(["analyze", "--show", "turns", fixture("en", "session-alcohol.txt")]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/\(en\.[a-z-]+\.[a-z-]+, p \d\.\d\d/);
    expect(run.stdout).toMatch(/← \S+ [+-]\d\.\d\d/);
  });
});

// Issue 17's table: textbook lines the rules-only coder got wrong, each after the client line
// that gives it its sense, coded as a MITI coder codes them.
describe("the textbook lines of issue 17", () => {
  it("are coded affirm, information, confront, persuade and summary", () => {
    const transcript = [
      ["Client", "I've gone four days without a drink."],
      ["Counsellor", "Four days is a real achievement, especially with how hard the evenings have been."],
      ["Client", "How much is too much, anyway?"],
      ["Counsellor", "The guideline is no more than fourteen units a week, spread over three or more days."],
      ["Client", "Honestly I think I drink less than most people."],
      ["Counsellor", "You're wrong about that."],
      ["Client", "Work's been mad, I haven't had time."],
      ["Counsellor", "Those are just excuses."],
      ["Client", "I don't know what to do."],
      ["Counsellor", "If I were you I'd stop."],
      ["Client", "I had eight pints on Saturday."],
      ["Counsellor", "Drinking like that will damage your liver."],
      ["Client", "Yeah."],
      ["Counsellor", "So let me pull that together: you drink to unwind, it's hurting your sleep, your wife is worried, and you'd like to feel fitter."],
    ];
    const run = analyzeText(transcript.map(([who, text]) => `${who}: ${text}`).join("\n") + "\n", "en");
    expect(run.status, run.stderr).toBe(0);
    const turns = (JSON.parse(run.stdout) as { files: { turns: { role: string; utterances: { code: string }[] }[] }[] }).files[0]!.turns;
    const codes = turns.filter((t) => t.role === "counsellor").map((t) => t.utterances.map((u) => u.code).join(" "));
    expect(codes).toEqual(["affirm", "giving-information", "confront", "confront", "persuade", "persuade", "summary"]);
  });
});
