// Reading client rules (rules/<lang>/client.yaml): the same shape as counsellor rules, with the
// client codes (change-talk, sustain-talk, neutral), a DARN-CAT `subtype`, and only the
// conditions that make sense for a client's words (question form, length). Ids look like
// `en.change-talk.desire`; the part after the language is shared across languages, so the
// learned client weights carry from one language to another.

import type { Node } from "yaml";
import { CLIENT_CODES, TALK_SUBTYPES, type ClientCode } from "../types.js";
import type { YamlSource as Source } from "../yaml-source.js";
import { YamlSource } from "../yaml-source.js";
import { compilePatterns } from "./load.js";
import type { ClientRule, Vocabulary } from "./types.js";
import type { Language } from "../languages.js";

const RULE_KEYS = ["id", "code", "subtype", "description", "priority", "when", "patterns", "unless", "examples"] as const;
const WHEN_KEYS = ["question", "words"] as const;
const DEFAULT_PRIORITY = 50;

export interface ClientRuleFile {
  rules: ClientRule[];
  /**
   * `mirror`: the counsellor's words for the client ("you", "your") → the client's own ("I",
   * "my"). The client rules read a counsellor's reflection through it, so "You're ready to cut
   * back" reads as "I'm ready to cut back": a client who agrees with it voices that talk.
   */
  mirror: Map<string, string>;
}

/** The client rules of one file, checked and compiled; rules whose id `skip` accepts are left out unread. */
export function readClientRuleFile(file: string, text: string, pack: Vocabulary & { language: Language }, skip: (id: string) => boolean = () => false): ClientRuleFile {
  const src = new YamlSource(file, text);
  const top = src.entries(src.root, "client rule file", ["mirror", "rules"]);
  if (!top.has("rules")) src.fail(src.root, 'client rule file: "rules" is missing');
  const mirror = new Map<string, string>();
  if (top.has("mirror")) {
    for (const pair of src.map(top.get("mirror"), "mirror").items) {
      const from = String((pair.key as { value?: unknown })?.value ?? "").toLowerCase();
      const to = (pair.value as { value?: unknown })?.value;
      if (!from || typeof to !== "string") return src.fail(top.get("mirror"), "mirror: each entry maps a word to a word");
      mirror.set(from, to.toLowerCase());
    }
  }
  const rules: ClientRule[] = [];
  src.items(top.get("rules"), "rules").forEach((node, i) => {
    if (!skip(String((node as { get?: (key: string) => unknown }).get?.("id") ?? ""))) rules.push(readClientRule(src, node, i, pack));
  });
  return { rules, mirror };
}

function readClientRule(src: Source, node: Node, index: number, pack: Vocabulary & { language: Language }): ClientRule {
  const what = `rules[${index}]`;
  const keys = src.entries(node, what, RULE_KEYS);
  for (const key of ["id", "code", "description", "examples"] as const) {
    if (!keys.has(key)) src.fail(node, `${what}: "${key}" is missing`);
  }
  const code = src.oneOf(keys.get("code"), `${what}.code (client rules take client codes)`, CLIENT_CODES) as ClientCode;
  const id = src.string(keys.get("id"), `${what}.id`);
  if (!new RegExp(`^${pack.language}\\.${code}\\.[a-z0-9][a-z0-9-]*$`).test(id)) src.fail(keys.get("id"), `${what}.id "${id}" must look like "${pack.language}.${code}.some-name"`);
  const ruleWhat = `rule ${id}`;
  const subtype = keys.has("subtype") ? src.oneOf(keys.get("subtype"), `${ruleWhat}: subtype`, TALK_SUBTYPES) : null;
  if (subtype && code === "neutral") src.fail(keys.get("subtype"), `${ruleWhat}: neutral talk has no subtype`);
  const rule: ClientRule = {
    id,
    code,
    subtype,
    description: src.string(keys.get("description"), `${ruleWhat}: description`),
    priority: keys.has("priority") ? src.number(keys.get("priority"), `${ruleWhat}: priority`, 0, 1000) : DEFAULT_PRIORITY,
    when: keys.has("when") ? readWhen(src, keys.get("when"), ruleWhat) : {},
    patterns: keys.has("patterns") ? compilePatterns(src, keys.get("patterns"), `${ruleWhat}: patterns`, pack) : [],
    unless: keys.has("unless") ? compilePatterns(src, keys.get("unless"), `${ruleWhat}: unless`, pack) : [],
    examples: readExamples(src, keys.get("examples")!, ruleWhat),
    file: src.file,
    line: src.position(node).line,
  };
  if (rule.patterns.length === 0 && Object.keys(rule.when).length === 0) src.fail(node, `${ruleWhat}: give "patterns" or "when", or the rule matches everything`);
  return rule;
}

function readWhen(src: Source, node: Node | null | undefined, what: string): ClientRule["when"] {
  const keys = src.entries(node, `${what}: when`, WHEN_KEYS);
  const when: ClientRule["when"] = {};
  if (keys.has("question")) when.question = src.boolean(keys.get("question"), `${what}: when.question`);
  if (keys.has("words")) {
    const bounds = src.entries(keys.get("words"), `${what}: when.words`, ["min", "max"]);
    if (bounds.has("min")) when.minWords = src.number(bounds.get("min"), `${what}: when.words.min`, 0, 10000);
    if (bounds.has("max")) when.maxWords = src.number(bounds.get("max"), `${what}: when.words.max`, 0, 10000);
  }
  return when;
}

function readExamples(src: Source, node: Node, what: string): ClientRule["examples"] {
  const keys = src.entries(node, `${what}: examples`, ["match", "no-match"]);
  if (!keys.has("match")) src.fail(node, `${what}: examples.match is missing; every rule shows at least one utterance it codes`);
  const read = (key: "match" | "no-match") => (keys.has(key) ? src.strings(keys.get(key), `${what}: examples.${key}`).map(({ value }) => ({ text: value })) : []);
  const match = read("match");
  if (match.length === 0) src.fail(node, `${what}: examples.match is empty`);
  return { match, noMatch: read("no-match") };
}
