// Loading a language pack: rules/<lang>/language.yaml (settings and word lists) and every other
// *.yaml beside it (rules) but messages.yaml (report texts, read by src/locale). Each file is parsed safely, checked against the rule schema and
// compiled once; the first problem is reported with its file, line and column.

import { readdirSync } from "node:fs";
import { FileReadError, readRegularFile } from "../io/regular-file.js";
import { checkPackSize, MAX_RULE_FILE_BYTES, nlpProblem } from "./caps.js";
import { basename, join } from "node:path";
import type { Node } from "yaml";
import { SourceError } from "../errors.js";
import { RULES_ROOT } from "../paths.js";
import { COUNSELLOR_CODES, INPUT_CODES, type Code } from "../types.js";
import { isLanguage, LANGUAGES, type Language } from "../languages.js";
import { PatternError } from "../pattern/parse.js";
import { Pattern } from "../pattern/pattern.js";
import { PatternTable } from "../pattern/table.js";
import { prebuiltJson, readPrebuilt, type Source } from "../bundled/index.js";
import { LanguagePack, REQUIRED_LISTS, type PackData } from "./pack.js";
import { fullConditions, setsAnyCondition, type Conditions, type PackDraft, type Rule, type RuleExample, type Vocabulary } from "./types.js";
import { utf8Source, YamlSource } from "../yaml-source.js";
import { readClientRuleFile, type ClientRuleFile } from "./client-rules.js";

const LANGUAGE_FILE = "language.yaml";
/** What reports say in this language (src/locale), beside the rules but not a rule file. */
const MESSAGES_FILE = "messages.yaml";
/** Client talk rules: a rule set of their own, with client codes (src/packs/client-rules.ts). */
export const CLIENT_FILE = "client.yaml";
const LANGUAGE_KEYS = [
  "language", "name", "permission-turns", "abbreviations", "disfluencies", "lead-fillers",
  "stopwords", "consent", "refusal", "asks-advice", "lists", "endings", "optional-commas", "spellings",
] as const;
const RULE_FILE_KEYS = ["rules"] as const;
const RULE_KEYS = [
  "id", "code", "description", "priority", "confidence", "when", "patterns", "unless", "nlp",
  "asks-permission", "in-input-turn", "reason", "suggestion", "examples",
] as const;
const WHEN_KEYS = ["question", "words", "permission", "echo", "position", "client", "after", "contradicts"] as const;
const POSITIONS = ["first", "last", "only", "not-first", "not-last"] as const;
const DEFAULT_PRIORITY = 50;
/** A word as the tokenizer gives it: lower-case letters and digits, straight-apostrophe parts. */
const SPELLED_WORD = /^[\p{Ll}\p{N}]+(?:'\p{Ll}+)*$/u;

const bundledPacks = new Map<Language, LanguagePack>();

/**
 * The bundled pack for `language`: the prebuilt one while it is current, else read from its
 * YAML. Read once per process: a compiled pack is never changed (users' folders and
 * adjustments work on a draft copy), and the learned layer asks for it again for its rule ids.
 */
export function loadLanguagePack(language: Language): LanguagePack {
  let pack = bundledPacks.get(language);
  if (!pack) {
    const sources = packSources(join(RULES_ROOT, language));
    const prebuilt = readPrebuilt<PackData>(language, sources);
    pack = prebuilt ? LanguagePack.fromData(prebuilt) : new LanguagePack(readPackSources(sources));
    bundledPacks.set(language, pack);
  }
  return pack;
}

/** The prebuilt JSON of a bundled pack (`npm run build`). */
export function buildPack(language: Language): string {
  const sources = packSources(join(RULES_ROOT, language));
  return prebuiltJson(new LanguagePack(readPackSources(sources)).toData(), sources);
}

/** The YAML files of a pack folder: language.yaml first, then the rule files by name. */
export function packSources(dir: string): Source[] {
  const languageFile = join(dir, LANGUAGE_FILE);
  const ruleFiles = listYaml(dir).filter((file) => basename(file) !== LANGUAGE_FILE && basename(file) !== MESSAGES_FILE);
  return [languageFile, ...ruleFiles].map((file) => ({ file, text: readText(file) }));
}

/** Parse, check and compile a pack's YAML files (as packSources lists them) into a draft. */
export function readPackSources([languageFile, ...ruleFiles]: Source[]): PackDraft {
  const pack = readLanguageFile(languageFile!.file, languageFile!.text);
  for (const { file, text } of ruleFiles) {
    if (basename(file) === CLIENT_FILE) addClientFile(pack, readClientRuleFile(file, text, pack));
    else for (const rule of readRuleFile(file, text, pack)) pack.rules.push(rule);
    checkPackSize(pack, file);
  }
  checkUniqueIds([...pack.rules, ...pack.clientRules]);
  return pack;
}

/**
 * Add the rules of an extra folder (configuration, --rules) to a draft. A folder may hold
 * rules for several languages: each rule belongs to the language its id starts with, so rules
 * of another language are left for that language's pack.
 */
export function addRuleFolder(pack: PackDraft, dir: string): void {
  const otherLanguage = (id: string) => LANGUAGES.some((language) => language !== pack.language && id.startsWith(`${language}.`));
  const files = listYaml(dir);
  // A folder that loads nothing is a wrong path (the rules in a subfolder, or one level up),
  // not a rule set: said, as a folder without transcripts is.
  if (files.length === 0) throw new SourceError(dir, "rule folder holds no rule files (.yaml, .yml; subfolders are not read)");
  for (const file of files) {
    if (basename(file) === CLIENT_FILE) addClientFile(pack, readClientRuleFile(file, readText(file), pack, otherLanguage));
    else for (const rule of readRuleFile(file, readText(file), pack, otherLanguage)) pack.rules.push(rule);
    checkPackSize(pack, file);
  }
  checkUniqueIds([...pack.rules, ...pack.clientRules]);
}

function addClientFile(pack: PackDraft, file: ClientRuleFile): void {
  pack.clientRules.push(...file.rules);
  for (const [from, to] of file.mirror) pack.clientMirror.set(from, to);
}

function listYaml(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => /\.ya?ml$/.test(name))
      .sort()
      .map((name) => join(dir, name));
  } catch {
    throw new SourceError(dir, "rule folder not found or not readable");
  }
}

