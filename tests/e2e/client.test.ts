// End-to-end: client talk through the real bin/oars.js: coded client utterances in JSON,
// the client section of the table report, `oars check --min-change-talk / --min-technical`,
// and `oars eval` scoring client talk against a trainer's CSV and a code set's client lines.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeText, fixture, lastTurnOf, oars } from "../helpers.js";

const SESSION = fixture("en", "session-alcohol.txt");
const CLIENT_CODES = ["change-talk", "sustain-talk", "neutral"];

interface Utterance {
  code: string;
  rule: string;
  probability?: number;
  subtype?: string;
  why?: unknown[];
}
interface Turn {
  role: string;
  talk?: string;
  utterances: Utterance[];
}

describe("oars analyze: client talk", () => {
  it("codes every client utterance change-talk, sustain-talk or neutral, with rule, probability and why (JSON)", () => {
    const run = oars(["analyze", SESSION, "-f", "json", "--no-config"]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe("");
    const file = (JSON.parse(run.stdout) as { files: { turns: Turn[]; metrics: { client: Record<string, unknown> } }[] }).files[0]!;
    const client = file.turns.filter((t) => t.role === "client");
    expect(client.length).toBeGreaterThan(10);
    for (const turn of client) {
      expect(CLIENT_CODES).toContain(turn.talk);
      for (const u of turn.utterances) {
        expect(CLIENT_CODES).toContain(u.code);
        expect(u.rule).toMatch(new RegExp(`^en\\.${u.code}\\.[a-z-]+$`));
        expect(u.probability).toBeGreaterThan(0);
        expect(Array.isArray(u.why)).toBe(true);
      }
    }
    const all = client.flatMap((t) => t.utterances);
    expect(all.some((u) => u.code === "change-talk")).toBe(true);
    expect(all.some((u) => u.code === "sustain-talk" && u.subtype === "reason")).toBe(true);
    // Counsellor turns keep counsellor codes only.
    for (const turn of file.turns.filter((t) => t.role === "counsellor")) for (const u of turn.utterances) expect(CLIENT_CODES).not.toContain(u.code);
    const m = file.metrics.client as { changeTalk: number; sustainTalk: number; percentChangeTalk: number; thirds: unknown[]; estimated: { note: string; technical: number }; relational: { note: string } };
    expect(m.percentChangeTalk).toBeCloseTo((100 * m.changeTalk) / (m.changeTalk + m.sustainTalk), 1);
    expect(m.thirds).toHaveLength(3);
    expect(m.estimated.note).toBe("estimated from codes, not rated by a listener");
    expect(m.estimated.technical).toBeGreaterThanOrEqual(1);
    expect(m.relational.note).toBe("not estimated");
  });

  // Verb-second word order puts the object first ("Nei, det klarer jeg ikke": "No, that I can't
  // manage"): the Scandinavian ability rules read it as English reads "No, I can't do that".
  it.each([
    ["nb", "Rådgiver: Du bør kutte ut ølen på hverdagene.\nKlient: Nei, det klarer jeg ikke.\n"],
    ["da", "Rådgiver: Du burde stoppe med øllene på hverdage.\nKlient: Nej, det magter jeg ikke.\n"],
    ["sv", "Rådgivare: Du borde sluta med ölen på vardagarna.\nKlient: Nej, det klarar jag inte.\n"],
  ])("codes the object-first 'No, that I can't manage' as sustain talk, ability (%s)", (lang, text) => {
    const run = analyzeText(text, lang);
    expect(run.status, run.stderr).toBe(0);
    expect(lastTurnOf(run, "client")[0]).toMatchObject({ code: "sustain-talk", subtype: "ability", rule: `${lang}.sustain-talk.ability` });
  });

  it("shows client talk in the table, with the estimates labelled, in the report's language", () => {
    const run = oars(["analyze", SESSION, "--no-config", "--no-color", "--show", "turns"]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Client talk\n/);
    expect(run.stdout).toMatch(/% change talk\s+│ \d+(\.\d)?%/);
    expect(run.stdout).toMatch(/Cultivating Change Talk \*\s+│ [1-5] \/ 5/);
    expect(run.stdout.replace(/\s+/g, " ")).toContain("estimated from codes, not rated by a listener");
    expect(run.stdout.replace(/\s+/g, " ")).toContain("Relational globals (partnership, empathy) are not estimated");
    expect(run.stdout).toMatch(/\(client\) → (change talk|sustain talk|neutral)/);
    expect(run.stdout).toMatch(/ {4}(CT|ST|N)\??\s/);
    const nb = oars(["analyze", fixture("nb", "session-alkohol.txt"), "--no-config", "--no-color"]);
    expect(nb.status, nb.stderr).toBe(0);
    expect(nb.stdout).toContain("Klientens språk");
    expect(nb.stdout).toMatch(/% endringssnakk\s+│ \d+(,\d)?%/);
  });

  it("--show turns gives a client code its why and its low-confidence word, as a counsellor code", () => {
    const turns = JSON.parse(oars(["analyze", SESSION, "--no-config", "-f", "json"]).stdout).files[0].turns as (Turn & { utterances: (Utterance & { confidence: string })[] })[];
    const client = turns.filter((t) => t.role === "client").flatMap((t) => t.utterances);
    const all = turns.flatMap((t) => t.utterances);
    expect(client.some((u) => u.confidence === "low")).toBe(true);
    const run = oars(["analyze", SESSION, "--no-config", "--no-color", "--show", "turns"]);
    expect(run.status, run.stderr).toBe(0);
    const transcript = run.stdout.slice(run.stdout.indexOf("Coded transcript"));
    // One "←" line per utterance with a why, client utterances included.
    expect(transcript.match(/^ {9}← /gm)).toHaveLength(all.filter((u) => (u.why ?? []).length > 0).length);
    // Every low-confidence code says so in words, client codes included ("CT?" … ", low confidence)").
    const lowLines = transcript.split(/\n(?= {4}\S)/).filter((block) => /^ {4}(CT|ST|N)\?/.test(block));
    expect(lowLines).toHaveLength(client.filter((u) => u.confidence === "low").length);
    for (const block of lowLines) expect(block.replace(/\s+/g, " ")).toContain(", low confidence)");
  });

  it.each([
    ["en", SESSION, "reason"],
    ["nb", fixture("nb", "session-alkohol.txt"), "grunn"],
    ["da", fixture("da", "session-rygning.txt"), "grund"],
    ["sv", fixture("sv", "session-cannabis.txt"), "skäl"],
  ])("--show turns names a client code's DARN-CAT kind in the report's language (%s)", (lang, file, reason) => {
    const json = JSON.parse(oars(["analyze", file, "--no-config", "-f", "json"]).stdout);
    const subtypes = (json.files[0].turns as { role: string; utterances: { subtype?: string }[] }[]).filter((t) => t.role === "client").flatMap((t) => t.utterances.map((u) => u.subtype));
    expect(subtypes).toContain("reason");
    const run = oars(["analyze", file, "--no-config", "--no-color", "--show", "turns"], { env: { COLUMNS: "300" } });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^ {4}(CT|ST)\\??\\s.*\\(${reason}, ${lang}\\.(change|sustain)-talk\\.`, "m"));
    if (lang !== "en") expect(run.stdout).not.toMatch(/\((desire|ability|reason|need|commitment|activation|taking-steps), /);
  });

  it.each([
    ["en", SESSION],
    ["nb", fixture("nb", "session-alkohol.txt")],
    ["da", fixture("da", "session-rygning.txt")],
    ["sv", fixture("sv", "session-cannabis.txt")],
  ])("names change and sustain talk alike in the HTML report's client table, timeline and legend (%s)", (lang, file) => {
    const run = oars(["analyze", file, "--no-config", "-f", "html"]);
    expect(run.status, run.stderr).toBe(0);
    const html = run.stdout;
    expect(html).toMatch(new RegExp(`<section class="file" id="[^"]+" lang="${lang}"`));
    // The client table's first row names the three: "change talk / sustain talk / neutral".
    const [change, sustain] = html.match(/<dt>([^<]+)<\/dt><dd>\d+ \/ \d+ \/ \d+<\/dd>/)![1]!.split(" / ");
    const legend = html.match(/<ul class="legend">.*?<\/ul>/)![0];
    expect(legend).toContain(`</span>${change}</li>`);
    expect(legend).toContain(`</span>${sustain}</li>`);
    // Each client mark of the timeline names its talk with the same words.
    const marks = [...html.matchAll(/<rect class="m t-(ch|su)"[^>]*><title>[^<]*: ([^<]+)<\/title>/g)];
    expect(new Set(marks.map((m) => m[1]))).toEqual(new Set(["ch", "su"]));
    for (const [, kind, words] of marks) expect(words).toBe(kind === "ch" ? change : sustain);
  });
});

describe("oars check: client thresholds", () => {
  const percent = () => {
    const run = oars(["analyze", SESSION, "-f", "json", "--no-config"]);
    return (JSON.parse(run.stdout) as { files: { metrics: { client: { percentChangeTalk: number; estimated: { technical: number } } } }[] }).files[0]!.metrics.client;
  };

  it("--min-change-talk passes at or below the session's % change talk and fails above it, exit 1", () => {
    const { percentChangeTalk } = percent();
    const pass = oars(["check", SESSION, "--no-config", "-f", "json", "--min-change-talk", String(Math.floor(percentChangeTalk))]);
    expect(pass.status, pass.stderr).toBe(0);
    const check = (JSON.parse(pass.stdout) as { files: { check: { checks: { id: string; status: string; message: string }[] } }[] }).files[0]!.check.checks.find((c) => c.id === "min-change-talk");
    expect(check).toMatchObject({ status: "pass" });
    const fail = oars(["check", SESSION, "--no-config", "--no-color", "--min-change-talk", String(Math.ceil(percentChangeTalk) + 1)]);
    expect(fail.status).toBe(1);
    // The report wraps at 80 columns, so a long path can fold the line anywhere.
    expect(fail.stdout.replace(/\s+/g, " ")).toMatch(/% change talk \d+(\.\d)?%, needs ≥ \d+%/);
  });

  it("--min-technical bounds the estimated technical global, and says it is estimated", () => {
    const { estimated } = percent();
    expect(oars(["check", SESSION, "--no-config", "--min-technical", String(estimated.technical)]).status).toBe(0);
    const fail = oars(["check", SESSION, "--no-config", "--no-color", "--min-technical", "5", "-f", "junit"]);
    expect(fail.status).toBe(estimated.technical >= 5 ? 0 : 1);
    expect(fail.stdout).toContain("technical global (estimated)");
  });

  it("a session without change or sustain talk: n/a, never NaN or 0, in every format, and the client limits do not fail it", () => {
    const dir = mkdtempSync(join(tmpdir(), "oars-client-"));
    const file = join(dir, "no-talk.txt");
    writeFileSync(file, "Counsellor: What brings you in today?\nClient: My doctor sent me.\nCounsellor: How long have you seen your doctor?\nClient: About two years.\nCounsellor: You've known each other a while.\nClient: Mm-hmm.\n");
    const json = oars(["analyze", file, "--no-config", "-f", "json"]);
    const client = JSON.parse(json.stdout).files[0].metrics.client;
    expect(client).toMatchObject({ changeTalk: 0, sustainTalk: 0, percentChangeTalk: null, estimated: { cultivatingChangeTalk: null, softeningSustainTalk: null, technical: null } });
    for (const [format, lines] of [
      ["table", (out: string) => out.split("\n").filter((l) => /change talk|Technical global|Cultivating Change Talk|Softening Sustain Talk/.test(l))],
      ["markdown", (out: string) => out.split("\n").filter((l) => /change talk|Technical global|Cultivating Change Talk|Softening Sustain Talk/.test(l))],
      ["html", (out: string) => [...out.matchAll(/<dt>([^<]*(?:change talk|Technical global|Change Talk|Sustain Talk)[^<]*)<\/dt><dd>([^<]*)<\/dd>/g)].map((m) => `${m[1]}: ${m[2]}`)],
    ] as const) {
      const run = oars(["analyze", file, "--no-config", "--no-color", "-f", format]);
      expect(run.status, run.stderr).toBe(0);
      const rows = lines(run.stdout);
      // The % and the three estimates are there, each n/a; the footnote's asterisk has its rows.
      expect(rows.filter((r) => /n\/a/.test(r)), format).toHaveLength(4);
      expect(rows.filter((r) => /\*/.test(r) && /n\/a/.test(r)), format).toHaveLength(3);
      expect(run.stdout, format).not.toMatch(/NaN|[0-5] \/ 5/);
      expect(run.stdout.replace(/\s+/g, " "), format).toContain("estimated from codes, not rated by a listener");
    }
    const check = oars(["check", file, "--no-config", "-f", "junit", "--min-change-talk", "50", "--min-technical", "3"]);
    expect(check.status, check.stderr).toBe(0);
    expect(check.stdout.match(/<skipped/g)).toHaveLength(2);
  });

  it("talk no counsellor turn follows (the session ends on the client) is not counted as left unanswered", () => {
    const dir = mkdtempSync(join(tmpdir(), "oars-client-"));
    const said = ["Counsellor: What would you like to change?", "Client: I want to cut down.", "Counsellor: You want to cut down.", "Client: I'm going to quit."];
    const metrics = (lines: string[]) => {
      const file = join(dir, `end-${lines.length}.txt`);
      writeFileSync(file, `${lines.join("\n")}\n`);
      const run = oars(["analyze", file, "--no-config", "-f", "json"]);
      expect(run.status, run.stderr).toBe(0);
      return JSON.parse(run.stdout).files[0].metrics.client;
    };
    // Ending on the client: only the change talk the counsellor answered is counted.
    const ending = metrics(said);
    expect(ending.changeTalk).toBe(2);
    expect(ending.cultivating).toEqual({ turns: 1, answered: 1, share: 1 });
    expect(ending.estimated.cultivatingChangeTalk).toBe(5);
    // The counsellor answering it with advice (persuade) does count it, unanswered.
    const answered = metrics([...said, "Counsellor: You should stop completely, today."]);
    expect(answered.cultivating).toMatchObject({ turns: 2, answered: 1 });
  });

  it("refuses limits out of range with a usage error (exit 2)", () => {
    for (const args of [["--min-change-talk", "101"], ["--min-change-talk", "0.5"], ["--min-technical", "6"], ["--min-technical", "0"]]) {
      const run = oars(["check", SESSION, "--no-config", ...args]);
      expect(run.status, args.join(" ")).toBe(2);
      expect(run.stderr).toMatch(/^oars: .*(percentage from 0 to 100|score from 1 to 5)/);
      expect(run.stdout).toBe("");
    }
  });
});

describe("oars eval: client talk", () => {
  // The trainer's codes of the client rows of fixtures/reference/session-alcohol.csv, by CSV line.
  const CLIENT_CODED: Record<number, string> = {
    4: "ST", 6: "ST", 8: "FN", 10: "ST", 12: "FN", 14: "CT", 16: "CT", 19: "CT", 21: "CT", 23: "FN", 26: "ST",
    28: "ST", 32: "FN", 35: "FN", 37: "CT", 39: "CT", 41: "FN", 44: "CT", 47: "FN", 52: "FN", 54: "CT", 57: "FN",
  };

  it("scores client talk against a trainer's CSV with CT/ST/FN client rows", () => {
    const lines = readFileSync(fixture("reference", "session-alcohol.csv"), "utf8").split("\r\n");
    const coded = lines.map((line, i) => (CLIENT_CODED[i + 1] ? line.replace(/,$/, `,${CLIENT_CODED[i + 1]}`) : line)).join("\r\n");
    const csv = join(mkdtempSync(join(tmpdir(), "oars-client-")), "session-alcohol.csv");
    writeFileSync(csv, coded);
    const run = oars(["eval", "--gold", csv, SESSION, "-f", "json"]);
    expect(run.status, run.stderr).toBe(0);
    const client = (JSON.parse(run.stdout) as { client: { turns: number; labels: string[]; perClass: { label: string; support: number; f1: number | null }[]; macroF1: number; kappa: number } }).client;
    expect(client.turns).toBe(Object.keys(CLIENT_CODED).length);
    expect(client.labels).toEqual(["change", "neutral", "sustain"]);
    expect(client.perClass.map((c) => c.support)).toEqual([8, 9, 5]);
    expect(client.macroF1).toBeGreaterThan(0.3);
    expect(client.kappa).toBeGreaterThan(0);
    const text = oars(["eval", "--gold", csv, SESSION]);
    expect(text.stdout).toMatch(/Client talk \(turn's talk, n=22\)/);
    expect(text.stdout).toMatch(/macro-F1 \d\.\d\d, accuracy \d\.\d\d, Cohen's kappa/);
  });

  it("scores a code set's client lines (test part) beside its counsellor lines", () => {
    const run = oars(["eval", "--lines", fixture("miti", "nb.tsv"), "-f", "json"]);
    expect(run.status, run.stderr).toBe(0);
    const [set] = (JSON.parse(run.stdout) as { codeSets: { client: { lines: number; macroF1: number; perClass: { label: string }[] } }[] }).codeSets;
    expect(set!.client.lines).toBe(28);
    expect(set!.client.perClass.map((c) => c.label)).toEqual(CLIENT_CODES);
    expect(set!.client.macroF1).toBeGreaterThan(0.5);
  });

  it("scores a set of client lines only, and says so when --rules-only leaves nothing to score", () => {
    const header = "id\tpart\tspeaker\tbefore\tpermission\tcode\tsubtype\ttext";
    const rows = [
      ["da-k001", "test", "client", "Hvad vil du gerne?", "-", "change-talk", "desire", "Jeg vil gerne holde op med at drikke."],
      ["da-k002", "test", "client", "Hvordan går det med røgen?", "-", "sustain-talk", "desire", "Jeg kan godt lide at ryge."],
      ["da-k003", "test", "client", "Hvor bor du?", "-", "neutral", "-", "I Aarhus."],
    ];
    const file = join(mkdtempSync(join(tmpdir(), "oars-client-")), "client-only.tsv");
    writeFileSync(file, [header, ...rows.map((r) => r.join("\t"))].join("\n") + "\n");
    const run = oars(["eval", "--lines", file, "-f", "json"]);
    expect(run.status, run.stderr).toBe(0);
    const [set] = (JSON.parse(run.stdout) as { codeSets: { lines: number; macroF1: number | null; client: { lines: number; perClass: { support: number }[] } }[] }).codeSets;
    expect(set!.lines).toBe(0);
    expect(set!.macroF1).toBeNull();
    expect(set!.client.lines).toBe(3);
    expect(set!.client.perClass.map((c) => c.support)).toEqual([1, 1, 1]);
    const text = oars(["eval", "--lines", file]);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^.*client-only\.tsv: test part, 3 client lines\n/);
    expect(text.stdout).not.toContain("counsellor lines");
    const rulesOnly = oars(["eval", "--lines", file, "--rules-only"]);
    expect(rulesOnly.status).toBe(2);
    expect(rulesOnly.stdout).toBe("");
    expect(rulesOnly.stderr).toBe(`oars: ${file}: the code set holds only client lines, which --rules-only leaves uncoded\n`);
  });

  it("refuses a code set without a coded line, naming the file", () => {
    const file = join(mkdtempSync(join(tmpdir(), "oars-client-")), "header-only.tsv");
    writeFileSync(file, "id\tpart\tspeaker\tbefore\tpermission\tcode\tsubtype\ttext\n");
    const run = oars(["eval", "--lines", file]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`oars: ${file}: the code set holds no coded lines\n`);
  });
});
