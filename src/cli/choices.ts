// The values options accept, kept apart from the commands so that building the command line
// (and answering --help or --version) loads none of the commands' code.

export { REPORT_FORMATS } from "../report/formatter.js";
export const EVAL_FORMATS = ["table", "json"] as const;
export const RULES_FORMATS = ["table", "json", "markdown"] as const;
export const CONFIG_FORMATS = ["yaml", "json"] as const;
export const TREND_FORMATS = ["table", "json", "html"] as const;
/** `oars review --delimiter`: what separates the cells (default: the report language's, tab for a .tsv file). */
export const REVIEW_DELIMITERS = ["comma", "semicolon", "tab"] as const;
