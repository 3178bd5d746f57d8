// The settings of a run: defaults, the configuration file (found by walking up from the
// working directory, or named with --config, or none with --no-config), then the command line.

import { resolve } from "node:path";
import { findConfigFile } from "./find.js";
import { readConfigFile } from "./read.js";
import { defaultSettings, mergeSettings, type Settings, type SettingsLayer } from "./settings.js";

export interface SettingsRequest {
  cwd: string;
  /** A file named with --config; false for --no-config; undefined to search. */
  config: string | false | undefined;
  commandLine: SettingsLayer;
}

export function resolveSettings(request: SettingsRequest): Settings {
  const file = request.config === false ? null : request.config !== undefined ? resolve(request.cwd, request.config) : findConfigFile(request.cwd);
  let settings = defaultSettings();
  if (file) settings = { ...mergeSettings(settings, readConfigFile(file)), source: file };
  return mergeSettings(settings, request.commandLine);
}

export type { Settings, SettingsLayer } from "./settings.js";
