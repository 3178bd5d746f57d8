import { describe, expect, it } from "vitest";
import { detectLanguage } from "../../src/detect/index.js";

const sample = {
  en: ["What brings you in today?", "My doctor said I should talk to someone about my drinking, but I don't think it's a problem."],
  nb: ["Hva bringer deg hit i dag?", "Fastlegen min sa at jeg burde snakke med noen om drikkingen, men jeg synes ikke det er noe problem."],
  da: ["Hvad bringer dig her i dag?", "Min læge sagde, at jeg burde tale med nogen om mit forbrug, men jeg synes ikke, det er noget problem."],
  sv: ["Vad har fått dig att komma hit i dag?", "Min läkare sa att jag borde prata med någon om mitt drickande, men jag tycker inte att det är något problem."],
};

describe("detectLanguage", () => {
  it.each(Object.entries(sample))("tells %s from two sentences of talk", (language, texts) => {
    expect(detectLanguage(texts).language).toBe(language);
  });

  it("reads nynorsk as Norwegian", () => {
    expect(detectLanguage(["Kva tenkjer du om det?", "Eg veit ikkje heilt, eg drikk berre litt i helgane, men det er ikkje noko problem for meg."]).language).toBe("nb");
  });

  it("says nothing when there are too few words to tell", () => {
    expect(detectLanguage(["Ok."]).language).toBeNull();
    expect(detectLanguage([]).language).toBeNull();
    expect(detectLanguage(["Guten Tag, wie geht es Ihnen heute?"]).language).toBeNull();
  });
});
