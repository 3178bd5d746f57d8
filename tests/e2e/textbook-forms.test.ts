// Forms that textbook lines written from the MITI definitions showed the packs lacked, coded
// end to end by bin/oars.js with the bundled rules and weights (docs/development.md, "Textbook
// lines again"). Each case is one client line and the counsellor's answer, or the reverse.
import { describe, expect, it } from "vitest";
import { analyzeText, lastTurnOf } from "../helpers.js";

describe("textbook forms", () => {
  // "No wonder you… when you…" puts the blame on the client's own behaviour.
  it.each([
    ["en", "Client: I'm shattered every morning.\nCounsellor: No wonder you can't sleep when you're drinking coffee at ten at night.\n"],
    ["nb", "Klient: Jeg er så trøtt om morgenen.\nRådgiver: Ikke rart du er trøtt når du sitter oppe til to hver natt.\n"],
    ["da", "Klient: Jeg er så træt om morgenen.\nRådgiver: Ikke så sært, at du er træt, når du sidder oppe til klokken to hver nat.\n"],
    ["sv", "Klient: Jag är så trött på morgnarna.\nRådgivare: Inte konstigt att du är trött när du sitter uppe till två varje natt.\n"],
  ])("codes 'no wonder you… when you…' as confront (%s)", (lang, text) => {
    const run = analyzeText(text, lang);
    expect(run.status, run.stderr).toBe(0);
    expect(lastTurnOf(run, "counsellor")[0]).toMatchObject({ code: "confront", rule: `${lang}.confront.blame` });
  });

  // A client who asks what the counsellor would do has asked for advice: what follows is
  // advice with permission, not a persuade flag.
  it.each([
    ["en", "Client: What would you do in my shoes?\nCounsellor: My suggestion would be to keep a couple of alcohol-free days a week.\n"],
    ["nb", "Klient: Hva synes du jeg bør gjøre med drikkingen?\nRådgiver: Da vil jeg anbefale deg å ha minst to alkoholfrie dager i uka.\n"],
    ["da", "Klient: Hvad synes du, jeg skal gøre ved min snus?\nRådgiver: Så synes jeg, du skulle overveje nikotintyggegummi.\n"],
    ["sv", "Klient: Vad tycker du att jag ska göra med mitt snusande?\nRådgivare: Då skulle jag föreslå snusfria dagar på helgerna.\n"],
  ])("codes advice after the client asked what to do as advice with permission (%s)", (lang, text) => {
    const run = analyzeText(text, lang);
    expect(run.status, run.stderr).toBe(0);
    expect(lastTurnOf(run, "counsellor")[0]).toMatchObject({ code: "persuade-with-permission", rule: `${lang}.persuade-with-permission.after-consent` });
  });

  // Verb-second order with a time phrase first ("Tomorrow call I the doctor") is a commitment.
  it.each([
    ["nb", "Rådgiver: Hva blir det første steget?\nKlient: I morgen ringer jeg fastlegen.\n"],
    ["da", "Rådgiver: Hvad bliver det første skridt?\nKlient: I morgen ringer jeg til lægen.\n"],
    ["sv", "Rådgivare: Vad blir första steget?\nKlient: Imorgon ringer jag vårdcentralen.\n"],
  ])("codes a time phrase before the verb as change talk, commitment (%s)", (lang, text) => {
    const run = analyzeText(text, lang);
    expect(run.status, run.stderr).toBe(0);
    expect(lastTurnOf(run, "client")[0]).toMatchObject({ code: "change-talk", subtype: "commitment", rule: `${lang}.change-talk.commitment` });
  });
});
