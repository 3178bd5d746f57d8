// Issue 15, each item reproduced against the real bin/oars.js: files that are not files,
// -o that must never destroy anything, redaction and injection on every output, and batches
// that must not lose everything. Devices, FIFOs and the small full disk are made in a temporary
// folder (never /dev/zero, /dev/null or /dev/full themselves). Every run is bounded in time:
// a hang fails its test (the run is killed) instead of hanging the suite.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import {
  chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, openSync, closeSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { marked } from "marked";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, fixture, oars } from "../helpers.js";

const GOOD = fixture("en", "session-alcohol.txt");
const SECONDS = 1000;
const isRoot = process.getuid?.() === 0;
const folders: string[] = [];
const tempFolder = () => {
  const dir = mkdtempSync(join(tmpdir(), "oars-hardening-"));
  folders.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

/** mknod in our own folder: a copy of a device's numbers, never the system's file. */
function device(dir: string, name: string, major: number, minor: number): string {
  const path = join(dir, name);
  execFileSync("mknod", [path, "c", String(major), String(minor)]);
  return path;
}
const zero = (dir: string) => device(dir, "zero", 1, 5);
const fifo = (dir: string, name: string) => {
  const path = join(dir, name);
  execFileSync("mkfifo", [path]);
  return path;
};
const oneLine = (stderr: string) => expect(stderr.trim().split("\n"), stderr).toHaveLength(1);
const noStack = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at |TypeError|RangeError/);

describe.skipIf(!isRoot)("files that are not files", () => {
  it("refuses a device, a random device and a FIFO named as input, quickly, and still codes the good file", () => {
    const dir = tempFolder();
    const inputs = [zero(dir), device(dir, "urandom", 1, 9), fifo(dir, "in.fifo")];
    const started = Date.now();
    const run = oars(["analyze", "-f", "json", GOOD, ...inputs], { timeout: 60 * SECONDS });
    expect(Date.now() - started).toBeLessThan(30 * SECONDS);
    expect(run.status).toBe(2);
    const report = JSON.parse(run.stdout) as { files: { path: string }[]; errors: { path: string; message: string }[] };
    expect(report.files.map((f) => f.path)).toEqual([GOOD]);
    // In path order: in.fifo, urandom, zero.
    expect(report.errors.map((e) => e.message)).toEqual(["not a regular file (a FIFO)", "not a regular file (a character device)", "not a regular file (a character device)"]);
    noStack(run.stderr);
  });

  it("refuses a rule file that links to a device", () => {
    const dir = tempFolder();
    mkdirSync(join(dir, "rules"));
    symlinkSync(zero(dir), join(dir, "rules", "z.yaml"));
    const run = oars(["rules", "--rules", join(dir, "rules")], { timeout: 60 * SECONDS });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/z\.yaml: rule file is not a regular file \(a character device\)$/m);
    oneLine(run.stderr);
  });

  it("refuses a package.json that links to a device, and a FIFO .oarsrc.yaml, found by walking up", () => {
    const dir = tempFolder();
    mkdirSync(join(dir, "sub"));
    symlinkSync(zero(dir), join(dir, "package.json"));
    const run = oars(["check", GOOD], { cwd: join(dir, "sub"), timeout: 60 * SECONDS });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/package\.json: configuration file not a regular file \(a character device\)$/m);
    oneLine(run.stderr);

    const other = tempFolder();
    mkdirSync(join(other, "sub"));
    fifo(other, ".oarsrc.yaml");
    const fromFifo = oars(["check", GOOD], { cwd: join(other, "sub"), timeout: 60 * SECONDS });
    expect(fromFifo.status).toBe(2);
    expect(fromFifo.stderr).toMatch(/\.oarsrc\.yaml: configuration file not a regular file \(a FIFO\)$/m);
  });

  it("refuses an eval reference that is a FIFO", () => {
    const dir = tempFolder();
    const run = oars(["eval", "--gold", fifo(dir, "gold.jsonl"), GOOD], { timeout: 60 * SECONDS });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/gold\.jsonl: cannot read the gold file: not a regular file \(a FIFO\)$/m);
  });

  it("says it cannot write the job summary to a FIFO with no reader, instead of hanging past SIGTERM", () => {
    const dir = tempFolder();
    const summary = fifo(dir, "summary.md");
    const run = oars(["check", "--no-config", "-f", "github", GOOD], { env: { GITHUB_STEP_SUMMARY: summary }, timeout: 20_000 });
    expect(run.status, run.stderr).toBe(1);
    expect(run.stdout).toMatch(/^::warning file=/m);
    expect(run.stderr).toBe(`oars: cannot write the job summary to ${summary}: a FIFO with nothing reading from it\n`);
  });
});

