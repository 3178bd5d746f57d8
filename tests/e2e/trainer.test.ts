// A trainer's own coding, end to end: a small CSV reference of three short sessions, a rule
// folder of their own, and the weights files they make, break and hand back (oars train, eval
// --cv, eval --rules, config weights:, --show turns, Markdown). Every bad weights file is one
// line, `oars: FILE: message`, exit 2, and nothing is written.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixture, oars } from "../helpers.js";

const dir = mkdtempSync(join(tmpdir(), "oars-trainer-"));
const sessions: Record<string, [string, string, string][]> = {
  s1: [
    ["Counsellor", "Hi Jo.", ""],
    ["Counsellor", "What would you like to talk about today?", "OQ"],
    ["Client", "My smoking, I guess. My partner wants me to quit.", ""],
    ["Counsellor", "Your partner is worried about it.", "CR"],
    ["Client", "Yes. And I get out of breath on the stairs.", "CT"],
    ["Counsellor", "You've noticed it affecting your body.", "SR"],
    ["Counsellor", "How do you feel about that?", "OQ"],
    ["Client", "Scared, honestly. I'm only forty.", "CT"],
    ["Counsellor", "You should just stop.", "PER"],
    ["Counsellor", "Nicotine patches work.", "GI"],
    ["Client", "I've tried that before. It didn't work.", "ST"],
    ["Counsellor", "It took courage to try.", "AF"],
    ["Counsellor", "It's up to you what fits.", "EMP"],
  ],
  s2: [
    ["Counsellor", "How has your week been?", "OQ"],
    ["Client", "Busy. I didn't take my tablets most days.", "ST"],
    ["Counsellor", "Did you forget them?", "CQ"],
    ["Client", "No, they make me feel sick.", "ST"],
    ["Counsellor", "The side effects are getting in the way.", "CR"],
    ["Client", "Exactly. I hate feeling like that at work.", ""],
    ["Counsellor", "That's a good idea.", "AF"],
    ["Counsellor", "It's up to you when you take them.", "EMP"],
  ],
  s3: [
    ["Counsellor", "Where would you like to start?", "OQ"],
    ["Client", "My drinking. It's got worse since the divorce.", ""],
    ["Counsellor", "Things have been hard since the divorce.", "SR"],
    ["Client", "Really hard. Drinking helps me sleep.", "ST"],
    ["Counsellor", "Do you drink every night?", "CQ"],
    ["Client", "Most nights, yes.", ""],
    ["Counsellor", "It's up to you what happens next.", "EMP"],
  ],
};
const transcripts = Object.entries(sessions).map(([name, rows]) => {
  const path = join(dir, `${name}.txt`);
  // Consecutive rows by one speaker make one turn, as in the reference.
  const turns: string[] = [];
  rows.forEach(([speaker, text], i) => (i > 0 && rows[i - 1]![0] === speaker ? (turns[turns.length - 1] += ` ${text}`) : turns.push(`${speaker}: ${text}`)));
  writeFileSync(path, `${turns.join("\n")}\n`);
  return path;
});
const csv = (s: string) => (/[",]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const coding = join(dir, "coding.csv");
writeFileSync(coding, ["transcript,speaker,text,code", ...Object.entries(sessions).flatMap(([name, rows]) => rows.map((r) => [name, ...r].map(csv).join(",")))].join("\n") + "\n");

const rules = join(dir, "house-rules");
mkdirSync(rules);
writeFileSync(
  join(rules, "house.yaml"),
  `rules:
  - id: en.emphasize-autonomy.up-to-you
    code: emphasize-autonomy
    description: Leaves the choice with the client.
    priority: 80
    patterns: ["(it's|it is) up to you"]
    examples:
      match: ["It's up to you what fits."]
      no-match: ["It's up to me."]
`,
);

const small = ["--folds", "0", "--iterations", "25"];
const train = (out: string, extra: string[] = []) => oars(["train", "--lang", "en", "--gold", coding, ...transcripts, ...small, ...extra, "-o", out]);
const oneLine = (stderr: string) => {
  expect(stderr.trim().split("\n")).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
};

describe("a trainer's own coding", () => {
  const plain = join(dir, "plain.json");
  const withRules = join(dir, "with-rules.json");

  it("trains weights, and with a rule folder weights that need it: refused without it by analyze, config and eval, taken with it", () => {
    expect(train(plain).status).toBe(0);
    const trained = train(withRules, ["--rules", rules]);
    expect(trained.status, trained.stderr).toBe(0);
    expect(readFileSync(withRules, "utf8")).toContain('"rule:emphasize-autonomy.up-to-you"');

    const without = oars(["eval", "--weights", withRules, "--gold", coding, ...transcripts]);
    expect(without.status).toBe(2);
    oneLine(without.stderr);
    expect(without.stderr).toContain(`${withRules}: built against other rule ids: emphasize-autonomy.up-to-you not in the en rules loaded: load the rule folders`);
    const scored = oars(["eval", "--rules", rules, "--weights", withRules, "--gold", coding, ...transcripts, "-f", "json"]);
    expect(scored.status, scored.stderr).toBe(0);
    expect(JSON.parse(scored.stdout).files).toBe(3);

    // oars config checks weights: as analyze does, before anything is coded.
    const project = join(dir, "project");
    mkdirSync(project);
    writeFileSync(join(project, ".oarsrc.yaml"), `weights: ${withRules}\n`);
    for (const command of [["config"], ["analyze", transcripts[0]!]]) {
      const run = oars(command, { cwd: project });
      expect(run.status, command[0]).toBe(2);
      expect(run.stdout).toBe("");
      oneLine(run.stderr);
      expect(run.stderr).toMatch(/with-rules\.json: built against other rule ids/);
    }
    writeFileSync(join(project, ".oarsrc.yaml"), `weights: ${withRules}\nrule-folders: [${rules}]\n`);
    expect(oars(["config"], { cwd: project }).status).toBe(0);
    const analysed = oars(["analyze", "-f", "json", transcripts[0]!], { cwd: project });
    expect(analysed.status, analysed.stderr).toBe(0);
  });

  it("trained on top of the bundled weights, a rule of the trainer's own starts at its prior (3 x priority / 100) and stays near it on little data", () => {
    const onBundled = join(dir, "on-bundled.json");
    const run = train(onBundled, ["--base", "bundled", "--rules", rules]);
    expect(run.status, run.stderr).toBe(0);
    const data = JSON.parse(readFileSync(onBundled, "utf8")) as { codes: string[]; features: Record<string, number[]> };
    const row = data.features["rule:emphasize-autonomy.up-to-you"]!;
    const own = row[data.codes.indexOf("emphasize-autonomy")]!;
    // The prior at priority 80 is +2.4 logits; three short sessions move it a little, not to 0.
    expect(own).toBeGreaterThan(1.8);
    expect(own).toBeLessThan(3);
    // And the weights code the line it was written for (a bundled rule holds on it too).
    const coded = oars(["analyze", "-f", "json", "--rules", rules, "--weights", onBundled, transcripts[0]!]);
    expect(coded.status, coded.stderr).toBe(0);
    const utterances = (JSON.parse(coded.stdout).files[0].turns as { utterances: { text: string; code: string; rule: string }[] }[]).flatMap((t) => t.utterances);
    expect(utterances.find((u) => u.text === "It's up to you what fits.")).toMatchObject({ code: "emphasize-autonomy" });
  });

  it("cross-validates with the trainer's rule folder, and refuses a base that needs one left out", () => {
    const cv = oars(["eval", "--cv", "3", "--lang", "en", "--rules", rules, "--base", withRules, "--gold", coding, ...transcripts, "-f", "json"]);
    expect(cv.status, cv.stderr).toBe(0);
    expect(JSON.parse(cv.stdout).files).toBe(3);
    // The report says it was cross-validated, and how (a plain eval does not).
    expect(JSON.parse(cv.stdout).crossValidation).toEqual({ folds: 3 });
    const cvTable = oars(["eval", "--cv", "3", "--lang", "en", "--rules", rules, "--base", withRules, "--gold", coding, ...transcripts]);
    expect(cvTable.stdout.split("\n")[0]).toBe("Cross-validated: 3 folds grouped by source (the transcript, when the reference names none); each session coded by weights trained on the other folds.");
    const plain = oars(["eval", "--rules", rules, "--weights", withRules, "--gold", coding, ...transcripts, "-f", "json"]);
    expect(plain.status, plain.stderr).toBe(0);
    expect(JSON.parse(plain.stdout).crossValidation).toBeUndefined();
    const out = join(dir, "on-top.json");
    for (const run of [train(out, ["--base", withRules]), oars(["eval", "--cv", "3", "--lang", "en", "--base", withRules, "--gold", coding, ...transcripts])]) {
      expect(run.status).toBe(2);
      expect(run.stdout).toBe("");
      oneLine(run.stderr);
      expect(run.stderr).toBe(`oars: ${withRules}: built against other rule ids: emphasize-autonomy.up-to-you not in the en rules loaded: add the rule folders they were trained with (--rules DIR)\n`);
    }
    expect(existsSync(out)).toBe(false);
    expect(train(out, ["--base", withRules, "--rules", rules]).status).toBe(0);
  });

  it("says in one line that the reference codes none of the transcripts, and writes nothing", () => {
    const stray = join(dir, "stray.txt");
    writeFileSync(stray, "Counsellor: How are you?\nClient: Fine.\n");
    for (const extra of [[], ["--client"]]) {
      const out = join(dir, `nothing${extra.length}.json`);
      const run = oars(["train", "--lang", "en", "--gold", coding, stray, ...extra, "-o", out]);
      expect(run.status).toBe(2);
      expect(run.stderr).toBe(
        `oars: ${stray}: no reference coding for "stray" in ${coding}; skipped\noars: ${coding}: codes none of the transcripts given (matched by file name without extension), so there is nothing to learn from\n`,
      );
      expect(existsSync(out)).toBe(false);
    }
  });
});

describe("oars train on a transcript in another language than --lang", () => {
  it("says so in one line, as analyze does, and still trains", () => {
    const sv = join(dir, "sv-session.txt");
    writeFileSync(sv, readFileSync(fixture("sv", "session-cannabis.txt")));
    const table = join(dir, "sv-session.csv");
    expect(oars(["review", "--no-config", sv, "-o", table]).status).toBe(0);
    const out = join(dir, "sv-as-nb.json");
    const run = oars(["train", "--lang", "nb", "--gold", table, sv, "--folds", "0", "--iterations", "5", "-o", out]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe(`oars: ${sv}: the transcript reads as Swedish, but was coded as Norwegian (bokmål) as asked (--lang nb)\n`);
    expect(existsSync(out)).toBe(true);
    const same = oars(["train", "--lang", "sv", "--gold", table, sv, "--folds", "0", "--iterations", "5", "-o", join(dir, "sv-as-sv.json")]);
    expect(same.status, same.stderr).toBe(0);
    expect(same.stderr).toBe("");
  });
});

describe("oars eval --gold with no transcript the reference codes", () => {
  it("says so in one line and exits 2, instead of an empty report", () => {
    const stray = join(dir, "stray-eval.txt");
    writeFileSync(stray, "Counsellor: How are you?\nClient: Fine.\n");
    const run = oars(["eval", "--gold", coding, stray]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      `oars: ${stray}: no reference coding for "stray-eval" in ${coding}; skipped\noars: ${coding}: codes none of the transcripts given (matched by file name without extension), so there is nothing to compare\n`,
    );
  });
});

describe("broken weights files", () => {
  // Written by the first test above (vitest runs a file's tests in order).
  const good = () => readFileSync(join(dir, "plain.json"), "utf8");
  const fifo = join(dir, "fifo.json");
  execFileSync("mkfifo", [fifo]);
  const folder = join(dir, "folder.json");
  mkdirSync(folder);
  const cases: [string, (() => string | Buffer) | null, string | RegExp][] = [
    ["truncated.json", () => good().slice(0, 300), /truncated\.json:\d+:\d+: not valid JSON\n/],
    ["empty.json", () => "", "empty.json: the file is empty"],
    ["latin1.json", () => Buffer.concat([Buffer.from('{"format": "oars-weights", "x": "caf'), Buffer.from([0xe9]), Buffer.from('"}')]), "latin1.json: not UTF-8 text, so not a"],
    // Node's own message quotes the text around the mistake ("Unexpected token 's', ...secret words..."): never shown.
    ["quote.json", () => '{"format": "oars-weights", "x": secret words}', /quote\.json: not valid JSON\n$/],
    ["fifo.json", null, "fifo.json: not a regular file (a FIFO)"],
    ["folder.json", null, "folder.json: is a folder, not a"],
    ["missing.json", null, "missing.json: no such"],
  ];
  for (const [name, content, message] of cases) {
    it(`refuses ${name} as --weights and --client-weights in one line, exit 2, without quoting it`, () => {
      const path = join(dir, name);
      if (content !== null) writeFileSync(path, content());
      for (const option of ["--weights", "--client-weights"]) {
        const run = oars(["analyze", option, path, transcripts[0]!], { timeout: 10_000 });
        expect(run.status, `${option} ${name}`).toBe(2);
        expect(run.stdout).toBe("");
        oneLine(run.stderr);
        expect(run.stderr).toMatch(typeof message === "string" ? new RegExp(message.replace(/[.?()]/g, "\\$&")) : message);
        expect(run.stderr).not.toContain("secret");
      }
    });
  }

  it("takes a file with a byte order mark, as a Windows editor saves it", () => {
    const path = join(dir, "bom.json");
    writeFileSync(path, `\ufeff${good()}`);
    const run = oars(["analyze", "--weights", path, "-f", "json", transcripts[0]!]);
    expect(run.status, run.stderr).toBe(0);
  });
});

describe("probability, why and confidence in the reports", () => {
  it("--show turns gives client utterances their why and low confidence too", () => {
    const run = oars(["analyze", "--show", "turns", transcripts[0]!]);
    expect(run.status, run.stderr).toBe(0);
    const client = run.stdout.split("\n").findIndex((line) => /^ {4}(CT|ST|N)\?? /.test(line));
    expect(client).toBeGreaterThan(-1);
    const block = run.stdout.split("\n").slice(client, client + 4).join("\n");
    expect(block).toMatch(/\(en\.[a-z-]+\.[a-z-]+(, p \d\.\d\d)?(, low confidence)?\)\n\s+← \S+ [+-]\d\.\d\d/);
    expect(run.stdout).toMatch(/ {4}(CT|ST|N)\? .*, low confidence\)/);
  });

  it("Markdown and HTML mark a low-confidence flagged line as the table does", () => {
    const table = oars(["analyze", transcripts[0]!]);
    const low = /Persuade\? \(low confidence\)/.test(table.stdout);
    const markdown = oars(["analyze", "-f", "markdown", transcripts[0]!]);
    const html = oars(["analyze", "-f", "html", transcripts[0]!]);
    expect(markdown.stdout).toContain(low ? "**Persuade?** (low confidence)" : "**Persuade** (");
    expect(html.stdout).toContain(low ? "<strong>Persuade?</strong> (low confidence)" : "<strong>Persuade</strong> <code>");
    expect(table.stdout).toMatch(/Persuade(\? \(low confidence\))? \[en\.persuade\.you-should\]/);
  });
});
