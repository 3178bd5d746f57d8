// `oars rules` lists the rules in force; `oars rules test` runs every rule's examples, so a
// user editing YAML sees at once whether their change still codes what it says it codes.

import { relative } from "node:path";
import Table from "cli-table3";
import { EXIT, UsageError } from "../errors.js";
import { rulesByPriority } from "../classify/index.js";
import { checkPackExamples } from "../rules/examples.js";
import { TABLE_STYLE } from "../report/table-style.js";
import { loadPack } from "../rules/pack.js";
import { chooseColor, writeOutput } from "./output.js";
import { RULES_FORMATS } from "./choices.js";

export interface RulesCommandOptions {
  lang: string;
  rules: string[];
  format: string;
  output?: string;
}


const where = (file: string, line: number) => `${relative(process.cwd(), file) || file}:${line}`;

export function runRulesList(options: RulesCommandOptions): number {
  if (!(RULES_FORMATS as readonly string[]).includes(options.format)) throw new UsageError(`--format must be one of ${RULES_FORMATS.join(", ")}`);
  const pack = loadPack(options.lang, options.rules);
  const rules = rulesByPriority(pack);
  if (options.format === "json") {
    const list = rules.map((r) => ({
      id: r.id,
      code: r.code,
      priority: r.priority,
      confidence: r.confidence,
      description: r.description,
      file: r.file,
      line: r.line,
      examples: r.examples.match.length + r.examples.noMatch.length,
    }));
    writeOutput(`${JSON.stringify({ schemaVersion: 1, language: pack.language, rules: list }, null, 2)}\n`, options.output);
    return EXIT.ok;
  }
  const table = new Table({ head: ["Rule", "Code", "Priority", "Description"], colWidths: [null, null, null, 60] as unknown as number[], wordWrap: true, ...TABLE_STYLE });
  for (const r of rules) table.push([r.id, r.code, String(r.priority) + (r.confidence === "low" ? " (low)" : ""), r.description]);
  writeOutput(`${table.toString()}\n${rules.length} rules for ${pack.name} (${pack.language}), highest priority first; "(low)" marks low-confidence rules.\n`, options.output);
  return EXIT.ok;
}

export function runRulesTest(options: Pick<RulesCommandOptions, "lang" | "rules">): number {
  const pack = loadPack(options.lang, options.rules);
  const c = chooseColor(false);
  const failures = checkPackExamples(pack);
  const examples = pack.rules.reduce((n, r) => n + r.examples.match.length + r.examples.noMatch.length, 0);
  const lines = failures.map(({ rule, example, expected }) =>
    `${c.red("✗")} ${where(rule.file, rule.line)} ${rule.id}: "${example.text}" ${expected === "match" ? "should match but does not" : "should not match but does"}`,
  );
  const summary =
    failures.length === 0
      ? `${c.green("✓")} ${examples} examples of ${pack.rules.length} rules (${pack.language}) pass.`
      : `${failures.length} of ${examples} examples fail in ${new Set(failures.map((f) => f.rule.id)).size} rules (${pack.language}).`;
  writeOutput(`${[...lines, summary].join("\n")}\n`, undefined);
  return failures.length === 0 ? EXIT.ok : EXIT.failed;
}
