// Listing the transcripts in a folder, at any depth. Each real folder is read once, so a link
// that points back up the tree (`ln -s .. sub/loop`) cannot list the same files again and
// again; a subfolder that cannot be read is reported, like an unreadable file, and the rest of
// the tree is still listed. Hidden entries, node_modules and .git are skipped. The walk keeps its
// own list of folders to visit (no recursion), so depth costs no stack.

import { readdirSync, realpathSync, statSync, type Dirent } from "node:fs";
import { join } from "node:path";
import type { FileError } from "../types.js";

const SKIPPED_FOLDERS = new Set(["node_modules"]);

export interface FolderListing {
  /** Paths of the files found, `folder` joined with their place inside it. */
  files: string[];
  errors: FileError[];
}

export function walkFolder(folder: string, wanted: (name: string) => boolean): FolderListing {
  const files: string[] = [];
  const errors: FileError[] = [];
  const seen = new Set<string>();
  const pending = [folder];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    let entries: Dirent[];
    try {
      const real = realpathSync(dir);
      if (seen.has(real)) continue;
      seen.add(real);
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      errors.push({ path: dir, message: `folder cannot be read (${describeCode(err)})` });
      continue;
    }
    for (const entry of entries) {
      if (entry.name.startsWith(".")) continue;
      const path = join(dir, entry.name);
      const kind = entry.isSymbolicLink() ? linkKind(path) : entry.isDirectory() ? "folder" : entry.isFile() ? "file" : "other";
      if (kind === "folder" && !SKIPPED_FOLDERS.has(entry.name)) pending.push(path);
      else if (!wanted(entry.name) || kind === "folder") continue;
      // A transcript's name on a link to nothing is reported, not passed over in silence; one on
      // a device, FIFO or socket is listed, and reading refuses it as "not a regular file".
      else if (kind === "dangling") errors.push({ path, message: "a link to nothing (its target does not exist)" });
      else files.push(path);
    }
  }
  return { files, errors };
}

function linkKind(path: string): "folder" | "file" | "other" | "dangling" {
  try {
    const stats = statSync(path);
    return stats.isDirectory() ? "folder" : stats.isFile() ? "file" : "other";
  } catch {
    return "dangling";
  }
}

function describeCode(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  return code === "EACCES" || code === "EPERM" ? "permission denied" : (code ?? (err as Error).message);
}
