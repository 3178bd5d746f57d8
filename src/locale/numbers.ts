// Numbers as each report language writes them: a decimal point in English, a decimal comma in
// Norwegian, Danish and Swedish ("66,7%"). No thousands separators: figures here are small, and
// a grouped "1 234" would break the columns' alignment.

import type { Language } from "../languages.js";

const formats = new Map<string, Intl.NumberFormat>();

/** `value` with at least `min` and at most `max` decimals, in `locale`'s way. */
export function formatNumber(value: number, locale: Language, min: number, max: number): string {
  const key = `${locale}:${min}:${max}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.NumberFormat(locale, { minimumFractionDigits: min, maximumFractionDigits: max, useGrouping: false })));
  return format.format(value);
}
