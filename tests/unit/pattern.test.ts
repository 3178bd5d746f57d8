import { describe, expect, it } from "vitest";
import { PatternError, type PatternVocabulary } from "../../src/pattern/parse.js";
import { Pattern } from "../../src/pattern/pattern.js";
import { hitsSet, PatternTable } from "../../src/pattern/table.js";
import { tokenize } from "../../src/pattern/tokens.js";

const lists = new Map<string, string[]>([
  ["feel", ["worried", "scared", "fed up"]],
]);
const fillers = new Set(["um", "uh"]);

function matches(pattern: string, text: string, startsAt: number[] = [0], vocabulary: PatternVocabulary = { lists }): boolean {
  const tokens = tokenize(text, { disfluencies: fillers });
  return Pattern.compile(pattern, vocabulary).matches({ tokens, starts: new Set(startsAt) });
}

describe("tokenize", () => {
  it("lower-cases, keeps punctuation, folds stutters and drops disfluencies", () => {
    expect(tokenize("Um, I- I think you’re, you're fine?", { disfluencies: fillers })).toEqual([",", "i", "think", "you're", "fine", "?"]);
  });

  it("leaves out a name said in address, but not a question word or a first word", () => {
    const options = { disfluencies: fillers, keep: new Set(["why"]) };
    expect(tokenize("So, Chris, I wanted to ask.", options)).toEqual(["so", ",", "i", "wanted", "to", "ask", "."]);
    expect(tokenize("Thanks, Hailey.", options)).toEqual(["thanks", "."]);
    expect(tokenize("And, Why, you think?", options)).toContain("why");
    expect(tokenize("Usually, people do.", options)).toEqual(["usually", ",", "people", "do", "."]);
    expect(tokenize("So, I think.", options)).toEqual(["so", ",", "i", "think", "."]);
  });

  it("reads a word typed without its apostrophe as the pack spells it, and no other word", () => {
    const options = { disfluencies: fillers, spellings: new Map([["dont", "don't"], ["im", "i'm"]]) };
    expect(tokenize("I dont know, Im not sure. Dont.", options)).toEqual(["i", "don't", "know", ",", "i'm", "not", "sure", ".", "don't", "."]);
    // Only whole words: "dontcha" and "imagine" are left as typed.
    expect(tokenize("dontcha imagine", options)).toEqual(["dontcha", "imagine"]);
    expect(tokenize("I dont know", { disfluencies: fillers })).toEqual(["i", "dont", "know"]);
  });

  it("keeps only the finished word of a start broken off with a hyphen", () => {
    const options = { disfluencies: fillers };
    expect(tokenize("W-what was that?", options)).toEqual(["what", "was", "that", "?"]);
    expect(tokenize("So-some budget", options)).toEqual(["some", "budget"]);
    expect(tokenize("how'd-how'd you say", options)).toEqual(["how'd", "you", "say"]);
    // A compound whose first part does not begin the second is two words.
    expect(tokenize("my well-being", options)).toEqual(["my", "well", "being"]);
  });

  it("leaves out bracketed transcriber notes", () => {
    const options = { disfluencies: fillers };
    expect(tokenize("[chuckles] Have you tried?", options)).toEqual(["have", "you", "tried", "?"]);
    expect(tokenize("You are [unintelligible 00:00:02]?", options)).toEqual(["you", "are", "?"]);
  });
});

