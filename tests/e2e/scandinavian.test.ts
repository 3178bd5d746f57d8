// End-to-end on the Scandinavian fixtures: sessions written for the tests, in txt and vtt, with
// the codes an MI trainer would give each counsellor utterance (fixtures/<lang>/*.codes.csv).
// oars must find the language by itself, code close to those codes, flag exactly the
// persuading and confronting lines, and report in the transcript's language unless told.
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { messagesFor } from "../../src/locale/messages.js";
import { CODE_ABBREVIATIONS, type Code } from "../../src/types.js";
import { fixture, oars } from "../helpers.js";

// `agreement`: the share of utterances coded as the trainer coded them with the bundled learned
// weights, as README's Scandinavian table states it; the test fails 0.02 below it.
const SESSIONS = [
  { language: "nb", name: "session-alkohol", counsellor: "Rådgiver", agreement: 0.72 },
  { language: "nb", name: "session-medisiner", counsellor: "Behandler", agreement: 0.75 },
  { language: "da", name: "session-rygning", counsellor: "Rådgiver", agreement: 0.71 },
  { language: "da", name: "session-weekend", counsellor: "Sygeplejerske", agreement: 0.83 },
  { language: "sv", name: "session-blodtryck", counsellor: "Samtalsledare", agreement: 0.7 },
  { language: "sv", name: "session-cannabis", counsellor: "Handläggare", agreement: 0.76 },
] as const;

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

describe.each(SESSIONS)("$language $name", ({ language, name, counsellor, agreement }) => {
  const reference = expected(language, name).filter((row) => row.speaker === counsellor);

  it.each(["txt", "vtt"])("%s: detected as its language, roles found, coded as the trainer coded (as README states), no line flagged the trainer did not mark", (ext) => {
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
    for (const flag of file.flags) expect(marked).toContain(flag.text);
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
    expect(swedish.stdout).toContain("Markerade yttranden (1)");
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
      expect(run.stderr).toBe('oars: language must be one of auto, en, nb, da, sv (got "nn")\n');
    }
  });

  it("reads nynorsk as Norwegian, without warnings", () => {
    const run = oars(["analyze", "--no-config", "-f", "json", fixture("nb", "nynorsk.txt")]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    const file = (JSON.parse(run.stdout) as { files: FileJson[] }).files[0]!;
    expect(file).toMatchObject({ language: "nb", warnings: [] });
    expect(file.speakers.map((s) => s.role).sort()).toEqual(["client", "counsellor"]);
    const codes = file.turns.flatMap((t) => t.utterances.map((u) => u.code));
    expect(codes).toEqual(expect.arrayContaining(["open-question", "simple-reflection", "complex-reflection", "seek-collaboration", "emphasize-autonomy"]));
  });

  it("a mixed batch codes each file in its own language", () => {
    const run = oars(["analyze", "--no-config", "-f", "ndjson", "--jobs", "2", fixture("en", "session-alcohol.txt"), nb, fixture("da", "session-rygning.vtt"), fixture("sv", "session-cannabis.txt")]);
    expect(run.status).toBe(0);
    const files = run.stdout.trim().split("\n").map((line) => JSON.parse(line) as FileJson & { type: string });
    expect(files.map((f) => f.language)).toEqual(["da", "en", "nb", "sv"]);
  });
});
