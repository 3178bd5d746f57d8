// End-to-end: `oars trend` over sessions dated by name or by modification time.
import { copyFileSync, mkdirSync, mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixture, oars } from "../helpers.js";
import { CHROMIUM, NO_CHROMIUM_REASON, openReport, sharedBrowser } from "../support/browser.js";

const POOR = fixture("batch", "[2024] group a", "poor.txt");
const GOOD = fixture("batch", "[2024] group a", "good.txt");
const ALCOHOL = fixture("en", "session-alcohol.txt");

/** Three sessions: two dated by name, one (undated name) by its modification time, in between. */
function sessions(): string {
  const dir = mkdtempSync(join(tmpdir(), "oars-trend-"));
  mkdirSync(join(dir, "later"));
  copyFileSync(GOOD, join(dir, "later", "2026-03-14-anna.txt"));
  copyFileSync(POOR, join(dir, "2026-01-10-anna.txt"));
  const undated = join(dir, "anna-middle.txt");
  copyFileSync(ALCOHOL, undated);
  const feb = new Date("2026-02-14T12:00:00Z");
  utimesSync(undated, feb, feb);
  return dir;
}

/** The table's rows, each a list of lines of cells; the first is the header (a row starts at a date). */
function tableRows(stdout: string): string[][][] {
  const rows: string[][][] = [[]];
  for (const line of stdout.split("\n").filter((l) => l.startsWith("│"))) {
    const cells = line.slice(1, -1).split("│").map((cell) => cell.trim());
    if (/^\d{4}-\d\d-\d\d/.test(cells[0]!)) rows.push([]);
    rows[rows.length - 1]!.push(cells);
  }
  return rows;
}

/** A row's text column by column, its lines joined. */
const columns = (row: string[][]) => row[0]!.map((_, i) => row.map((line) => line[i]).filter(Boolean).join(" "));
const squeeze = (cells: string[]) => cells.join("").replace(/\s+/g, "");

