// Turning command-line arguments into the list of transcripts to read: a file is itself, a
// folder is the transcript files inside it (at any depth), anything else is a glob
// (fast-glob). A path that exists is never read as a glob, so folders named "[2024] group a"
// work as typed. Files from folders and globs skip the configured ignore patterns. The list
// is sorted by path (code-point order, the same on every machine) without repeats.

import { statSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative, resolve } from "node:path";
import type FastGlob from "fast-glob";
import type Picomatch from "picomatch";
import type { IgnorePattern } from "../config/settings.js";
import type { FileError } from "../types.js";

// Loaded on first use: most runs name files outright and need neither (they cost ~50 ms to load).
const require = createRequire(import.meta.url);
let globber: typeof FastGlob | null = null;
const fg = () => (globber ??= require("fast-glob") as typeof FastGlob);

export const TRANSCRIPT_EXTENSIONS = ["txt", "vtt", "srt", "json"] as const;
const IN_FOLDER = `**/*.{${TRANSCRIPT_EXTENSIONS.join(",")}}`;
const NEVER = ["**/node_modules/**", "**/.git/**"];

export interface Expansion {
  files: string[];
  errors: FileError[];
}

export function expandInputs(args: readonly string[], ignore: readonly IgnorePattern[], cwd: string = process.cwd()): Expansion {
  const ignored = ignoreMatcher(ignore);
  const files = new Map<string, string>();
  const errors: FileError[] = [];
  const add = (path: string) => {
    const key = path === "-" ? "-" : resolve(cwd, path);
    if (!files.has(key)) files.set(key, path);
  };
  for (const arg of args) {
    const kind = arg === "-" ? "stdin" : kindOf(resolve(cwd, arg));
    if (kind === "stdin" || kind === "file") {
      add(arg); // named outright: read even if an ignore pattern matches
    } else if (kind === "folder") {
      const found = fg().sync(IN_FOLDER, { cwd: resolve(cwd, arg), onlyFiles: true, dot: false, ignore: NEVER, caseSensitiveMatch: false });
      const kept = found.map((p) => join(arg, p)).filter((p) => !ignored(resolve(cwd, p)));
      if (kept.length === 0) errors.push({ path: arg, message: `folder holds no transcripts (${TRANSCRIPT_EXTENSIONS.map((e) => `.${e}`).join(", ")})` });
      kept.forEach(add);
    } else if (fg().isDynamicPattern(arg)) {
      const found = fg().sync(arg, { cwd, onlyFiles: true, dot: false, ignore: NEVER }).filter((p) => !ignored(resolve(cwd, p)));
      if (found.length === 0) errors.push({ path: arg, message: "no files match this pattern" });
      found.forEach(add);
    } else {
      add(arg); // missing: the reader reports it with the usual message
    }
  }
  const sorted = [...files.values()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { files: sorted, errors };
}

function kindOf(path: string): "file" | "folder" | "missing" {
  try {
    return statSync(path).isDirectory() ? "folder" : "file";
  } catch {
    return "missing";
  }
}

// Ignore patterns are relative to the folder they were written for (the config file's);
// files outside that folder are never ignored by them.
function ignoreMatcher(patterns: readonly IgnorePattern[]): (absolute: string) => boolean {
  const tests = patterns.map(({ pattern, base }) => {
    const match = (require("picomatch") as typeof Picomatch)(pattern, { dot: true });
    return (absolute: string) => {
      const rel = relative(base, absolute);
      return !rel.startsWith("..") && match(rel.split("\\").join("/"));
    };
  });
  return (absolute) => tests.some((test) => test(absolute));
}