// Only regular files, and none larger than MAX_RULE_FILE_BYTES: a link to a device or a FIFO
// among the rule files is refused, never read.
function readText(file: string): string {
  try {
    return utf8Source(file, readRegularFile(file, MAX_RULE_FILE_BYTES), "rule file");
  } catch (err) {
    if (!(err instanceof FileReadError)) throw err;
    if (err.reason === "too-large") throw new SourceError(file, `rule file is larger than ${MAX_RULE_FILE_BYTES / 1024} kB`);
    if (err.reason === "not-regular") throw new SourceError(file, `rule file is ${err.message}`);
    throw new SourceError(file, "rule file not found or not readable");
  }
}

export function readLanguageFile(file: string, text: string): PackDraft {
  const src = new YamlSource(file, text);
  const keys = src.entries(src.root, "language file", LANGUAGE_KEYS);
  const need = (key: (typeof LANGUAGE_KEYS)[number]) => {
    if (!keys.has(key)) src.fail(src.root, `language file: "${key}" is missing`);
    return keys.get(key)!;
  };
  const words = (key: (typeof LANGUAGE_KEYS)[number]) =>
    keys.has(key) ? src.strings(keys.get(key), key).map((s) => s.value.toLowerCase()) : [];

  const lists = new Map<string, string[]>();
  if (keys.has("lists")) {
    for (const [name, node] of src.entries(keys.get("lists"), "lists", [...listNames(src, keys.get("lists"))])) {
      lists.set(name, src.strings(node, `lists.${name}`).map((s) => s.value.toLowerCase()));
    }
  }
  const endings = new Map<string, string[]>();
  if (keys.has("endings")) {
    for (const [name, node] of src.entries(keys.get("endings"), "endings", [...listNames(src, keys.get("endings"), "endings")])) {
      endings.set(name, src.strings(node, `endings.${name}`).map((s) => s.value.toLowerCase()));
    }
  }
  for (const [name, what] of Object.entries(REQUIRED_LISTS)) {
    if (!lists.has(name)) src.fail(keys.get("lists") ?? src.root, `language file: lists.${name} is missing (${what})`);
  }
  const spellings = new Map<string, string>();
  if (keys.has("spellings")) {
    const node = keys.get("spellings");
    for (const [written, value] of src.entries(node, "spellings", [...listNames(src, node, "spellings")])) {
      const read = src.string(value, `spellings.${written}`).toLowerCase();
      // Both sides must be one word as the tokenizer gives it, or the entry could never apply.
      if (!SPELLED_WORD.test(written) || !SPELLED_WORD.test(read)) {
        src.fail(value ?? node, `spellings.${written}: expected one word on each side, lower case, straight apostrophes ("dont: don't")`);
      }
      spellings.set(written, read);
    }
  }
  const optionalCommas = keys.has("optional-commas") ? src.boolean(keys.get("optional-commas"), "optional-commas") : false;
  const vocabulary: Vocabulary = { lists, endings, optionalCommas, table: new PatternTable() };
  const patterns = (key: (typeof LANGUAGE_KEYS)[number]) =>
    keys.has(key) ? compilePatterns(src, keys.get(key), key, vocabulary) : [];

  const language = src.string(need("language"), "language");
  if (!isLanguage(language)) return src.fail(need("language"), `language "${language}" is not one of ${LANGUAGES.join(", ")}`);
  return {
    language,
    name: src.string(need("name"), "name"),
    permissionTurns: keys.has("permission-turns") ? src.number(keys.get("permission-turns"), "permission-turns", 0, 100) : 3,
    abbreviations: new Set(words("abbreviations")),
    disfluencies: new Set(words("disfluencies")),
    leadFillers: words("lead-fillers").map((entry) => entry.split(/\s+/)),
    stopwords: new Set(words("stopwords")),
    consent: patterns("consent"),
    refusal: patterns("refusal"),
    asksAdvice: patterns("asks-advice"),
    lists,
    endings,
    optionalCommas,
    spellings,
    table: vocabulary.table,
    rules: [],
    clientRules: [],
    clientMirror: new Map(),
  };
}