describe("oars trend", () => {
  it("json: sessions in date order, each date's source, the change first → last judged against coding noise", () => {
    const dir = sessions();
    const run = oars(["trend", "--no-config", "-f", "json", dir]);
    expect(run.status, run.stderr).toBe(0);
    const trend = JSON.parse(run.stdout);
    expect(trend.sessions.map((s: { date: string; dateFrom: string }) => [s.date, s.dateFrom])).toEqual([
      ["2026-01-10", "name"],
      ["2026-02-14", "modified"],
      ["2026-03-14", "name"],
    ]);
    expect(trend.sessions[1].path).toContain("anna-middle.txt");
    const byScore = Object.fromEntries(trend.changes.map((c: { score: string }) => [c.score, c]));
    // poor.txt has 2 persuading lines and good.txt none: beyond the ±1.46 of coding noise (73 % of 2).
    expect(byScore.miNonAdherent).toMatchObject({ from: 2, to: 0, verdict: "beyond-noise" });
    // poor.txt asks fewer than 5 questions: too few to tell.
    expect(byScore.percentOpenQuestions.verdict).toBe("too-few");
    expect(trend.noiseRule.percentOpenQuestions).toMatchObject({ kind: "share", points: 21 });
    // % change talk follows the client coding of each session (CT ÷ (CT + ST)); client talk agrees
    // with the experts too little to judge it, so its change is shown but never judged.
    const client = JSON.parse(oars(["analyze", "--no-config", "-f", "json", ALCOHOL]).stdout).files[0].metrics.client;
    expect(client.changeTalk + client.sustainTalk).toBeGreaterThan(0);
    expect(trend.sessions[1].scores.percentChangeTalk).toBeCloseTo((100 * client.changeTalk) / (client.changeTalk + client.sustainTalk), 6);
    if (byScore.percentChangeTalk) expect(byScore.percentChangeTalk.verdict).toBe("not-judged");
  });

  it("table: plain words for each change and the rule used", () => {
    const run = oars(["trend", "--no-config", sessions()]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("3 sessions, 2026-01-10 to 2026-03-14");
    expect(run.stdout).toContain("(date modified)");
    expect(run.stdout).toMatch(/MI non-adherent 2 → 0 \(−2\): more than coding noise \(±1\.46\)/);
    expect(run.stdout).toContain("Coding noise, from oars' agreement with expert coders");
  });

  it("within coding noise is said plainly", () => {
    const dir = mkdtempSync(join(tmpdir(), "oars-trend-noise-"));
    writeFileSync(join(dir, "2026-01-01-a.txt"), "Counsellor: What brings you here?\nClient: My doctor sent me.\nCounsellor: You should stop drinking.\nClient: Maybe.\n");
    writeFileSync(join(dir, "2026-02-01-a.txt"), "Counsellor: What brings you here?\nClient: My doctor sent me.\nCounsellor: Your doctor sent you.\nClient: Yes.\n");
    const run = oars(["trend", "--no-config", dir]);
    expect(run.status, run.stderr).toBe(0);
    // One persuading line fewer is within what coding alone can change (±1).
    const said = run.stdout.replace(/\n +/g, " ");
    expect(said).toMatch(/MI non-adherent 1 → 0 \(−1\): within coding noise \(±1\): oars' coding alone could move it this much/);
    expect(said).toMatch(/R:Q 0\.00 → 1\.00 \(\+1\.00\): too few to tell/);
    // Its sentences wrap at the width (80 columns in a pipe), and its table fits it too.
    expect(run.stdout.split("\n").filter((line) => [...line].length > 80)).toEqual([]);
    expect(run.stdout).toMatch(/\n {4}\S/); // a change's line goes on indented
  });

  it("--locale nb, and an unreadable file reported without stopping the others (exit 2)", () => {
    const dir = sessions();
    writeFileSync(join(dir, "2026-02-01-empty.txt"), "   \n");
    const run = oars(["trend", "--no-config", "--locale", "nb", dir]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/2026-02-01-empty\.txt: the file is empty/);
    expect(run.stdout).toContain("3 samtaler, 2026-01-10 til 2026-03-14");
    expect(run.stdout).toContain("mer enn kodestøy");
  });

  it("the noise band of a count is a figure rounded like the others, with the locale's decimal sign", () => {
    // 3 → 0 persuading lines: 73 % of 3 is 2.19, stated with two decimals at most.
    const dir = mkdtempSync(join(tmpdir(), "oars-trend-band-"));
    writeFileSync(join(dir, "2026-01-01-a.txt"), "Counsellor: You need to stop smoking.\nClient: It's hard.\nCounsellor: You should just quit.\nClient: I tried.\nCounsellor: That's not true, you didn't try properly.\nClient: Whatever.\n");
    writeFileSync(join(dir, "2026-02-01-a.txt"), "Counsellor: What brings you here?\nClient: My doctor sent me.\nCounsellor: Your doctor sent you.\nClient: Yes.\n");
    const run = oars(["trend", "--no-config", dir]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/MI non-adherent 3 → 0 \(−3\): more than coding noise \(±2\.19\)/);
    const nb = oars(["trend", "--no-config", "--locale", "nb", dir]);
    expect(nb.stdout).toContain("(±2,19)");
  });

  it("the table fits 80 columns (COLUMNS=80) in every locale, with every figure, date, date source and path still in it", () => {
    const inputs = [[sessions()], ["session-alkohol.txt", "session-medisiner.txt", "nynorsk.txt"].map((name) => fixture("nb", name))];
    for (const locale of ["en", "nb", "da", "sv"]) {
      for (const files of inputs) {
        const narrow = oars(["trend", "--no-config", "--locale", locale, ...files], { env: { COLUMNS: "80" } });
        expect(narrow.status, narrow.stderr).toBe(0);
        const over = narrow.stdout.split("\n").filter((line) => [...line].length > 80);
        expect(over, `${locale}: lines over 80 columns`).toEqual([]);
        // The same report with room to spare draws each row on one line: the reference.
        const wide = oars(["trend", "--no-config", "--locale", locale, ...files], { env: { COLUMNS: "400" } });
        const [wideHead, ...wideRows] = tableRows(wide.stdout);
        const [narrowHead, ...narrowRows] = tableRows(narrow.stdout);
        expect(wideRows.every((row) => row.length === 1)).toBe(true);
        expect(narrowRows.length).toBe(wideRows.length);
        expect(wideRows.length).toBe(3);
        // Every column title, word for word (a title may wrap onto a second line).
        expect(squeeze(columns(narrowHead!))).toBe(squeeze(columns(wideHead!)));
        for (const [i, row] of narrowRows.entries()) {
          const shown = columns(row);
          const whole = columns(wideRows[i]!);
          // The five figures, each whole in its own column; the date, its source and the path, wrapped maybe, in order.
          expect(shown.slice(-5), locale).toEqual(whole.slice(-5));
          expect(squeeze(shown.slice(0, -5))).toBe(squeeze(whole.slice(0, -5)));
        }
      }
    }
  });

  it("one session: says a trend needs two", () => {
    const run = oars(["trend", "--no-config", GOOD]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("One session: a trend needs at least two.");
  });
});

describe.skipIf(!CHROMIUM)(CHROMIUM ? "oars trend -f html in Chromium" : NO_CHROMIUM_REASON, () => {
  const browserOf = sharedBrowser();

  it("a chart per score with a point per session and its bands; no request, no error, no sideways scroll at 390 px", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "oars-trend-html-")), "trend.html");
    const dir = sessions();
    expect(oars(["trend", "--no-config", "-f", "html", "-o", file, dir]).status).toBe(0);
    // % change talk: a point for each session whose client said change or sustain talk.
    const talking = JSON.parse(oars(["trend", "--no-config", "-f", "json", dir]).stdout).sessions.filter((s: { scores: { percentChangeTalk?: number | null } }) => typeof s.scores.percentChangeTalk === "number").length;
    expect(talking).toBeGreaterThan(0);
    for (const width of [1280, 390]) {
      const { page, errors, requests } = await openReport(browserOf(), file, width);
      expect(await page.locator("figure.chart").count()).toBe(5);
      const points = await page.locator("figure.chart").evaluateAll((figures) => figures.map((f) => f.querySelectorAll("circle.pt").length));
      // % complex has no figure for poor.txt (no reflections): two points there, three elsewhere.
      expect(points).toEqual([3, 2, 3, 3, talking]);
      expect(await page.locator("rect.band-good").count()).toBe(3);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
      await page.close();
    }
  });
});

