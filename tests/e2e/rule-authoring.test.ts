// End-to-end: a trainer's own rule folder (README "Rule authoring"), loaded with --rules,
// through every report and through `oars rules`.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { oars } from "../helpers.js";

const RULE = `rules:
  - id: en.persuade.gym-push
    code: persuade
    description: Pushes the gym on the client.
    priority: 99
    patterns: ["you really should go to the gym"]
    reason: "House rule: gym advice without permission."
    suggestion: Ask what the client thinks about exercise first.
    examples:
      match: ["So you really should go to the gym tomorrow."]
`;
const TRANSCRIPT = "Counsellor: What brings you here today?\nClient: I sit on the sofa all evening.\nCounsellor: So you really should go to the gym tomorrow.\nClient: Maybe.\n";

function ruleFolder(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), "oars-own-rules-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe("a rule of one's own", () => {
  it("brings its reason and suggestion to the JSON and ndjson flags, as to the table", () => {
    const rules = ruleFolder({ "house.yaml": RULE });
    const transcript = join(rules, "session.txt");
    writeFileSync(transcript, TRANSCRIPT);
    const run = oars(["analyze", "--no-config", "--rules", rules, "-f", "json", transcript]);
    expect(run.status).toBe(0);
    const [flag] = (JSON.parse(run.stdout) as { files: { flags: { rule: string; reason: string; suggestion: string }[] }[] }).files[0]!.flags;
    expect(flag).toMatchObject({ rule: "en.persuade.gym-push", reason: "House rule: gym advice without permission.", suggestion: "Ask what the client thinks about exercise first." });
    const ndjson = oars(["analyze", "--no-config", "--rules", rules, "-f", "ndjson", transcript]);
    expect(ndjson.stdout).toContain('"reason":"House rule: gym advice without permission."');
    expect(oars(["analyze", "--no-config", "--rules", rules, transcript]).stdout).toContain("House rule: gym advice without permission.");
  });
});

