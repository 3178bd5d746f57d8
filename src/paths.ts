// Where the files that ship with oars live, whether it runs from dist/ or an installed package.

import { fileURLToPath } from "node:url";

/** The package folder (holds rules/, fixtures/, package.json). */
export const PACKAGE_ROOT = fileURLToPath(new URL("../", import.meta.url));

/** The bundled rule packs, one folder a language, plus roles.yaml. */
export const RULES_ROOT = fileURLToPath(new URL("../rules/", import.meta.url));

/** Bundled data prebuilt by `npm run build` (dist/prebuilt/; see src/bundled). */
export const PREBUILT_ROOT = fileURLToPath(new URL("./prebuilt/", import.meta.url));

/**
 * The folder of oars' own modules: dist/ (src/ when the tests run the sources). Files found
 * beside a module (the HTML report's assets, the worker) are named from here, not from the
 * module's own URL: the command line runs from one bundled file in dist/ (scripts/bundle-cli.mjs).
 */
export const CODE_ROOT = new URL("./", import.meta.url);
