// End-to-end on the Scandinavian fixtures: sessions written for the tests, in txt and vtt, with
// the codes an MI trainer would give each counsellor utterance (fixtures/<lang>/*.codes.csv).
// oars must find the language by itself, code close to those codes, flag exactly the
// persuading and confronting lines, and report in the transcript's language unless told.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { messagesFor } from "../../src/locale/messages.js";
import { CODE_ABBREVIATIONS, type Code } from "../../src/types.js";
import { CORPUS, HAS_CORPUS, ROOT, analyzeText, fixture, lastTurnOf, oars } from "../helpers.js";

// `agreement`: the share of utterances coded as the trainer coded them with the bundled learned
// weights, as README's Scandinavian table states it; the test fails 0.02 below it.
// `unmarkedFlags`: the lines flagged that the trainer did not mark, as README names them; any
// other flag the trainer did not mark fails.
const SESSIONS: readonly { language: string; name: string; counsellor: string; agreement: number; unmarkedFlags: readonly string[] }[] = [
  { language: "nb", name: "session-alkohol", counsellor: "Rådgiver", agreement: 0.83, unmarkedFlags: [] },
  { language: "nb", name: "session-medisiner", counsellor: "Behandler", agreement: 0.83, unmarkedFlags: [] },
  { language: "da", name: "session-rygning", counsellor: "Rådgiver", agreement: 0.82, unmarkedFlags: [] },
  { language: "da", name: "session-weekend", counsellor: "Sygeplejerske", agreement: 0.87, unmarkedFlags: [] },
  { language: "sv", name: "session-blodtryck", counsellor: "Samtalsledare", agreement: 0.78, unmarkedFlags: [] },
  { language: "sv", name: "session-cannabis", counsellor: "Handläggare", agreement: 0.67, unmarkedFlags: [] },
];

interface Utterance {
  text: string;
  code: Code;
  rule: string;
}
interface FileJson {
  language: string;
  locale: string;
  warnings: string[];
  speakers: { label: string; role: string }[];
  turns: { role: string; utterances: Utterance[] }[];
  flags: { text: string; reason: string; suggestion: string }[];
}

const abbreviation = (code: Code) => (code === "other" ? "" : code === "summary" ? "summary" : CODE_ABBREVIATIONS[code]);

function expected(language: string, name: string): { speaker: string; text: string; code: string }[] {
  return parse(readFileSync(fixture(language, `${name}.codes.csv`), "utf8"), { columns: true }) as { speaker: string; text: string; code: string }[];
}

