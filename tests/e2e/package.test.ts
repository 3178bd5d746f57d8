// Installing oars as README says (issue 16): a copy of the project without dist/ is packed
// (npm pack runs the prepack build, so the user's machine needs no TypeScript), the tarball is
// installed into a temporary prefix, and `oars` runs from another folder; the library entry
// works as README's example shows; and every JSON the report formats write, and what the
// library returns, validates against schema/report.schema.json.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, fixture, oars } from "../helpers.js";

const tmp = mkdtempSync(join(tmpdir(), "oars-package-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const npm = (args: string[], cwd: string) => {
  const run = spawnSync("npm", [...args, "--no-audit", "--no-fund", "--loglevel=error"], { cwd, encoding: "utf8", env: { ...process.env, npm_config_update_notifier: "false" } });
  if (run.status !== 0) throw new Error(`npm ${args.join(" ")} failed: ${run.stderr}`);
  return run.stdout;
};

describe("npm pack, then install the tarball as README's CI recipes do", () => {
  let prefix = "";
  let tarball = "";

  beforeAll(() => {
    // A fresh copy: the repository's files without dist/ or node_modules/ (linked, so the
    // prepack build finds TypeScript as a developer's clone would after npm ci).
    const copy = join(tmp, "copy");
    cpSync(ROOT, copy, { recursive: true, filter: (src) => !/[/\\](node_modules|dist|\.git)$/.test(src) });
    symlinkSync(join(ROOT, "node_modules"), join(copy, "node_modules"), "dir");
    const packs = join(tmp, "packs");
    mkdirSync(packs);
    npm(["pack", "--pack-destination", packs], copy);
    tarball = join(packs, readdirSync(packs).find((name) => name.endsWith(".tgz"))!);
    prefix = join(tmp, "prefix");
    // --prefer-offline: dependencies come from npm's cache when they are there (npm ci filled it).
    npm(["install", "--global", "--prefix", prefix, "--prefer-offline", tarball], tmp);
  }, 240_000);

  it("ships dist/, the rules, the schema and the licence, and no sources or tests", () => {
    const files = execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" }).split("\n");
    for (const needed of ["package/dist/cli/main.js", "package/dist/index.js", "package/dist/index.d.ts", "package/bin/oars.js", "package/rules/en/messages.yaml", "package/schema/report.schema.json", "package/LICENSE"]) {
      expect(files, needed).toContain(needed);
    }
    expect(files.some((f) => f.startsWith("package/src/") || f.startsWith("package/tests/"))).toBe(false);
  });

  it("runs `oars` from another folder", () => {
    const bin = join(prefix, "bin", "oars");
    expect(existsSync(bin)).toBe(true);
    const elsewhere = mkdtempSync(join(tmp, "elsewhere-"));
    writeFileSync(join(elsewhere, "s.txt"), readFileSync(fixture("en", "session-alcohol.txt")));
    const version = spawnSync(bin, ["--version"], { cwd: elsewhere, encoding: "utf8" });
    expect(version.stdout.trim()).toBe((JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version);
    const run = spawnSync(bin, ["check", "s.txt", "-f", "json"], { cwd: elsewhere, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(1); // session-alcohol persuades once and confronts once
    expect((JSON.parse(run.stdout) as { files: { path: string }[] }).files[0]!.path).toBe("s.txt");
  });

  it("runs README's library example in a project that installed the tarball", () => {
    const app = join(tmp, "app");
    mkdirSync(app);
    writeFileSync(join(app, "package.json"), JSON.stringify({ name: "app", private: true, type: "module" }));
    npm(["install", "--prefer-offline", tarball], app);
    const example = /<!-- library-example -->\s*```js\n([\s\S]*?)```/.exec(readFileSync(join(ROOT, "README.md"), "utf8"))?.[1];
    expect(example, "README has a <!-- library-example --> block").toBeDefined();
    writeFileSync(join(app, "example.mjs"), example!);
    writeFileSync(join(app, "session.txt"), readFileSync(fixture("en", "session-alcohol.txt")));
    const run = spawnSync(process.execPath, ["example.mjs"], { cwd: app, encoding: "utf8" });
    expect(run.stderr).toBe("");
    // The same figure the CLI gives for the session (it moves when the weights are retrained).
    const cli = JSON.parse(spawnSync(process.execPath, [join(ROOT, "bin", "oars.js"), "analyze", "--no-config", "-f", "json", fixture("en", "session-alcohol.txt")], { encoding: "utf8" }).stdout) as { files: { metrics: { reflectionToQuestion: number } }[] };
    expect(run.stdout).toBe(`R:Q ${cli.files[0]!.metrics.reflectionToQuestion}, flagged: "You really need to cut down.", "Come on, be honest with yourself."\n`);
    // And README says what it prints, as it prints it.
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const stated = /```\n\nprints `([^`]*)`/.exec(readme.slice(readme.indexOf("<!-- library-example -->")))?.[1];
    expect(stated).toBe(run.stdout.trimEnd());
  });
});

describe("schema/report.schema.json", () => {
  const schema = JSON.parse(readFileSync(join(ROOT, "schema", "report.schema.json"), "utf8")) as object;
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  const validate = ajv.compile(schema);
  const problems = (value: unknown) => (validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));
  const inputs = [fixture("en", "session-alcohol.txt"), fixture("formats"), fixture("nb", "session-alkohol.vtt"), fixture("roles"), join(tmp, "missing.txt")];

  it.each(["analyze", "check"])("%s -f json validates, unreadable files, warnings and all", (command) => {
    const run = oars([command, "--no-config", "-f", "json", ...inputs]);
    const report = JSON.parse(run.stdout) as { files: { warnings: unknown[] }[]; errors: unknown[] };
    expect(report.errors.length).toBeGreaterThan(0);
    expect(report.files.some((f) => f.warnings.length > 0)).toBe(true);
    expect(problems(report)).toEqual([]);
  });

  it.each(["analyze", "check"])("%s -f ndjson validates line by line", (command) => {
    const lines = oars([command, "--no-config", "-f", "ndjson", "--redact", ...inputs]).stdout.trim().split("\n");
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) expect(problems(JSON.parse(line))).toEqual([]);
  });

  it("what the library returns validates as a result", async () => {
    const { analyze } = await import("../../src/index.js");
    const checkResult = ajv.compile({ $ref: `${(schema as { $id: string }).$id}#/$defs/result` });
    const result = analyze(readFileSync(fixture("formats", "teams.vtt")), { path: "teams.vtt" });
    expect(checkResult(JSON.parse(JSON.stringify(result)))).toBe(true);
  });

  it("the library refuses an option it does not know the value of, naming the option, instead of guessing or reading a path", async () => {
    const { analyze } = await import("../../src/index.js");
    const text = "Counsellor: What brings you here?\nClient: My doctor sent me.\n";
    // "no" is the ISO code for Norwegian: coding it as English without a word would be wrong.
    expect(() => analyze(text, { lang: "no" as never })).toThrow(new TypeError('options.lang must be one of auto, en, nb, da, sv (got "no")'));
    // A locale names a folder of the package: never one outside it, never "reinstall oars".
    expect(() => analyze(text, { locale: "../../elsewhere" as never })).toThrow(new TypeError('options.locale must be one of en, nb, da, sv (got "../../elsewhere")'));
    expect(() => analyze(text, { format: "docx" as never })).toThrow(new TypeError('options.format must be one of text, vtt, srt, json (got "docx")'));
    expect(() => analyze(text, { counsellor: "Counsellor" as never })).toThrow(new TypeError("options.counsellor must be an array of names"));
    expect(analyze(text, { lang: "nb", locale: "sv", format: "text", counsellor: ["Counsellor"] })).toMatchObject({ language: "nb", locale: "sv", format: "text" });
  });

  it("refuses what breaks the contract", () => {
    const report = JSON.parse(oars(["analyze", "--no-config", "-f", "json", fixture("en", "session-alcohol.txt")]).stdout) as { files: { metrics: { reflectionToQuestion: unknown } }[] };
    report.files[0]!.metrics.reflectionToQuestion = "1.00";
    expect(problems(report).join()).toMatch(/reflectionToQuestion/);
  });
});
