// Turning command-line arguments into the list of transcripts to read: a file is itself, a
// folder is the transcript files inside it (at any depth), anything else is a glob
// (fast-glob). A path that exists is never read as a glob, so folders named "[2024] group a"
// work as typed. Files from folders and globs skip the configured ignore patterns. The list
// is sorted by path (code-point order, the same on every machine) without repeats.

import { realpathSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative, resolve } from "node:path";
import type FastGlob from "fast-glob";
import type Picomatch from "picomatch";
import type { IgnorePattern } from "../config/settings.js";
import { UsageError } from "../errors.js";
import type { FileError } from "../types.js";
import { walkFolder } from "./walk.js";

// Loaded on first use: most runs name files outright and need neither (they cost ~50 ms to load).
const require = createRequire(import.meta.url);
let globber: typeof FastGlob | null = null;
const fg = () => (globber ??= require("fast-glob") as typeof FastGlob);

export const TRANSCRIPT_EXTENSIONS = ["txt", "vtt", "srt", "json"] as const;
const TRANSCRIPT_NAME = new RegExp(`\\.(${TRANSCRIPT_EXTENSIONS.join("|")})$`, "i");
const NEVER = ["**/node_modules/**", "**/.git/**"];

export interface Expansion {
  files: string[];
  errors: FileError[];
}

export function expandInputs(args: readonly string[], ignore: readonly IgnorePattern[], cwd: string = process.cwd()): Expansion {
  const ignored = ignoreMatcher(ignore);
  const files = new Map<string, string>();
  const errors: FileError[] = [];
  // A file reached by two paths (through a link) is coded once.
  const add = (path: string) => {
    const key = path === "-" ? "-" : realKey(resolve(cwd, path));
    if (!files.has(key)) files.set(key, path);
  };
  for (const arg of args) {
    const kind = arg === "-" ? "stdin" : kindOf(resolve(cwd, arg));
    if (kind === "stdin" || kind === "file") {
      add(arg); // named outright: read even if an ignore pattern matches
    } else if (kind === "folder") {
      const listing = walkFolder(resolve(cwd, arg), (name) => TRANSCRIPT_NAME.test(name));
      const kept = listing.files.map((p) => join(arg, relative(resolve(cwd, arg), p))).filter((p) => !ignored(resolve(cwd, p)));
      for (const e of listing.errors) if (!ignored(e.path)) errors.push({ ...e, path: join(arg, relative(resolve(cwd, arg), e.path)) });
      if (kept.length === 0 && listing.errors.length === 0) errors.push({ path: arg, message: `folder holds no transcripts (${TRANSCRIPT_EXTENSIONS.map((e) => `.${e}`).join(", ")})` });
      kept.forEach(add);
    } else if (fg().isDynamicPattern(arg)) {
      const problem = globProblem(arg);
      if (problem) throw new UsageError(`the pattern ${JSON.stringify(arg)} ${problem}`);
      let found: string[];
      try {
        // Links are not followed by a glob: a link loop would list the same files forty times.
        found = fg().sync(arg, { cwd, onlyFiles: true, dot: false, ignore: NEVER, followSymbolicLinks: false }).filter((p) => !ignored(resolve(cwd, p)));
      } catch (err) {
        errors.push({ path: arg, message: `cannot be searched (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` });
        continue;
      }
      if (found.length === 0) errors.push({ path: arg, message: "no files match this pattern" });
      found.forEach(add);
    } else {
      add(arg); // missing: the reader reports it with the usual message
    }
  }
  const sorted = [...files.values()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { files: sorted, errors };
}

function realKey(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
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
    const problem = globProblem(pattern);
    if (problem) throw new UsageError(`the ignore pattern ${JSON.stringify(pattern)} ${problem}`);
    const match = (require("picomatch") as typeof Picomatch)(pattern, { dot: true });
    return (absolute: string) => {
      const rel = relative(base, absolute);
      return !rel.startsWith("..") && match(rel.split("\\").join("/"));
    };
  });
  return (absolute) => tests.some((test) => test(absolute));
}

// Glob matching compiles to regular expressions that backtrack: `**/*a*a*a*a*a*b` took minutes
// on one long name. Patterns are kept to shapes that match in time bounded by the name.
const MAX_GLOB_LENGTH = 256;
const MAX_STARS_IN_A_NAME = 2;
const MAX_GLOBSTARS = 2;

/** Why a glob is refused, or null. */
export function globProblem(pattern: string): string | null {
  if (pattern.length > MAX_GLOB_LENGTH) return `is longer than ${MAX_GLOB_LENGTH} characters`;
  const parts = pattern.split("/");
  if (parts.filter((part) => part === "**").length > MAX_GLOBSTARS) return `has more than ${MAX_GLOBSTARS} "**"`;
  for (const part of parts) {
    if (part !== "**" && (part.match(/\*/g)?.length ?? 0) > MAX_STARS_IN_A_NAME) return `has more than ${MAX_STARS_IN_A_NAME} "*" in one name; use fewer`;
  }
  return null;
}
