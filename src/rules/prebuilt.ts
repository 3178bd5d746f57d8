// Bundled rule packs, read ahead of time. Parsing YAML is most of what starting oars costs
// (~130 ms for the English pack on a cold start, against ~1 ms for the same data as JSON), so
// `npm run build` writes each bundled pack, already checked, to dist/packs/<lang>.json, and
// roles.yaml to dist/packs/roles.json. Each records a hash of the YAML it came from: when
// the YAML has changed since (a user editing rules/ in place), the hash differs and the YAML
// is read instead, so the JSON can never serve stale rules.

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { isAbsolute, join, relative } from "node:path";
import { PREBUILT_ROOT, RULES_ROOT } from "../paths.js";
import { Pattern } from "./pattern.js";
import type { Conditions, LanguagePack, Rule } from "./types.js";

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

/** A bundled data file below rules/ ("roles.yaml", "nb/messages.yaml") as a source. */
export function bundledSources(path: string): Source[] {
  const file = join(RULES_ROOT, path);
  return [{ file, text: readFileSync(file, "utf8") }];
}

/** A bundled data file's contents: the prebuilt JSON while it is current, else `parse` of the file. */
export function readBundled<T>(name: string, path: string, parse: (source: Source) => T): T {
  const sources = bundledSources(path);
  return readPrebuilt<T>(name, sources) ?? parse(sources[0]!);
}

export function prebuiltJson<T>(data: T, sources: readonly Source[]): string {
  return JSON.stringify({ hash: hashSources(sources), data } satisfies Prebuilt<T>);
}

/** A pack as plain data: patterns by their source text, sets as lists, files relative. */
export type PackData = ReturnType<typeof packToData>;

export function packToData(pack: LanguagePack) {
  const sources = (patterns: readonly Pattern[]) => patterns.map((p) => p.source);
  return {
    language: pack.language,
    name: pack.name,
    permissionTurns: pack.permissionTurns,
    abbreviations: [...pack.abbreviations],
    disfluencies: [...pack.disfluencies],
    leadFillers: pack.leadFillers.map((words) => [...words]),
    stopwords: [...pack.stopwords],
    consent: sources(pack.consent),
    refusal: sources(pack.refusal),
    asksAdvice: sources(pack.asksAdvice),
    lists: [...pack.lists].map(([name, words]) => [name, [...words]] as [string, string[]]),
    endings: [...pack.endings].map(([name, endings]) => [name, [...endings]] as [string, string[]]),
    optionalCommas: pack.optionalCommas,
    rules: pack.rules.map((rule) => ({
      ...rule,
      when: { ...rule.when, client: rule.when.client ? sources(rule.when.client) : undefined },
      patterns: sources(rule.patterns),
      unless: sources(rule.unless),
      file: isAbsolute(rule.file) ? relative(RULES_ROOT, rule.file) : rule.file,
    })),
  };
}

/** The pack again, its patterns compiled (they compiled when the data was built). */
export function packFromData(data: PackData): LanguagePack {
  const vocabulary = { lists: new Map(data.lists), endings: new Map(data.endings), optionalCommas: data.optionalCommas };
  const compile = (sources: readonly string[]) => sources.map((source) => Pattern.compile(source, vocabulary));
  return {
    language: data.language,
    name: data.name,
    permissionTurns: data.permissionTurns,
    abbreviations: new Set(data.abbreviations),
    disfluencies: new Set(data.disfluencies),
    leadFillers: data.leadFillers,
    stopwords: new Set(data.stopwords),
    consent: compile(data.consent),
    refusal: compile(data.refusal),
    asksAdvice: compile(data.asksAdvice),
    ...vocabulary,
    rules: data.rules.map(
      (rule): Rule => ({
        ...rule,
        when: withoutUndefined({ ...rule.when, client: rule.when.client ? compile(rule.when.client) : undefined }) as Conditions,
        patterns: compile(rule.patterns),
        unless: compile(rule.unless),
        file: join(RULES_ROOT, rule.file),
      }),
    ),
  };
}

// JSON drops undefined fields; dropping them here too keeps a revived pack equal to a read one.
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