describe("standard input", () => {
  // `analyze` with no file reads standard input too, after asking whether it is a terminal
  // (which makes the pipe non-blocking): both forms must wait for the writer.
  for (const dash of ["-", ""]) {
    it(`waits for a writer that is slow to start (no EAGAIN): analyze ${dash || "(no file)"}`, () => {
      const run = spawnSync("sh", ["-c", `(sleep 1; cat "${GOOD}") | "${process.execPath}" "${BIN}" analyze -f json ${dash}`], { encoding: "utf8", timeout: 60 * SECONDS, env: { ...process.env, NO_COLOR: "1" } });
      expect(run.stderr).not.toMatch(/EAGAIN/);
      expect(run.status, run.stderr).toBe(0);
      expect((JSON.parse(run.stdout) as { files: unknown[] }).files).toHaveLength(1);
    });
  }
});

describe("-o never destroys anything", () => {
  const report = (dir: string) => readdirSync(dir).filter((name) => name.includes(".oars-"));

  it("takes -o - as standard output in every command that writes, and leaves no file named -", () => {
    const dir = tempFolder();
    const analyze = oars(["analyze", GOOD, "-f", "json", "-o", "-"], { cwd: dir });
    expect(analyze.status, analyze.stderr).toBe(0);
    expect(JSON.parse(analyze.stdout).files).toHaveLength(1);
    const review = oars(["review", GOOD, "-o", "-"], { cwd: dir });
    expect(review.status, review.stderr).toBe(0);
    expect(review.stdout).toMatch(/^line,speaker,text,code,/);
    const evalLines = oars(["eval", "--lines", fixture("miti", "en.tsv"), "-f", "json", "-o", "-"], { cwd: dir });
    expect(evalLines.status, evalLines.stderr).toBe(0);
    expect(JSON.parse(evalLines.stdout)).toBeTypeOf("object");
    const train = oars(["train", "--lang", "en", "--lines", fixture("miti", "en.tsv"), "--folds", "0", "--iterations", "5", "-o", "-"], { cwd: dir });
    expect(train.status, train.stderr).toBe(0);
    expect(JSON.parse(train.stdout).format).toBe("oars-weights");
    expect(readdirSync(dir)).toEqual([]);
  });

  it.skipIf(!isRoot)("writes to a device without replacing it, and refuses a FIFO nobody reads", () => {
    const dir = tempFolder();
    const nul = device(dir, "null", 1, 3);
    const run = oars(["analyze", GOOD, "-f", "json", "-o", nul]);
    expect(run.status, run.stderr).toBe(0);
    expect(statSync(nul).isCharacterDevice()).toBe(true);

    const pipe = fifo(dir, "out.fifo");
    const unread = oars(["analyze", GOOD, "-o", pipe], { timeout: 30 * SECONDS });
    expect(unread.status).toBe(2);
    expect(unread.stderr).toMatch(/cannot write .*out\.fifo: a FIFO with nothing reading from it$/m);
    expect(statSync(pipe).isFIFO()).toBe(true);
  });

  it.skipIf(!isRoot)("writes a report into a FIFO that has a reader, and leaves the FIFO", async () => {
    const dir = tempFolder();
    const pipe = fifo(dir, "out.fifo");
    const sink = join(dir, "received.json");
    const reader = spawn("sh", ["-c", `cat "${pipe}" > "${sink}"`]);
    const readerDone = new Promise((resolve) => reader.on("exit", resolve));
    await new Promise((resolve) => setTimeout(resolve, 200)); // let cat open the FIFO
    const run = oars(["analyze", GOOD, "-f", "json", "-o", pipe], { timeout: 30 * SECONDS });
    await readerDone;
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(readFileSync(sink, "utf8")).files).toHaveLength(1);
    expect(statSync(pipe).isFIFO()).toBe(true);
  });

  it("writes through a link to /proc/self/fd/1 without replacing the link", () => {
    const dir = tempFolder();
    const link = join(dir, "stdout");
    symlinkSync("/proc/self/fd/1", link);
    const run = oars(["analyze", GOOD, "-f", "json", "-o", link]);
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).files).toHaveLength(1);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  });

  it("never follows a link planted at a temporary file's name", () => {
    const dir = tempFolder();
    const victim = join(dir, "victim.txt");
    writeFileSync(victim, "precious");
    // The old name was .NAME.oars-PID.tmp: plant links for the next few hundred process ids.
    const last = Number(readFileSync("/proc/sys/kernel/ns_last_pid", "utf8"));
    for (let pid = last + 1; pid < last + 300; pid++) symlinkSync(victim, join(dir, `.r.json.oars-${pid}.tmp`));
    const run = oars(["analyze", GOOD, "-f", "json", "-o", join(dir, "r.json")]);
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(victim, "utf8")).toBe("precious");
    expect(JSON.parse(readFileSync(join(dir, "r.json"), "utf8")).files).toHaveLength(1);
  });

  it("keeps an existing report's permissions, and creates a new one readable by its owner only", () => {
    const dir = tempFolder();
    const existing = join(dir, "old.json");
    writeFileSync(existing, "{}");
    chmodSync(existing, 0o600);
    expect(oars(["analyze", GOOD, "-f", "json", "-o", existing]).status).toBe(0);
    expect(statSync(existing).mode & 0o777).toBe(0o600);
    chmodSync(existing, 0o640);
    expect(oars(["analyze", GOOD, "-f", "json", "-o", existing]).status).toBe(0);
    expect(statSync(existing).mode & 0o777).toBe(0o640);
    const fresh = join(dir, "new.json");
    expect(oars(["analyze", GOOD, "-f", "json", "-o", fresh]).status).toBe(0);
    expect(statSync(fresh).mode & 0o777).toBe(0o600);
    expect(report(dir)).toEqual([]);
  });

  it("refuses -o naming one of the inputs, and leaves the transcript as it was", () => {
    const dir = tempFolder();
    const input = join(dir, "in.txt");
    writeFileSync(input, readFileSync(GOOD));
    const run = oars(["analyze", input, GOOD, "-o", input]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/-o .*in\.txt names an input file/);
    oneLine(run.stderr);
    expect(readFileSync(input)).toEqual(readFileSync(GOOD));

    // eval too: the reference named as -o
    const gold = join(dir, "gold.csv");
    writeFileSync(gold, readFileSync(fixture("reference", "session-alcohol.csv")));
    const evaluated = oars(["eval", "--gold", gold, GOOD, "-o", gold]);
    expect(evaluated.status).toBe(2);
    expect(evaluated.stderr).toMatch(/-o .*gold\.csv names an input file/);
    expect(readFileSync(gold)).toEqual(readFileSync(fixture("reference", "session-alcohol.csv")));
  });

  it.skipIf(!isRoot)("a full device: exit 2, one line, no stack trace", () => {
    const dir = tempFolder();
    const run = oars(["analyze", GOOD, "-f", "json", "-o", device(dir, "full", 1, 7)]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^oars: cannot write .*full: no space left on the device \(ENOSPC\)$/m);
    oneLine(run.stderr);
  });

  describe("a full disk (a 64 kB tmpfs)", () => {
    const dir = tempFolder();
    const disk = join(dir, "disk");
    mkdirSync(disk);
    let mounted = false;
    beforeAll(() => {
      try {
        execFileSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", disk], { stdio: "ignore" });
        mounted = true;
      } catch {
        // mount is not permitted here (not root, or no CAP_SYS_ADMIN in this container)
      }
    });
    afterAll(() => {
      if (mounted) execFileSync("umount", [disk]);
    });
    const NO_MOUNT = "mount -t tmpfs is not permitted here, so there is no small disk to fill";
    // Enough copies that the JSON report is well over 64 kB.
    const inputs = Array.from({ length: 12 }, (_, i) => {
      const path = join(dir, `s${String(i).padStart(2, "0")}.txt`);
      writeFileSync(path, readFileSync(GOOD));
      return path;
    });

    it.skipIf(!isRoot)("-o on a full disk: exit 2, one line, no partial or temporary file", (context) => {
      if (!mounted) context.skip(NO_MOUNT);
      const run = oars(["analyze", "-f", "json", "-o", join(disk, "r.json"), ...inputs]);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/no space left on the device \(ENOSPC\)$/m);
      oneLine(run.stderr);
      expect(readdirSync(disk)).toEqual([]);
    });

    it.skipIf(!isRoot)("standard output on a full disk: exit 2, one line", (context) => {
      if (!mounted) context.skip(NO_MOUNT);
      const fd = openSync(join(disk, "stdout.json"), "w");
      const run = spawnSync(process.execPath, [BIN, "analyze", "-f", "json", ...inputs], { stdio: ["ignore", fd, "pipe"], encoding: "utf8", timeout: 60 * SECONDS });
      closeSync(fd);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/^oars: cannot write standard output: no space left on the device \(ENOSPC\)$/m);
      oneLine(run.stderr);
    });
  });

  describe("signals", () => {
    // A long transcript, so the run is still coding when the signal comes.
    const dir = tempFolder();
    const long = join(dir, "long.txt");
    writeFileSync(long, `${readFileSync(GOOD, "utf8")}\n`.repeat(1500));

    /**
     * Starts oars, waits for its temporary file (`waitForTemp`) or gives it time to start coding,
     * sends `signal`; the time to exit, whether it was still running, and what is left.
     */
    async function interrupt(signal: NodeJS.Signals, args: string[], out: string | null, waitForTemp = false): Promise<{ code: number | null; signal: string | null; ms: number; left: string[]; wasRunning: boolean }> {
      const child = spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", "ignore", "pipe"] });
      let running = true;
      const exited = new Promise<[number | null, string | null]>((resolve) => child.on("exit", (code, sig) => resolve([code, sig])));
      void exited.then(() => (running = false));
      const deadline = Date.now() + 30 * SECONDS;
      while (Date.now() < deadline && waitForTemp && !readdirSync(dir).some((n) => n.includes(".oars-"))) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, waitForTemp ? 300 : 1500));
      const wasRunning = running;
      const sent = Date.now();
      child.kill(signal);
      const timer = setTimeout(() => child.kill("SIGKILL"), 20 * SECONDS);
      const [code, sig] = await exited;
      clearTimeout(timer);
      return { code, signal: sig, ms: Date.now() - sent, left: readdirSync(dir).filter((n) => n.includes(".oars-") || n === out), wasRunning };
    }

    // One file with -o is coded in this thread with its report held in memory: the signal's
    // default action ends oars at once, and there is no temporary file to leave behind.
    for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143], ["SIGHUP", 129], ["SIGQUIT", 131]] as const) {
      it(`${signal} with -o and one file: stops at once and leaves no file`, async () => {
        const result = await interrupt(signal, ["analyze", "-f", "json", "-o", join(dir, "r.json"), long], "r.json");
        expect(result.wasRunning).toBe(true);
        expect(result.code === code || result.signal === signal).toBe(true);
        expect(result.left).toEqual([]);
        expect(result.ms).toBeLessThan(1500);
      }, 60 * SECONDS);
    }

    it("SIGINT with --jobs 1 and several files, with -o: stops at once and removes the temporary file", async () => {
      const result = await interrupt("SIGINT", ["analyze", "--jobs", "1", "-f", "json", "-o", join(dir, "r.json"), long, GOOD], "r.json", true);
      expect(result.code).toBe(130);
      expect(result.left).toEqual([]);
      expect(result.ms).toBeLessThan(1500);
    }, 60 * SECONDS);

    it("SIGINT with one file to standard output: stops at once", async () => {
      const result = await interrupt("SIGINT", ["analyze", "-f", "json", long], null);
      expect(result.wasRunning).toBe(true);
      expect(result.code === 130 || result.signal === "SIGINT").toBe(true);
      expect(result.ms).toBeLessThan(1500);
    }, 60 * SECONDS);
  });
});

