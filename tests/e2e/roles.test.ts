// Who is the counsellor, as a new user meets it (issue 16): exports label speakers by name, so
// the counsellor is guessed from what counsellors do; --counsellor takes part of a name; the
// configuration's counsellor words add to the role words; labels are read forgivingly, with a
// warning naming the line; a file with no conversation in it is refused.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CORPUS, HAS_CORPUS, ROOT, fixture, oars } from "../helpers.js";

interface FileJson {
  path: string;
  speakers: { label: string; role: string }[];
  flags: { text: string }[];
  metrics: { reflectionToQuestion: number | null };
  warnings: { id: string; line?: number; message: string }[];
}

const tmp = mkdtempSync(join(tmpdir(), "oars-roles-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const COUNSELLOR_NAME = "Alex Morgan";
const CLIENT_NAME = "Sam Reed";

/** The transcript with its two role labels replaced by personal names, as real exports have. */
function renamed(text: string, counsellor: string, client: string): string {
  return text
    .split("\n")
    .map((line) => (line.startsWith(`${counsellor}:`) ? `${COUNSELLOR_NAME}:${line.slice(counsellor.length + 1)}` : line.startsWith(`${client}:`) ? `${CLIENT_NAME}:${line.slice(client.length + 1)}` : line))
    .join("\n");
}

/** Each file's guessed counsellor, from one `oars check -f ndjson` over the folder. */
function guessedCounsellors(folder: string): Map<string, string[]> {
  const run = oars(["check", "-f", "ndjson", "--no-config", folder]);
  expect(run.status, run.stderr).not.toBe(2);
  const guessed = new Map<string, string[]>();
  for (const line of run.stdout.trim().split("\n")) {
    const file = JSON.parse(line) as FileJson & { type: string };
    guessed.set(basename(file.path), file.speakers.filter((s) => s.role === "counsellor").map((s) => s.label));
  }
  return guessed;
}

describe.skipIf(!HAS_CORPUS)("guessing the counsellor on the AnnoMI development sessions with names for labels", () => {
  it("guesses every session right", () => {
    const folder = join(tmp, "annomi");
    mkdirSync(folder);
    const sessions = readFileSync(join(CORPUS, "transcripts.jsonl"), "utf8").trim().split("\n").map((line) => JSON.parse(line) as { transcript: string; labels: { counsellor: string; client: string } });
    for (const s of sessions) {
      const text = readFileSync(join(CORPUS, "txt", `${s.transcript}.txt`), "utf8");
      writeFileSync(join(folder, `${s.transcript}.txt`), renamed(text, s.labels.counsellor, s.labels.client));
    }
    const guessed = guessedCounsellors(folder);
    expect(guessed.size).toBe(sessions.length);
    const wrong = [...guessed].filter(([, counsellors]) => counsellors.join() !== COUNSELLOR_NAME).map(([file]) => file);
    expect(wrong).toEqual([]);
  });
});

describe("guessing the counsellor on the Scandinavian fixtures with names for labels", () => {
  it("guesses all six right", () => {
    const folder = join(tmp, "scandinavian");
    mkdirSync(folder);
    const fixtures = ["nb/session-alkohol", "nb/session-medisiner", "da/session-rygning", "da/session-weekend", "sv/session-blodtryck", "sv/session-cannabis"];
    for (const name of fixtures) {
      const path = fixture(`${name}.txt`);
      // The true roles come from the fixture's own role labels, read by oars itself.
      const speakers = (JSON.parse(oars(["analyze", "-f", "json", "--no-config", path]).stdout) as { files: FileJson[] }).files[0]!.speakers;
      const counsellor = speakers.find((s) => s.role === "counsellor")!.label;
      const client = speakers.find((s) => s.role === "client")!.label;
      writeFileSync(join(folder, `${basename(name)}.txt`), renamed(readFileSync(path, "utf8"), counsellor, client));
    }
    const guessed = guessedCounsellors(folder);
    expect(guessed.size).toBe(6);
    for (const [file, counsellors] of guessed) expect(counsellors, file).toEqual([COUNSELLOR_NAME]);
  });
});

describe("the counsellor guess", () => {
  it("takes the reflecting speaker as the counsellor when the client asks the questions, and says how sure it is", () => {
    const run = oars(["analyze", "-f", "json", "--no-config", fixture("roles", "reflective-names.txt")]);
    expect(run.status).toBe(0);
    const file = (JSON.parse(run.stdout) as { files: FileJson[] }).files[0]!;
    expect(file.speakers).toEqual([
      { label: "Sarah Mitchell", role: "counsellor" },
      { label: "Tom Berg", role: "client" },
    ]);
    // The client's own change talk is not flagged as persuading.
    expect(file.flags.map((f) => f.text)).not.toContain("Cut back, I guess.");
    expect(run.stderr).toMatch(/^oars: .*reflective-names\.txt: took "Sarah Mitchell" as the counsellor \(\d+ % sure: .*--counsellor NAME\n$/);
  });

  it("says plainly when the guess is close, and suggests --counsellor", () => {
    const path = join(tmp, "close.txt");
    writeFileSync(path, "Ann: How are you? I'm tired.\nBo: How are you? I'm tired.\nAnn: What do you think? I don't know.\nBo: What do you think? I don't know.\n");
    const run = oars(["analyze", "--no-config", path]);
    expect(run.stderr).toMatch(/took "(Ann|Bo)" as the counsellor, but it is close \(\d+ % sure\).*say who it is with --counsellor NAME/);
  });

  it("writes the warning in the report's language", () => {
    const path = join(tmp, "navn.txt");
    writeFileSync(path, readFileSync(fixture("nb", "session-alkohol.txt"), "utf8").replace(/^Rådgiver:/gm, "Kari Lund:").replace(/^Klient:/gm, "Per Olsen:"));
    const run = oars(["analyze", "--no-config", path]);
    // Speaker names are transcript words (said()): straight quotes in every locale, so --redact can blank them.
    expect(run.stderr).toMatch(/tok "Kari Lund" som rådgiveren \(\d+ % sikker/);
    expect(run.stdout).toMatch(/advarsel: tok "Kari Lund" som rådgiveren/);
  });
});

describe("--counsellor", () => {
  const sarah = () => {
    const path = join(tmp, "sarah.txt");
    writeFileSync(path, "Sarah Mitchell: What brings you here?\nTom Berg: My wife.\nSarah Mitchell: She is worried about you.\nTom Berg: Yes.\n");
    return path;
  };

  it.each(["Sarah", "mitchell", "SAR", "sarah mitchell"])("matches %s to the speaker Sarah Mitchell", (name) => {
    const run = oars(["analyze", "-f", "json", "--no-config", "--counsellor", name, sarah()]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    const file = (JSON.parse(run.stdout) as { files: FileJson[] }).files[0]!;
    expect(file.speakers.find((s) => s.role === "counsellor")?.label).toBe("Sarah Mitchell");
  });

  it("is an error (exit 2, one line) when the name matches no speaker", () => {
    const path = sarah();
    const run = oars(["analyze", "--no-config", "--counsellor", "Ida", path]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`oars: ${path}: --counsellor "Ida" names no speaker here (speakers: Sarah Mitchell, Tom Berg)\n`);
  });
});

describe("configured counsellor words", () => {
  it("add to the role words: a speaker labelled Counsellor is still the counsellor", () => {
    const folder = join(tmp, "configured");
    mkdirSync(folder);
    writeFileSync(join(folder, ".oarsrc.yaml"), "counsellors: [Ida]\nthresholds:\n  max-persuade: 0\n");
    writeFileSync(join(folder, "session.txt"), "Counsellor: What brings you here?\nClient: My wife.\nCounsellor: She is worried about you.\nClient: Yes.\n");
    writeFileSync(join(folder, "ida.txt"), "Ida: What brings you here?\nTom: My wife.\nIda: She is worried about you.\nTom: Yes.\n");
    const run = oars(["check", "-f", "ndjson", "."], { cwd: folder });
    // check names the configuration file in force on standard error (issue 15), and says nothing else.
    expect(run.stderr).toBe(`oars: configuration: ${join(folder, ".oarsrc.yaml")}\n`);
    expect(run.status).toBe(0);
    const files = run.stdout.trim().split("\n").map((line) => JSON.parse(line) as FileJson);
    expect(files.map((f) => f.speakers.find((s) => s.role === "counsellor")?.label)).toEqual(["Ida", "Counsellor"]);
  });
});

describe("forgiving labels, with a warning naming the line", () => {
  it("folds label case: c: beside C: is one speaker", () => {
    const run = oars(["analyze", "-f", "json", "--no-config", "-"], { input: "T: What brings you here?\nC: My wife.\nT: She is worried.\nc: Yes, she is.\nT: What do you think?\n" });
    const file = (JSON.parse(run.stdout) as { files: FileJson[] }).files[0]!;
    expect(file.speakers.map((s) => s.label)).toEqual(["T", "C"]);
    expect(file.warnings).toEqual([expect.objectContaining({ id: "label-case", line: 4 })]);
    expect(run.stderr).toBe('oars: -: line 4: speaker "c" taken as "C" (labels are compared without case)\n');
  });

  it("reads 'T; text' as a typo'd label instead of merging it into the client's turn", () => {
    const run = oars(["analyze", "-f", "json", "--no-config", "-"], { input: "T: What brings you here?\nC: My wife.\nT; What helped you before?\nC: Walking.\n" });
    const file = (JSON.parse(run.stdout) as { files: FileJson[] & { turns: unknown[] } }).files[0]! as FileJson & { turns: { speaker: string; text: string }[] };
    expect(file.turns.map((t) => t.speaker)).toEqual(["T", "C", "T", "C"]);
    expect(file.turns[2]!.text).toBe("What helped you before?");
    expect(run.stderr).toBe('oars: -: line 3: "T;" read as the speaker label "T:"\n');
  });

  it("warns when a whisperX segment without a speaker is given to the previous speaker", () => {
    const path = join(tmp, "no-speaker.json");
    const segments = JSON.parse(readFileSync(fixture("formats", "whisperx.json"), "utf8")) as { segments: Record<string, unknown>[] };
    delete segments.segments[3]!.speaker;
    writeFileSync(path, JSON.stringify(segments, null, 1));
    const run = oars(["analyze", "-f", "json", "--no-config", path]);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/no-speaker\.json: line \d+: a segment without "speaker" was given to the speaker before it, "SPEAKER_00"\n/);
  });
});

describe("a file with no conversation in it", () => {
  it("is refused as no conversation found, exit 2", () => {
    const run = oars(["analyze", "--no-config", join(ROOT, "README.md")]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^oars: .*README\.md: no conversation found/);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
  });
});
