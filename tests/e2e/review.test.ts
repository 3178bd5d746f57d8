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
    const rows = parse(readFileSync(coded, "utf8"), { columns: true, bom: true, delimiter: ";" }) as Record<string, string>[];
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
    const retrained = parse(readFileSync(again, "utf8"), { columns: true, bom: true, delimiter: ";" }) as Record<string, string>[];
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
    expect(bytes.subarray(3).toString("utf8")).toMatch(/^line;speaker;text;code;/);
    expect(evalCodes(coded, transcript).accuracy).toBe(1);
  });

  it("a table saved back as Windows-1252 with semicolons (older Scandinavian Excel) reads its æøå as written", () => {
    const transcript = fixture("nb", "session-alkohol.txt");
    const coded = join(dir, "ansi.csv");
    expect(oars(["review", "--no-config", transcript, "-o", coded]).status).toBe(0);
    const rows = parse(readFileSync(coded, "utf8"), { bom: true, delimiter: ";" }) as string[][];
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

const COLUMNS = ["line", "speaker", "text", "code", "rule", "confidence", "probability", "review"];
const headerOf = (text: string) => text.replace(/^\uFEFF/, "").split("\r\n")[0];
const BOM = [0xef, 0xbb, 0xbf];
/** A review table's rows, read with the delimiter it was written with. */
const rowsOf = (file: string, delimiter: string) => parse(readFileSync(file, "utf8"), { columns: true, bom: true, delimiter }) as Record<string, string>[];
type Analysed = { turns: { role: string; speaker: string; utterances: { text: string }[] }[] };
const analysed = (transcript: string, extra: string[] = []): Analysed => {
  const run = oars(["analyze", "--no-config", "-f", "json", ...extra, transcript]);
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout).files[0];
};
const utteranceTexts = (a: Analysed) => a.turns.flatMap((t) => t.utterances.map((u) => u.text));

describe("oars review: the delimiter the user's Excel splits on", () => {
  it("comma for an English transcript, semicolon for a Norwegian, Danish or Swedish one (Excel's list separator there), tab for a .tsv file", () => {
    const cases: [string, string][] = [
      [ALCOHOL, ","],
      [fixture("nb", "session-alkohol.txt"), ";"],
      [fixture("da", "session-rygning.txt"), ";"],
      [fixture("sv", "session-blodtryck.txt"), ";"],
    ];
    for (const [transcript, delimiter] of cases) {
      const out = join(dir, "delimiter.csv");
      const run = oars(["review", "--no-config", transcript, "-o", out]);
      expect(run.status, run.stderr).toBe(0);
      const bytes = readFileSync(out);
      expect([...bytes.subarray(0, 3)]).toEqual(BOM);
      expect(headerOf(bytes.toString("utf8")), transcript).toBe(COLUMNS.join(delimiter));
      // Standard output: the same delimiter, and no byte-order mark (for pipes).
      const piped = oars(["review", "--no-config", transcript]);
      expect(piped.status, piped.stderr).toBe(0);
      expect(piped.stdout.startsWith(COLUMNS.join(delimiter) + "\r\n"), transcript).toBe(true);
      const tsv = join(dir, "delimiter.TSV");
      expect(oars(["review", "--no-config", transcript, "-o", tsv]).status).toBe(0);
      expect([...readFileSync(tsv).subarray(0, 3)]).toEqual(BOM);
      expect(headerOf(readFileSync(tsv, "utf8")), transcript).toBe(COLUMNS.join("\t"));
      // No "sep=" line: Excel would then ignore the byte-order mark.
      expect(bytes.toString("utf8")).not.toMatch(/sep=/i);
    }
  });

  it("probabilities with a decimal comma in a Scandinavian table, a decimal point in an English or comma-separated one", () => {
    const probabilities = (transcript: string, delimiter: string, extra: string[] = []) => {
      const out = join(dir, "decimals.csv");
      expect(oars(["review", "--no-config", ...extra, transcript, "-o", out]).status).toBe(0);
      return rowsOf(out, delimiter).map((r) => r.probability).filter(Boolean);
    };
    const nb = fixture("nb", "session-alkohol.txt");
    expect(probabilities(nb, ";").length).toBeGreaterThan(10);
    expect(probabilities(nb, ";").every((p) => /^[01],\d{3}$/.test(p!))).toBe(true);
    expect(probabilities(nb, ",", ["--delimiter", "comma"]).every((p) => /^[01]\.\d{3}$/.test(p!))).toBe(true);
    expect(probabilities(ALCOHOL, ",").every((p) => /^[01]\.\d{3}$/.test(p!))).toBe(true);
  });

  it("the report's language decides before the transcript's (--locale, or locale: in the configuration), and --delimiter before both", () => {
    const nb = fixture("nb", "session-alkohol.txt");
    const headerWith = (args: string[], options: { cwd?: string } = {}) => {
      const run = oars(["review", ...args], options);
      expect(run.status, run.stderr).toBe(0);
      return headerOf(run.stdout);
    };
    expect(headerWith(["--no-config", "--locale", "nb", ALCOHOL])).toBe(COLUMNS.join(";"));
    expect(headerWith(["--no-config", "--locale", "sv", ALCOHOL])).toBe(COLUMNS.join(";"));
    expect(headerWith(["--no-config", "--locale", "en", nb])).toBe(COLUMNS.join(","));
    expect(headerWith(["--no-config", "--locale", "auto", nb])).toBe(COLUMNS.join(";"));
    const configured = mkdtempSync(join(tmpdir(), "oars-review-config-"));
    writeFileSync(join(configured, ".oarsrc.yaml"), "locale: da\n");
    expect(headerWith([ALCOHOL], { cwd: configured })).toBe(COLUMNS.join(";"));
    expect(headerWith(["--locale", "en", ALCOHOL], { cwd: configured })).toBe(COLUMNS.join(","));
    expect(headerWith(["--no-config", "--delimiter", "comma", nb])).toBe(COLUMNS.join(","));
    expect(headerWith(["--no-config", "--delimiter", "tab", nb])).toBe(COLUMNS.join("\t"));
    expect(headerWith(["--no-config", "--delimiter", "semicolon", ALCOHOL])).toBe(COLUMNS.join(";"));
    // Asked for explicitly, the delimiter holds whatever the file's name, and eval reads it back by its header.
    const named = join(dir, "semicolons.tsv");
    expect(oars(["review", "--no-config", "--delimiter", "semicolon", ALCOHOL, "-o", named]).status).toBe(0);
    expect(headerOf(readFileSync(named, "utf8"))).toBe(COLUMNS.join(";"));
    expect(evalCodes(named, ALCOHOL).accuracy).toBe(1);
  });

  it("a --delimiter other than comma, semicolon or tab: one line naming the option and the choices, exit 2, no file", () => {
    for (const bad of ["pipe", ";", ""]) {
      const out = join(dir, "bad-delimiter.csv");
      const run = oars(["review", "--no-config", "--delimiter", bad, ALCOHOL, "-o", out]);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr).toMatch(/^oars: [^\n]*--delimiter[^\n]*comma, semicolon, tab[^\n]*\n$/);
      expect(() => readFileSync(out)).toThrow();
    }
  });

  it("round trip with every delimiter, English and Norwegian: cells holding ; , and quotes come back whole, CRLF, byte-order mark, eval agrees on every row", () => {
    const en = join(dir, "awkward-en.txt");
    writeFileSync(en, 'Counsellor: You said "never again", and then?\nClient: Then; well, I had one.\nCounsellor: What happened next?\nClient: I stopped; for good, I hope.\n');
    const nb = join(dir, "awkward-nb.txt");
    writeFileSync(nb, 'Rådgiver: Du sa "aldri mer", og så?\nKlient: Så; vel, jeg tok én.\nRådgiver: Hva skjedde etterpå?\nKlient: Jeg sluttet; for godt, håper jeg.\n');
    const cases: [string, string, string][] = [
      [en, "Then; well, I had one.", ","],
      [nb, "Så; vel, jeg tok én.", ";"],
      [fixture("nb", "session-alkohol.txt"), "Hei, og velkommen.", ";"],
    ];
    for (const [transcript, awkward, byDefault] of cases) {
      const texts = utteranceTexts(analysed(transcript));
      expect(texts).toContain(awkward);
      for (const [option, delimiter] of [["comma", ","], ["semicolon", ";"], ["tab", "\t"], [null, byDefault]] as const) {
        const out = join(dir, `round-${option ?? "default"}.csv`);
        const run = oars(["review", "--no-config", ...(option ? ["--delimiter", option] : []), transcript, "-o", out]);
        expect(run.status, run.stderr).toBe(0);
        const bytes = readFileSync(out);
        expect([...bytes.subarray(0, 3)]).toEqual(BOM);
        const text = bytes.toString("utf8");
        expect(headerOf(text)).toBe(COLUMNS.join(delimiter));
        expect(text).not.toMatch(/[^\r]\n/); // every line ends in CRLF
        // A cell holding a semicolon or a comma is quoted, whichever the delimiter.
        expect(text).toContain(`${delimiter}"${awkward}"${delimiter}`);
        expect(rowsOf(out, delimiter).map((r) => r.text), `${transcript} ${option}`).toEqual(texts);
        const agreed = evalCodes(out, transcript);
        expect(agreed.accuracy).toBe(1);
        expect(disagreements(agreed)).toEqual([]);
        const client = oars(["eval", "--gold", out, "-f", "json", transcript]);
        expect(client.stderr).toBe("");
        expect(JSON.parse(client.stdout).client.accuracy).toBe(1);
      }
    }
  });
});

