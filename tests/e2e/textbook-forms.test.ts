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
    // The shorter "Då skulle jag föreslå snusfria dagar på helgerna." sits on the edge since
    // session 13's retraining (other 0.43 against advice with permission; docs/development.md).
    ["sv", "Klient: Vad tycker du att jag ska göra med mitt snusande?\nRådgivare: Då skulle jag föreslå att du har snusfria dagar på helgerna.\n"],
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

  // Forms a fresh batch of 104 lines a language showed missing (session 13); each case fails
  // on the rules and weights before that session (1236b43).
  // "You know very well that…": the counsellor tells the client what they supposedly know.
  it.each([
    ["en", "Client: I'm not worried about the baby, honestly.\nCounsellor: You know very well that smoking while you're pregnant harms the baby.\n"],
    ["sv", "Klient: Det är inte så farligt att snusa lite när man är gravid.\nRådgivare: Du vet ju mycket väl att det skadar barnet.\n"],
  ])("codes 'you know very well that…' as confront (%s)", (lang, text) => {
    expect(firstOfLastTurn(text, lang, "counsellor")).toMatchObject({ code: "confront", rule: `${lang}.confront.disagree` });
  });

  // "We've heard that before": a promise waved away.
  it.each([
    ["nb", "Klient: Jeg skal kutte ned fra neste uke.\nRådgiver: Det har vi jo hørt før.\n"],
    ["da", "Klient: Jeg skal nok skære ned fra næste uge.\nRådgiver: Den har jeg hørt før.\n"],
  ])("codes 'we've heard that before' as confront (%s)", (lang, text) => {
    expect(firstOfLastTurn(text, lang, "counsellor")).toMatchObject({ code: "confront", rule: `${lang}.confront.blame` });
  });

  // The choice handed back in words other than "it's your choice".
  it.each([
    ["en", "Client: I don't know if I want to start the tablets.\nCounsellor: Ultimately, the choice about whether to start them rests with you.\n", "choice"],
    ["nb", "Klient: Jeg vet ikke om jeg er klar for noe sånt.\nRådgiver: Du velger helt selv om du vil prøve det.\n", "choice"],
    ["da", "Klient: Jeg ved ikke, om jeg er klar til noget.\nRådgiver: Du behøver ikke beslutte noget i dag.\n", "your-life"],
    ["sv", "Klient: Jag vet inte om jag vill göra något åt det.\nRådgivare: Det är bara du som kan avgöra om du vill sluta.\n", "choice"],
  ])("codes the choice handed back as emphasizing autonomy (%s)", (lang, text, rule) => {
    expect(firstOfLastTurn(text, lang, "counsellor")).toMatchObject({ code: "emphasize-autonomy", rule: `${lang}.emphasize-autonomy.${rule}` });
  });

  // Booking the next appointment and the session's time are housekeeping, not information.
  it.each([
    ["en", "Client: Thanks, that was useful.\nCounsellor: I'll book you in for the same time in two weeks.\n", "closing"],
    ["nb", "Klient: Takk, det var nyttig.\nRådgiver: Da setter jeg deg opp på torsdag klokka ni.\n", "closing"],
    ["sv", "Klient: Tack, det här var bra.\nRådgivare: Vi har ungefär en halvtimme kvar idag.\n", "structure"],
  ])("codes booking and session time as other (%s)", (lang, text, rule) => {
    expect(firstOfLastTurn(text, lang, "counsellor")).toMatchObject({ code: "other", rule: `${lang}.other.${rule}` });
  });

  // "That took something from you": what a step cost the client, said as praise.
  it("codes 'that took something from you' as affirm (da)", () => {
    const text = "Klient: Jeg har ikke rørt en øl i fjorten dage.\nRådgiver: Det har krævet noget af dig.\n";
    expect(firstOfLastTurn(text, "da", "counsellor")).toMatchObject({ code: "affirm", rule: "da.affirm.shows-strength" });
  });

  // Norwegian forms from a second dev batch (session 13, second round): spoken question words,
  // "the best would have been to…", "wholly your choice"; each fails on 1236b43.
  it.each([
    ["Klient: Jeg vet ikke helt hva jeg skal gjøre med snusen.\nRådgiver: Det beste for deg hadde vært å slutte helt før operasjonen.\n", "persuade", "nb.persuade.you-should"],
    ["Klient: Jeg har begynt å gå tur om morgenen.\nRådgiver: Åssen har det gått med turene denne uka?\n", "open-question", "nb.open-question.wh-start"],
    ["Klient: Jeg vet ikke om jeg orker å endre noe nå.\nRådgiver: Det er helt og holdent ditt valg.\n", "emphasize-autonomy", "nb.emphasize-autonomy.choice"],
  ])("codes a Norwegian form of the second round (%#)", (text, code, rule) => {
    expect(firstOfLastTurn(text, "nb", "counsellor")).toMatchObject({ code, rule });
  });
});

describe("text typed without apostrophes", () => {
  // Chat transcripts and quick typing drop apostrophes ("dont", "im"); the English pack's
  // `spellings` read them as the rules spell them, so the codes are those of the written form.
  const written = [
    "Counsellor: What's been the hardest part this week",
    "Client: I can't sleep and I don't want to keep feeling like this.",
    "Counsellor: You're worn out, and you'd like your nights back.",
    "Client: I'm not going to stop drinking though, it's how I unwind.",
    "Counsellor: You don't have to decide anything today, that's your call.",
    "Client: I can't do it on my own.",
    "Counsellor: What's helped you get through hard weeks before?",
  ].join("\n");
  const codes = (text: string) => {
    const run = analyzeText(text, "en");
    expect(run.status, run.stderr).toBe(0);
    const turns = (JSON.parse(run.stdout) as { files: { turns: { utterances: CodedUtterance[] }[] }[] }).files[0]!.turns;
    return turns.flatMap((turn) => turn.utterances.map((u) => `${u.code} ${u.rule}`));
  };

  it("codes every utterance as it codes the same words with their apostrophes", () => {
    const typed = written.replaceAll("'", "");
    expect(typed).toContain("dont");
    const withApostrophes = codes(written);
    expect(withApostrophes).toContain("emphasize-autonomy en.emphasize-autonomy.choice");
    expect(withApostrophes).toContain("sustain-talk en.sustain-talk.ability");
    expect(codes(typed)).toEqual(withApostrophes);
  });
});
