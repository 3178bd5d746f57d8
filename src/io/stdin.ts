// Standard input, read without blocking the event loop: a pipe whose writer is slow to start
// (`(sleep 1; cat t.txt) | oars analyze -`) is waited for instead of failing with EAGAIN, and
// reading stops as soon as the size limit is passed (a device on stdin never ends).

import { FileReadError } from "./regular-file.js";

export async function readStdin(maxBytes: number, input: NodeJS.ReadableStream = process.stdin): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of input) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    total += bytes.length;
    if (total > maxBytes) {
      (input as NodeJS.ReadStream).destroy?.();
      throw new FileReadError("too-large", "standard input is larger than the size limit", total);
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks, total);
}