function listNames(src: YamlSource, node: Node | null | undefined, what = "lists"): string[] {
  return src.map(node, what).items.map((pair) => String((pair.key as { value?: unknown })?.value ?? ""));
}

/** The rules of one file, checked and compiled for `pack`; rules whose id `skip` accepts are left out unread. */
export function readRuleFile(file: string, text: string, pack: PackDraft, skip: (id: string) => boolean = () => false): Rule[] {
  const src = new YamlSource(file, text);
  const top = src.entries(src.root, "rule file", RULE_FILE_KEYS);
  if (!top.has("rules")) src.fail(src.root, 'rule file: "rules" is missing');
  const rules: Rule[] = [];
  src.items(top.get("rules"), "rules").forEach((node, i) => {
    if (!skip(String((node as { get?: (key: string) => unknown }).get?.("id") ?? ""))) rules.push(readRule(src, node, i, pack));
  });
  return rules;
}

function readRule(src: YamlSource, node: Node, index: number, pack: PackDraft): Rule {
  const what = `rules[${index}]`;
  const keys = src.entries(node, what, RULE_KEYS);
  for (const key of ["id", "code", "description", "examples"] as const) {
    if (!keys.has(key)) src.fail(node, `${what}: "${key}" is missing`);
  }
  const code = src.oneOf(keys.get("code"), `${what}.code`, COUNSELLOR_CODES) as Code;
  const id = src.string(keys.get("id"), `${what}.id`);
  const idShape = new RegExp(`^${pack.language}\\.${code}\\.[a-z0-9][a-z0-9-]*$`);
  if (!idShape.test(id)) src.fail(keys.get("id"), `${what}.id "${id}" must look like "${pack.language}.${code}.some-name"`);
  const ruleWhat = `rule ${id}`;

  const rule: Rule = {
    id,
    code,
    description: src.string(keys.get("description"), `${ruleWhat}: description`),
    priority: keys.has("priority") ? src.number(keys.get("priority"), `${ruleWhat}: priority`, 0, 1000) : DEFAULT_PRIORITY,
    confidence: keys.has("confidence") ? src.oneOf(keys.get("confidence"), `${ruleWhat}: confidence`, ["high", "low"] as const) : "high",
    when: fullConditions(keys.has("when") ? readConditions(src, keys.get("when"), ruleWhat, pack) : {}),
    patterns: keys.has("patterns") ? compilePatterns(src, keys.get("patterns"), `${ruleWhat}: patterns`, pack) : [],
    unless: keys.has("unless") ? compilePatterns(src, keys.get("unless"), `${ruleWhat}: unless`, pack) : [],
    nlp: keys.has("nlp") ? readNlp(src, keys.get("nlp"), `${ruleWhat}: nlp`) : [],
    asksPermission: keys.has("asks-permission") ? src.boolean(keys.get("asks-permission"), `${ruleWhat}: asks-permission`) : false,
    inInputTurn: keys.has("in-input-turn")
      ? (src.oneOf(keys.get("in-input-turn"), `${ruleWhat}: in-input-turn`, INPUT_CODES) as Code)
      : undefined,
    reason: keys.has("reason") ? src.string(keys.get("reason"), `${ruleWhat}: reason`) : undefined,
    suggestion: keys.has("suggestion") ? src.string(keys.get("suggestion"), `${ruleWhat}: suggestion`) : undefined,
    examples: readExamples(src, keys.get("examples")!, ruleWhat),
    file: src.file,
    line: src.position(node).line,
  };
  if (rule.patterns.length === 0 && rule.nlp.length === 0 && !setsAnyCondition(rule.when)) {
    src.fail(node, `${ruleWhat}: give "patterns", "nlp" or "when", or the rule matches everything`);
  }
  return rule;
}

