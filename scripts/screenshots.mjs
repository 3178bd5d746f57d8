// `npm run screenshots`: pictures of the HTML report for README and docs/screenshots/, taken
// in the system's Chromium (as the browser tests; OARS_CHROMIUM names another binary) from the
// bundled example session and a small batch of fixtures. Run after `npm run build`.

import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const OUT = join(ROOT, "docs", "screenshots");
const CHROMIUM = [process.env.OARS_CHROMIUM, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].find((p) => p && existsSync(p));
if (!CHROMIUM) {
  console.error("screenshots: no Chromium found (install Debian's chromium, or set OARS_CHROMIUM)");
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), "oars-screenshots-"));
const report = (name, args) => {
  const file = join(work, `${name}.html`);
  spawnSync(process.execPath, [join(ROOT, "bin", "oars.js"), ...args, "--no-config", "-f", "html", "-o", file], { cwd: ROOT, stdio: "inherit" });
  return file;
};
mkdirSync(OUT, { recursive: true });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
try {
  const session = report("session", ["analyze", "fixtures/en/session-alcohol.txt"]);
  const batch = report("batch", ["check", "fixtures/batch", "fixtures/en", "fixtures/nb/session-alkohol.txt"]);
  const shots = [
    { file: session, name: "session-1280.png", width: 1280, height: 1100 },
    { file: session, name: "session-390.png", width: 390, height: 1400 },
    { file: batch, name: "check-overview-1280.png", width: 1280, height: 560 },
  ];
  for (const shot of shots) {
    const page = await browser.newPage({ viewport: { width: shot.width, height: shot.height } });
    await page.goto(`file://${shot.file}`);
    await page.screenshot({ path: join(OUT, shot.name) });
    await page.close();
    console.log(`screenshots: docs/screenshots/${shot.name}`);
  }
  // A chip's tooltip, reached with the keyboard.
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`file://${session}`);
  const chip = page.locator(".c.low").nth(2);
  await chip.scrollIntoViewIfNeeded();
  await chip.focus();
  const box = await chip.boundingBox();
  await page.screenshot({ path: join(OUT, "chip-tooltip.png"), clip: { x: 0, y: Math.max(0, box.y - 90), width: 1280, height: 200 } });
  console.log("screenshots: docs/screenshots/chip-tooltip.png");
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}
