// Getting the bytes: a file path, or "-" for standard input (read by the command, which passes
// the bytes in). Only regular files are read, bounded by the size limit while reading (see
// src/io/regular-file.ts). Every failure becomes an InputError naming the path, so one bad file
// never stops a batch.

import { InputError } from "../errors.js";
import { FileReadError, readRegularFile } from "../io/regular-file.js";

/** Transcripts larger than this are refused (a week of speech is ~5 MB). README documents it. */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

export function loadBytes(path: string, maxBytes = DEFAULT_MAX_BYTES): Uint8Array {
  try {
    return readRegularFile(path, maxBytes);
  } catch (err) {
    throw asInputError(err, path, maxBytes);
  }
}

export function asInputError(err: unknown, path: string, maxBytes: number): InputError {
  if (err instanceof InputError) return err;
  if (!(err instanceof FileReadError)) throw err;
  switch (err.reason) {
    case "folder":
      return new InputError(path, "is a folder; name the transcript files in it");
    case "too-large":
      return new InputError(
        path,
        path === "-"
          ? `standard input is larger than the ${mb(maxBytes)} limit`
          : err.size !== undefined && err.size > maxBytes + 1
            ? `is ${mb(err.size)}, larger than the ${mb(maxBytes)} limit (raise it with --max-size)`
            : `is larger than the ${mb(maxBytes)} limit (raise it with --max-size)`,
      );
    default:
      return new InputError(path, err.message);
  }
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