describe("redaction and injection", () => {
  it("--redact keeps every transcript word and speaker name off standard error", () => {
    const dir = tempFolder();
    const guessed = join(dir, "guessed.txt");
    writeFileSync(guessed, 'Zelo"phe"had: How are you?\nMiriam: Fine.\nZelo"phe"had: What brings you?\nMiriam: My drinking.\n');
    const badCue = join(dir, "bad.vtt");
    writeFileSync(badCue, "WEBVTT\n\n00:00:03.000 --> xylophonist\n<v A>Hi.\n");
    const badJson = join(dir, "bad.json");
    writeFileSync(badJson, '{"segments": [{"text": "xylophonist", }]}');
    const oneSpeaker = join(dir, "mono.txt");
    writeFileSync(oneSpeaker, "Therapist: Zelophehad said so.\nTherapist: Anyone?\n");
    const plain = oars(["analyze", "-f", "json", guessed, badCue, badJson, oneSpeaker, "--counsellor", "Quetzalcoatl"]);
    expect(plain.stderr).toMatch(/Zelo\\?"phe\\?"had|xylophonist/);
    const run = oars(["analyze", "-f", "json", "--redact", guessed, badCue, badJson, oneSpeaker, "--counsellor", "Quetzalcoatl"]);
    expect(run.status).toBe(2);
    for (const secret of ["Zelo", "phe", "had", "Miriam", "xylophonist", "Quetzalcoatl", "drinking"]) {
      expect(run.stderr, secret).not.toContain(secret);
      expect(run.stdout, secret).not.toContain(secret);
    }
    expect(run.stderr).toMatch(/bad\.vtt:3: bad cue timing "…"/);
    expect(run.stderr).toMatch(/bad\.json(:\d+)?: not valid JSON/);
  });

  const hostile = () => {
    const dir = tempFolder();
    const path = join(dir, "evil.txt");
    // An OSC title, a clear screen, fake red text, a C1 CSI, in a name and in the words.
    writeFileSync(path, "Counsellor\x1b[31m: How are you?\x1b]0;pwned\x07 Tell me more.\nClient: \x1b[2JI drink \x9b31m too much.\nCounsellor: You should stop\x1b[0m drinking.\nClient: Hm.\n");
    return path;
  };
  const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

  it("shows no control character from the transcript in the table, --show turns, markdown or github output", () => {
    const path = hostile();
    for (const args of [["-f", "table"], ["-f", "table", "--show", "turns"], ["-f", "markdown"], ["-f", "github"]]) {
      const run = oars(["analyze", ...args, path]);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout, args.join(" ")).not.toMatch(CONTROL);
      expect(run.stderr).not.toMatch(CONTROL);
    }
    expect(oars(["analyze", "--show", "turns", path]).stdout).toContain("\\x1b]0;pwned\\x07");
  });

  it("a file name with a line break never forges a workflow command on standard error or in github output", () => {
    const dir = tempFolder();
    const path = join(dir, "x\n::error file=forged.txt::forged.txt");
    writeFileSync(path, "Only words, no labels.\n");
    for (const format of ["github", "table"]) {
      const run = oars(["analyze", "-f", format, path]);
      expect(run.status).toBe(2);
      oneLine(run.stderr);
      expect(run.stderr).not.toMatch(/^::/m);
      expect(run.stdout.split("\n").filter((line) => line.startsWith("::")).every((line) => !line.includes("forged.txt::forged"))).toBe(true);
      expect(run.stdout).not.toMatch(/^::error file=forged/m);
    }
  });

  it("markdown and the GitHub job summary leave no link or @mention live", () => {
    const dir = tempFolder();
    const path = join(dir, "links.txt");
    writeFileSync(path, "Counsellor: You should read https://evil.example/x and www.evil.example, ask @octocat.\nClient: Hm.\nCounsellor: You must stop drinking, see http://evil.example.\nClient: No.\n");
    const summary = join(dir, "summary.md");
    writeFileSync(summary, "");
    const md = oars(["analyze", "-f", "markdown", path]);
    const gh = oars(["check", "-f", "github", path], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(gh.status).not.toBe(2);
    for (const markdown of [md.stdout, readFileSync(summary, "utf8")]) {
      const html = marked.parse(markdown, { gfm: true, async: false }) as string;
      expect(html).not.toMatch(/<a\s/);
      expect(markdown).not.toMatch(/@octocat|https?:\/\/|www\./);
    }
    expect(md.stdout).toContain("evil");
  });
});

