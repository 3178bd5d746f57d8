// Reading a reference file whole, as text; any failure is an InputError naming the file.
// Only regular files are read, at most MAX_REFERENCE_BYTES (see src/io/regular-file.ts).

import { InputError } from "../errors.js";
import { FileReadError, readRegularFile } from "../io/regular-file.js";

/** The AnnoMI reference is ~10 MB; a reference larger than this is refused. */
export const MAX_REFERENCE_BYTES = 200 * 1024 * 1024;

export function readReferenceText(path: string, what: string): string {
  return readReferenceBytes(path, what).toString("utf8");
}

/** The reference's bytes, for a reader that decodes them itself (a table saved by a spreadsheet). */
export function readReferenceBytes(path: string, what: string): Buffer {
  try {
    return readRegularFile(path, MAX_REFERENCE_BYTES);
  } catch (err) {
    if (err instanceof FileReadError && (err.reason === "not-regular" || err.reason === "too-large")) {
      throw new InputError(path, `cannot read the ${what}: ${err.message}`);
    }
    throw new InputError(path, `cannot read the ${what}`);
  }
}
