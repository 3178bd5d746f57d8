// `oars config`: the settings a run in this folder would use, and the file they came from, in
// the configuration file's own layout so they can be copied into one.

import { createRequire } from "node:module";
import { resolveSettings } from "../config/index.js";
import { limitsInForce } from "../config/settings.js";
import { EXIT } from "../errors.js";
import { chosenModels } from "../learn/user-weights.js";
import { packLoader } from "../packs/loader.js";
import { writeOutput } from "./output.js";
import type { CONFIG_FORMATS } from "./choices.js";

// Loaded when the command runs: a static import of a package left out of the bundled command
// line (scripts/bundle-cli.mjs) is loaded by every run, and yaml costs a start ~40 ms.
const stringify = (value: unknown): string => (createRequire(import.meta.url)("yaml") as typeof import("yaml")).stringify(value);

export interface ConfigCommandOptions {
  config?: string | false;
  format: (typeof CONFIG_FORMATS)[number];
}


export function runConfig(options: ConfigCommandOptions): number {
  const settings = resolveSettings({ cwd: process.cwd(), config: options.config, commandLine: {} });
  // Checked as `analyze` checks them: rule folders load and every rule id in `rules:` names a
  // rule (packLoader builds every pack at once when there are any), so a typo is exit 2 here too;
  // and `weights:` and `client-weights:` are read and checked against their language's pack.
  chosenModels(settings, packLoader(settings.ruleFolders, settings.rules));
  const resolved = {
    language: settings.language,
    locale: settings.locale,
    counsellors: settings.counsellors,
    "rule-folders": settings.ruleFolders,
    ...(settings.weights ? { weights: settings.weights } : {}),
    ...(settings.clientWeights ? { "client-weights": settings.clientWeights } : {}),
    rules: Object.fromEntries(
      settings.rules.map((r) => [r.id, r.off ? "off" : { ...(r.priority !== undefined ? { priority: r.priority } : {}), ...(r.confidence ? { confidence: r.confidence } : {}) }]),
    ),
    thresholds: { ...(settings.level ? { level: settings.level } : {}), ...limitsInForce(settings) },
    ignore: settings.ignore.map((i) => i.pattern),
  };
  if (options.format === "json") {
    writeOutput(`${JSON.stringify({ source: settings.source, settings: resolved }, null, 2)}\n`, undefined);
  } else {
    const source = settings.source ? `# from ${settings.source}` : "# no configuration file found: defaults";
    const note = Object.keys(settings.limits).length === 0 ? "\n# no thresholds set: the basic level applies (no persuading without permission, no confronting)" : "";
    writeOutput(`${source}${note}\n${stringify(resolved)}`, undefined);
  }
  return EXIT.ok;
}