describe("batches", () => {
  it("names a transcript-like link to nothing and a FIFO found in a folder, and codes the rest", () => {
    const dir = tempFolder();
    const folder = join(dir, "sessions");
    mkdirSync(folder);
    writeFileSync(join(folder, "good.txt"), readFileSync(GOOD));
    symlinkSync(join(dir, "gone.txt"), join(folder, "moved.txt"));
    fifo(folder, "pipe.vtt");
    symlinkSync(join(dir, "gone"), join(folder, "notes.md")); // not a transcript's name: passed over
    const run = oars(["check", "-f", "json", "--no-config", folder], { timeout: 30 * SECONDS });
    expect(run.status).toBe(2);
    const report = JSON.parse(run.stdout) as { files: { path: string }[]; errors: { path: string; message: string }[] };
    expect(report.files.map((f) => f.path)).toEqual([join(folder, "good.txt")]);
    expect(report.errors).toEqual([
      { path: join(folder, "moved.txt"), message: "a link to nothing (its target does not exist)" },
      { path: join(folder, "pipe.vtt"), message: "not a regular file (a FIFO)" },
    ]);
    expect(run.stderr.trim().split("\n").sort()).toEqual([
      `oars: ${join(folder, "moved.txt")}: a link to nothing (its target does not exist)`,
      `oars: ${join(folder, "pipe.vtt")}: not a regular file (a FIFO)`,
    ]);
  });

  it("follows a link loop once: the file is coded once", () => {
    const dir = tempFolder();
    mkdirSync(join(dir, "d", "sub"), { recursive: true });
    writeFileSync(join(dir, "d", "sub", "a.txt"), readFileSync(GOOD));
    symlinkSync("..", join(dir, "d", "sub", "loop"));
    const run = oars(["analyze", "-f", "json", join(dir, "d")]);
    expect(run.status, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as { files: unknown[] }).files).toHaveLength(1);
    const glob = oars(["analyze", "-f", "json", `${dir}/d/**/*.txt`]);
    expect((JSON.parse(glob.stdout) as { files: unknown[] }).files).toHaveLength(1);
  });

  it.skipIf(!isRoot)("reports an unreadable subfolder like an unreadable file and codes the rest", () => {
    // Root reads every folder, so oars runs as nobody here.
    const dir = tempFolder();
    chmodSync(dir, 0o755);
    mkdirSync(join(dir, "locked"));
    writeFileSync(join(dir, "locked", "hidden.txt"), readFileSync(GOOD));
    writeFileSync(join(dir, "open.txt"), readFileSync(GOOD));
    chmodSync(join(dir, "open.txt"), 0o644);
    chmodSync(join(dir, "locked"), 0o000);
    const run = spawnSync(process.execPath, [BIN, "analyze", "-f", "json", dir], { uid: 65534, gid: 65534, cwd: dir, encoding: "utf8", timeout: 60 * SECONDS, env: { ...process.env, NO_COLOR: "1" } });
    expect(run.status).toBe(2);
    const report = JSON.parse(run.stdout) as { files: { path: string }[]; errors: { path: string; message: string }[] };
    expect(report.files.map((f) => f.path)).toEqual([join(dir, "open.txt")]);
    expect(report.errors).toEqual([{ path: join(dir, "locked"), message: "folder cannot be read (permission denied)" }]);
    expect(run.stderr).not.toMatch(/internal error/);
  });

  it("decodes a UTF-8 file with one stray byte as UTF-8, with a warning naming the line", () => {
    const dir = tempFolder();
    const path = join(dir, "stray.txt");
    writeFileSync(path, Buffer.concat([Buffer.from("Rådgiver: Välkommen, hur mår du?\nKlient: Bra, tack. Jag "), Buffer.from([0xe4]), Buffer.from("r trött.\nRådgiver: Du är trött.\n")]));
    const run = oars(["analyze", "-f", "json", "--lang", "sv", path]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/stray\.txt: line 2: 1 byte\(s\) that are not UTF-8 \(the first is 0xe4\)/);
    const file = (JSON.parse(run.stdout) as { files: { encoding: string; turns: { text: string }[] }[] }).files[0]!;
    expect(file.encoding).toBe("utf-8");
    expect(file.turns[0]!.text).toBe("Välkommen, hur mår du?");
  });

  it("names the configuration file in force on stderr in check and in the report", () => {
    const dir = tempFolder();
    mkdirSync(join(dir, "sub"));
    writeFileSync(join(dir, ".oarsrc.yaml"), "thresholds:\n  min-rq: 0\n");
    const run = oars(["check", "-f", "json", GOOD], { cwd: join(dir, "sub") });
    expect(run.stderr).toContain(`oars: configuration: ${join(dir, ".oarsrc.yaml")}\n`);
    const report = JSON.parse(run.stdout) as { config: string | null; tool: unknown; files: unknown[] };
    expect(report.config).toBe(join(dir, ".oarsrc.yaml"));
    expect(report.tool).toBeDefined();
    const ndjson = oars(["check", "-f", "ndjson", GOOD], { cwd: join(dir, "sub") });
    expect(JSON.parse(ndjson.stdout.split("\n")[0]!).config).toBe(join(dir, ".oarsrc.yaml"));
    expect(oars(["check", "-f", "table", GOOD], { cwd: join(dir, "sub") }).stdout).toContain(`Configuration: ${join(dir, ".oarsrc.yaml")}.`);
    const github = oars(["check", "-f", "github", GOOD], { cwd: join(dir, "sub") }).stdout.split("\n");
    expect(github.at(-2)).toBe(`oars check: 1 transcript, 1 met the thresholds, 0 did not, 0 not analysed. Configuration: ${join(dir, ".oarsrc.yaml")}.`);
    expect(JSON.parse(oars(["analyze", "-f", "json", "--no-config", GOOD], { cwd: join(dir, "sub") }).stdout).config).toBeNull();
  });

  it("refuses a pathological ignore glob at once instead of hanging", () => {
    const started = Date.now();
    const run = oars(["check", "--ignore", "**/*a*a*a*a*a*b", fixture("en")], { timeout: 30 * SECONDS });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/the ignore pattern "\*\*\/\*a\*a\*a\*a\*a\*b" has more than 2 "\*" in one name/);
    expect(Date.now() - started).toBeLessThan(10 * SECONDS);
  });

  it("caps --jobs at twice the cores, and says so", () => {
    const run = oars(["analyze", "--jobs", "10000", "-f", "json", GOOD, GOOD]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/--jobs 10000 is more than twice the \d+ cores; using \d+/);
  });
});