describe("oars review: cells a spreadsheet would take as formulas", () => {
  const FORMULA = /^[=+\-@\t\r]/;

  it("an utterance starting with =, +, - or @ is written with a leading ' (OWASP), and eval reads it back as said", () => {
    const transcript = join(dir, "formulas.txt");
    writeFileSync(
      transcript,
      [
        "Counsellor: How was the weekend?",
        "Client: - yeah I know. It was fine, mostly.",
        "Counsellor: +1 for telling me. What happened then?",
        "Client: @home mostly; we had a few, well, more than a few.",
        "Counsellor: =SUM(A1:A9) drinks is a lot to count.",
        "Client: -1 would be nice. I want to cut down.",
        "",
      ].join("\n"),
    );
    const texts = utteranceTexts(analysed(transcript));
    expect(texts.filter((t) => FORMULA.test(t)).length).toBeGreaterThanOrEqual(4);
    for (const [option, delimiter] of [["comma", ","], ["semicolon", ";"], ["tab", "\t"]] as const) {
      const out = join(dir, `formulas-${option}.csv`);
      expect(oars(["review", "--no-config", "--delimiter", option, transcript, "-o", out]).status).toBe(0);
      const rows = rowsOf(out, delimiter);
      expect(rows.map((r) => r.text)).toEqual(texts.map((t) => (FORMULA.test(t) ? `'${t}` : t)));
      // No cell, in any column, starts as a formula would.
      expect(rows.flatMap((r) => Object.values(r)).filter((cell) => FORMULA.test(cell))).toEqual([]);
      const agreed = evalCodes(out, transcript); // no text mismatch: the ' is dropped on the way back
      expect(agreed.accuracy).toBe(1);
    }
  });

  it("a speaker name starting with @ or - (a WebVTT voice tag, a whisperX speaker) is guarded too, and --counsellor names it as for analyze", () => {
    const transcript = join(dir, "speakers.json");
    writeFileSync(
      transcript,
      JSON.stringify({
        segments: [
          { start: 0, end: 2, text: " What brings you in today?", speaker: "@counsellor" },
          { start: 2, end: 4, text: " My doctor sent me. I drink too much, she says.", speaker: "-client" },
          { start: 4, end: 6, text: " So coming here was her idea. What do you make of it?", speaker: "@counsellor" },
          { start: 6, end: 8, text: " I want to sleep better.", speaker: "-client" },
        ],
      }),
    );
    const out = join(dir, "speakers.csv");
    const run = oars(["review", "--no-config", "--counsellor", "@counsellor", transcript, "-o", out]);
    expect(run.status, run.stderr).toBe(0);
    // Named with --counsellor, the counsellor is not guessed (analyze says nothing either).
    expect(run.stderr).toBe("");
    expect(oars(["analyze", "--no-config", "--counsellor", "@counsellor", transcript]).stderr).toBe("");
    const rows = rowsOf(out, ",");
    expect([...new Set(rows.map((r) => r.speaker))]).toEqual(["'@counsellor", "'-client"]);
    expect(evalCodes(out, transcript).accuracy).toBe(1);
  });
});

