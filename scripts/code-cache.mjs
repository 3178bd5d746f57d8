// Run by scripts/bundle-cli.mjs in a process of its own: loads the bundled command line as
// bin/oars.js does, codes a bundled English transcript (as JSON and as the table, so both
// formatters are compiled too) and writes V8's code cache of the script to dist/oars.js.cache,
// after the script's hash (bin/load-cli.js).
// Made after the run, the cache holds the bytecode of every function the run compiled, not
// only the file's top level. The output of the runs goes to the parent, which drops it.
import { rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { CACHE_FILE, loadCli, sourceHash } from "../bin/load-cli.js";

// The cache of an older build is never loaded while the next is made (its hash would not match anyway).
rmSync(CACHE_FILE, { force: true });
const { main, script, bytes } = loadCli();
const transcript = fileURLToPath(new URL("../fixtures/en/session-alcohol.txt", import.meta.url));
for (const format of ["json", "table"]) {
  const code = await main([process.execPath, "oars", "analyze", "--no-config", "-f", format, transcript]);
  if (code !== 0) throw new Error(`oars analyze -f ${format} exited ${code} while making the code cache`);
}
writeFileSync(CACHE_FILE, Buffer.concat([sourceHash(bytes), script.createCachedData()]));
