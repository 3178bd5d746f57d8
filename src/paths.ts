// Where the files that ship with oars live, whether it runs from dist/ or an installed package.

import { fileURLToPath } from "node:url";

/** The package folder (holds rules/, fixtures/, package.json). */
export const PACKAGE_ROOT = fileURLToPath(new URL("../", import.meta.url));

/** The bundled rule packs, one folder a language, plus roles.yaml. */
export const RULES_ROOT = fileURLToPath(new URL("../rules/", import.meta.url));

/** Bundled data prebuilt by `npm run build` (dist/prebuilt/; see src/bundled). */
export const PREBUILT_ROOT = fileURLToPath(new URL("./prebuilt/", import.meta.url));