describe("oars eval and train on a trainer's table: a counsellor code on a client row", () => {
  /** The review table of the bundled session, and the data rows' indexes and file lines of its client rows. */
  const reviewed = () => {
    const coded = join(dir, "client-codes.csv");
    expect(oars(["review", "--no-config", ALCOHOL, "-o", coded]).status).toBe(0);
    const lines = readFileSync(coded, "utf8").split("\r\n");
    const client = lines.flatMap((line, i) => (/^\d+,Client,/.test(line) && /,(CT|ST|FN),/.test(line) ? [i] : []));
    return { coded, lines, client };
  };
  const edited = (lines: string[], indexes: number[], code: string, name: string) => {
    const file = join(dir, name);
    writeFileSync(file, lines.map((line, i) => (indexes.includes(i) ? line.replace(/,(CT|ST|FN),/, `,${code},`) : line)).join("\r\n"));
    return file;
  };

  it("an unedited review table gives no warning", () => {
    const { coded } = reviewed();
    const run = oars(["eval", "--gold", coded, ALCOHOL]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe("");
  });

  it("one such row: a one-line warning naming file:line and the code, exit status unchanged, for eval and for train", () => {
    const { lines, client } = reviewed();
    const file = edited(lines, [client[2]!], "OQ", "client-oq.csv");
    const expected = `oars: ${file}:${client[2]! + 1}: a counsellor code on a client row is ignored ("oq" on Client's row): client rows take CT, ST or FN\n`;
    const run = oars(["eval", "--gold", file, "-f", "json", ALCOHOL]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(expected);
    expect(JSON.parse(run.stdout).alignment).toMatchObject({ roleMismatches: 0, textMismatches: 0, missingTurns: 0 });
    const train = oars(["train", "--lang", "en", "--gold", file, ALCOHOL, "--folds", "0", "--iterations", "5", "-o", join(dir, "client-oq.json")]);
    expect(train.status).toBe(0);
    expect(train.stderr).toBe(expected);
  });

  it("several: one line with their count and the first, exit status unchanged", () => {
    const { lines, client } = reviewed();
    expect(client.length).toBeGreaterThan(3);
    const file = edited(lines, [client[3]!, client[1]!, client[2]!], "SR", "client-sr.csv");
    const run = oars(["eval", "--gold", file, ALCOHOL]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(`oars: ${file}:${client[1]! + 1}: 3 client rows carry counsellor codes, which are ignored (first: "sr" on Client's row): client rows take CT, ST or FN\n`);
  });

  it("other, - and none on a client row say it is not coded: no warning; a client code on a counsellor row stays an error", () => {
    const { lines, client } = reviewed();
    const none = edited(lines, [client[0]!], "-", "client-none.csv");
    const run = oars(["eval", "--gold", none, ALCOHOL]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe("");
    const counsellor = lines.findIndex((line) => /^\d+,Counsellor,.*,OQ,/.test(line));
    const file = join(dir, "counsellor-ct.csv");
    writeFileSync(file, lines.map((line, i) => (i === counsellor ? line.replace(",OQ,", ",CT,") : line)).join("\r\n"));
    const refused = oars(["eval", "--gold", file, ALCOHOL]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe(`oars: ${file}:${counsellor + 1}: a client code on a counsellor row\n`);
  });
});
