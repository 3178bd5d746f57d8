// Where a report goes. Standard output gets each piece as it is ready (waiting when the reader
// is slow). A regular file given with -o is written under a temporary name beside it and
// renamed into place only when the report is complete, so an interrupted run or a full disk
// never leaves a half-written report where a whole one is expected. The temporary file is
// created exclusively (a planted file or link at its name is never followed), under a random
// name, readable by the owner only; an existing report keeps its permissions, a new one is
// created 0600 (reports hold health data).
// A target that is not a regular file (a device such as /dev/null, a FIFO, /dev/stdout) is
// written to directly and never replaced; a folder is refused.
// A held report (`hold`: one file coded in this thread) is kept in memory and written at
// commit, so no temporary file exists while the run codes: a signal then ends oars by its
// default action, at once, with nothing left behind; the folder is still tried at once.

import { randomBytes } from "node:crypto";
import { closeSync, constants, fchmodSync, fstatSync, lstatSync, openSync, readlinkSync, realpathSync, renameSync, rmSync, statSync, writeSync, type Stats } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { UsageError } from "../errors.js";
import { escapeControls } from "../text/controls.js";

/** A new report is readable by its owner only. */
const NEW_FILE_MODE = 0o600;
const NO_WAIT = (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

export class OutputSink {
  private fd: number | null = null;
  /** False when writing to one of our own descriptors (-o /dev/stdout): it is not closed. */
  private ownsFd = true;
  /** The temporary file, when the target is (or will be) a regular file. */
  private temp: string | null = null;
  /** Where the temporary file goes when complete (the target, or the file a link names). */
  private finalPath: string | null = null;
  private mode = NEW_FILE_MODE;
  /** The report so far, while held (see `hold`); null when written as it comes. */
  private held: string[] | null = null;

  constructor(
    private readonly target: string | undefined,
    { hold = false }: { hold?: boolean } = {},
  ) {
    if (!target) return;
    const existing = statOrNull(target);
    if (existing?.isDirectory()) throw this.failure("is a folder");
    if (existing && !existing.isFile()) {
      const own = ownDescriptor(target);
      this.ownsFd = own === null;
      this.fd = own ?? this.openDirect(target);
      return;
    }
    // A link to a regular file: the file is replaced and the link kept.
    this.finalPath = existing && isLink(target) ? realpathSync(target) : resolve(target);
    if (existing) this.mode = existing.mode & 0o7777;
    this.openTemp();
    if (hold) {
      // Tried now, so a folder oars cannot write to is reported before any coding.
      this.abandon();
      this.held = [];
    }
  }

  private openTemp(): void {
    this.temp = join(dirname(this.finalPath!), `.${basename(this.finalPath!)}.oars-${randomBytes(8).toString("hex")}.tmp`);
    try {
      this.fd = openSync(this.temp, "wx", NEW_FILE_MODE);
    } catch (err) {
      this.temp = null;
      throw this.failure(errnoText(err));
    }
  }

  /** The device/inode of the target when it is an existing regular file (to refuse -o naming an input). */
  static existingFile(target: string): Stats | null {
    const stats = statOrNull(target);
    return stats?.isFile() ? stats : null;
  }

  async write(text: string): Promise<void> {
    if (text === "") return;
    if (this.held) {
      this.held.push(text);
      return;
    }
    if (this.fd !== null) {
      this.writeToFile(text);
      return;
    }
    try {
      if (!process.stdout.write(text)) await new Promise<void>((done) => process.stdout.once("drain", done));
    } catch (err) {
      throw new UsageError(`cannot write standard output: ${errnoText(err)}`);
    }
  }

  /** The whole text at once (commands that build their output before writing it). */
  writeAll(text: string): void {
    if (this.held) {
      this.held.push(text);
      return;
    }
    if (this.fd === null) {
      process.stdout.write(text);
      return;
    }
    this.writeToFile(text);
  }

  /**
   * Replace the report's opening, its first piece `was`, with `text` of the same length in
   * bytes, while the report is not yet out: held, or in its temporary file. Where it has gone
   * out (standard output, a device or FIFO), or the lengths differ, nothing changes: false.
   */
  rewriteStart(was: string, text: string): boolean {
    const bytes = Buffer.from(text);
    if (bytes.length !== Buffer.byteLength(was)) return false;
    if (this.held) {
      if (this.held[0] !== was) return false;
      this.held[0] = text;
      return true;
    }
    if (this.fd === null || this.temp === null) return false;
    try {
      // At offset 0, where the opening was the first thing written; the file's end is untouched.
      let done = 0;
      while (done < bytes.length) done += writeSync(this.fd, bytes, done, bytes.length - done, done);
    } catch (err) {
      this.abandon();
      throw this.failure(errnoText(err));
    }
    return true;
  }

  /** The report is complete: put it in place. */
  commit(): void {
    if (this.held) {
      // Piece by piece: joined, a large report would be in memory twice.
      const pieces = this.held;
      this.held = null;
      this.openTemp();
      for (const piece of pieces) this.writeToFile(piece);
    }
    if (this.fd === null) return;
    const fd = this.fd;
    this.fd = null;
    if (!this.temp || !this.finalPath) {
      if (this.ownsFd) closeSync(fd);
      return;
    }
    try {
      fchmodSync(fd, this.mode);
      closeSync(fd);
      renameSync(this.temp, this.finalPath);
      this.temp = null;
    } catch (err) {
      this.abandon();
      throw this.failure(errnoText(err));
    }
  }

  /** The run stopped: leave no partial file behind. Safe to call from a signal handler. */
  abandon(): void {
    this.held = null;
    if (this.fd !== null && this.ownsFd) {
      try {
        closeSync(this.fd);
      } catch {
        // already closed
      }
    }
    this.fd = null;
    if (this.temp) rmSync(this.temp, { force: true });
    this.temp = null;
  }

  private writeToFile(text: string): void {
    const bytes = Buffer.from(text);
    let done = 0;
    while (done < bytes.length) {
      try {
        done += writeSync(this.fd!, bytes, done);
      } catch (err) {
        // A FIFO opened without waiting may be full for a moment: wait for its reader.
        if ((err as NodeJS.ErrnoException).code === "EAGAIN") {
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
          continue;
        }
        this.abandon();
        throw this.failure(errnoText(err));
      }
    }
  }

  // Opened for writing without creating, truncating or waiting: a FIFO with no reader is an
  // error now rather than a hang.
  private openDirect(target: string): number {
    try {
      const fd = openSync(target, constants.O_WRONLY | NO_WAIT);
      if (fstatSync(fd).isFile()) {
        closeSync(fd);
        throw this.failure("changed while being opened");
      }
      return fd;
    } catch (err) {
      if (err instanceof UsageError) throw err;
      if ((err as NodeJS.ErrnoException).code === "ENXIO") throw this.failure(statOrNull(target)?.isSocket() ? "a socket, which oars does not write to" : "a FIFO with nothing reading from it");
      throw this.failure(errnoText(err));
    }
  }

  private failure(reason: string): UsageError {
    return new UsageError(`cannot write ${escapeControls(this.target ?? "-")}: ${reason}`);
  }
}

// `-o in.txt` with in.txt among the inputs would replace a transcript with its report.
export function refuseOutputOverInput(output: string, files: readonly string[]): void {
  const target = OutputSink.existingFile(output);
  if (!target) return;
  for (const file of files) {
    if (file === "-") continue;
    const input = OutputSink.existingFile(file);
    if (input && input.ino === target.ino && input.dev === target.dev) {
      throw new UsageError(`-o ${escapeControls(output)} names an input file (${escapeControls(file)}); write the report elsewhere`);
    }
  }
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

// -o /dev/stdout, /dev/fd/1 or a link to /proc/self/fd/1 names a descriptor oars already has
// (a socket cannot be opened again by name): that descriptor is written to.
function ownDescriptor(target: string): number | null {
  let path = resolve(target);
  for (let hops = 0; hops < 8; hops++) {
    const named = /^\/(?:proc\/self|dev)\/fd\/(\d+)$/.exec(path);
    if (named) return Number(named[1]);
    if (path === "/dev/stdout") return 1;
    if (path === "/dev/stderr") return 2;
    try {
      path = resolve(dirname(path), readlinkSync(path));
    } catch {
      return null;
    }
  }
  return null;
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

export function errnoText(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === "ENOSPC") return "no space left on the device (ENOSPC)";
  if (code === "EACCES" || code === "EPERM") return `permission denied (${code})`;
  if (code === "ENOENT") return "no such folder (ENOENT)";
  return code ?? (err as Error).message;
}
