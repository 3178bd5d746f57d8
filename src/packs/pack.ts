// A language pack compiled once into one object: its settings, its rules, the indexes the
// classifier and the reports look rules up by, and its conversion to and from plain data (the
// prebuilt dist/packs/<lang>.json holds that data, compiled pattern programs included, so a
// process starts without parsing YAML or compiling a pattern).

import { isAbsolute, join, relative } from "node:path";
import { RULES_ROOT } from "../paths.js";
import type { PatternData } from "../pattern/compile.js";
import { Pattern, type MatchInput } from "../pattern/pattern.js";
import { PatternTable, type PatternTableData } from "../pattern/table.js";
import { RuleGate } from "./rule-gate.js";
import type { Code } from "../types.js";
import type { Language } from "../languages.js";
import { fullConditions, type ClientRule, type Conditions, type PackDraft, type PackSettings, type Rule } from "./types.js";

/** The word lists code relies on by name, which every language.yaml must declare. */
export const REQUIRED_LISTS = {
  /** Question words: never taken for a name said in address ("Why, …"). */
  wh: "question words (what, how, why…)",
} as const;

export class LanguagePack implements PackSettings {
  readonly language: Language;
  readonly name: string;
  readonly abbreviations: ReadonlySet<string>;
  readonly disfluencies: ReadonlySet<string>;
  readonly leadFillers: readonly (readonly string[])[];
  readonly stopwords: ReadonlySet<string>;
  readonly consent: Pattern[];
  readonly refusal: Pattern[];
  readonly asksAdvice: Pattern[];
  readonly permissionTurns: number;
  readonly lists: PackSettings["lists"];
  readonly endings: PackSettings["endings"];
  readonly optionalCommas: boolean;
  readonly spellings: ReadonlyMap<string, string>;
  readonly table: PatternTable;
  /** Rules in the order they were loaded (files by name, rules in file order). */
  readonly rules: readonly Rule[];
  /** Highest priority first; ties keep load order, so the rule loaded first wins. */
  readonly byPriority: readonly Rule[];
  /** Client talk rules (client.yaml), highest priority first: used on client turns only. */
  readonly clientRules: readonly ClientRule[];
  /** Counsellor words for the client → the client's own ("you're" → "i'm"): see client-rules.ts. */
  readonly clientMirror: ReadonlyMap<string, string>;
  readonly byId: ReadonlyMap<string, Rule>;
  /**
   * Rules that yield to a turn of counsellor input (`in-input-turn: code`), with the rule the
   * utterance then names: the pack's `<language>.<code>.in-input-turn`, so a code always names
   * a rule of that code. A yielding rule whose target is missing (switched off) does not yield.
   */
  readonly yielding: ReadonlyMap<string, Rule>;
  /** Rules whose match asks the client's permission to advise. */
  readonly askingPermission: ReadonlySet<string>;
  /** The declared `wh` list (REQUIRED_LISTS). */
  readonly questionWords: ReadonlySet<string>;

  constructor(draft: PackDraft) {
    this.language = draft.language;
    this.name = draft.name;
    this.abbreviations = draft.abbreviations;
    this.disfluencies = draft.disfluencies;
    this.leadFillers = draft.leadFillers;
    this.stopwords = draft.stopwords;
    this.consent = draft.consent;
    this.refusal = draft.refusal;
    this.asksAdvice = draft.asksAdvice;
    this.permissionTurns = draft.permissionTurns;
    this.lists = draft.lists;
    this.endings = draft.endings;
    this.optionalCommas = draft.optionalCommas;
    this.spellings = draft.spellings;
    this.table = draft.table;
    this.rules = [...draft.rules];
    this.byPriority = [...draft.rules].sort((a, b) => b.priority - a.priority);
    this.clientRules = [...draft.clientRules].sort((a, b) => b.priority - a.priority);
    this.clientMirror = draft.clientMirror;
    this.byId = new Map(draft.rules.map((rule) => [rule.id, rule]));
    this.yielding = new Map(
      draft.rules.flatMap((r) => {
        const target = r.inInputTurn ? this.byId.get(`${draft.language}.${r.inInputTurn}.in-input-turn`) : undefined;
        return target && target.code === r.inInputTurn ? [[r.id, target] as const] : [];
      }),
    );
    this.askingPermission = new Set(draft.rules.filter((r) => r.asksPermission).map((r) => r.id));
    this.questionWords = new Set(draft.lists.get("wh") ?? []);
  }

  private counsellorGate: RuleGate<Rule> | null = null;
  private clientGate: RuleGate<ClientRule> | null = null;

  // Made on first use: a run that codes no client turn never builds the client gate.
  private get counsellorRuleGate(): RuleGate<Rule> {
    return (this.counsellorGate ??= new RuleGate(this.byPriority, this.table));
  }

  private get clientRuleGate(): RuleGate<ClientRule> {
    return (this.clientGate ??= new RuleGate(this.clientRules, this.table));
  }

  /** The counsellor rules that may hold for an utterance (rule-gate.ts), highest priority first. */
  rulesFor(view: MatchInput): Rule[] {
    return this.counsellorRuleGate.wake(view);
  }

