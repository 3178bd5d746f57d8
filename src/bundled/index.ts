// The data files that ship in rules/ beside the rule packs (roles.yaml, languages.yaml,
// <lang>/messages.yaml), loaded in one place: each through its prebuilt JSON while that is
// current, from the YAML otherwise, and each checked against its shape on the way in, so a
// broken bundled file is reported with its file and line rather than failing later.
//
// Parsing YAML is most of what starting oars costs (~130 ms for the English pack on a cold
// start, against ~1 ms for the same data as JSON), so `npm run build` writes every bundled
// file, already checked, to dist/prebuilt/ (scripts/build-packs.mjs). Each prebuilt file records
// a hash of the YAML it came from: when the YAML has changed since (a user editing rules/ in
// place), the hash differs and the YAML is read instead, so the JSON never serves stale data.

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { SourceError } from "../errors.js";
import { PREBUILT_ROOT, RULES_ROOT } from "../paths.js";
import { LANGUAGES, type Language } from "../languages.js";
import { COUNSELLOR_CODES, TALK_SUBTYPES } from "../types.js";
import { YamlSource } from "../yaml-source.js";

export interface Source {
  file: string;
  text: string;
}

interface Prebuilt<T> {
  hash: string;
  data: T;
}

export function hashSources(sources: readonly Source[]): string {
  const hash = createHash("sha256");
  for (const { file, text } of sources) hash.update(`${relative(RULES_ROOT, file)}\0${text}\0`);
  return hash.digest("hex");
}

/** The prebuilt data named `name`, if it was built from exactly these sources. */
export function readPrebuilt<T>(name: string, sources: readonly Source[]): T | null {
  let prebuilt: Prebuilt<T>;
  try {
    prebuilt = JSON.parse(readFileSync(join(PREBUILT_ROOT, `${name}.json`), "utf8")) as Prebuilt<T>;
  } catch {
    return null; // not built (running from src/ in tests): read the YAML
  }
  return prebuilt.hash === hashSources(sources) ? prebuilt.data : null;
}

export function prebuiltJson<T>(data: T, sources: readonly Source[]): string {
  return asciiJson(JSON.stringify({ hash: hashSources(sources), data } satisfies Prebuilt<T>));
}

