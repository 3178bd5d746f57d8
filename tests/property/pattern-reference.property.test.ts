// The pattern VM against a reference: random patterns (words, prefixes, @lists, alternatives,
// optional parts, _, ..., repeats, ^, $) are also written as a JavaScript regular expression
// over the tokens joined by spaces, and both must agree on random token lists. This guards
// the Pike VM and the required-words prefilter that lets most calls skip it.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Pattern } from "../../src/pattern/pattern.js";
import { PatternTable } from "../../src/pattern/table.js";

type Piece = { pattern: string; regex: string };

const VOCABULARY = ["you", "feel", "should", "drink", "drinking", "?", ",", "."];
const LISTS = new Map([["modal", ["should", "could", "must"]], ["phrase", ["you feel", "drink"]]]);
const TOKEN = "[^ ]+ "; // one token and its separator
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const leaf: fc.Arbitrary<Piece> = fc.oneof(
  fc.constantFrom("you", "feel", "should", "drink").map((w) => ({ pattern: w, regex: `${escape(w)} ` })),
  fc.constant({ pattern: "drink*", regex: "drink[^ ]* " }),
  fc.constant({ pattern: "*ing", regex: "[^ ]*ing " }),
  fc.constant({ pattern: "_", regex: "[^ ?!,.;:][^ ]* " }),
  fc.constant({ pattern: "...", regex: `(?:${TOKEN})*` }),
  fc.constant({ pattern: "?", regex: "\\? " }),
  fc.constant({ pattern: "@modal", regex: "(?:should|could|must) " }),
  fc.constant({ pattern: "@phrase", regex: "(?:you feel |drink )" }),
);

const piece: fc.Arbitrary<Piece> = fc.letrec<{ piece: Piece; seq: Piece }>((tie) => ({
  piece: fc.oneof(
    { weight: 4, arbitrary: leaf },
    { weight: 1, arbitrary: fc.array(tie("seq"), { minLength: 2, maxLength: 3 }).map((options) => ({ pattern: `(${options.map((o) => o.pattern).join("|")})`, regex: `(?:${options.map((o) => o.regex).join("|")})` })) },
    { weight: 1, arbitrary: tie("seq").map((inner) => ({ pattern: `[${inner.pattern}]`, regex: `(?:${inner.regex})?` })) },
    { weight: 1, arbitrary: fc.tuple(leaf.filter((l) => l.pattern !== "..."), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 })).map(([l, a, b]) => ({ pattern: `${l.pattern}{${a},${a + b}}`, regex: `(?:${l.regex}){${a},${a + b}}` })) },
  ),
  seq: fc.array(tie("piece"), { minLength: 1, maxLength: 3 }).map((items) => ({ pattern: items.map((i) => i.pattern).join(" "), regex: items.map((i) => i.regex).join("") })),
})).seq;

const anchored = fc.tuple(fc.boolean(), piece, fc.boolean()).map(([start, p, end]) => ({
  pattern: `${start ? "^ " : ""}${p.pattern}${end ? " $" : ""}`,
  // `$` also holds before a final "." or "!".
  regex: `${start ? "^" : "(?<![^ ])"}${p.regex}${end ? "(?:[.!] )?$" : ""}`, // a match starts at a token
}));

describe("pattern VM against a regular-expression reference", () => {
  it("agrees on random patterns and token lists", () => {
    fc.assert(
      fc.property(anchored, fc.array(fc.constantFrom(...VOCABULARY), { maxLength: 12 }), ({ pattern, regex }, tokens) => {
        const compiled = Pattern.compile(pattern, { lists: LISTS });
        const expected = new RegExp(regex).test(tokens.map((t) => `${t} `).join(""));
        expect(compiled.matches({ tokens, starts: new Set([0]) }), `${pattern}  vs  /${regex}/  on  ${tokens.join(" ")}`).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  // With the tokens marked in the pattern's table (as every view is), the required words are
  // read from the marks, four of them from the pattern itself: the same answers.
  it("agrees with the tokens marked in the pattern's table", () => {
    fc.assert(
      fc.property(anchored, fc.array(fc.constantFrom(...VOCABULARY), { maxLength: 12 }), ({ pattern, regex }, tokens) => {
        const table = new PatternTable();
        const compiled = Pattern.compile(pattern, { lists: LISTS }, table);
        const expected = new RegExp(regex).test(tokens.map((t) => `${t} `).join(""));
        expect(compiled.matches({ tokens, starts: new Set([0]), hits: table.mark(tokens) }), `${pattern}  vs  /${regex}/  on  ${tokens.join(" ")}`).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  // `^` holds at several places in a view (after lead fillers, after "Name,"): a pattern that
  // opens with it matches when it matches from one of them, the rest of the text read from
  // there. The VM rules a run out early when no such place holds a token a match can begin with.
  it("agrees when ^ holds at several places", () => {
    const opening = fc.tuple(piece, fc.boolean()).map(([p, end]) => ({ pattern: `^ ${p.pattern}${end ? " $" : ""}`, regex: `^${p.regex}${end ? "(?:[.!] )?$" : ""}` }));
    const view = fc.array(fc.constantFrom(...VOCABULARY), { maxLength: 12 }).chain((tokens) => fc.tuple(fc.constant(tokens), fc.uniqueArray(fc.integer({ min: 1, max: Math.max(tokens.length, 1) }), { maxLength: tokens.length === 0 ? 0 : 3 })));
    fc.assert(
      fc.property(opening, view, ({ pattern, regex }, [tokens, more]) => {
        const table = new PatternTable();
        const compiled = Pattern.compile(pattern, { lists: LISTS }, table);
        const starts = tokens.length === 0 ? [0] : [0, ...more];
        const expected = starts.some((start) => new RegExp(regex).test(tokens.slice(start).map((t) => `${t} `).join("")));
        const message = `${pattern}  vs  /${regex}/  on  ${tokens.join(" ")}  from ${starts.join(",")}`;
        expect(compiled.matches({ tokens, starts: new Set(starts) }), message).toBe(expected);
        expect(compiled.matches({ tokens, starts: new Set(starts), hits: table.mark(tokens) }), message).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });
});