describe.each(SESSIONS)("$language $name", ({ language, name, counsellor, agreement, unmarkedFlags }) => {
  const reference = expected(language, name).filter((row) => row.speaker === counsellor);

  it.each(["txt", "vtt"])("%s: detected as its language, roles found, coded as the trainer coded (as README states), no line flagged the trainer did not mark but those README names", (ext) => {
    const run = oars(["analyze", "--no-config", "-f", "json", fixture(language, `${name}.${ext}`)]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    const file = (JSON.parse(run.stdout) as { files: FileJson[] }).files[0]!;
    expect(file).toMatchObject({ language, locale: language, warnings: [] });
    expect(file.speakers.find((s) => s.label === counsellor)?.role).toBe("counsellor");

    const coded = file.turns.filter((t) => t.role === "counsellor").flatMap((t) => t.utterances);
    expect(coded.map((u) => u.text)).toEqual(reference.map((r) => r.text));
    const agree = coded.filter((u, i) => abbreviation(u.code) === reference[i]!.code).length;
    expect(agree / reference.length).toBeGreaterThanOrEqual(agreement - 0.02);

    // Every flagged line is one the trainer marked as persuading or confronting (README lists the ones missed).
    const marked = reference.filter((r) => r.code === "PER" || r.code === "CON").map((r) => r.text);
    expect(marked.length).toBeGreaterThan(0);
    expect(file.flags.map((f) => f.text).filter((text) => !marked.includes(text))).toEqual(unmarkedFlags);
    const flagReasons = Object.values(messagesFor(language).flags).map((f) => f.reason);
    for (const flag of file.flags) expect(flagReasons).toContain(flag.reason);
  });
});

describe("language and locale", () => {
  const nb = fixture("nb", "session-alkohol.txt");

  it("reports in the transcript's language by default, and in another with --locale", () => {
    const norwegian = oars(["analyze", "--no-config", nb]);
    expect(norwegian.status).toBe(0);
    expect(norwegian.stdout).toContain("MITI-skårer");
    expect(norwegian.stdout).toContain("Overtale [nb.persuade.you-should]: Råd uten tillatelse");
    expect(norwegian.stdout).toMatch(/i stedet: Spør om lov først/);
    const english = oars(["analyze", "--no-config", "--locale", "en", nb]);
    expect(english.stdout).toContain("MITI summary scores");
    expect(english.stdout).toContain("Persuade [nb.persuade.you-should]: Advice without permission");
    const swedish = oars(["analyze", "--no-config", "--locale", "sv", nb]);
    const flags = (JSON.parse(oars(["analyze", "--no-config", "-f", "json", nb]).stdout) as { files: FileJson[] }).files[0]!.flags;
    expect(flags.length).toBeGreaterThan(0);
    expect(swedish.stdout).toContain(`Markerade yttranden (${flags.length})`);
  });

  it("check speaks the files' shared language in its batch summary", () => {
    const run = oars(["check", "--no-config", "-f", "markdown", fixture("da", "session-rygning.txt"), fixture("da", "session-weekend.txt")]);
    expect(run.stdout).toMatch(/^## oars check: 2 transskriptioner, \d nåede tærsklerne/);
    expect(run.stdout).toContain("| Fil | Ture | R:S |");
    const mixed = oars(["check", "--no-config", "-f", "markdown", fixture("da", "session-rygning.txt"), fixture("sv", "session-cannabis.txt")]);
    expect(mixed.stdout).toMatch(/^## oars check: 2 transcripts, /);
  });

  it("--lang forces a pack; when the words say otherwise, it warns and goes on", () => {
    const run = oars(["analyze", "--no-config", "--lang", "en", "-f", "json", nb]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(`oars: ${nb}: the transcript reads as Norwegian (bokmål), but was coded as English as asked (--lang en)\n`);
    expect((JSON.parse(run.stdout) as { files: FileJson[] }).files[0]!.language).toBe("en");
    expect(oars(["analyze", "--no-config", "--lang", "nb", "-f", "json", nb]).stderr).toBe("");
  });

  it("refuses an unknown --lang or --locale with exit 2", () => {
    for (const option of ["--lang", "--locale"]) {
      const run = oars(["analyze", "--no-config", option, "nn", nb]);
      expect(run.status).toBe(2);
      expect(run.stderr).toBe(`oars: ${option} must be one of auto, en, nb, da, sv (got "nn")\n`);
    }
    // eval names its option too, on every path (a code set scored without --gold was not checked).
    const scored = oars(["eval", "--lang", "nn", "--lines", fixture("miti", "en.tsv")]);
    expect(scored.status).toBe(2);
    expect(scored.stderr).toBe('oars: --lang must be one of auto, en, nb, da, sv (got "nn")\n');
  });

  it("reads nynorsk as Norwegian, without warnings", () => {
    const run = oars(["analyze", "--no-config", "-f", "json", fixture("nb", "nynorsk.txt")]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    const file = (JSON.parse(run.stdout) as { files: FileJson[] }).files[0]!;
    expect(file).toMatchObject({ language: "nb", warnings: [] });
    expect(file.speakers.map((s) => s.role).sort()).toEqual(["client", "counsellor"]);
    const codes = file.turns.flatMap((t) => t.utterances.map((u) => u.code));
    // The pack's rules hold on nynorsk forms: questions, reflections, seeking and autonomy all found.
    expect(codes).toEqual(expect.arrayContaining(["open-question", "seek-collaboration", "emphasize-autonomy"]));
    expect(codes.some((c) => c === "simple-reflection" || c === "complex-reflection")).toBe(true);
  });

  // A statement about the world that opens with the substance and says what it does
  // ("Alkohol påvirker søvnen, …") is the counsellor's information, not a reflection.
  it.each([
    ["nb", "Klient: Jeg sover dårlig etter at jeg har drukket.\nRådgiver: Alkohol påvirker søvnen, særlig drømmesøvnen i andre halvdel av natten.\n"],
    ["da", "Klient: Jeg sover dårligt, når jeg har drukket.\nRådgiver: Alkohol påvirker søvnen, især drømmesøvnen i anden halvdel af natten.\n"],
    ["sv", "Klient: Jag sover dåligt när jag har druckit.\nRådgivare: Alkohol påverkar sömnen, särskilt drömsömnen under andra halvan av natten.\n"],
  ])("codes a fact opening with the substance as information (%s)", (language, text) => {
    const run = analyzeText(text, language);
    expect(run.status, run.stderr).toBe(0);
    expect(lastTurnOf(run, "counsellor")[0]).toMatchObject({ code: "giving-information", rule: `${language}.giving-information.facts` });
  });

  it("a mixed batch codes each file in its own language", () => {
    const run = oars(["analyze", "--no-config", "-f", "ndjson", "--jobs", "2", fixture("en", "session-alcohol.txt"), nb, fixture("da", "session-rygning.vtt"), fixture("sv", "session-cannabis.txt")]);
    expect(run.status).toBe(0);
    const files = run.stdout.trim().split("\n").map((line) => JSON.parse(line) as FileJson & { type: string });
    expect(files.map((f) => f.language)).toEqual(["da", "en", "nb", "sv"]);
  });
});

// The twelve AnnoMI sessions translated into each language (fixtures/annomi-<lang>) are found to be
// in their language by detection alone, every one of them (issue 19's target: 100 %).
describe.each(["nb", "da", "sv"])("translated AnnoMI sessions in %s", (language) => {
  it("are each detected as that language, with the counsellor and client found", () => {
    const files = readdirSync(fixture(`annomi-${language}`, "txt")).filter((f) => f.endsWith(".txt")).sort();
    expect(files).toHaveLength(12);
    const run = oars(["analyze", "--no-config", "-f", "ndjson", ...files.map((f) => fixture(`annomi-${language}`, "txt", f))]);
    expect(run.status, run.stderr).toBe(0);
    const results = run.stdout.trim().split("\n").map((line) => JSON.parse(line) as FileJson);
    expect(results.map((r) => r.language)).toEqual(files.map(() => language));
    for (const r of results) expect(r.speakers.map((s) => s.role).sort()).toEqual(["client", "counsellor"]);
  });
});

// README's language table (between the language-table markers), measured again the way README
// says; a figure more than 0.02 below what README states fails (raise the table when they rise).
const TOLERANCE = 0.02;
const LANGUAGES = ["en", "nb", "da", "sv"] as const;

/** README row label → its figures by language (a cell that is not a number, such as "—", is left out). */
function languageTable(): Map<string, Map<string, number>> {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const table = /<!-- language-table -->([\s\S]*?)<!-- \/language-table -->/.exec(readme)?.[1];
  if (!table) throw new Error("README has no <!-- language-table --> section");
  const rows = new Map<string, Map<string, number>>();
  for (const line of table.split("\n")) {
    const cells = line.split("|").map((c) => c.trim());
    if (cells.length < 7 || !LANGUAGES.some((_, i) => /^-?\d\.\d\d$/.test(cells[2 + i]!))) continue;
    rows.set(cells[1]!, new Map(LANGUAGES.flatMap((lang, i) => (/^-?\d\.\d\d$/.test(cells[2 + i]!) ? [[lang, Number(cells[2 + i])] as const] : []))));
  }
  return rows;
}

const SESSIONS_F1 = "translated sessions, 4-fold CV on the English base: behaviour macro-F1";
const SESSIONS_ADVICE = "same: advice flag precision";
const SESSIONS_RQ = "same: R:Q Spearman vs experts";
const CODE_SET_F1 = "MITI code set, test part: 13-code macro-F1";
const INDEPENDENT_F1 = "independent check set (`fixtures/independent/<lang>.tsv`, 52 lines no rule was written from): 13-code macro-F1";

describe("README language table", () => {
  it("states the figures this test guards", () => {
    const rows = languageTable();
    for (const label of [SESSIONS_F1, SESSIONS_ADVICE, SESSIONS_RQ, CODE_SET_F1, INDEPENDENT_F1]) expect([...(rows.get(label)?.keys() ?? [])], label).toEqual([...LANGUAGES]);
  });

  it.each(LANGUAGES)(`%s: the code set's test part stays within ${TOLERANCE} of README`, (language) => {
    const run = oars(["eval", "--lines", fixture("miti", `${language}.tsv`), "-f", "json"]);
    expect(run.status, run.stderr).toBe(0);
    const [report] = (JSON.parse(run.stdout) as { codeSets: { macroF1: number }[] }).codeSets;
    expect(report!.macroF1).toBeGreaterThanOrEqual(languageTable().get(CODE_SET_F1)!.get(language)! - TOLERANCE);
  });

  // Lines written by people who saw neither the rules nor the code sets, never read to write a
  // rule (fixtures/independent/README.md): the figure closest to the held-back sets'.
  it.each(LANGUAGES)(`%s: the independent check set stays within ${TOLERANCE} of README`, (language) => {
    const run = oars(["eval", "--lines", fixture("independent", `${language}.tsv`), "-f", "json"]);
    expect(run.status, run.stderr).toBe(0);
    const [report] = (JSON.parse(run.stdout) as { codeSets: { lines: number; macroF1: number }[] }).codeSets;
    expect(report!.lines).toBe(52);
    expect(report!.macroF1).toBeGreaterThanOrEqual(languageTable().get(INDEPENDENT_F1)!.get(language)! - TOLERANCE);
  });
});

// Session 14's English check set (fixtures/independent/README.md gives its figure after that
// session, "before → after"), by its 13-code macro-F1.
// Session 19's confrontation check sets: each language's accuracy and flag recall stay at least
// what fixtures/independent/README.md gives after that session's rules ("before → after").
describe("session 19's confrontation check sets", () => {
  const notes = readFileSync(fixture("independent", "README.md"), "utf8");
  const stated = (language: string, figure: string) => Number(new RegExp(`- ${language}: [\\s\\S]*?${figure} 0\\.\\d+ → (0\\.\\d+)`).exec(notes)![1]);
  it.each([...LANGUAGES])(`%s-confront.tsv stays within ${TOLERANCE} of its README figures`, (language) => {
    const run = oars(["eval", "--lines", fixture("independent", `${language}-confront.tsv`), "-f", "json"]);
    expect(run.status, run.stderr).toBe(0);
    const [set] = (JSON.parse(run.stdout) as { codeSets: { lines: number; accuracy: number; flags: { precision: number; recall: number } }[] }).codeSets;
    expect(set!.lines).toBe(50);
    expect(set!.accuracy).toBeGreaterThanOrEqual(stated(language, "accuracy") - TOLERANCE);
    expect(set!.flags.recall).toBeGreaterThanOrEqual(stated(language, "flag recall") - TOLERANCE);
    expect(set!.flags.precision).toBe(1);
  });
});

// Session 20's check sets: five lines a code, 65 lines, written like the held-back code set;
// each stays within TOLERANCE of the figures fixtures/independent/README.md gives after that
// session (a new false flag or a lost one moves precision or recall by more than that).
describe("session 20's check sets", () => {
  const notes = readFileSync(fixture("independent", "README.md"), "utf8");
  it.each(["en-2", "en-3", "nb-2", "da-2", "sv-2"])(`%s.tsv stays within ${TOLERANCE} of its README figures`, (name) => {
    const stated = new RegExp("- `" + name + "\\.tsv`: macro-F1 (0\\.\\d+), flags (\\d\\.\\d+) / (\\d\\.\\d+)").exec(notes);
    expect(stated, `figures for ${name}.tsv in fixtures/independent/README.md`).not.toBeNull();
    const [macroF1, precision, recall] = stated!.slice(1).map(Number);
    const run = oars(["eval", "--lines", fixture("independent", `${name}.tsv`), "-f", "json"]);
    expect(run.status, run.stderr).toBe(0);
    const [set] = (JSON.parse(run.stdout) as { codeSets: { lines: number; macroF1: number; flags: { precision: number; recall: number } }[] }).codeSets;
    expect(set!.lines).toBe(65);
    expect(set!.macroF1).toBeGreaterThanOrEqual(macroF1! - TOLERANCE);
    expect(set!.flags.precision).toBeGreaterThanOrEqual(precision! - TOLERANCE);
    expect(set!.flags.recall).toBeGreaterThanOrEqual(recall! - TOLERANCE);
  });
});

describe("session 14's check sets", () => {
  const notes = readFileSync(fixture("independent", "README.md"), "utf8");
  const after = (pattern: RegExp) => Number(pattern.exec(notes)![1]);
  it(`en-flags.tsv stays within ${TOLERANCE} of its README figure`, () => {
    const run = oars(["eval", "--lines", fixture("independent", "en-flags.tsv"), "-f", "json"]);
    expect(run.status, run.stderr).toBe(0);
    const [set] = (JSON.parse(run.stdout) as { codeSets: { lines: number; macroF1: number }[] }).codeSets;
    expect(set!.lines).toBe(50);
    expect(set!.macroF1).toBeGreaterThanOrEqual(after(/macro-F1 0\.\d+ → (0\.\d+), persuade/) - TOLERANCE);
  });
});

// Client lines only, scored against their figure after session 15's retraining (the last
// figure of each file's line in fixtures/independent/README.md).
describe("client check sets", () => {
  const notes = readFileSync(fixture("independent", "README.md"), "utf8");
  it.each([
    ["da-client.tsv", 24],
    ["sv-client.tsv", 24],
    ["nb-client.tsv", 30],
    ["da-client-2.tsv", 30],
    ["sv-client-2.tsv", 30],
  ] as const)(`%s stays within ${TOLERANCE} of its README figure`, (file, lines) => {
    const figure = new RegExp("`" + file.replace(/[.-]/g, "\\$&") + "`[^→\\n]*→ (0\\.\\d+)").exec(notes)?.[1];
    expect(figure, `a figure for ${file} in fixtures/independent/README.md`).toBeDefined();
    const run = oars(["eval", "--lines", fixture("independent", file), "-f", "json"]);
    expect(run.status, run.stderr).toBe(0);
    const [set] = (JSON.parse(run.stdout) as { codeSets: { lines: number; client: { lines: number; macroF1: number } }[] }).codeSets;
    expect(set!.lines).toBe(0);
    expect(set!.client.lines).toBe(lines);
    expect(set!.client.macroF1).toBeGreaterThanOrEqual(Number(figure) - TOLERANCE);
  });
});

// The twelve translated sessions and their English originals, cross-validated the same way on
// an English base trained without the twelve sessions' sources (rules/en/weights.json saw them).
describe.skipIf(!HAS_CORPUS)("translated AnnoMI sessions against their English originals", () => {
  const corpusRows = () => readFileSync(join(CORPUS, "transcripts.jsonl"), "utf8").trim().split("\n").map((line) => JSON.parse(line) as { transcript: string; source: string });
  const translated = readFileSync(fixture("annomi-nb", "transcripts.jsonl"), "utf8").trim().split("\n").map((line) => (JSON.parse(line) as { transcript: string }).transcript);

  it(`each language stays within ${TOLERANCE} of README (behaviour macro-F1, advice precision, R:Q Spearman)`, () => {
    const rows = languageTable();
    const held = new Set(corpusRows().filter((t) => translated.includes(t.transcript)).map((t) => t.source));
    const baseSessions = corpusRows().filter((t) => !held.has(t.source)).map((t) => join(CORPUS, "txt", `${t.transcript}.txt`));
    expect(baseSessions.length).toBeGreaterThan(50);
    const dir = mkdtempSync(join(tmpdir(), "oars-language-"));
    try {
      const base = join(dir, "en-base.json");
      const trained = oars(["train", "--lang", "en", "--gold", join(CORPUS, "gold.jsonl"), ...baseSessions, "--lines", fixture("miti", "en.tsv"), "-o", base], { timeout: 600_000 });
      expect(trained.status, trained.stderr).toBe(0);
      for (const language of LANGUAGES) {
        const gold = language === "en" ? join(CORPUS, "gold.jsonl") : fixture(`annomi-${language}`, "gold.jsonl");
        const files = translated.map((id) => (language === "en" ? join(CORPUS, "txt", `${id}.txt`) : fixture(`annomi-${language}`, "txt", `${id}.txt`)));
        const run = oars(["eval", "--cv", "4", "--lang", language, "--base", base, "--lines", fixture("miti", `${language}.tsv`), "-f", "json", "--gold", gold, ...files], { timeout: 600_000 });
        expect(run.status, run.stderr).toBe(0);
        const report = JSON.parse(run.stdout) as { files: number; behaviour: { macroF1: number }; advice: { precision: number }; reflectionToQuestionSpearman: number };
        expect(report.files).toBe(12);
        expect(report.behaviour.macroF1, `${language} macro-F1`).toBeGreaterThanOrEqual(rows.get(SESSIONS_F1)!.get(language)! - TOLERANCE);
        expect(report.advice.precision, `${language} advice precision`).toBeGreaterThanOrEqual(rows.get(SESSIONS_ADVICE)!.get(language)! - TOLERANCE);
        expect(report.reflectionToQuestionSpearman, `${language} R:Q Spearman`).toBeGreaterThanOrEqual(rows.get(SESSIONS_RQ)!.get(language)! - TOLERANCE);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 900_000);
});
