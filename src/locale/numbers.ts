// Numbers as each report language writes them: a decimal point in English, a decimal comma in
// Norwegian, Danish and Swedish ("66,7%"). No thousands separators: figures here are small, and
// a grouped "1 234" would break the columns' alignment.
//
// Non-negative finite numbers are written here rather than by Intl.NumberFormat: the first
// NumberFormat of a process loads ICU's locale data, about 20 ms of a one-file run's CPU. The
// result is the same as Intl's (tests/unit/numbers.test.ts compares them): the shortest decimal
// form of the double, rounded half away from zero. Negative numbers (a minus sign that differs by
// language: "−" in nb and sv) and non-finite ones are left to Intl.

import type { Language } from "../languages.js";

const formats = new Map<string, Intl.NumberFormat>();
const DECIMAL_SEPARATOR: Record<Language, string> = { en: ".", nb: ",", da: ",", sv: "," };

/** `value` with at least `min` and at most `max` decimals, in `locale`'s way. */
export function formatNumber(value: number, locale: Language, min: number, max: number): string {
  const plain = value >= 0 && !Object.is(value, -0) ? decimalDigits(value, min, max) : null;
  if (plain !== null) return plain.fraction ? `${plain.whole}${DECIMAL_SEPARATOR[locale]}${plain.fraction}` : plain.whole;
  return intlFormat(value, locale, min, max);
}

function intlFormat(value: number, locale: Language, min: number, max: number): string {
  const key = `${locale}:${min}:${max}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.NumberFormat(locale, { minimumFractionDigits: min, maximumFractionDigits: max, useGrouping: false })));
  return format.format(value);
}

/** Whole and fraction digits of a non-negative number, or null when its shortest form has an exponent. */
function decimalDigits(value: number, min: number, max: number): { whole: string; fraction: string } | null {
  const shortest = String(value);
  if (!/^\d+(\.\d+)?$/.test(shortest)) return null; // Infinity, NaN, 1e+21, 1e-7
  const [whole, fraction = ""] = shortest.split(".") as [string, string?];
  let digits = whole + fraction.slice(0, max).padEnd(max, "0");
  if (fraction.length > max && fraction[max]! >= "5") digits = incremented(digits);
  const wholeLength = digits.length - max;
  let kept = digits.slice(wholeLength);
  while (kept.length > min && kept.endsWith("0")) kept = kept.slice(0, -1);
  return { whole: digits.slice(0, wholeLength), fraction: kept };
}

/** A string of decimal digits plus one in its last place ("0999" → "1000", "99" → "100"). */
function incremented(digits: string): string {
  const out = digits.split("");
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i] !== "9") {
      out[i] = String(Number(out[i]) + 1);
      return out.join("");
    }
    out[i] = "0";
  }
  return `1${out.join("")}`;
}
