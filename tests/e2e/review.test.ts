// End-to-end: `oars review` writes the coded transcript as the table `oars eval --gold` reads;
// a supervisor's correction comes back as exactly that disagreement.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { fixture, oars } from "../helpers.js";

const ALCOHOL = fixture("en", "session-alcohol.txt");
const dir = mkdtempSync(join(tmpdir(), "oars-review-"));

interface CodeTable {
  labels: string[];
  confusion: number[][];
  accuracy: number;
  n: number;
}
const evalCodes = (gold: string, transcript: string): CodeTable => {
  const run = oars(["eval", "--gold", gold, "-f", "json", transcript]);
  expect(run.status, run.stderr).toBe(0);
  const report = JSON.parse(run.stdout);
  expect(report.alignment).toMatchObject({ roleMismatches: 0, textMismatches: 0, missingTurns: 0 });
  return report.codes;
};
/** Every off-diagonal cell of a confusion matrix: [gold, oars, count]. */
const disagreements = ({ labels, confusion }: CodeTable) =>
  confusion.flatMap((row, i) => row.flatMap((count, j) => (i !== j && count > 0 ? [[labels[i], labels[j], count]] : [])));

describe("oars review", () => {
  it("writes speaker, text and code with rule, confidence, probability and a review mark on low-confidence rows", () => {
    const out = join(dir, "coded.csv");
    const run = oars(["review", "--no-config", ALCOHOL, "-o", out]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe("");
    const rows = parse(readFileSync(out, "utf8"), { columns: true, bom: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual(["line", "speaker", "text", "code", "rule", "confidence", "probability", "review"]);
    const analysed = JSON.parse(oars(["analyze", "--no-config", "-f", "json", ALCOHOL]).stdout).files[0];
    const utterances = analysed.turns.flatMap((t: { role: string; utterances: { text: string; rule: string; confidence: string }[] }) => t.utterances.map((u) => ({ ...u, role: t.role })));
    expect(rows.map((r) => r.text)).toEqual(utterances.map((u: { text: string }) => u.text));
    for (const [i, u] of utterances.entries()) {
      const row = rows[i]!;
      expect(row.rule).toBe(u.rule);
      expect(row.review).toBe(u.confidence === "low" ? "review" : "");
    }
    expect(rows.some((r) => r.review === "review")).toBe(true);
    // Client rows carry the client talk analyze gives them, as a trainer's table writes it.
    const clientCodes = analysed.turns.filter((t: { role: string }) => t.role === "client").flatMap((t: { utterances: { code: string }[] }) => t.utterances.map((u) => u.code));
    const talk: Record<string, string> = { "change-talk": "CT", "sustain-talk": "ST", neutral: "FN" };
    expect(rows.filter((r) => r.speaker === "Client").map((r) => r.code)).toEqual(clientCodes.map((c: string) => talk[c]));
    expect(new Set(clientCodes).size).toBeGreaterThan(1);
  });

  it("round trip: unedited, eval agrees on every code; one code edited, eval shows exactly that disagreement", () => {
    const coded = join(dir, "round.csv");
    expect(oars(["review", "--no-config", ALCOHOL, "-o", coded]).status).toBe(0);
    const agreed = evalCodes(coded, ALCOHOL);
    expect(agreed.accuracy).toBe(1);
    expect(disagreements(agreed)).toEqual([]);

    // The supervisor recodes "Tell me about a typical evening." (a turn of one utterance) as a closed question.
    const text = readFileSync(coded, "utf8");
    const line = "5,Counsellor,Tell me about a typical evening.,OQ,";
    expect(text).toContain(line);
    const edited = join(dir, "edited.csv");
    writeFileSync(edited, text.replace(line, "5,Counsellor,Tell me about a typical evening.,CQ,"));
    const corrected = evalCodes(edited, ALCOHOL);
    expect(disagreements(corrected)).toEqual([["closed-question", "open-question", 1]]);
    expect(corrected.n).toBe(agreed.n);
    expect(corrected.accuracy).toBeCloseTo((agreed.n - 1) / agreed.n, 10);
  });

  it("round trip of the session scores: unedited, the reference's R:Q, % open and % complex are oars' own", () => {
    for (const transcript of [fixture("nb", "session-alkohol.txt"), fixture("da", "session-rygning.txt"), ALCOHOL]) {
      const coded = join(dir, "scores.csv");
      expect(oars(["review", "--no-config", transcript, "-o", coded]).status).toBe(0);
      const run = oars(["eval", "--gold", coded, "-f", "json", transcript]);
      expect(run.status, run.stderr).toBe(0);
      const [session] = JSON.parse(run.stdout).sessions as { gold: object; oars: object }[];
      expect(session!.gold, transcript).toEqual(session!.oars);
    }
  });

  it("a table sorted in the spreadsheet (by the review column, to check those first) is read back in line order", () => {
    const coded = join(dir, "sorted.csv");
    expect(oars(["review", "--no-config", ALCOHOL, "-o", coded]).status).toBe(0);
    const [header, ...rows] = readFileSync(coded, "utf8").replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    const review = (row: string) => (row.endsWith(",review") ? 0 : 1);
    const sorted = [...rows].sort((a, b) => review(a) - review(b));
    expect(sorted).not.toEqual(rows);
    const saved = join(dir, "sorted-saved.csv");
    writeFileSync(saved, [header, ...sorted].join("\r\n") + "\r\n");
    const run = oars(["eval", "--gold", saved, "-f", "json", ALCOHOL]);
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    // Turns come back whole and in order; only a turn whose own rows the sort reordered reads differently.
    const lineOf = (row: string) => row.split(",")[0];
    const reordered = new Set(rows.map(lineOf).filter((line) => rows.filter((r) => lineOf(r) === line).join() !== sorted.filter((r) => lineOf(r) === line).join()));
    expect(report.alignment).toMatchObject({ roleMismatches: 0, missingTurns: 0, textMismatches: reordered.size });
    expect(report.client.accuracy).toBe(1);
  });

  it("round trip into train: one code corrected, the weights oars train builds from it give that code", () => {
    const coded = join(dir, "teach.csv");
    expect(oars(["review", "--no-config", ALCOHOL, "-o", coded]).status).toBe(0);
    const text = readFileSync(coded, "utf8");
    const line = "21,Counsellor,You really need to cut down.,PER,";
    expect(text).toContain(line);
    const edited = join(dir, "teach-edited.csv");
    writeFileSync(edited, text.replace(line, "21,Counsellor,You really need to cut down.,GI,"));
    const codeOf = (weights: string) => {
      const run = oars(["analyze", "--no-config", "--weights", weights, "-f", "json", ALCOHOL]);
      expect(run.status, run.stderr).toBe(0);
      const turns = JSON.parse(run.stdout).files[0].turns as { utterances: { text: string; code: string }[] }[];
      return turns.flatMap((t) => t.utterances).find((u) => u.text === "You really need to cut down.")!.code;
    };
    // On top of the bundled weights, and instead of them: both learn the supervisor's code.
    for (const base of [["--base", "bundled"], []]) {
      const weights = join(dir, `teach${base.length}.json`);
      const run = oars(["train", "--lang", "en", ...base, "--gold", edited, ALCOHOL, "-o", weights]);
      expect(run.status, run.stderr).toBe(0);
      expect(codeOf(weights)).toBe("giving-information");
    }
  });

  it("round trip of client talk: unedited, eval agrees on every client turn, also where a turn holds change and sustain talk", () => {
    // A turn is coded row by row here, so the reference's turn is its rows' majority; eval reads oars' utterances
    // alike (by its likeliest utterance it would disagree with its own review on these turns).
    type Turn = { role: string; talk?: string; utterances: { code: string; probability: number }[] };
    let mixed = 0;
    for (const transcript of [fixture("nb", "session-alkohol.txt"), fixture("da", "session-rygning.txt"), fixture("en", "session-alcohol.txt")]) {
      const turns = JSON.parse(oars(["analyze", "--no-config", "-f", "json", transcript]).stdout).files[0].turns as Turn[];
      for (const turn of turns.filter((t) => t.role === "client")) {
        const change = turn.utterances.filter((u) => u.code === "change-talk").length;
        const sustain = turn.utterances.filter((u) => u.code === "sustain-talk").length;
        if (change > 0 && sustain > 0 && (change >= sustain ? "change-talk" : "sustain-talk") !== turn.talk) mixed++;
      }
      const coded = join(dir, "client-round.csv");
      expect(oars(["review", "--no-config", transcript, "-o", coded]).status).toBe(0);
      const run = oars(["eval", "--gold", coded, "-f", "json", transcript]);
      expect(run.status, run.stderr).toBe(0);
      const client = JSON.parse(run.stdout).client as { accuracy: number; turns: number; labels: string[]; confusion: number[][] };
      expect(client.turns).toBe(turns.filter((t) => t.role === "client").length);
      expect(disagreements(client), transcript).toEqual([]);
      expect(client.accuracy).toBe(1);
    }
    // The sessions hold a turn where the likeliest utterance and the majority differ, so this test can fail.
    expect(mixed).toBeGreaterThan(0);

    // A supervisor's correction of a client turn (every row of it from CT to ST) shows as exactly that disagreement.
    const coded = join(dir, "client-edit.csv");
    expect(oars(["review", "--no-config", ALCOHOL, "-o", coded]).status).toBe(0);
    const rows = readFileSync(coded, "utf8").split("\r\n");
    const clientRows = (line: string) => rows.filter((r) => r.startsWith(`${line},Client,`));
    const line = [...new Set(rows.filter((r) => /^\d+,Client,.*,CT,/.test(r)).map((r) => r.split(",")[0]!))].find((l) => clientRows(l).every((r) => r.includes(",CT,")));
    expect(line, "a client turn of change talk only in the bundled session").toBeDefined();
    const edited = join(dir, "client-edited.csv");
    writeFileSync(edited, rows.map((r) => (r.startsWith(`${line},Client,`) ? r.replace(",CT,", ",ST,") : r)).join("\r\n"));
    const run = oars(["eval", "--gold", edited, "-f", "json", ALCOHOL]);
    expect(run.status, run.stderr).toBe(0);
    expect(disagreements(JSON.parse(run.stdout).client)).toEqual([["sustain", "change", 1]]);
  });

  it("round trip of client talk into train --client: each row learns its own talk, so a row left neutral stays neutral", () => {
    const transcript = join(dir, "klient.txt");
    writeFileSync(
      transcript,
      [
        "Rådgiver: Hei Bjørn, så fint at du kom i dag. Hva vil du snakke om?",
        "Klient: Legen min sa at jeg drikker for mye. Jeg vet ikke helt, egentlig.",
        "Rådgiver: Du er usikker på om det er et problem for deg.",
        "Klient: Ja. Men jeg vil gjerne sove bedre, og kona mi er lei av det. Jeg burde nok kutte ned.",
        "Rådgiver: Hva tenker du om å kutte ned?",
        "Klient: Jeg har ikke lyst til å slutte helt, det er jo sånn jeg slapper av etter jobb.",
        "Rådgiver: Det er vanskelig, og likevel har du tenkt på det.",
        "Klient: Ja, jeg vil være der for ungene mine.",
        "",
      ].join("\n"),
    );
    const coded = join(dir, "klient.csv");
    expect(oars(["review", "--no-config", transcript, "-o", coded]).status).toBe(0);
    const rows = parse(readFileSync(coded, "utf8"), { columns: true, bom: true }) as Record<string, string>[];
    // The supervisor recodes "Legen min sa at jeg drikker for mye." as sustain talk, and leaves "Jeg vet ikke helt, egentlig." neutral.
    const [first, second] = rows.filter((r) => r.line === "2");
    expect([first!.code, second!.code]).toEqual(["CT", "FN"]);
    first!.code = "ST";
    const edited = join(dir, "klient-edited.csv");
    writeFileSync(edited, ["speaker,text,code", ...rows.map((r) => `${r.speaker},"${r.text}",${r.code}`)].join("\n") + "\n");
    const weights = join(dir, "klient-weights.json");
    const train = oars(["train", "--client", "--lang", "nb", "--base", "bundled", "--gold", edited, transcript, "-o", weights]);
    expect(train.status, train.stderr).toBe(0);
    const again = join(dir, "klient-again.csv");
    expect(oars(["review", "--no-config", "--client-weights", weights, transcript, "-o", again]).status).toBe(0);
    const retrained = parse(readFileSync(again, "utf8"), { columns: true, bom: true }) as Record<string, string>[];
    expect(retrained.filter((r) => r.line === "2").map((r) => r.code)).toEqual(["ST", "FN"]);
  });

  it("quotes what needs quoting, so commas, quotes and line breaks in the words come back whole", () => {
    const file = join(dir, "awkward.txt");
    writeFileSync(file, 'Counsellor: You said "never again", and then?\nClient: Then; well, I had one.\nCounsellor: What happened next?\nClient: I stopped.\n');
    const coded = join(dir, "awkward.csv");
    expect(oars(["review", "--no-config", file, "-o", coded]).status).toBe(0);
    const rows = parse(readFileSync(coded, "utf8"), { columns: true, bom: true }) as Record<string, string>[];
    expect(rows[0]!.text).toBe('You said "never again", and then?');
    expect(evalCodes(coded, file).accuracy).toBe(1);
  });

  it("starts with a UTF-8 byte-order mark, so Excel shows æøå as written rather than as Windows-1252 (\"RÃ¥dgiver\")", () => {
    const transcript = fixture("nb", "session-alkohol.txt");
    const coded = join(dir, "bom.csv");
    expect(oars(["review", "--no-config", transcript, "-o", coded]).status).toBe(0);
    const bytes = readFileSync(coded);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString("utf8")).toMatch(/^line,speaker,text,code,/);
    expect(evalCodes(coded, transcript).accuracy).toBe(1);
  });

  it("a table saved back as Windows-1252 with semicolons (older Scandinavian Excel) reads its æøå as written", () => {
    const transcript = fixture("nb", "session-alkohol.txt");
    const coded = join(dir, "ansi.csv");
    expect(oars(["review", "--no-config", transcript, "-o", coded]).status).toBe(0);
    const rows = parse(readFileSync(coded, "utf8"), { bom: true }) as string[][];
    const semicolons = rows.map((r) => r.map((c) => (/[;"\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(";")).join("\r\n") + "\r\n";
    expect(semicolons).toMatch(/[æøåÆØÅ]/);
    const saved = join(dir, "ansi-saved.csv");
    writeFileSync(saved, Buffer.from(semicolons, "latin1")); // æøå are one byte each, as in Windows-1252
    expect(evalCodes(saved, transcript).accuracy).toBe(1);
  });

  it("an unreadable transcript: one line naming it, exit 2, no output file", () => {
    const out = join(dir, "none.csv");
    const run = oars(["review", "--no-config", join(dir, "missing.txt"), "-o", out]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^oars: .*missing\.txt: no such file\n$/);
    expect(() => readFileSync(out)).toThrow();
  });
});
