// The languages oars has rule packs for. A pack lives in rules/<code>/; its function-word
// profile, used to tell a transcript's language, in rules/languages.yaml.

export const LANGUAGES = ["en", "nb", "da", "sv"] as const;
export type Language = (typeof LANGUAGES)[number];

/** What --lang and the configuration's `language` accept: a language, or "auto" to detect it per file. */
export const LANGUAGE_CHOICES = ["auto", ...LANGUAGES] as const;
export type LanguageChoice = (typeof LANGUAGE_CHOICES)[number];

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}
