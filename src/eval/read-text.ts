// Reading a reference file whole, as text; any failure is an InputError naming the file.

import { readFileSync } from "node:fs";
import { InputError } from "../errors.js";

export function readReferenceText(path: string, what: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    throw new InputError(path, `cannot read the ${what}`);
  }
}
