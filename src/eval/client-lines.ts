// The client lines of a MITI code set (fixtures/miti/<lang>.tsv, speaker `client`): each a
// client utterance with the counsellor's line before it, coded change-talk, sustain-talk or
// neutral with its DARN-CAT subtype. Their `train` part teaches the client model; the `test`
// part is only ever scored.

import { InputError } from "../errors.js";
import { clientLineEvidence } from "../client/features.js";
import type { ClientModel } from "../learn/client-model.js";
import type { LanguagePack } from "../packs/pack.js";
import { CLIENT_CODES, isClientCode, type ClientCode } from "../types.js";
import { codeSetRows } from "./code-set.js";
import { accuracy, classScores, cohenKappa, macroF1, type ClassScore } from "./stats.js";

export interface ClientLine {
  id: string;
  part: "train" | "test";
  before: string;
  code: ClientCode;
  text: string;
  line: number;
}

export function readClientCodeSet(path: string): ClientLine[] {
  const lines: ClientLine[] = [];
  for (const { cells, line } of codeSetRows(path)) {
    const [id, part, speaker, before, , code, , said] = cells;
    if (speaker !== "client") continue;
    if (!isClientCode(code)) throw new InputError(path, `"${code}" is not a client code (${CLIENT_CODES.join(", ")})`, line);
    lines.push({ id, part: part as ClientLine["part"], before, code, text: said, line });
  }
  return lines;
}

export interface ClientCodeSetReport {
  file: string;
  lines: number;
  macroF1: number | null;
  accuracy: number | null;
  kappa: number | null;
  perClass: ClassScore[];
  misses: { id: string; code: ClientCode; coded: ClientCode; text: string }[];
}

/** The test part of a code set's client lines, each coded alone with the counsellor's line before it. */
export function scoreClientCodeSet(file: string, lines: readonly ClientLine[], pack: LanguagePack, model: ClientModel): ClientCodeSetReport {
  const test = lines.filter((l) => l.part === "test");
  const coded = test.map((l) => model.predict(clientLineEvidence(l.before, l.text, pack)).code);
  const gold = test.map((l) => l.code);
  const labels = [...CLIENT_CODES];
  const perClass = classScores(gold, coded, labels);
  return {
    file,
    lines: test.length,
    macroF1: macroF1(perClass),
    accuracy: accuracy(gold, coded),
    kappa: cohenKappa(gold, coded, labels),
    perClass,
    misses: test.flatMap((l, i) => (coded[i] !== l.code ? [{ id: l.id, code: l.code, coded: coded[i]!, text: l.text }] : [])),
  };
}

export function formatClientCodeSetText(report: ClientCodeSetReport): string {
  const f = (x: number | null) => (x === null ? "n/a" : x.toFixed(2));
  return [
    `${report.file}: test part, ${report.lines} client lines`,
    `  client talk macro-F1 ${f(report.macroF1)}, accuracy ${f(report.accuracy)}, kappa ${f(report.kappa)}`,
    `  ${"talk".padEnd(26)} P     R     F1    n`,
    ...report.perClass.map((c) => `  ${c.label.padEnd(26)} ${f(c.precision)}  ${f(c.recall)}  ${f(c.f1)}  ${c.support}`),
    "",
  ].join("\n");
}
