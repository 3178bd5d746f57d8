// Reading a file oars was pointed at: transcripts, rule files, configuration files, references.
// Only regular files are read. A device (/dev/zero never ends), a FIFO (blocks until a writer
// comes) or a socket is refused, and the size bound is enforced while reading, not only
// before, so a file that grows (or lies about its size) cannot make oars read without end.
// The file is checked twice: by path before it is opened (so a device is never opened) and by
// descriptor after (so a swap between the two checks is caught). The open never blocks.

import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from "node:fs";

/** Why a file was not read; callers turn it into their own one-line message. */
export class FileReadError extends Error {
  constructor(
    readonly reason: "missing" | "denied" | "folder" | "not-regular" | "too-large" | "other",
    message: string,
    /** For "too-large": the size found (at least the limit + 1 when it grew while read). */
    readonly size?: number,
    /** The system's error code (ENOENT, EACCES…), when the system refused. */
    readonly code?: string,
  ) {
    super(message);
    this.name = "FileReadError";
  }
}

// Not defined on Windows, where FIFOs and character devices are not opened by path anyway.
const NO_WAIT = (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);
const CHUNK = 1024 * 1024;

/** The bytes of the regular file at `path`, at most `maxBytes` of them, or a FileReadError. */
export function readRegularFile(path: string, maxBytes: number): Buffer {
  const before = statOrThrow(() => statSync(path));
  checkKind(before, maxBytes);
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | NO_WAIT);
  } catch (err) {
    throw fromErrno(err);
  }
  try {
    const after = statOrThrow(() => fstatSync(fd));
    checkKind(after, maxBytes);
    if (after.ino !== before.ino || after.dev !== before.dev) throw new FileReadError("other", "changed while being opened");
    return readBounded(fd, after.size, maxBytes);
  } finally {
    closeSync(fd);
  }
}

/** Whether `path` is a regular file (following links), without opening it. */
export function isRegularFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function readBounded(fd: number, expected: number, maxBytes: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  let buffer = Buffer.allocUnsafe(Math.min(expected, maxBytes) + 1);
  for (;;) {
    if (buffer.length === 0) buffer = Buffer.allocUnsafe(Math.min(CHUNK, maxBytes - total + 1));
    let n: number;
    try {
      n = readSync(fd, buffer, 0, buffer.length, null);
    } catch (err) {
      throw fromErrno(err);
    }
    if (n === 0) break;
    chunks.push(buffer.subarray(0, n));
    buffer = buffer.subarray(n);
    total += n;
    if (total > maxBytes) throw new FileReadError("too-large", "grew past the size limit while being read", total);
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
}

function checkKind(stats: Stats, maxBytes: number): void {
  if (stats.isDirectory()) throw new FileReadError("folder", "is a folder");
  if (!stats.isFile()) throw new FileReadError("not-regular", `not a regular file (${kindOf(stats)})`);
  if (stats.size > maxBytes) throw new FileReadError("too-large", "is larger than the size limit", stats.size);
}

function kindOf(stats: Stats): string {
  if (stats.isCharacterDevice()) return "a character device";
  if (stats.isBlockDevice()) return "a block device";
  if (stats.isFIFO()) return "a FIFO";
  if (stats.isSocket()) return "a socket";
  return "not a file";
}

function statOrThrow(stat: () => Stats): Stats {
  try {
    return stat();
  } catch (err) {
    throw fromErrno(err);
  }
}

function fromErrno(err: unknown): FileReadError {
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case "ENOENT":
    case "ENOTDIR":
      return new FileReadError("missing", "no such file", undefined, code);
    case "EACCES":
    case "EPERM":
      return new FileReadError("denied", "permission denied", undefined, code);
    case "EISDIR":
      return new FileReadError("folder", "is a folder", undefined, code);
    default:
      return new FileReadError("other", `cannot be read (${code ?? (err as Error).message})`, undefined, code);
  }
}
