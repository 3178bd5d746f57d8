import { describe, expect, it } from "vitest";
import { formatNumber } from "../../src/locale/numbers.js";
import { LANGUAGES } from "../../src/languages.js";

// formatNumber writes non-negative numbers itself (Intl's first use costs ~20 ms of start-up);
// what it writes must be exactly what Intl.NumberFormat writes.
const intl = (value: number, locale: string, min: number, max: number) =>
  new Intl.NumberFormat(locale, { minimumFractionDigits: min, maximumFractionDigits: max, useGrouping: false }).format(value);

const values = [
  0, 1, 0.5, 1.5, 2.5, 1.005, 1.015, 0.125, 0.375, 9.995, 99.95, 0.05, 0.0049, 66.66666666666667,
  33.333333333333336, 100, 1234.5678, 0.1 + 0.2, 1 / 3, 2 / 3, 999.9999, 12, 0.999, 1e-7, 1e21, 5e-324,
  -0, -1.25, -0.004, Number.NaN, Number.POSITIVE_INFINITY,
];
// a deterministic spread of ratios like those reports print (counts over counts)
for (let a = 0; a <= 40; a++) for (let b = 1; b <= 40; b += 3) values.push(a / b, (100 * a) / b);

describe("formatNumber", () => {
  for (const locale of LANGUAGES) {
    it(`writes what Intl.NumberFormat writes in ${locale}`, () => {
      for (const value of values) {
        for (const [min, max] of [[0, 0], [0, 1], [1, 1], [0, 2], [2, 2], [1, 3]] as const) {
          expect(formatNumber(value, locale, min, max), `${value} ${min}..${max}`).toBe(intl(value, locale, min, max));
        }
      }
    });
  }

  it("uses a decimal comma in the Scandinavian languages and a point in English", () => {
    expect(formatNumber(66.666, "nb", 1, 1)).toBe("66,7");
    expect(formatNumber(66.666, "en", 1, 1)).toBe("66.7");
    expect(formatNumber(9.96, "sv", 0, 1)).toBe("10");
  });
});
