// when.contradicts (src/features/match.ts): an utterance says the opposite of the client's last
// turn when exactly one of the two is negated by the pack's negation words and they share a word.
import { describe, expect, it } from "vitest";
import { contradicts } from "../../src/features/match.js";
import { viewOf } from "../../src/features/view.js";
import { loadLanguagePack } from "../../src/packs/load.js";

describe("when.contradicts", () => {
  const en = loadLanguagePack("en");
  const holds = (client: string, text: string, pack = en) => contradicts(viewOf(text, pack), viewOf(client, pack));

  it("holds when the counsellor turns the polarity of the client's own words", () => {
    expect(holds("It's not that serious.", "It is serious, your results are the worst this year.")).toBe(true);
    expect(holds("My inhaler's fine.", "You ended up in hospital, so no, it's not fine.")).toBe(true);
    // Pairs inflections by four letters: "help" and "helping".
    expect(holds("I'm only doing it to help him out.", "Selling for him isn't helping anyone.")).toBe(true);
  });

  it("does not hold when both keep the same polarity, share no word, or there is no client turn", () => {
    expect(holds("It's not that serious.", "You don't see it as serious.")).toBe(false);
    expect(holds("It's not that serious.", "Your results are the worst this year.")).toBe(false);
    expect(contradicts(viewOf("It is serious.", en), null)).toBe(false);
  });

  it("reads each language's own negation words", () => {
    const nb = loadLanguagePack("nb");
    expect(holds("Det er ikke farlig.", "Det er farlig, prøvene viser det.", nb)).toBe(true);
    expect(holds("Det er ikke farlig.", "Du synes ikke det er farlig.", nb)).toBe(false);
  });
});
