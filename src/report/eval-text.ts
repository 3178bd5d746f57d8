// The `oars eval` report as tables.

import { basename, extname } from "node:path";
import Table from "cli-table3";
import { TABLE_STYLE } from "./table-style.js";
import type { EvalReport } from "../eval/compare.js";
import { CODE_ABBREVIATIONS, isCode } from "../types.js";

const abbreviation = (code: string) => (isCode(code) && code !== "other" ? CODE_ABBREVIATIONS[code] : code);
const f = (x: number | null, digits = 2) => (x === null ? "n/a" : x.toFixed(digits));
/** "1 transcript", "2 transcripts" (eval's report is in English). */
const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;

export function formatEvalText(report: EvalReport): string {
  const a = report.alignment;
  const out: string[] = [
    ...(report.crossValidation
      ? [`Cross-validated: ${report.crossValidation.folds} folds grouped by source (the transcript, when the reference names none); each session coded by weights trained on the other folds.`]
      : []),
    `Compared ${count(report.files, "transcript")}, ${count(a.turns, "reference turn")} (${count(report.counsellorTurns, "counsellor turn")} coded).`,
    `Turn alignment: ${a.roleMismatches} role mismatches, ${a.textMismatches} text mismatches, ${a.missingTurns} missing turns.`,
    ...a.examples.map((e) => `  mismatch: ${e}`),
    "",
    "Main behaviour (turn's primary code)",
  ];
  const perClass = new Table({ head: ["Behaviour", "Precision", "Recall", "F1", "Support"], ...TABLE_STYLE });
  for (const s of report.behaviour.perClass) perClass.push([s.label, f(s.precision), f(s.recall), f(s.f1), String(s.support)]);
  out.push(perClass.toString());
  out.push(`macro-F1 ${f(report.behaviour.macroF1)}, accuracy ${f(report.behaviour.accuracy)}, Cohen's kappa ${f(report.behaviour.kappa)}`);
  out.push("", "Confusion matrix (rows: reference, columns: oars)");
  const matrix = new Table({ head: ["", ...report.behaviour.labels], ...TABLE_STYLE });
  report.behaviour.confusion.forEach((row, i) => matrix.push([report.behaviour.labels[i]!, ...row.map(String)]));
  out.push(matrix.toString());

  if (report.codes) {
    const codes = report.codes;
    out.push("", `MITI codes (turn's primary code, n=${codes.n})`);
    const perCode = new Table({ head: ["Code", "Precision", "Recall", "F1", "Support"], ...TABLE_STYLE });
    for (const s of codes.perClass) perCode.push([abbreviation(s.label), f(s.precision), f(s.recall), f(s.f1), String(s.support)]);
    out.push(perCode.toString());
    out.push(`accuracy ${f(codes.accuracy)}, Cohen's kappa ${f(codes.kappa)}`);
    out.push("", "Confusion matrix of codes (rows: reference, columns: oars)");
    const matrix = new Table({ head: ["", ...codes.labels.map(abbreviation)], ...TABLE_STYLE });
    codes.confusion.forEach((row, i) => matrix.push([abbreviation(codes.labels[i]!), ...row.map(String)]));
    out.push(matrix.toString());
  }

  if (report.client) {
    const client = report.client;
    out.push("", `Client talk (turn's talk, n=${client.turns})`);
    const perTalk = new Table({ head: ["Talk", "Precision", "Recall", "F1", "Support"], ...TABLE_STYLE });
    for (const s of client.perClass) perTalk.push([s.label, f(s.precision), f(s.recall), f(s.f1), String(s.support)]);
    out.push(perTalk.toString());
    out.push(`macro-F1 ${f(client.macroF1)}, accuracy ${f(client.accuracy)}, Cohen's kappa ${f(client.kappa)}`);
    out.push(`% change talk per session, Spearman vs reference: ${f(client.percentChangeTalkSpearman)} (${count(client.sessions.filter((s) => s.gold !== null).length, "session")} with change or sustain talk)`);
    out.push("", "Confusion matrix of client talk (rows: reference, columns: oars)");
    const talkMatrix = new Table({ head: ["", ...client.labels], ...TABLE_STYLE });
    client.confusion.forEach((row, i) => talkMatrix.push([client.labels[i]!, ...row.map(String)]));
    out.push(talkMatrix.toString());
  }

  out.push("", "Figures");
  const figures = new Table({ head: ["Figure", "Value"], ...TABLE_STYLE });
  figures.push(
    ["Question detection F1 (P / R)", `${f(report.question.f1)} (${f(report.question.precision)} / ${f(report.question.recall)})`],
    [`Open/closed accuracy (n=${report.openClosed.n})`, f(report.openClosed.accuracy)],
    ["Reflection detection F1 (P / R)", `${f(report.reflection.f1)} (${f(report.reflection.precision)} / ${f(report.reflection.recall)})`],
    [`Simple/complex accuracy (n=${report.simpleComplex.n})`, f(report.simpleComplex.accuracy)],
    ["Advice flag precision / recall", `${f(report.advice.precision)} / ${f(report.advice.recall)}`],
    ["R:Q per session, Spearman vs reference", f(report.reflectionToQuestionSpearman)],
  );
  const sure = report.confidence;
  figures.push([
    `Confidence, one-utterance turns (n=${sure.utterances}): high share; agreement high / low`,
    `${f(sure.highShare)}; ${f(sure.highAgreement)} / ${f(sure.lowAgreement)}`,
  ]);
  // Without the sessions' quality (a trainer's table), the AUC row would only say n/a.
  if (report.qualityAuc.gold !== null) {
    figures.push(["R:Q separating high/low quality (AUC): oars / reference", `${f(report.qualityAuc.oars)} / ${f(report.qualityAuc.gold)}`]);
  }
  out.push(figures.toString());

  out.push("", "Session scores (reference vs oars)");
  const sessions = new Table({ head: ["Transcript", "Quality", "R:Q ref", "R:Q oars", "% open ref", "% open oars", "% complex ref", "% complex oars"], ...TABLE_STYLE });
  for (const s of report.sessions) {
    sessions.push([s.transcript || basename(s.path, extname(s.path)), s.quality ?? "", f(s.gold.reflectionToQuestion), f(s.oars.reflectionToQuestion), f(s.gold.percentOpen, 0), f(s.oars.percentOpen, 0), f(s.gold.percentComplex, 0), f(s.oars.percentComplex, 0)]);
  }
  out.push(sessions.toString());
  return `${out.join("\n")}\n`;
}
