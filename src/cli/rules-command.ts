// `oars rules` lists the rules in force; `oars rules test` runs every rule's examples, so a
// user editing YAML sees at once whether their change still codes what it says it codes.

import { checkClientExamples } from "../client/match.js";
import { relative } from "node:path";
import Table from "cli-table3";
import { resolveSettings } from "../config/index.js";
import { EXIT, UsageError } from "../errors.js";
import { checkPackExamples } from "../classify/examples.js";
import { rulesMarkdown } from "../report/rules-markdown.js";
import { TABLE_STYLE } from "../report/table-style.js";
import { isLanguage, LANGUAGES } from "../languages.js";
import { loadPack } from "../packs/loader.js";
import type { LanguagePack } from "../packs/pack.js";
import { chooseColor, writeOutput } from "./output.js";
import type { RULES_FORMATS } from "./choices.js";

export interface RulesCommandOptions {
  /** One language, or every language when not given. */
  lang?: string;
  rules: string[];
  /** A file named with --config; false for --no-config; undefined to search. */
  config?: string | false;
  format: (typeof RULES_FORMATS)[number];
  output?: string;
}


const where = (file: string, line: number) => `${relative(process.cwd(), file) || file}:${line}`;

// The packs a rules command looks at: the one --lang names, or all of them, as a run in this
// folder would code with them: the configuration's rule folders and `rules:` (off, re-levelled)
// applied, and --rules added.
function packsOf(options: Pick<RulesCommandOptions, "lang" | "rules" | "config">): LanguagePack[] {
  const settings = resolveSettings({ cwd: process.cwd(), config: options.config, commandLine: { ruleFolders: options.rules } });
  if (options.lang !== undefined && !isLanguage(options.lang)) throw new UsageError(`--lang must be one of ${LANGUAGES.join(", ")} (got "${options.lang}")`);
  const languages = options.lang !== undefined ? [options.lang] : [...LANGUAGES];
  return languages.map((language) => loadPack(language, settings.ruleFolders, settings.rules));
}

/** "1 rule", "2 rules": `oars rules test` speaks English, as its patterns' messages do. */
const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;

export function runRulesList(options: RulesCommandOptions): number {
  const packs = packsOf(options);
  if (options.format === "json") {
    const list = packs.flatMap((pack) =>
      pack.byPriority.map((r) => ({
        language: pack.language,
        id: r.id,
        code: r.code,
        priority: r.priority,
        confidence: r.confidence,
        description: r.description,
        file: r.file,
        line: r.line,
        examples: r.examples.match.length + r.examples.noMatch.length,
      })),
    );
    // Client rules are a set of their own: listed apart, so `rules` stays the counsellor codes'.
    const clientRules = packs.flatMap((pack) =>
      pack.clientRules.map((r) => ({ language: pack.language, id: r.id, code: r.code, subtype: r.subtype, priority: r.priority, description: r.description, file: r.file, line: r.line, examples: r.examples.match.length + r.examples.noMatch.length })),
    );
    writeOutput(`${JSON.stringify({ schemaVersion: 2, languages: packs.map((p) => p.language), rules: list, clientRules }, null, 2)}\n`, options.output);
    return EXIT.ok;
  }
  if (options.format === "markdown") {
    writeOutput(packs.map(rulesMarkdown).join("\n"), options.output);
    return EXIT.ok;
  }
  const parts = packs.map((pack) => {
    const rules = pack.byPriority;
    const table = new Table({ head: ["Rule", "Code", "Priority", "Description"], colWidths: [null, null, null, 60] as unknown as number[], wordWrap: true, ...TABLE_STYLE });
    for (const r of rules) table.push([r.id, r.code, String(r.priority) + (r.confidence === "low" ? " (low)" : ""), r.description]);
    for (const r of pack.clientRules) table.push([r.id, r.subtype ? `${r.code} (${r.subtype})` : r.code, String(r.priority), r.description]);
    return `${table.toString()}\n${rules.length} rules for ${pack.name} (${pack.language}) and ${pack.clientRules.length} client rules, highest priority first; "(low)" marks low-confidence rules.\n`;
  });
  writeOutput(parts.join("\n"), options.output);
  return EXIT.ok;
}

export function runRulesTest(options: Pick<RulesCommandOptions, "lang" | "rules" | "config">): number {
  const c = chooseColor(false);
  const lines: string[] = [];
  let failed = 0;
  for (const pack of packsOf(options)) {
    // Counsellor rules, then client rules (client.yaml): each set its failures and its own line.
    const sets = [
      { rules: pack.rules, failures: checkPackExamples(pack), kind: "rule" },
      { rules: pack.clientRules, failures: checkClientExamples(pack), kind: "client rule" },
    ];
    for (const { rules, failures, kind } of sets) {
      if (rules.length === 0 && kind === "client rule") continue;
      const examples = rules.reduce((n, r) => n + r.examples.match.length + r.examples.noMatch.length, 0);
      for (const { rule, example, expected } of failures) {
        lines.push(`${c.red("✗")} ${where(rule.file, rule.line)} ${rule.id}: "${example.text}" ${expected === "match" ? "should match but does not" : "should not match but does"}`);
      }
      const failing = new Set(failures.map((f) => f.rule.id)).size;
      lines.push(
        failures.length === 0
          ? `${c.green("✓")} ${count(examples, "example")} of ${count(rules.length, kind)} (${pack.language}) pass.`
          : `${failures.length} of ${count(examples, "example")} fail in ${count(failing, kind)} (${pack.language}).`,
      );
      failed += failures.length;
    }
  }
  writeOutput(`${lines.join("\n")}\n`, undefined);
  return failed === 0 ? EXIT.ok : EXIT.failed;
}
