// A rule pack as a Markdown page (`oars rules -f markdown`; docs/rules/<lang>.md is this page
// for each bundled pack, written by `npm run docs` and checked fresh by a test): every rule by
// code, with its id, priority, description, conditions and examples, so a coder can read what
// each rule looks for without reading YAML; the client rules (client.yaml) follow, by client code.

import { isAbsolute, relative } from "node:path";
import { RULES_ROOT } from "../paths.js";
import type { LanguagePack } from "../packs/pack.js";
import type { ClientRule, Rule, RuleExample } from "../packs/types.js";
import { CLIENT_CODES, COUNSELLOR_CODES } from "../types.js";
import { escapeMarkdown } from "./markdown.js";

export function rulesMarkdown(pack: LanguagePack): string {
  const lines = [
    `# ${pack.name} rules (${pack.language})`,
    "",
    `Generated from rules/${pack.language}/ by \`npm run docs\` (\`oars rules --lang ${pack.language} -f markdown\`); do not edit by hand.`,
    `${pack.rules.length} rules. Within a code, highest priority first; "low" marks a rule whose codes a coder should review.`,
  ];
  for (const code of COUNSELLOR_CODES) {
    const rules = pack.byPriority.filter((rule) => rule.code === code);
    if (rules.length === 0) continue;
    lines.push("", `## ${code} (${rules.length})`);
    for (const rule of rules) lines.push("", ...ruleSection(rule));
  }
  // Client rules (client.yaml): evidence for the client talk model, by code as well.
  if (pack.clientRules.length > 0) {
    lines.push("", `## Client talk (${pack.clientRules.length} client rules)`);
    for (const code of CLIENT_CODES) {
      const rules = pack.clientRules.filter((rule) => rule.code === code).sort((a, b) => b.priority - a.priority);
      if (rules.length === 0) continue;
      lines.push("", `### ${code} (${rules.length})`);
      for (const rule of rules) lines.push("", ...clientRuleSection(rule));
    }
  }
  return `${lines.join("\n")}\n`;
}

// A bundled rule's file within rules/ (as docs/rules/ names it); a rule folder of one's own
// from the working folder, as `oars rules test` names it, not from the installed package's rules/.
function shownFile(file: string): string {
  const inPacks = relative(RULES_ROOT, file);
  if (inPacks !== "" && !inPacks.startsWith("..") && !isAbsolute(inPacks)) return inPacks;
  return relative(process.cwd(), file) || file;
}

function clientRuleSection(rule: ClientRule): string[] {
  const file = shownFile(rule.file);
  const when: string[] = [];
  if (rule.when.question !== undefined) when.push(rule.when.question ? "a question" : "not a question");
  if (rule.when.minWords !== undefined || rule.when.maxWords !== undefined) when.push(`${rule.when.minWords ?? 0}–${rule.when.maxWords ?? "∞"} words`);
  return [
    `#### \`${rule.id}\``,
    "",
    `${escapeMarkdown(rule.description)}`,
    "",
    `Priority ${rule.priority}${rule.subtype ? ` · ${rule.subtype}` : ""} · \`${file}:${rule.line}\`${when.length > 0 ? ` · when ${when.join(", ")}` : ""}`,
    "",
    ...rule.examples.match.map((example) => `- ✓ ${exampleText(example)}`),
    ...rule.examples.noMatch.map((example) => `- ✗ ${exampleText(example)}`),
  ];
}

function ruleSection(rule: Rule): string[] {
  const file = shownFile(rule.file);
  const lines = [
    `### \`${rule.id}\``,
    "",
    `${escapeMarkdown(rule.description)}`,
    "",
    `Priority ${rule.priority}${rule.confidence === "low" ? " (low confidence)" : ""} · \`${file}:${rule.line}\`${conditions(rule)}`,
    "",
  ];
  lines.push(...rule.examples.match.map((example) => `- ✓ ${exampleText(example)}`));
  lines.push(...rule.examples.noMatch.map((example) => `- ✗ ${exampleText(example)}`));
  return lines;
}

function conditions(rule: Rule): string {
  const parts: string[] = [];
  const when = rule.when;
  if (when.question !== undefined) parts.push(when.question ? "a question" : "not a question");
  if (when.permission !== undefined) parts.push(when.permission ? "with permission" : "without permission");
  if (when.minWords !== undefined || when.maxWords !== undefined) parts.push(`${when.minWords ?? 0}–${when.maxWords ?? "∞"} words`);
  if (when.minEcho !== undefined || when.maxEcho !== undefined) parts.push(`echo of the client ${when.minEcho ?? 0}–${when.maxEcho ?? 1}`);
  if (when.position) parts.push(`position: ${when.position}`);
  if (when.after) parts.push(`after ${when.after.join(" or ")}`);
  if (when.client) parts.push("after a client turn it names");
  if (when.contradicts !== undefined) parts.push(when.contradicts ? "says the opposite of the client's last turn" : "does not say the opposite of the client's last turn");
  if (rule.asksPermission) parts.push("asks permission");
  if (rule.inInputTurn) parts.push(`in a turn of input: ${rule.inInputTurn}`);
  return parts.length > 0 ? ` · when ${parts.join(", ")}` : "";
}

function exampleText(example: RuleExample): string {
  const context = [
    example.client !== undefined ? `client: “${escapeMarkdown(example.client)}”` : "",
    example.permission !== undefined ? (example.permission ? "with permission" : "without permission") : "",
    example.after !== undefined ? `after ${example.after}` : "",
  ].filter(Boolean);
  return `“${escapeMarkdown(example.text)}”${context.length > 0 ? ` (${context.join("; ")})` : ""}`;
}