function readNlp(src: YamlSource, node: Node | null | undefined, what: string): string[] {
  return src.strings(node, what).map(({ value, node: item }) => {
    const problem = nlpProblem(value);
    if (problem) src.fail(item, `${what}: ${problem}`);
    return value;
  });
}

function readConditions(src: YamlSource, node: Node | null | undefined, what: string, vocabulary: Vocabulary): Conditions {
  const keys = src.entries(node, `${what}: when`, WHEN_KEYS);
  const when: Conditions = {};
  if (keys.has("question")) when.question = src.boolean(keys.get("question"), `${what}: when.question`);
  if (keys.has("permission")) when.permission = src.boolean(keys.get("permission"), `${what}: when.permission`);
  if (keys.has("position")) when.position = src.oneOf(keys.get("position"), `${what}: when.position`, POSITIONS);
  if (keys.has("after")) {
    when.after = src.strings(keys.get("after"), `${what}: when.after`).map(({ node }) => src.oneOf(node, `${what}: when.after`, COUNSELLOR_CODES) as Code);
  }
  if (keys.has("words")) {
    const bounds = src.entries(keys.get("words"), `${what}: when.words`, ["min", "max"]);
    if (bounds.has("min")) when.minWords = src.number(bounds.get("min"), `${what}: when.words.min`, 0, 10000);
    if (bounds.has("max")) when.maxWords = src.number(bounds.get("max"), `${what}: when.words.max`, 0, 10000);
  }
  if (keys.has("echo")) {
    const bounds = src.entries(keys.get("echo"), `${what}: when.echo`, ["min", "max"]);
    if (bounds.has("min")) when.minEcho = src.number(bounds.get("min"), `${what}: when.echo.min`, 0, 1);
    if (bounds.has("max")) when.maxEcho = src.number(bounds.get("max"), `${what}: when.echo.max`, 0, 1);
  }
  if (keys.has("client")) when.client = compilePatterns(src, keys.get("client"), `${what}: when.client`, vocabulary);
  if (keys.has("contradicts")) when.contradicts = src.boolean(keys.get("contradicts"), `${what}: when.contradicts`);
  return when;
}

function readExamples(src: YamlSource, node: Node, what: string): Rule["examples"] {
  const keys = src.entries(node, `${what}: examples`, ["match", "no-match"]);
  if (!keys.has("match")) src.fail(node, `${what}: examples.match is missing; every rule shows at least one utterance it codes`);
  const read = (key: "match" | "no-match"): RuleExample[] =>
    keys.has(key)
      ? src.items(keys.get(key), `${what}: examples.${key}`).map((item, i) => readExample(src, item, `${what}: examples.${key}[${i}]`))
      : [];
  const match = read("match");
  if (match.length === 0) src.fail(node, `${what}: examples.match is empty`);
  return { match, noMatch: read("no-match") };
}

function readExample(src: YamlSource, node: Node, what: string): RuleExample {
  if ((node as { value?: unknown }).value !== undefined) return { text: src.string(node, what) };
  const keys = src.entries(node, what, ["text", "client", "permission", "after"]);
  if (!keys.has("text")) src.fail(node, `${what}: "text" is missing`);
  return {
    text: src.string(keys.get("text"), `${what}.text`),
    client: keys.has("client") ? src.string(keys.get("client"), `${what}.client`) : undefined,
    permission: keys.has("permission") ? src.boolean(keys.get("permission"), `${what}.permission`) : undefined,
    after: keys.has("after") ? (src.oneOf(keys.get("after"), `${what}.after`, COUNSELLOR_CODES) as Code) : undefined,
  };
}

export function compilePatterns(src: YamlSource, node: Node | null | undefined, what: string, vocabulary: Vocabulary): Pattern[] {
  return src.strings(node, what).map(({ value, node: item }) => {
    try {
      return Pattern.compile(value, vocabulary, vocabulary.table);
    } catch (err) {
      if (err instanceof PatternError) src.fail(item, `${what}: ${err.message} in "${clipPattern(value)}"`, src.textOffset(item) + err.offset);
      throw err;
    }
  });
}

function checkUniqueIds(rules: readonly { id: string; file: string; line: number }[]): void {
  const seen = new Map<string, { file: string; line: number }>();
  for (const rule of rules) {
    const before = seen.get(rule.id);
    if (before) throw new SourceError(rule.file, `rule id "${rule.id}" is used twice (also ${before.file}:${before.line})`, rule.line);
    seen.set(rule.id, rule);
  }
}

// A message stays one readable line even for a pattern of thousands of characters.
function clipPattern(pattern: string): string {
  return pattern.length > 80 ? `${pattern.slice(0, 77)}…` : pattern;
}