  /** For each rule of byPriority, the mask of its patterns worth trying on the utterance, 0 when the rule is not woken (RuleGate.masksFor). */
  patternsWokenFor(view: MatchInput): number[] {
    return this.counsellorRuleGate.masksFor(view);
  }

  /** For each client rule (clientRules), the mask of its patterns worth trying on the utterance, 0 when the rule is not woken (RuleGate.masksFor). */
  clientPatternsWokenFor(view: MatchInput): number[] {
    return this.clientRuleGate.masksFor(view);
  }

  /** The client rules that may hold for a client utterance, highest priority first. */
  clientRulesFor(view: MatchInput): ClientRule[] {
    return this.clientRuleGate.wake(view);
  }

  /** A draft to add rules to or adjust; it shares this pack's word sets and rule objects. */
  draft(): PackDraft {
    const { counsellorGate, clientGate, ...settings } = this;
    return { ...settings, rules: [...this.rules], clientRules: [...this.clientRules], clientMirror: new Map(this.clientMirror) };
  }

  /** The pack as plain data: patterns as their programs, sets as lists, files relative to rules/. */
  toData(): PackData {
    const programs = (patterns: readonly Pattern[]) => patterns.map((p) => p.toData());
    return {
      language: this.language,
      name: this.name,
      permissionTurns: this.permissionTurns,
      abbreviations: [...this.abbreviations],
      disfluencies: [...this.disfluencies],
      leadFillers: this.leadFillers.map((words) => [...words]),
      stopwords: [...this.stopwords],
      lists: [...this.lists].map(([name, words]) => [name, [...words]]),
      endings: [...this.endings].map(([name, endings]) => [name, [...endings]]),
      optionalCommas: this.optionalCommas,
      spellings: [...this.spellings],
      table: this.table.toData(),
      consent: programs(this.consent),
      refusal: programs(this.refusal),
      asksAdvice: programs(this.asksAdvice),
      rules: this.rules.map((rule) => ({
        ...rule,
        when: { ...rule.when, client: rule.when.client ? programs(rule.when.client) : undefined },
        patterns: programs(rule.patterns),
        unless: programs(rule.unless),
        file: isAbsolute(rule.file) ? relative(RULES_ROOT, rule.file) : rule.file,
      })),
      clientMirror: [...this.clientMirror],
      clientRules: this.clientRules.map((rule) => ({
        ...rule,
        patterns: programs(rule.patterns),
        unless: programs(rule.unless),
        file: isAbsolute(rule.file) ? relative(RULES_ROOT, rule.file) : rule.file,
      })),
    };
  }

  /** The pack again from its data; patterns are revived, not parsed or compiled. */
  static fromData(data: PackData): LanguagePack {
    const table = PatternTable.fromData(data.table);
    const revive = (programs: readonly PatternData[]) => programs.map((program) => Pattern.fromData(program, table));
    return new LanguagePack({
      language: data.language,
      name: data.name,
      permissionTurns: data.permissionTurns,
      abbreviations: new Set(data.abbreviations),
      disfluencies: new Set(data.disfluencies),
      leadFillers: data.leadFillers,
      stopwords: new Set(data.stopwords),
      lists: new Map(data.lists),
      endings: new Map(data.endings),
      optionalCommas: data.optionalCommas,
      spellings: new Map(data.spellings),
      table,
      consent: revive(data.consent),
      refusal: revive(data.refusal),
      asksAdvice: revive(data.asksAdvice),
      rules: data.rules.map(
        (rule): Rule => ({
          ...rule,
          when: fullConditions({ ...rule.when, client: rule.when.client ? revive(rule.when.client) : undefined } as Conditions),
          patterns: revive(rule.patterns),
          unless: revive(rule.unless),
          file: join(RULES_ROOT, rule.file),
        }),
      ),
      clientMirror: new Map(data.clientMirror ?? []),
      clientRules: (data.clientRules ?? []).map((rule): ClientRule => ({ ...rule, patterns: revive(rule.patterns), unless: revive(rule.unless), file: join(RULES_ROOT, rule.file) })),
    });
  }
}

type RuleData = Omit<Rule, "when" | "patterns" | "unless"> & {
  when: Omit<Conditions, "client"> & { client?: PatternData[] };
  patterns: PatternData[];
  unless: PatternData[];
};

/** A compiled pack as plain data (JSON). */
export interface PackData {
  language: Language;
  name: string;
  permissionTurns: number;
  abbreviations: string[];
  disfluencies: string[];
  leadFillers: string[][];
  stopwords: string[];
  lists: [string, string[]][];
  endings: [string, string[]][];
  optionalCommas: boolean;
  spellings: [string, string][];
  table: PatternTableData;
  consent: PatternData[];
  refusal: PatternData[];
  asksAdvice: PatternData[];
  rules: RuleData[];
  clientMirror: [string, string][];
  clientRules: (Omit<ClientRule, "patterns" | "unless"> & { patterns: PatternData[]; unless: PatternData[] })[];
}
