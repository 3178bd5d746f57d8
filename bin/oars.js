#!/usr/bin/env node
// Entry point: runs the compiled CLI (npm install / npm test build it into dist/).
import { main } from "../dist/cli/main.js";

// Piped into a program that stops reading (| head): end quietly.
process.stdout.on("error", (err) => {
  if (err.code === "EPIPE") process.exit(0);
  throw err;
});

process.exitCode = await main(process.argv);
