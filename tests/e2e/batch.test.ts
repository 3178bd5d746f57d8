// End-to-end: many files at once. Worker threads give the same report as one thread, in the
// same order; ndjson streams; a reader that stops early and Ctrl-C both end cleanly.
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, fixture, oars } from "../helpers.js";

const SOURCES = [
  fixture("en", "session-alcohol.txt"),
  fixture("batch", "[2024] group a", "good.txt"),
  fixture("batch", "[2024] group a", "poor.txt"),
  fixture("batch", "group b", "with space.vtt"),
  fixture("formats", "teams.vtt"),
  fixture("formats", "whisperx.json"),
];

/** A folder of `count` transcripts (copies of the fixtures, names out of order) plus one bad file. */
function corpus(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), "oars-batch-"));
  for (let i = 0; i < count; i++) {
    const source = SOURCES[i % SOURCES.length]!;
    const ext = source.slice(source.lastIndexOf("."));
    copyFileSync(source, join(dir, `s${String((i * 7919) % count).padStart(4, "0")}${ext}`));
  }
  writeFileSync(join(dir, "s0000-empty.txt"), ""); // unreadable: reported, the rest still checked
  return dir;
}

describe("worker threads", () => {
  const dir = corpus(48);

  it.each(["table", "ndjson", "junit", "sarif", "github"])("--jobs 2 gives the same %s report, stderr and exit code as --jobs 1", (format) => {
    const one = oars(["check", "--no-config", "-f", format, "--jobs", "1", dir]);
    const two = oars(["check", "--no-config", "-f", format, "--jobs", "2", dir]);
    expect(two.stdout).toBe(one.stdout);
    expect(two.stderr).toBe(one.stderr);
    expect(two.status).toBe(one.status);
    expect(one.status).toBe(2); // the empty file
  });

  it("ndjson lines come out in path order", () => {
    const run = oars(["check", "--no-config", "-f", "ndjson", "--jobs", "2", dir]);
    const paths = run.stdout.trimEnd().split("\n").map((line) => (JSON.parse(line) as { path: string }).path);
    expect(paths).toHaveLength(49);
    expect(paths).toEqual([...paths].sort());
  });

  it("prints no progress bar when standard error is not a terminal", () => {
    const run = oars(["check", "--no-config", "--jobs", "2", dir]);
    expect(run.stderr).not.toMatch(/\r|\x1b\[/);
  });
});

describe("a file too big for a worker's heap", () => {
  it("is coded in the main thread instead, with the same report as one thread", () => {
    const dir = mkdtempSync(join(tmpdir(), "oars-big-"));
    const turn = "Counsellor: So you feel that drinking helps you relax after work, and you wonder what it costs?\nClient: Yes, I suppose so.\n";
    writeFileSync(join(dir, "big.txt"), turn.repeat(20_000)); // ~2.5 MB: far more than a 16 MB heap holds once coded
    copyFileSync(SOURCES[0]!, join(dir, "small.txt"));
    const args = ["check", "--no-config", "-f", "ndjson", dir];
    const capped = oars([...args, "--jobs", "2"], { env: { OARS_WORKER_HEAP_MB: "16" } });
    const single = oars([...args, "--jobs", "1"]);
    expect(capped.stderr).toBe(single.stderr);
    expect(capped.status).toBe(single.status);
    expect(capped.stdout).toBe(single.stdout);
    expect(capped.stdout.trimEnd().split("\n")).toHaveLength(2);
  });
});

describe("streaming and stopping", () => {
  const dir = corpus(600);

  it("ndjson streams: the first file's line arrives before the run ends", async () => {
    const child = spawn(process.execPath, [BIN, "check", "--no-config", "-f", "ndjson", dir], { stdio: ["ignore", "pipe", "pipe"] });
    let exited = false;
    let firstWhileRunning: boolean | null = null;
    child.stdout.on("data", () => (firstWhileRunning ??= !exited));
    const code = await new Promise<number | null>((resolve) => child.on("close", (c) => resolve(c)));
    exited = true;
    expect(firstWhileRunning).toBe(true);
    expect(code).toBe(2);
  });

  it("output piped into a reader that stops (| head -n 1) ends quietly", () => {
    const run = spawnSync("bash", ["-c", `"${process.execPath}" "${BIN}" check --no-config -f ndjson "${dir}" | head -n 1 >/dev/null; echo "exit \${PIPESTATUS[0]}"`], { encoding: "utf8" });
    expect(run.stdout).toBe("exit 0\n");
    expect(run.stderr).toBe(`oars: ${join(dir, "s0000-empty.txt")}: the file is empty\n`); // and no EPIPE error
  });

  it.each(["1", "2"])("Ctrl-C stops cleanly (--jobs %s): exit 130, one line, and no report file or temporary file left", async (jobs) => {
    const out = join(mkdtempSync(join(tmpdir(), "oars-out-")), "report.json");
    const child = spawn(process.execPath, [BIN, "check", "--no-config", "--jobs", jobs, "-f", "json", "-o", out, dir], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    // Wait until the run is under way (the empty file is reported first), then interrupt.
    await new Promise<void>((resolve) => child.stderr.once("data", () => resolve()));
    child.kill("SIGINT");
    const code = await new Promise<number | null>((resolve) => child.on("close", (c) => resolve(c)));
    expect(code).toBe(130);
    expect(stderr).toMatch(/oars: interrupted\n$/);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(join(out, ".."))).toEqual([]);
  });

  it("-o writes the whole report once the run completes", () => {
    const out = join(mkdtempSync(join(tmpdir(), "oars-out-")), "report.json");
    const run = oars(["check", "--no-config", "-f", "json", "-o", out, dir]);
    expect(run.stdout).toBe("");
    expect(readdirSync(join(out, ".."))).toEqual(["report.json"]);
  });
});
