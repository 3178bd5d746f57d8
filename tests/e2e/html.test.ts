// End-to-end: the HTML report's file as text (the browser tests open it): self-contained,
// in the report's locale, redacted when asked, exit codes as for every format.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixture, oars } from "../helpers.js";
import { messagesFor } from "../../src/locale/messages.js";

const ALCOHOL = fixture("en", "session-alcohol.txt");
const POOR = fixture("batch", "[2024] group a", "poor.txt");
const dir = mkdtempSync(join(tmpdir(), "oars-html-"));

describe("--format html", () => {
  it("is one self-contained file: styles and script inline, nothing to fetch, a policy that forbids fetching", () => {
    const run = oars(["analyze", "--no-config", "-f", "html", ALCOHOL]);
    expect(run.status).toBe(0);
    const html = run.stdout;
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html.trimEnd().endsWith("</html>")).toBe(true);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none';[^"]*script-src 'sha256-[A-Za-z0-9+/=]+'/);
    // No attribute or rule that could load anything: no src, no external href, no CSS url() or @import.
    expect(html).not.toMatch(/\ssrc=/i);
    expect(html).not.toMatch(/href="(?!#)/i);
    expect(html).not.toMatch(/url\(|@import|@font-face/i);
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html.match(/<style>/g)).toHaveLength(1);
  });

  it("without --locale, the page's lang and title are its files' language when they share one (a batch's too, written with -o)", () => {
    const out = join(dir, "lang");
    mkdirSync(out);
    const nb = [fixture("nb", "session-alkohol.txt"), fixture("nb", "session-medisiner.txt")];
    const page = ([command, ...files]: string[]) => {
      const file = join(out, "page.html");
      const run = oars([command!, "--no-config", "-f", "html", "-o", file, ...files]);
      expect(run.status, run.stderr).not.toBe(2);
      return readFileSync(file, "utf8");
    };
    const [NB_TITLE, EN_TITLE] = [messagesFor("nb").html.title, messagesFor("en").html.title];
    expect(NB_TITLE).not.toBe(EN_TITLE);
    const head = (html: string) => [/<html lang="(\w+)">/.exec(html)?.[1], /<title>([^<]*)<\/title>/.exec(html)?.[1]];
    expect(head(oars(["analyze", "--no-config", "-f", "html", nb[0]!]).stdout)).toEqual(["nb", `${NB_TITLE}: oars analyze`]);
    expect(head(page(["analyze", nb[0]!]))).toEqual(["nb", `${NB_TITLE}: oars analyze`]);
    expect(head(page(["check", ...nb]))).toEqual(["nb", `${NB_TITLE}: oars check`]);
    expect(head(page(["check", nb[0]!, ALCOHOL]))).toEqual(["en", `${EN_TITLE}: oars check`]);
    expect(head(page(["analyze", ALCOHOL]))).toEqual(["en", `${EN_TITLE}: oars analyze`]);
  });

  it("speaks the report's locale", () => {
    const html = oars(["analyze", "--no-config", "-f", "html", "--locale", "nb", ALCOHOL]).stdout;
    expect(html).toContain('<html lang="nb">');
    expect(html).toContain("Samtalens tidslinje");
    expect(html).toContain("Markerte ytringer (2)");
    expect(html).not.toContain("Session timeline");
  });

  it("--redact leaves no word or name of the transcript in the file", () => {
    const file = join(dir, "session.txt");
    const said = [
      "Therapist Quorwyn: What brings you to Zembletown today?",
      "Client Ilvarreth: My physician Doctor Prendergastly insisted. Marzipanish cravings, honestly.",
      "Therapist Quorwyn: You should stop eating the marzipanish snacks right away.",
      "Client Ilvarreth: Hmm, Brontalwick says otherwise.",
      "Therapist Quorwyn: Brontalwick matters to you.",
      "Client Ilvarreth: Indeed.",
    ];
    writeFileSync(file, `${said.join("\n")}\n`);
    const run = oars(["analyze", "--no-config", "--redact", "-f", "html", file]);
    expect(run.status).toBe(0);
    const html = run.stdout.toLowerCase();
    // The names, and words no report or rule id says of itself.
    for (const word of ["quorwyn", "zembletown", "ilvarreth", "prendergastly", "marzipanish", "brontalwick", "physician", "insisted", "cravings", "snacks", "honestly", "otherwise", "indeed"]) {
      expect(said.join(" ").toLowerCase()).toContain(word);
      expect(html, word).not.toContain(word);
    }
    expect(html).toContain("[per]");
    // Redacted words are codes, so a share of words would mislead: it is left out (untimed transcript).
    expect(html).not.toContain("share of words");
    expect(oars(["analyze", "--no-config", "-f", "html", file]).stdout).toContain("share of words");
  });

  it("check: exit 1 when a session misses a threshold, with the overview and a section per session", () => {
    const out = join(dir, "check.html");
    const run = oars(["check", "--no-config", "-f", "html", "-o", out, POOR, ALCOHOL]);
    expect(run.status).toBe(1);
    const html = readFileSync(out, "utf8");
    expect(html.match(/<section class="file"/g)).toHaveLength(2);
    expect(html).toContain('id="overview"');
    expect(html.match(/<tr><th scope="row"><a href="#f[0-9a-z]+">/g)).toHaveLength(2);
  });

  it("an unreadable file gets its own section and a line in the overview; the others are still reported", () => {
    const run = oars(["check", "--no-config", "-f", "html", ALCOHOL, join(dir, "missing.txt")]);
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('<section class="error"');
    expect(run.stdout).toContain("no such file");
    expect(run.stdout.match(/<section class="file"/g)).toHaveLength(1);
  });
});
