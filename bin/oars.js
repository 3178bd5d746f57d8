#!/usr/bin/env node
// Entry point: runs the compiled CLI (npm install / npm test build it into dist/).
import { readFileSync } from "node:fs";

// Piped into a program that stops reading (| head): end quietly.
process.stdout.on("error", (err) => {
  if (err.code === "EPIPE") process.exit(0);
  throw err;
});

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === "--version" || args[0] === "-V")) {
  // Scripts call this to see what is installed: answer without loading the CLI.
  process.stdout.write(`${JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).version}\n`);
} else {
  const { main } = await import("../dist/cli/main.js");
  process.exitCode = await main(process.argv);
}
