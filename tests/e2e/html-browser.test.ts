// End-to-end, as a person sees it: the HTML report written by the real bin/oars.js, opened in
// a real headless Chromium (the system's; skipped, saying so, when there is none). The page
// must make no request and log no error, show every flagged line, draw one timeline mark per
// turn, show a chip's reason on keyboard focus, fit 1280 and 390 px without sideways
// scrolling, print to A4 with each file on its own pages, and run nothing a transcript says.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixture, oars } from "../helpers.js";
import { CHROMIUM, NO_CHROMIUM_REASON, openReport, pdfPages, sharedBrowser } from "../support/browser.js";
import { messagesFor } from "../../src/locale/messages.js";
import type { Language } from "../../src/languages.js";

const ALCOHOL = fixture("en", "session-alcohol.txt");
const GOOD = fixture("batch", "[2024] group a", "good.txt");
const POOR = fixture("batch", "[2024] group a", "poor.txt");
const VTT = fixture("batch", "group b", "with space.vtt");
const dir = mkdtempSync(join(tmpdir(), "oars-html-browser-"));

/** Run oars with `-f html -o <tmp>` and return the report's path and the same run's JSON. */
function report(name: string, args: string[]): { file: string; json: { files: { turns: unknown[]; flags: { text: string; rule: string }[] }[] } } {
  const file = join(dir, `${name}.html`);
  const run = oars([...args, "--no-config", "-f", "html", "-o", file]);
  expect(run.status, run.stderr).not.toBe(2);
  const json = JSON.parse(oars([...args, "--no-config", "-f", "json"]).stdout);
  return { file, json };
}

const TINY = join(dir, "tiny.txt");
writeFileSync(TINY, "Counsellor: What brings you here?\nClient: My doctor sent me.\nCounsellor: You were sent, and you are not sure why.\nClient: Yes.\n");