describe("hostile rules", () => {
  const rulesDir = (content: string) => {
    const dir = tempFolder();
    writeFileSync(join(dir, "evil.yaml"), content);
    return dir;
  };
  const rule = (i: number, extra: string) => `  - id: en.persuade.evil-${i}\n    code: persuade\n    description: d\n${extra}    examples: { match: ["a b"] }\n`;

  it("refuses a regular expression in nlp:", () => {
    const run = oars(["rules", "--rules", rulesDir(`rules:\n${rule(0, '    nlp: ["/^(a+)+$/"]\n')}`)], { timeout: 30 * SECONDS });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/evil\.yaml:\d+:\d+: rule en\.persuade\.evil-0: nlp: regular expressions \(\/…\/\) are not allowed in nlp expressions$/m);
  });

  it("refuses too many rules, too large a rule file, and rules that compile too large", () => {
    const many = oars(["rules", "--rules", rulesDir(`rules:\n${Array.from({ length: 1001 }, (_, i) => rule(i, '    patterns: ["you should"]\n')).join("")}`)]);
    expect(many.status).toBe(2);
    expect(many.stderr).toMatch(/evil\.yaml: too many rules: the en pack would hold \d+, more than 1000$/m);

    const big = oars(["rules", "--rules", rulesDir(`# ${"x".repeat(600 * 1024)}\nrules: []\n`)]);
    expect(big.status).toBe(2);
    expect(big.stderr).toMatch(/evil\.yaml: rule file is larger than 512 kB$/m);

    const gaps = Array(495).fill("...").join(" ").slice(0, 1990);
    const heavy = oars(["rules", "--rules", rulesDir(`rules:\n${Array.from({ length: 200 }, (_, i) => rule(i, `    patterns: [${JSON.stringify(gaps)}]\n`)).join("")}`)], { timeout: 60 * SECONDS });
    expect(heavy.status).toBe(2);
    expect(heavy.stderr).toMatch(/rules too large: the en pack's patterns compile to \d+ instructions, more than 100000$/m);
  });
});