describe("oars trend --counsellor", () => {
  it("names the counsellor as analyze does (the speaker is not guessed, and no note says so)", () => {
    const dir = mkdtempSync(join(tmpdir(), "oars-trend-counsellor-"));
    const transcript = join(dir, "2026-01-10-whisper.json");
    writeFileSync(
      transcript,
      JSON.stringify({
        segments: [
          { start: 0, end: 2, text: " What brings you in today?", speaker: "SPEAKER_01" },
          { start: 2, end: 4, text: " My doctor sent me. I drink too much, she says.", speaker: "SPEAKER_00" },
          { start: 4, end: 6, text: " So coming here was her idea. What do you make of it?", speaker: "SPEAKER_01" },
          { start: 6, end: 8, text: " I want to sleep better.", speaker: "SPEAKER_00" },
        ],
      }),
    );
    const guessed = oars(["trend", "--no-config", transcript]);
    expect(guessed.status, guessed.stderr).toBe(0);
    expect(guessed.stderr).toMatch(/took "SPEAKER_01" as the counsellor/);
    const named = oars(["trend", "--no-config", "--counsellor", "SPEAKER_01", transcript]);
    expect(named.status, named.stderr).toBe(0);
    expect(named.stderr).toBe("");
    expect(oars(["analyze", "--no-config", "--counsellor", "SPEAKER_01", transcript]).stderr).toBe("");
  });
});
