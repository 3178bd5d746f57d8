// Where a streamed report goes. Standard output gets each piece as it is ready (waiting when
// the reader is slow). A file given with -o is written under a temporary name beside it and
// renamed into place only when the report is complete, so an interrupted run never leaves a
// half-written report where a whole one is expected.

import { closeSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { UsageError } from "../errors.js";

export class OutputSink {
  private fd: number | null = null;
  private readonly temp: string | null;

  constructor(private readonly target: string | undefined) {
    this.temp = target ? join(dirname(target), `.${basename(target)}.oars-${process.pid}.tmp`) : null;
    if (this.temp) {
      try {
        this.fd = openSync(this.temp, "w");
      } catch (err) {
        throw new UsageError(`cannot write ${target}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      }
    }
  }

  async write(text: string): Promise<void> {
    if (text === "") return;
    if (this.fd !== null) {
      try {
        writeSync(this.fd, text);
      } catch (err) {
        this.abandon();
        throw new UsageError(`cannot write ${this.target}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      }
      return;
    }
    if (!process.stdout.write(text)) await new Promise<void>((resolve) => process.stdout.once("drain", resolve));
  }

  /** The report is complete: put it in place. */
  commit(): void {
    if (this.fd === null || !this.temp || !this.target) return;
    closeSync(this.fd);
    this.fd = null;
    try {
      renameSync(this.temp, this.target);
    } catch (err) {
      rmSync(this.temp, { force: true });
      throw new UsageError(`cannot write ${this.target}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
  }

  /** The run stopped: leave no partial file behind. */
  abandon(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    if (this.temp) rmSync(this.temp, { force: true });
  }
}
