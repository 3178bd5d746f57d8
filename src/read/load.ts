// Getting the bytes: a file path, or "-" for standard input. Every failure becomes an
// InputError naming the path, so one bad file never stops a batch.

import { readFileSync, statSync } from "node:fs";
import { InputError } from "../errors.js";

/** Transcripts larger than this are refused (a week of speech is ~5 MB). README documents it. */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

export function loadBytes(path: string, maxBytes = DEFAULT_MAX_BYTES): Uint8Array {
  if (path === "-") return readStdin(maxBytes);
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new InputError(path, "is a folder; name the transcript files in it");
    size = stat.size;
  } catch (err) {
    throw asInputError(err, path);
  }
  if (size > maxBytes) {
    throw new InputError(path, `is ${mb(size)}, larger than the ${mb(maxBytes)} limit (raise it with --max-size)`);
  }
  try {
    return readFileSync(path);
  } catch (err) {
    throw asInputError(err, path);
  }
}

function readStdin(maxBytes: number): Uint8Array {
  try {
    const bytes = readFileSync(0);
    if (bytes.length > maxBytes) throw new InputError("-", `standard input is larger than the ${mb(maxBytes)} limit`);
    return bytes;
  } catch (err) {
    throw asInputError(err, "-");
  }
}

function asInputError(err: unknown, path: string): InputError {
  if (err instanceof InputError) return err;
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case "ENOENT":
      return new InputError(path, "no such file");
    case "EACCES":
    case "EPERM":
      return new InputError(path, "permission denied");
    case "EISDIR":
      return new InputError(path, "is a folder; name the transcript files in it");
    default:
      return new InputError(path, `cannot be read (${code ?? (err as Error).message})`);
  }
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
