// A real headless browser for the HTML report's tests: the system's Chromium (Debian package
// `chromium`; OARS_CHROMIUM names another binary), driven by playwright-core, which downloads
// no browser of its own. When no Chromium is found the browser tests skip and say why.

import { existsSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";

const CANDIDATES = [process.env.OARS_CHROMIUM, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

export const CHROMIUM: string | undefined = CANDIDATES.find((path): path is string => typeof path === "string" && path !== "" && existsSync(path));
export const NO_CHROMIUM_REASON = "no Chromium found (install Debian's `chromium` package, or set OARS_CHROMIUM): browser tests skipped";

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM!, args: ["--no-sandbox"] });
}

/** One browser for the tests of a describe block: launched before them, closed after. */
export function sharedBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => browser!;
}

export interface Watched {
  page: Page;
  /** Console errors and uncaught exceptions, as text. */
  errors: string[];
  /** Every request other than the report file itself: each is refused, and listed here. */
  requests: string[];
  /** Dialogs (alert, confirm) any script opened. */
  dialogs: string[];
}

/** Open a report file in a new page that refuses and records every request but the file itself. */
export async function openReport(browser: Browser, file: string, width = 1280): Promise<Watched> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const watched: Watched = { page, errors: [], requests: [], dialogs: [] };
  const self = new URL(`file://${file}`).href;
  page.on("console", (message) => {
    if (message.type() === "error") watched.errors.push(message.text());
  });
  page.on("pageerror", (error) => watched.errors.push(error.message));
  page.on("dialog", async (dialog) => {
    watched.dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await page.route("**/*", async (route) => {
    const url = route.request().url();
    if (url === self) return route.continue();
    watched.requests.push(url);
    return route.abort();
  });
  // Requests the router does not see (CSP-blocked ones never start) still show as console errors.
  page.on("request", (request) => {
    const url = request.url();
    if (url !== self && !url.startsWith("data:") && !watched.requests.includes(url)) watched.requests.push(url);
  });
  await page.goto(self, { waitUntil: "load" });
  return watched;
}

/** The number of pages in a PDF: its page objects. */
export function pdfPages(pdf: Buffer): number {
  return (pdf.toString("latin1").match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}
