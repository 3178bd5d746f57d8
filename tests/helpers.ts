import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadLanguagePack } from "../src/packs/load.js";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const BIN = join(ROOT, "bin", "oars.js");
export const fixture = (...parts: string[]) => join(ROOT, "fixtures", ...parts);

/** The AnnoMI development split, beside the repository as in CI (or OARS_CORPUS). */
export const CORPUS = process.env.OARS_CORPUS ?? resolve(ROOT, "..", "shared", "corpus", "annomi", "dev");
export const HAS_CORPUS = existsSync(join(CORPUS, "gold.jsonl"));

export const english = loadLanguagePack("en");

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs bin/oars.js; a run that outlives `timeout` (default 2 minutes) is killed, so a hang fails its test. */
export function oars(args: string[], options: { input?: string | Buffer; cwd?: string; env?: Record<string, string>; timeout?: number } = {}): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    input: options.input,
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: "1", ...options.env },
    encoding: "utf8",
    maxBuffer: 512 * 1024 * 1024,
    timeout: options.timeout ?? 120_000,
    killSignal: "SIGKILL",
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `oars analyze -f json --no-config --lang <lang>` on a transcript written to a temporary file (removed after). */
export function analyzeText(text: string, lang: string): Run {
  const dir = mkdtempSync(join(tmpdir(), "oars-text-"));
  try {
    const file = join(dir, `transcript-${lang}.txt`);
    writeFileSync(file, text);
    return oars(["analyze", file, "-f", "json", "--no-config", "--lang", lang]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One utterance of `analyze -f json`, as the end-to-end tests read it. */
export interface CodedUtterance {
  text: string;
  code: string;
  subtype?: string;
  rule: string;
}

/** The utterances of the last turn a speaker of `role` has in an `analyze -f json` run of one file. */
export function lastTurnOf(run: Run, role: "counsellor" | "client"): CodedUtterance[] {
  const turns = (JSON.parse(run.stdout) as { files: { turns: { role: string; utterances: CodedUtterance[] }[] }[] }).files[0]!.turns;
  const turn = turns.filter((t) => t.role === role).pop();
  if (!turn) throw new Error(`no ${role} turn in the output`);
  return turn.utterances;
}