describe("oars rules -f markdown with a rule folder of one's own", () => {
  it("names the rule's file from the working folder, not from the package's rules/ folder", () => {
    const dir = mkdtempSync(join(tmpdir(), "oars-own-markdown-"));
    mkdirSync(join(dir, "house"));
    writeFileSync(join(dir, "house", "house.yaml"), RULE);
    const run = oars(["rules", "--no-config", "--lang", "en", "-f", "markdown", "--rules", "house"], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Priority 99 · `house/house.yaml:2`");
    // The bundled rules keep their place under rules/, as docs/rules/ has them.
    expect(run.stdout).toMatch(/`en\/input\.yaml:\d+`/);
  });
});

describe("a rule folder that holds no rule files", () => {
  it("is refused, exit 2, whether named with --rules or in rule-folders:, rather than loading nothing without a word", () => {
    const dir = mkdtempSync(join(tmpdir(), "oars-empty-rules-"));
    mkdirSync(join(dir, "house", "en"), { recursive: true });
    writeFileSync(join(dir, "house", "en", "house.yaml"), RULE);
    const run = oars(["rules", "test", "--no-config", "--lang", "en", "--rules", "house"], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("oars: house: rule folder holds no rule files (.yaml, .yml; subfolders are not read)\n");
    writeFileSync(join(dir, ".oarsrc.yaml"), "rule-folders: [house]\n");
    const config = oars(["config"], { cwd: dir });
    expect(config.status).toBe(2);
    expect(config.stderr).toBe(`oars: ${join(dir, "house")}: rule folder holds no rule files (.yaml, .yml; subfolders are not read)\n`);
  });
});

describe("rule and configuration files that are not UTF-8", () => {
  it("refuses a Latin-1 rule file at the line of its first bad byte, exit 2, rather than reading ø as \ufffd", () => {
    // "bør" in Latin-1: before, the description and examples read "b\ufffdr" without a word.
    const latin1 = Buffer.from('rules:\n  - id: nb.persuade.train\n    code: persuade\n    description: Du b\xf8r.\n    patterns: ["du skal trene"]\n    examples: { match: ["Du skal trene."] }\n', "latin1");
    const rules = ruleFolder({ "house.yaml": latin1 });
    const run = oars(["rules", "test", "--lang", "nb", "--rules", rules]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`oars: ${join(rules, "house.yaml")}:4: rule file is not UTF-8 text (byte 0xF8 at offset 73); save it as UTF-8\n`);
  });
  it("refuses a Latin-1 configuration file the same way", () => {
    const dir = ruleFolder({ ".oarsrc.yaml": Buffer.from("counsellors: [Bj\xf8rn]\n", "latin1") });
    const run = oars(["config"], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`oars: ${join(dir, ".oarsrc.yaml")}:1: configuration file is not UTF-8 text (byte 0xF8 at offset 16); save it as UTF-8\n`);
  });
});

describe("oars rules and oars rules test under a configuration file", () => {
  type Listed = { rules: { id: string; priority: number; confidence: string; file: string }[] };
  function project(): string {
    const dir = mkdtempSync(join(tmpdir(), "oars-rules-config-"));
    mkdirSync(join(dir, "house"));
    mkdirSync(join(dir, "sub"));
    writeFileSync(join(dir, "house", "house.yaml"), RULE);
    writeFileSync(
      join(dir, ".oarsrc.yaml"),
      "rule-folders: [house]\nrules:\n  en.persuade.you-could: off\n  en.giving-information.options: { priority: 30, confidence: low }\n",
    );
    return dir;
  }

  it("list the rules in force: the file's rule folders (relative to it) and its rules: switched off or re-levelled", () => {
    const dir = project();
    const run = oars(["rules", "--lang", "en", "-f", "json"], { cwd: join(dir, "sub") });
    expect(run.status).toBe(0);
    const rules = (JSON.parse(run.stdout) as Listed).rules;
    expect(rules.find((r) => r.id === "en.persuade.gym-push")?.file).toBe(join(dir, "house", "house.yaml"));
    expect(rules.some((r) => r.id === "en.persuade.you-could")).toBe(false);
    expect(rules.find((r) => r.id === "en.giving-information.options")).toMatchObject({ priority: 30, confidence: "low" });
    // --no-config: the bundled rules as they are; --config names the file from elsewhere.
    const bundled = (JSON.parse(oars(["rules", "--lang", "en", "-f", "json", "--no-config"], { cwd: join(dir, "sub") }).stdout) as Listed).rules;
    expect(bundled.some((r) => r.id === "en.persuade.gym-push")).toBe(false);
    expect(bundled.some((r) => r.id === "en.persuade.you-could")).toBe(true);
    const named = (JSON.parse(oars(["rules", "--lang", "en", "-f", "json", "--config", join(dir, ".oarsrc.yaml")]).stdout) as Listed).rules;
    expect(named.some((r) => r.id === "en.persuade.gym-push")).toBe(true);
  });

  it("load a folder named both in rule-folders: and with --rules once", () => {
    const dir = project();
    const run = oars(["rules", "--lang", "en", "-f", "json", "--rules", "./house/"], { cwd: dir });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect((JSON.parse(run.stdout) as Listed).rules.filter((r) => r.id === "en.persuade.gym-push")).toHaveLength(1);
    const transcript = join(dir, "session.txt");
    writeFileSync(transcript, TRANSCRIPT);
    const analyzed = oars(["analyze", "-f", "json", "--rules", "house", transcript], { cwd: dir });
    expect(analyzed.status).toBe(0);
    expect(analyzed.stdout).toContain('"rule": "en.persuade.gym-push"');
  });

  it("test the configuration's rule folders: a failing example there is exit 1", () => {
    const dir = project();
    writeFileSync(join(dir, "house", "house.yaml"), RULE.replace("examples:\n", 'examples:\n      no-match: ["You really should go to the gym."]\n'));
    const run = oars(["rules", "test", "--lang", "en"], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('house/house.yaml:2 en.persuade.gym-push: "You really should go to the gym." should not match but does');
    expect(oars(["rules", "test", "--lang", "en", "--no-config"], { cwd: dir }).status).toBe(0);
  });
});

describe("configuration rules: for the client rules oars rules lists", () => {
  it("switches a client rule off or re-levels it; a confidence for one is refused", () => {
    const dir = mkdtempSync(join(tmpdir(), "oars-client-adjust-"));
    writeFileSync(join(dir, ".oarsrc.yaml"), "rules:\n  en.change-talk.desire: off\n  en.change-talk.need: { priority: 5 }\n");
    const listed = oars(["rules", "--lang", "en", "-f", "json"], { cwd: dir });
    expect(listed.stderr).toBe("");
    expect(listed.status).toBe(0);
    const clientRules = (JSON.parse(listed.stdout) as { clientRules: { id: string; priority: number }[] }).clientRules;
    expect(clientRules.some((r) => r.id === "en.change-talk.desire")).toBe(false);
    expect(clientRules.find((r) => r.id === "en.change-talk.need")?.priority).toBe(5);
    const transcript = join(dir, "session.txt");
    writeFileSync(transcript, "Counsellor: What brings you here?\nClient: I want to cut down.\nCounsellor: You want to cut down.\nClient: Yes.\n");
    const on = oars(["analyze", "--no-config", "-f", "json", transcript], { cwd: dir });
    expect(on.stdout).toContain('"rule": "en.change-talk.desire"');
    const off = oars(["analyze", "-f", "json", transcript], { cwd: dir });
    expect(off.status).toBe(0);
    expect(off.stdout).not.toContain('"rule": "en.change-talk.desire"');
    writeFileSync(join(dir, ".oarsrc.yaml"), "rules:\n  en.change-talk.desire: { confidence: low }\n");
    const bad = oars(["config"], { cwd: dir });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe(`oars: ${join(dir, ".oarsrc.yaml")}:2: rules.en.change-talk.desire: a client rule has no confidence to set (priority only)\n`);
  });
});
