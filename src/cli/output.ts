// Where results go and how they look: colour decided once (--color/--no-color, then NO_COLOR,
// then FORCE_COLOR, then whether stdout is a terminal), results to stdout or -o FILE, messages to stderr.

import { Chalk, type ChalkInstance } from "chalk";
import type { InputError } from "../errors.js";
import { escapeControls } from "../text/controls.js";
import { DEFAULT_WIDTH } from "../report/layout.js";
import { OutputSink } from "./sink.js";

export function chooseColor(toFile: boolean, stream: NodeJS.WriteStream = process.stdout, asked?: boolean): ChalkInstance {
  // --color / --no-color win over everything.
  if (asked !== undefined) return new Chalk({ level: asked ? 1 : 0 });
  const env = process.env;
  if (env.NO_COLOR) return new Chalk({ level: 0 });
  if (env.FORCE_COLOR !== undefined) return new Chalk({ level: env.FORCE_COLOR === "0" || env.FORCE_COLOR === "false" ? 0 : 1 });
  return new Chalk({ level: !toFile && stream.isTTY ? 1 : 0 });
}

/** The columns the table report fits in: $COLUMNS, else the terminal's width, else 80. */
export function reportWidth(toFile: boolean): number {
  const columns = Number(process.env.COLUMNS);
  if (Number.isInteger(columns) && columns > 0) return columns;
  return !toFile && process.stdout.isTTY && process.stdout.columns ? process.stdout.columns : DEFAULT_WIDTH;
}

/** Write the whole output once, at the end, so a failure never leaves half a report (see sink.ts). */
export function writeOutput(text: string, outputPath: string | undefined): void {
  const sink = new OutputSink(outputPath);
  sink.writeAll(text);
  sink.commit();
}

export function reportInputError(err: InputError): void {
  sayOnStderr(err.describe());
}

/** One line on standard error; control characters in names and words are shown as escapes. */
export function sayOnStderr(message: string): void {
  process.stderr.write(`oars: ${escapeControls(message)}\n`);
}