// Every character past ASCII written as a \u escape (the same JSON once parsed). A file of
// pure ASCII is decoded on V8's fast path: a pack with a few hundred curly apostrophes took
// ~20 ms to decode as UTF-8 at every start, against ~10 ms as ASCII.
function asciiJson(json: string): string {
  return json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** A bundled data file: where it is below rules/, the name of its prebuilt JSON, and how to read and check it. */
export interface BundledFile<T> {
  name: string;
  path: string;
  parse(source: Source): T;
}

const loaded = new Map<string, unknown>();

export function bundledSource(file: BundledFile<unknown>): Source {
  const path = join(RULES_ROOT, file.path);
  try {
    return { file: path, text: readFileSync(path, "utf8") };
  } catch {
    throw new SourceError(path, "bundled data file not found or not readable (reinstall oars)");
  }
}

/** A bundled file's contents, read once per process. */
export function loadBundled<T>(file: BundledFile<T>): T {
  if (loaded.has(file.name)) return loaded.get(file.name) as T;
  const source = bundledSource(file);
  const data = readPrebuilt<T>(file.name, [source]) ?? file.parse(source);
  loaded.set(file.name, data);
  return data;
}

/** The JSON `npm run build` writes for a bundled file. */
export function buildBundled(file: BundledFile<unknown>): string {
  const source = bundledSource(file);
  return prebuiltJson(file.parse(source), [source]);
}

// ---- roles.yaml: speaker labels that name a role -------------------------------------------

export interface RoleLabels {
  counsellor: string[];
  client: string[];
}

export const ROLE_LABELS: BundledFile<RoleLabels> = {
  name: "roles",
  path: "roles.yaml",
  parse({ file, text }) {
    const src = new YamlSource(file, text);
    const keys = src.entries(src.root, "roles", ["counsellor", "client"]);
    const labels = (role: "counsellor" | "client") => (keys.has(role) ? src.strings(keys.get(role), role).map((s) => s.value) : []);
    return { counsellor: labels("counsellor"), client: labels("client") };
  },
};

// ---- languages.yaml: function-word profiles for telling a transcript's language -----------

/** Function words by language. */
export type Profiles = Record<Language, string[]>;

export const LANGUAGE_PROFILES: BundledFile<Profiles> = {
  name: "languages",
  path: "languages.yaml",
  parse({ file, text }) {
    const src = new YamlSource(file, text);
    const keys = src.entries(src.root, "languages", LANGUAGES);
    const profiles = {} as Profiles;
    for (const language of LANGUAGES) {
      if (!keys.has(language)) src.fail(src.root, `languages: "${language}" is missing (every language with a rule pack needs a profile)`);
      profiles[language] = src.strings(keys.get(language), language).map((s) => s.value.toLowerCase());
    }
    return profiles;
  },
};

// ---- <lang>/messages.yaml: what reports say ------------------------------------------------

/** A messages file as data: mappings whose leaves are texts or lists of texts. */
export type MessageTree = { [key: string]: string | string[] | MessageTree };

const REFERENCE_LOCALE: Language = "en";
/** The groups every messages file has; `codes` names every counsellor code, `subtypes` every kind of client talk. */
const MESSAGE_GROUPS = ["codes", "roles", "scores", "levels", "limits", "missing", "checks", "report", "html", "trend", "flags", "subtypes"] as const;

export function messagesFile(locale: Language): BundledFile<MessageTree> {
  return {
    name: `messages-${locale}`,
    path: `${locale}/messages.yaml`,
    parse: (source) => parseMessages(source, locale === REFERENCE_LOCALE ? null : loadBundled(messagesFile(REFERENCE_LOCALE))),
  };
}

/**
 * Parse a messages file. The English file must hold every group, every code's name, and only
 * texts; any other locale must have exactly the English file's keys, with texts where it has
 * texts and lists of the same length where it has lists.
 */
export function parseMessages({ file, text }: Source, reference: MessageTree | null): MessageTree {
  const data = new YamlSource(file, text).data as unknown;
  const problem = reference ? keyProblem(reference, data, "") : referenceProblem(data);
  if (problem) throw new SourceError(file, problem);
  return data as MessageTree;
}

function referenceProblem(data: unknown): string | null {
  if (!isTree(data)) return "the messages file must be a mapping";
  for (const group of MESSAGE_GROUPS) if (!isTree(data[group])) return `"${group}" must be a mapping of texts`;
  for (const code of COUNSELLOR_CODES) if (typeof (data.codes as MessageTree)[code] !== "string") return `"codes.${code}" is missing`;
  for (const subtype of TALK_SUBTYPES) if (typeof (data.subtypes as MessageTree)[subtype] !== "string") return `"subtypes.${subtype}" is missing`;
  return leafProblem(data, "");
}

function leafProblem(tree: MessageTree, path: string): string | null {
  for (const [key, value] of Object.entries(tree)) {
    const at = path ? `${path}.${key}` : key;
    if (typeof value === "string") continue;
    if (Array.isArray(value)) {
      if (!value.every((item) => typeof item === "string")) return `"${at}" must be a list of texts`;
      continue;
    }
    if (!isTree(value)) return `"${at}" must be a text, a list of texts or a mapping`;
    const problem = leafProblem(value, at);
    if (problem) return problem;
  }
  return null;
}

function isTree(value: unknown): value is MessageTree {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function keyProblem(reference: unknown, data: unknown, path: string): string | null {
  if (!isTree(reference)) {
    if (typeof reference === "string" && typeof data !== "string") return `"${path}" must be a text`;
    if (Array.isArray(reference) && (!Array.isArray(data) || data.length !== reference.length || !data.every((d) => typeof d === "string"))) {
      return `"${path}" must be a list of ${reference.length} texts`;
    }
    return null;
  }
  if (!isTree(data)) return `"${path}" must be a mapping`;
  for (const key of Object.keys(reference)) {
    const at = path ? `${path}.${key}` : key;
    if (!(key in data)) return `"${at}" is missing (every locale has the keys of rules/en/messages.yaml)`;
    const problem = keyProblem(reference[key], data[key], at);
    if (problem) return problem;
  }
  const extra = Object.keys(data).find((key) => !(key in reference));
  return extra ? `"${path ? `${path}.` : ""}${extra}" is not a key of rules/en/messages.yaml` : null;
}
