// Where results go and how they look: colour decided once (--color/--no-color, then NO_COLOR,
// then FORCE_COLOR, then whether stdout is a terminal), results to stdout or -o FILE, messages to stderr.

import { writeFileSync } from "node:fs";
import { Chalk, type ChalkInstance } from "chalk";
import { InputError, UsageError } from "../errors.js";

export function chooseColor(toFile: boolean, stream: NodeJS.WriteStream = process.stdout, asked?: boolean): ChalkInstance {
  // --color / --no-color win over everything.
  if (asked !== undefined) return new Chalk({ level: asked ? 1 : 0 });
  const env = process.env;
  if (env.NO_COLOR) return new Chalk({ level: 0 });
  if (env.FORCE_COLOR !== undefined) return new Chalk({ level: env.FORCE_COLOR === "0" || env.FORCE_COLOR === "false" ? 0 : 1 });
  return new Chalk({ level: !toFile && stream.isTTY ? 1 : 0 });
}

/** Write the whole output once, at the end, so a failure never leaves half a report. */
export function writeOutput(text: string, outputPath: string | undefined): void {
  if (!outputPath) {
    process.stdout.write(text);
    return;
  }
  try {
    writeFileSync(outputPath, text);
  } catch (err) {
    throw new UsageError(`cannot write ${outputPath}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

export function reportInputError(err: InputError): void {
  process.stderr.write(`oars: ${err.describe()}\n`);
}