describe.skipIf(!CHROMIUM)(CHROMIUM ? "the HTML report in Chromium" : NO_CHROMIUM_REASON, () => {
  const browserOf = sharedBrowser();

  it("the bundled example: no console error, no request, every flagged line, one timeline mark per turn", async () => {
    const { file, json } = report("alcohol", ["analyze", ALCOHOL]);
    const { page, errors, requests } = await openReport(browserOf(), file);
    const result = json.files[0]!;
    expect(result.flags.length).toBeGreaterThan(0);
    const shown = await page.locator(".flags li.flag q").allTextContents();
    expect(shown).toEqual(result.flags.map((f) => f.text));
    for (const flag of result.flags) expect(await page.locator(".flags").textContent()).toContain(flag.rule);
    expect(await page.locator("svg.tl .m").count()).toBe(result.turns.length);
    expect(await page.locator("svg.tl .fl").count()).toBe(new Set(result.flags.map((f) => (f as unknown as { turn: number }).turn)).size);
    expect(await page.locator(".turns > li.flagged").count()).toBe(new Set(result.flags.map((f) => (f as unknown as { turn: number }).turn)).size);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });

  it("code chips are reached with the keyboard alone and show their rule on focus; Escape hides it", async () => {
    const { file, json } = report("alcohol-keys", ["analyze", ALCOHOL]);
    const { page, errors } = await openReport(browserOf(), file);
    const tip = page.locator("#oars-tip");
    expect(await tip.isVisible()).toBe(false);
    // Tab from the top of the page until focus lands on a chip: nothing before it traps focus.
    let onChip = false;
    for (let i = 0; i < 20 && !onChip; i++) {
      await page.keyboard.press("Tab");
      onChip = await page.evaluate(() => document.activeElement?.classList.contains("c") ?? false);
    }
    expect(onChip).toBe(true);
    expect(await tip.isVisible()).toBe(true);
    const turns = json.files[0]!.turns as { utterances: { rule: string }[] }[];
    expect(await tip.textContent()).toContain(turns[0]!.utterances[0]!.rule);
    // The tooltip sits by the chip, and is what a screen reader hears as the chip's description.
    const chipBox = (await page.evaluate(() => document.activeElement!.getBoundingClientRect().toJSON())) as DOMRect;
    const tipBox = (await tip.boundingBox())!;
    expect(Math.abs(tipBox.y - (chipBox.y + chipBox.height))).toBeLessThan(20);
    const described = await page.evaluate(() =>
      document.activeElement!.getAttribute("aria-describedby")!.split(" ").map((id) => document.getElementById(id)!.textContent).join(" · "),
    );
    expect(await tip.textContent()).toBe(described);
    await page.keyboard.press("Escape");
    expect(await tip.isVisible()).toBe(false);
    // The next chip shows its own; a low-confidence chip says so in words, not only by its dashed outline.
    await page.keyboard.press("Tab");
    expect(await tip.isVisible()).toBe(true);
    const low = page.locator(".c.low").first();
    await low.focus();
    expect(await tip.textContent()).toContain("low confidence: review");
    expect(await low.textContent()).toMatch(/\?$/);
    // Hover shows it too.
    await page.locator(".c").nth(3).hover();
    expect(await tip.isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("text meets WCAG AA contrast: chips, captions, speaker lines, flagged labels, links, levels", async () => {
    const { page } = await openReport(browserOf(), report("contrast", ["analyze", ALCOHOL]).file);
    const low = await page.evaluate(() => {
      const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).slice(0, 4).map(Number);
      const luminance = ([r, g, b]: number[]) => {
        const [R, G, B] = [r!, g!, b!].map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
        return 0.2126 * R! + 0.7152 * G! + 0.0722 * B!;
      };
      // The background an element's text is drawn on: its own, else the nearest opaque ancestor's.
      const background = (el: Element | null): number[] => {
        for (let e = el; e; e = e.parentElement) {
          const c = rgb(getComputedStyle(e).backgroundColor);
          if (c.length === 3 || (c[3] ?? 0) > 0.99) return c;
        }
        return [255, 255, 255];
      };
      const found: string[] = [];
      const checked = document.querySelectorAll(".c, .note, .h, .h b, .reading, .flag-label, a, .bounds, .legend li, .meta, .result, .instead, code");
      for (const el of checked) {
        const fg = luminance(rgb(getComputedStyle(el).color));
        const bg = luminance(background(el));
        const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
        if (ratio < 4.5) found.push(`${el.className || el.tagName}: ${ratio.toFixed(2)}`);
      }
      return { found, checked: checked.length };
    });
    expect(low.checked).toBeGreaterThan(80);
    expect(low.found).toEqual([]);
    await page.close();
  });

  for (const width of [1280, 390]) {
    it(`no horizontal scroll at ${width} px, for one session and for a batch`, async () => {
      for (const { file } of [report(`wide-${width}`, ["analyze", ALCOHOL]), report(`batch-${width}`, ["check", GOOD, POOR, VTT, ALCOHOL])]) {
        const { page } = await openReport(browserOf(), file, width);
        // Lay out every section, not only those in view (the page skips off-screen ones), so all are measured.
        await page.addStyleTag({ content: "section.file { content-visibility: visible !important; }" });
        expect(await page.evaluate(() => getComputedStyle(document.querySelector("section.file")!).contentVisibility)).toBe("visible");
        const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
        expect(scroll, file).toBeLessThanOrEqual(inner);
        await page.close();
      }
    });
  }

  it("prints to A4 with each file starting a page: a short session on one page, a batch on the overview's page plus one a session", async () => {
    const pagesOf = async (file: string) => {
      const { page } = await openReport(browserOf(), file);
      const pdf = await page.pdf({ format: "A4", printBackground: true });
      await page.close();
      return pdfPages(pdf);
    };
    expect(await pagesOf(report("tiny", ["analyze", TINY]).file)).toBe(1);
    expect(await pagesOf(report("long", ["analyze", ALCOHOL]).file)).toBeGreaterThan(1);
    const copies = [1, 2, 3].map((i) => {
      const copy = join(dir, `tiny-${i}.txt`);
      writeFileSync(copy, readFileSync(TINY));
      return copy;
    });
    const three = report("three", ["check", ...copies]).file;
    expect(await pagesOf(three), three).toBe(1 + copies.length);
  }, 120_000);

  it("a batch: the overview comes first, a row per session links to its section, each sparkline shows that session's marks", async () => {
    const { file, json } = report("overview", ["check", GOOD, POOR, VTT]);
    const { page, errors, requests } = await openReport(browserOf(), file);
    expect(await page.evaluate(() => document.querySelector("main")!.firstElementChild!.id)).toBe("overview");
    const links = await page.locator("#overview tbody th a").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).hash));
    expect(links).toHaveLength(3);
    for (const [i, hash] of links.entries()) {
      const section = page.locator(`section.file${hash}`);
      expect(await section.count()).toBe(1);
      expect(await section.locator("svg.tl .m").count()).toBe(json.files[i]!.turns.length);
    }
    // <use> draws the section's marks: the sparkline's box is not empty.
    const box = await page.locator("#overview svg").first().evaluate((svg) => (svg as SVGSVGElement).getBBox().width);
    expect(box).toBeGreaterThan(0);
    await page.locator("#overview tbody th a").nth(1).click();
    expect(await page.evaluate(() => location.hash)).toBe(links[1]);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });

  it("draws every mark with a width: one the stylesheet gives a session placed by turn order, each its own when placed by time", async () => {
    const { file } = report("widths", ["check", GOOD, VTT]);
    const { page, errors } = await openReport(browserOf(), file);
    const marksOf = (i: number) =>
      page.locator("section.file").nth(i).locator("svg.tl .m").evaluateAll((rects) => rects.map((r) => ({ width: (r as SVGRectElement).getBBox().width, own: r.hasAttribute("width") })));
    const [byTurn, byTime] = [await marksOf(0), await marksOf(1)];
    expect(byTurn.length).toBeGreaterThan(3);
    expect(byTurn.every((m) => !m.own)).toBe(true);
    expect(byTurn[0]!.width).toBeGreaterThan(1);
    expect(new Set(byTurn.map((m) => m.width.toFixed(3))).size).toBe(1);
    expect(byTime.length).toBeGreaterThan(3);
    expect(byTime.every((m) => m.own && m.width > 0)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("speaks its language to screen readers: every text of a Norwegian report, footer, overview and tooltip too, sits under lang=nb", async () => {
    const ALKOHOL = fixture("nb", "session-alkohol.txt");
    const MEDISINER = fixture("nb", "session-medisiner.txt");
    for (const { file } of [report("nb-one", ["analyze", ALKOHOL]), report("nb-batch", ["check", ALKOHOL, MEDISINER])]) {
      const { page, errors } = await openReport(browserOf(), file);
      await page.locator(".c").first().focus();
      expect(await page.locator("#oars-tip").isVisible()).toBe(true);
      // The tooltip's figures (probability, the reasons' weights) with the decimal comma too.
      const tip = (await page.locator("#oars-tip").textContent())!;
      expect(tip).toMatch(/[+-]\d+,\d\d\)/);
      expect(tip).not.toMatch(/\d\.\d/);
      // Each visible text's language is its nearest lang attribute's: the page's own too (the batch's skip link).
      const misspoken = await page.evaluate(() => {
        const found: string[] = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const parent = node.parentElement!;
          if (!node.textContent!.trim() || parent.closest("script")) continue;
          const lang = parent.closest("[lang]")!.getAttribute("lang");
          if (lang !== "nb") found.push(`${lang}: ${node.textContent!.trim().slice(0, 40)}`);
        }
        return found;
      });
      expect(misspoken, file).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it("the page's lang and <title> are its transcripts' language under --locale auto (one file, or a batch in one language); a page mixing languages keeps English and each section its own", async () => {
    const ALKOHOL = fixture("nb", "session-alkohol.txt");
    const MEDISINER = fixture("nb", "session-medisiner.txt");
    const BLODTRYCK = fixture("sv", "session-blodtryck.txt");
    // Written to standard output as well as with -o: one file's page is the same either way.
    const streamed = join(dir, "page-nb-stdout.html");
    const run = oars(["analyze", "--no-config", "-f", "html", ALKOHOL]);
    expect(run.status, run.stderr).toBe(0);
    writeFileSync(streamed, run.stdout);
    const cases: { file: string; lang: string; title: string; sections: string[] }[] = [
      { file: report("page-nb", ["analyze", ALKOHOL]).file, lang: "nb", title: "analyze", sections: ["nb"] },
      { file: streamed, lang: "nb", title: "analyze", sections: ["nb"] },
      { file: report("page-en", ["analyze", ALCOHOL]).file, lang: "en", title: "analyze", sections: ["en"] },
      { file: report("page-sv", ["analyze", BLODTRYCK]).file, lang: "sv", title: "analyze", sections: ["sv"] },
      { file: report("page-nb-batch", ["check", ALKOHOL, MEDISINER]).file, lang: "nb", title: "check", sections: ["nb", "nb"] },
      { file: report("page-mixed", ["check", ALKOHOL, ALCOHOL]).file, lang: "en", title: "check", sections: ["en", "nb"] },
    ];
    for (const { file, lang, title, sections } of cases) {
      const { page, errors } = await openReport(browserOf(), file);
      expect(await page.evaluate(() => document.documentElement.lang), file).toBe(lang);
      expect(await page.evaluate(() => document.title), file).toBe(`${messagesFor(lang as Language).html.title}: oars ${title}`);
      expect(await page.locator("section.file").evaluateAll((all) => all.map((s) => s.getAttribute("lang"))), file).toEqual(sections);
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it("names the timeline's lanes at 390 px too, each beside its lane (green and red mean one thing for the counsellor, another for the client)", async () => {
    for (const { file } of [report("lanes-en", ["analyze", ALCOHOL]), report("lanes-sv", ["analyze", fixture("sv", "session-cannabis.txt")])]) {
      const { page } = await openReport(browserOf(), file, 390);
      const labels = page.locator("section.file .lane-labels span");
      expect(await labels.count()).toBe(2);
      const lanes = await page.locator("section.file svg.tl rect.lane").evaluateAll((rects) => rects.map((r) => r.getBoundingClientRect().toJSON() as DOMRect));
      for (const [i, lane] of lanes.entries()) {
        const label = labels.nth(i);
        expect(await label.isVisible(), file).toBe(true);
        const box = (await label.boundingBox())!;
        // Beside its lane, inside the page, and no word cut in two.
        expect(Math.abs(box.y + box.height / 2 - (lane.y + lane.height / 2)), file).toBeLessThan(4);
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(lane.x);
        const text = (await label.textContent())!;
        const lines = await label.evaluate((el) => {
          const range = document.createRange();
          range.selectNodeContents(el);
          return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
        });
        expect(lines, text).toBeLessThanOrEqual(text.split(" ").length);
      }
      await page.close();
    }
  });

  it("runs nothing a transcript says: <script> and an onerror attribute in words, speaker names and the file name", async () => {
    const hostile = join(dir, '"><img src=x onerror=alert(9)>.json');
    const speaker = "<script>alert('c')</script>";
    writeFileSync(
      hostile,
      JSON.stringify({
        segments: [
          { start: 0, end: 3, speaker, text: "What brings you here today?" },
          { start: 3, end: 6, speaker: '"><img src=x onerror=alert(2)>', text: "My doctor <script>alert(3)</script> sent me." },
          { start: 6, end: 9, speaker, text: 'You should stop drinking "><img src=x onerror=alert(4)> now.' },
          { start: 9, end: 12, speaker: '"><img src=x onerror=alert(2)>', text: "Maybe <b onmouseover=alert(5)>so</b>. Yes." },
        ],
      }),
    );
    const { file } = report("hostile", ["analyze", "--counsellor", speaker, hostile]);
    const { page, errors, requests, dialogs } = await openReport(browserOf(), file);
    await page.mouse.move(300, 300);
    expect(dialogs).toEqual([]);
    expect(await page.locator("img, [onerror], [onmouseover]").count()).toBe(0);
    expect(await page.locator("script").count()).toBe(1);
    const text = await page.locator("body").textContent();
    for (const said of ["<script>alert(3)</script>", '"><img src=x onerror=alert(4)>', speaker, '"><img src=x onerror=alert(9)>.json']) expect(text).toContain(said);
    // The flagged line is shown as said, markup and all.
    expect(await page.locator(".flags q").first().textContent()).toContain('"><img src=x onerror=alert(4)>');
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });
});
