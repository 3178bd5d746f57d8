// Errors a user can act on. Each carries what the message needs (file, line, column) so the
// CLI prints one clear line and never a stack trace. Anything else that escapes is a bug.

import { diagnostic, renderDiagnostic, type Diagnostic } from "./diagnostics.js";
import { escapeControls } from "./text/controls.js";

/** The documented exit codes (README "Exit codes"). */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** A transcript that cannot be read or understood. */
export class InputError extends Error {
  /** The message as structured data, so --redact can remove the transcript's words from it. */
  readonly diagnostic: Diagnostic;

  constructor(
    readonly path: string,
    message: string | Diagnostic,
    readonly line?: number,
  ) {
    const structured = typeof message === "string" ? diagnostic("input", message) : message;
    super(renderDiagnostic(structured));
    this.diagnostic = structured;
    this.name = "InputError";
  }

  /** `file:line: message`, the shape editors and CI logs link to (control characters escaped). */
  describe(): string {
    return `${escapeControls(this.path)}${this.line !== undefined ? `:${this.line}` : ""}: ${this.message}`;
  }
}

/** A rule or configuration file that does not follow its schema (or the pattern language). */
export class SourceError extends Error {
  constructor(
    readonly file: string,
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = "SourceError";
  }

  describe(): string {
    const where = this.line !== undefined ? `:${this.line}${this.column !== undefined ? `:${this.column}` : ""}` : "";
    return escapeControls(`${this.file}${where}: ${this.message}`);
  }
}

/** A command line that asks for something oars cannot do. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
