// Forms that textbook lines written from the MITI definitions showed the packs lacked, coded
// end to end by bin/oars.js with the bundled rules and weights (docs/development.md, "Textbook
// lines again"). Each case is one client line and the counsellor's answer, or the reverse.
import { describe, expect, it } from "vitest";
import { analyzeText, lastTurnOf, type CodedUtterance } from "../helpers.js";

/** Codes `text` with bin/oars.js and returns the first utterance of `role`'s last turn. */
function firstOfLastTurn(text: string, lang: string, role: "counsellor" | "client"): CodedUtterance {
  const run = analyzeText(text, lang);
  expect(run.status, run.stderr).toBe(0);
  return lastTurnOf(run, role)[0]!;
}

describe("textbook forms", () => {
  // "No wonder you… when you…" puts the blame on the client's own behaviour.
  it.each([
    ["en", "Client: I'm shattered every morning.\nCounsellor: No wonder you can't sleep when you're drinking coffee at ten at night.\n"],
    ["nb", "Klient: Jeg er så trøtt om morgenen.\nRådgiver: Ikke rart du er trøtt når du sitter oppe til to hver natt.\n"],
    ["da", "Klient: Jeg er så træt om morgenen.\nRådgiver: Ikke så sært, at du er træt, når du sidder oppe til klokken to hver nat.\n"],
    ["sv", "Klient: Jag är så trött på morgnarna.\nRådgivare: Inte konstigt att du är trött när du sitter uppe till två varje natt.\n"],
  ])("codes 'no wonder you… when you…' as confront (%s)", (lang, text) => {
    expect(firstOfLastTurn(text, lang, "counsellor")).toMatchObject({ code: "confront", rule: `${lang}.confront.blame` });
  });

  // A client who asks what the counsellor would do has asked for advice: what follows is
  // advice with permission, not a persuade flag.
  it.each([
    ["en", "Client: What would you do in my shoes?\nCounsellor: My suggestion would be to keep a couple of alcohol-free days a week.\n"],
    ["nb", "Klient: Hva synes du jeg bør gjøre med drikkingen?\nRådgiver: Da vil jeg anbefale deg å ha minst to alkoholfrie dager i uka.\n"],
    ["da", "Klient: Hvad synes du, jeg skal gøre ved min snus?\nRådgiver: Så synes jeg, du skulle overveje nikotintyggegummi.\n"],
    ["sv", "Klient: Vad tycker du att jag ska göra med mitt snusande?\nRådgivare: Då skulle jag föreslå snusfria dagar på helgerna.\n"],
  ])("codes advice after the client asked what to do as advice with permission (%s)", (lang, text) => {
    expect(firstOfLastTurn(text, lang, "counsellor")).toMatchObject({ code: "persuade-with-permission", rule: `${lang}.persuade-with-permission.after-consent` });
  });

  // Verb-second order with a time phrase first ("Tomorrow call I the doctor") is a commitment.
  it.each([
    ["nb", "Rådgiver: Hva blir det første steget?\nKlient: I morgen ringer jeg fastlegen.\n"],
    ["da", "Rådgiver: Hvad bliver det første skridt?\nKlient: I morgen ringer jeg til lægen.\n"],
    ["sv", "Rådgivare: Vad blir första steget?\nKlient: Imorgon ringer jag vårdcentralen.\n"],
  ])("codes a time phrase before the verb as change talk, commitment (%s)", (lang, text) => {
    expect(firstOfLastTurn(text, lang, "client")).toMatchObject({ code: "change-talk", subtype: "commitment", rule: `${lang}.change-talk.commitment` });
  });

  // English rule ids the Scandinavian packs lacked, written for each language (session 12):
  // a question whose subject is "we" shares the steering.
  it.each([
    ["nb", "Klient: Det er så mye på en gang.\nRådgiver: Hvor tror du vi bør begynne?\n"],
    ["da", "Klient: Der er så meget på én gang.\nRådgiver: Hvor synes du, vi skal starte?\n"],
    ["sv", "Klient: Det är så mycket på en gång.\nRådgivare: Var tycker du att vi ska börja?\n"],
  ])("codes a question about where 'we' start as seeking collaboration (%s)", (lang, text) => {
    expect(firstOfLastTurn(text, lang, "counsellor")).toMatchObject({ code: "seek-collaboration", rule: `${lang}.seek-collaboration.we-question` });
  });

  // "The best thing you can do for X is to…" tells the client what to do.
  it.each([
    ["nb", "Klient: Jeg er gravid og røyker fortsatt litt.\nRådgiver: Det beste du kan gjøre for babyen nå er å slutte helt.\n", "you-should"],
    ["da", "Klient: Jeg er gravid og ryger stadig lidt.\nRådgiver: Det bedste, du kan gøre for barnet nu, er at stoppe helt.\n", "direct"],
    ["sv", "Klient: Jag är gravid och röker fortfarande lite.\nRådgivare: Det bästa du kan göra för barnet nu är att sluta helt.\n", "direct"],
  ])("codes 'the best thing you can do for X is to…' as persuade (%s)", (lang, text, rule) => {
    expect(firstOfLastTurn(text, lang, "counsellor")).toMatchObject({ code: "persuade", rule: `${lang}.persuade.${rule}` });
  });

  // "You're obviously not taking X seriously" judges the client.
  it.each([
    ["nb", "Klient: Jeg glemmer insulinen innimellom.\nRådgiver: Du tar tydeligvis ikke diabetesen din på alvor.\n"],
    ["da", "Klient: Jeg glemmer insulinen en gang imellem.\nRådgiver: Du tager tydeligvis ikke din diabetes alvorligt.\n"],
    ["sv", "Klient: Jag glömmer insulinet ibland.\nRådgivare: Du tar uppenbarligen inte din diabetes på allvar.\n"],
  ])("codes 'you're not taking X seriously' as confront (%s)", (lang, text) => {
    expect(firstOfLastTurn(text, lang, "counsellor")).toMatchObject({ code: "confront", rule: `${lang}.confront.judgement` });
  });
});
