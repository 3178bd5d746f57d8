// A progress bar on standard error while a batch runs, only when standard error is a terminal
// (never in CI logs or when redirected). Messages clear it first, so they are never garbled.

import { escapeControls } from "../text/controls.js";

export class Progress {
  private readonly enabled: boolean;
  private done = 0;
  private shown = false;
  private lastDraw = 0;

  constructor(
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {
    this.enabled = total > 1 && stream.isTTY === true && !process.env.CI;
  }

  tick(path: string): void {
    this.done++;
    if (!this.enabled) return;
    path = escapeControls(path); // a file name cannot drive the terminal
    const now = Date.now();
    if (now - this.lastDraw < 50 && this.done < this.total) return; // keep redraws cheap
    this.lastDraw = now;
    const width = Math.max(10, Math.min(30, (this.stream.columns ?? 80) - 40));
    const filled = Math.round((width * this.done) / this.total);
    const room = Math.max(0, (this.stream.columns ?? 80) - width - 20);
    const name = path.length > room ? `…${path.slice(path.length - room + 1)}` : path;
    this.stream.write(`\r\x1b[K[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${this.done}/${this.total} ${name}`);
    this.shown = true;
  }

  clear(): void {
    if (!this.shown) return;
    this.stream.write("\r\x1b[K");
    this.shown = false;
  }
}