describe("pattern language", () => {
  it("matches words, alternatives, optional parts and gaps", () => {
    expect(matches("you (feel|are) [really] @feel", "You feel really worried.")).toBe(true);
    expect(matches("you (feel|are) [really] @feel", "You are fed up.")).toBe(true);
    expect(matches("you (feel|are) [really] @feel", "You are happy.")).toBe(false);
    expect(matches("if ... then", "If you stop, what then?")).toBe(true);
    expect(matches("if _{0,1} then", "If you stop then")).toBe(false);
  });

  it("matches stems, suffixes and infixes", () => {
    expect(matches("drikk*", "Jeg drikker mye.")).toBe(true);
    expect(matches("*spørsmål", "Et hovedspørsmål.")).toBe(true);
    expect(matches("*alkohol*", "alkoholbruken din")).toBe(true);
    expect(matches("drikk*", "Jeg drakk mye.")).toBe(false);
  });

  it("matches a stem with the endings of a named class, and as the end of a compound with *", () => {
    const endings = new Map([["noun", ["et", "ene", "er"]], ["verb", ["e", "er", "te"]]]);
    const test = (pattern: string, text: string) => matches(pattern, text, [0], { lists, endings });
    expect(test("spørsmål~noun", "Et spørsmål.")).toBe(true);
    expect(test("spørsmål~noun", "Spørsmålene var lette.")).toBe(true);
    expect(test("spørsmål~noun", "Helsespørsmålet.")).toBe(false);
    expect(test("*spørsmål~noun", "Helsespørsmålet.")).toBe(true);
    expect(test("drikk~verb", "Jeg drikker mye.")).toBe(true);
    expect(test("drikk~verb", "Drikkevanene dine.")).toBe(false);
    // A stem with a fixed set of forms feeds the required-words prefilter.
    expect(Pattern.compile("drikk~verb", { lists, endings }).requiredWords[0]).toEqual(new Set(["drikk", "drikke", "drikker", "drikkte"]));
    expect(() => Pattern.compile("drikk~adverb", { lists, endings })).toThrow('no ending class named "adverb" (the pack has noun, verb)');
    expect(() => Pattern.compile("drikk~", { lists, endings })).toThrow(/must be followed by the name of an ending class/);
    expect(() => Pattern.compile("drikk*~verb", { lists, endings })).toThrow(/cannot also end in/);
  });

  it("lets a comma stand between items when the pack's commas are optional", () => {
    const test = (pattern: string, text: string, optionalCommas: boolean) => matches(pattern, text, [0], { lists, optionalCommas });
    expect(test("synes at du skal", "Jeg synes, at du skal stoppe.", true)).toBe(true);
    expect(test("synes at du skal", "Jeg synes, at du skal stoppe.", false)).toBe(false);
    expect(test("^ du (er|har) @feel", "Du er, worried.", true)).toBe(true);
    // Written punctuation still has to be there.
    expect(test("hvis du , hvad", "Hvis du hvad", true)).toBe(false);
  });

  it("anchors ^ at the allowed start positions and $ before a final full stop", () => {
    expect(matches("^ what", "So what now?", [0])).toBe(false);
    expect(matches("^ what", "So what now?", [0, 1])).toBe(true);
    expect(matches("now $", "What now.")).toBe(true);
    expect(matches("now $", "What now?")).toBe(false);
    expect(matches("now ? $", "What now?")).toBe(true);
  });

  it("needs every required word when the tokens are marked, past the four a pattern holds itself", () => {
    const table = new PatternTable();
    const pattern = Pattern.compile("i (really|truly) want to stop (drinking|smoking) now", {}, table);
    expect(pattern.requiredSets.length).toBeGreaterThan(4);
    const marked = (text: string) => {
      const tokens = tokenize(text, { disfluencies: fillers });
      return { tokens, starts: new Set([0]), hits: table.mark(tokens) };
    };
    expect(pattern.matches(marked("I really want to stop drinking now."))).toBe(true);
    // Each required word missing in turn, the fewest-worded sets (checked first) and the last ones.
    for (const text of ["I really want to stop drinking.", "I really want to stop now.", "I want to stop drinking now.", "You really want to stop drinking now."]) {
      expect(pattern.matches(marked(text)), text).toBe(false);
    }
  });

  it("numbers a table's words the same way after more sets are added, so marks and VM tests agree", () => {
    const table = new PatternTable();
    const first = Pattern.compile("you (feel|are) [really] @feel ?", { lists }, table);
    const tokens = tokenize("You are really worried, you feel scared?", { disfluencies: fillers });
    const before = table.mark(tokens);
    const places = Array.from({ length: table.size }, (_, id) => table.slotOf(id));
    expect(first.matches({ tokens, starts: new Set([0]), hits: before })).toBe(true);
    // Sets added after the first marks: a word they share with older sets keeps its number, and
    // every older set keeps its place among a mark's bits.
    const second = Pattern.compile("(scared|worried) of (you|them) ?", { lists }, table);
    const after = table.mark(tokens);
    expect(after.numbers).toEqual(before.numbers);
    expect(places.map((_, id) => table.slotOf(id))).toEqual(places);
    const words = new Set(tokens);
    for (let id = 0; id < table.size; id++) expect(hitsSet(after, id)).toBe(table.wordsOf(id).some((word) => words.has(word)));
    expect(first.matches({ tokens, starts: new Set([0]), hits: after })).toBe(true);
    expect(second.matches({ tokens, starts: new Set([0]), hits: after })).toBe(false);
    const more = tokenize("Scared of them?", { disfluencies: fillers });
    expect(second.matches({ tokens: more, starts: new Set([0]), hits: table.mark(more) })).toBe(true);
    expect(second.matches({ tokens: more, starts: new Set([0]) })).toBe(true);
  });

  it("matches numbers written in digits", () => {
    expect(matches("#number drinks", "That is 12 drinks.")).toBe(true);
    expect(matches("#number drinks", "That is many drinks.")).toBe(false);
  });

  it("reports syntax errors with the offset of the problem", () => {
    const err = (source: string) => {
      try {
        Pattern.compile(source, { lists });
      } catch (e) {
        return e as PatternError;
      }
      throw new Error("compiled");
    };
    expect(err("(a|b").message).toMatch(/not closed/);
    expect(err("you @nolist").message).toMatch(/no word list named "nolist"/);
    expect(err("you @nolist").offset).toBe(4);
    expect(err("an? apple").message).toMatch(/optional/);
    expect(err("dr*nk").message).toMatch(/may only start or end/);
    expect(err("_{1,99}").message).toMatch(/repeat/);
  });

  it("stays linear on patterns that make backtracking engines explode", () => {
    const tokens = Array.from({ length: 5000 }, () => "a");
    const evil = Pattern.compile("(a|a a|_)... ... (a|_){0,8} ... b", { lists });
    const started = process.hrtime.bigint();
    expect(evil.matches({ tokens, starts: new Set([0]) })).toBe(false);
    // A generous bound: backtracking would take astronomically long here.
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(5000);
  });
});
