#!/usr/bin/env node
// Entry point: runs the compiled CLI (npm install / npm test build it into dist/).
import { readFileSync } from "node:fs";

// Piped into a program that stops reading (| head): end quietly. Any other failure to write
// (a full disk: ENOSPC) is one line and exit 2, never a stack trace.
process.stdout.on("error", (err) => {
  if (err.code === "EPIPE") process.exit(0);
  process.stderr.write(`oars: cannot write standard output: ${err.code === "ENOSPC" ? "no space left on the device (ENOSPC)" : (err.code ?? err.message)}\n`);
  process.exit(2);
});

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === "--version" || args[0] === "-V")) {
  // Scripts call this to see what is installed: answer without loading the CLI.
  process.stdout.write(`${JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).version}\n`);
} else {
  // dist/oars.js is the command line in one file (scripts/bundle-cli.mjs), compiled from the
  // code cache made by the build (bin/load-cli.js): a faster start.
  const { loadCli } = await import("./load-cli.js");
  const { main } = loadCli();
  process.exitCode = await main(process.argv);
}
