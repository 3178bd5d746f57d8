// Errors a user can act on. Each carries what the message needs (file, line, column) so the
// CLI prints one clear line and never a stack trace. Anything else that escapes is a bug.

/** The documented exit codes (README "Exit codes"). */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** A transcript that cannot be read or understood. */
export class InputError extends Error {
  constructor(
    readonly path: string,
    message: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = "InputError";
  }

  /** `file:line: message`, the shape editors and CI logs link to. */
  describe(): string {
    return `${this.path}${this.line !== undefined ? `:${this.line}` : ""}: ${this.message}`;
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
    return `${this.file}${where}: ${this.message}`;
  }
}

/** A command line that asks for something oars cannot do. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
