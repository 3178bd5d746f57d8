// Client talk: the client rules (their own code set, aligned across languages), the client
// features, the coding of an utterance and a turn, and the session figures with the formula of
// the estimated technical globals.
import { describe, expect, it } from "vitest";
import { codeClientUtterance, turnTalkOf } from "../../src/classify/client.js";
import { clientLineEvidence, clientTranscriptEvidence, counsellorCue, rememberReading, type ReadingCache } from "../../src/client/features.js";
import { readFileSync } from "node:fs";
import { prepareBytes } from "../../src/analyze.js";
import { transcriptEvidence } from "../../src/features/index.js";
import { fixture } from "../helpers.js";
import { checkClientExamples } from "../../src/client/match.js";
import { lineEvidence, ruleKey } from "../../src/features/index.js";
import { bundledClientModel } from "../../src/learn/client-model.js";
import { LANGUAGES } from "../../src/languages.js";
import { loadLanguagePack } from "../../src/packs/load.js";
import { clientMetrics, ESTIMATE_NOTE, globalEstimate } from "../../src/score/client.js";
import { CLIENT_CODES, COUNSELLOR_CODES, type ClientCode, type Code, type CodedTurn } from "../../src/types.js";

describe("client rules", () => {
  for (const language of LANGUAGES) {
    const pack = loadLanguagePack(language);
    it(`${language}: every example does what it says`, () => {
      expect(checkClientExamples(pack).map((f) => `${f.rule.id} ${f.expected}: ${f.example.text}`)).toEqual([]);
    });
    it(`${language}: client rules carry client codes only, counsellor rules counsellor codes only`, () => {
      expect(pack.clientRules.length).toBeGreaterThan(10);
      for (const rule of pack.clientRules) expect(CLIENT_CODES).toContain(rule.code);
      for (const rule of pack.rules) expect(COUNSELLOR_CODES).toContain(rule.code);
    });
  }

  it("share their ids across languages, so weights carry from English", () => {
    const keys = (language: (typeof LANGUAGES)[number]) => loadLanguagePack(language).clientRules.map((r) => ruleKey(r.id)).sort();
    for (const language of LANGUAGES) expect(keys(language)).toEqual(keys("en"));
  });

  it("cover DARN-CAT on both sides, with negation and hedging", () => {
    const pack = loadLanguagePack("en");
    const top = (text: string) => clientLineEvidence("What do you think?", text, pack).hits.find((r) => r.code !== "neutral");
    expect(top("I want to cut down.")).toMatchObject({ code: "change-talk", subtype: "desire" });
    expect(top("I could probably cut down.")).toMatchObject({ code: "change-talk", subtype: "ability" });
    expect(top("I need to stop.")).toMatchObject({ code: "change-talk", subtype: "need" });
    expect(top("I've already cut down.")).toMatchObject({ code: "change-talk", subtype: "taking-steps" });
    expect(top("I'm going to quit.")).toMatchObject({ code: "change-talk", subtype: "commitment" });
    expect(top("I like drinking.")).toMatchObject({ code: "sustain-talk", subtype: "desire" });
    expect(top("I can't quit.")).toMatchObject({ code: "sustain-talk", subtype: "ability" });
    expect(top("It's not a problem.")).toMatchObject({ code: "sustain-talk", subtype: "reason" });
    expect(top("Everybody drinks.")).toMatchObject({ code: "sustain-talk", subtype: "reason" });
    expect(top("I don't really want to quit.")).toMatchObject({ code: "sustain-talk", subtype: "desire" });
    expect(top("I don't want to keep feeling like this.")).toMatchObject({ code: "change-talk", subtype: "desire" });
    expect(clientLineEvidence("So?", "Mm-hmm.", pack).hits[0]?.id).toBe("en.neutral.backchannel");
    expect(clientLineEvidence("So?", "What do you mean?", pack).hits[0]?.id).toBe("en.neutral.question");
  });

  it("never code a counsellor's words, and counsellor rules never code a client's", () => {
    const pack = loadLanguagePack("en");
    const counsellor = lineEvidence("I drink a lot.", "I want you to cut down.", false, pack);
    expect(counsellor.features.some((f) => /^rule:(change-talk|sustain-talk|neutral)\./.test(f))).toBe(false);
    const client = clientLineEvidence("You should stop.", "You should stop too.", pack);
    expect(client.hits.every((r) => CLIENT_CODES.includes(r.code))).toBe(true);
    expect(client.features.some((f) => /^rule:(persuade|confront)/.test(f))).toBe(false);
  });
});

describe("client features", () => {
  const pack = loadLanguagePack("en");
  it("read the counsellor's words as the client's own, so agreeing with change talk shows", () => {
    expect(counsellorCue("It sounds like you're ready to cut back.", pack).mirrored).toBe("change-talk");
    expect(counsellorCue("You like drinking.", pack).mirrored).toBe("sustain-talk");
    expect(counsellorCue("How was your week?", pack).mirrored).toBe("none");
    const agree = clientLineEvidence("So you're ready to give this up.", "Yeah.", pack);
    expect(agree.features).toContain("mirror:change-talk");
    expect(agree.features).toContain("mirror:change-talk|len:1-2");
  });

  it("name what the counsellor just did by the counsellor rules", () => {
    const after = clientLineEvidence("What would you like to change?", "I want to stop.", pack);
    expect(after.features).toContain("after:open-question");
    expect(after.features).toContain("after:question-mark");
    expect(after.features).toContain("rule:change-talk.desire");
  });
});

describe("coding a client utterance", () => {
  const pack = loadLanguagePack("en");
  const model = bundledClientModel(pack);
  it("gives a client code with the rule of that code, its subtype, a probability and why", () => {
    const u = codeClientUtterance(clientLineEvidence("What do you want?", "I really want to quit drinking.", pack), pack, model);
    expect(u.code).toBe("change-talk");
    expect(u.rule).toBe("en.change-talk.desire");
    expect(u.subtype).toBe("desire");
    expect(u.probability).toBeGreaterThan(1 / 3);
    expect(u.why!.length).toBeGreaterThan(0);
    const n = codeClientUtterance(clientLineEvidence("Okay.", "Mm-hmm.", pack), pack, model);
    expect(n).toMatchObject({ code: "neutral", rule: "en.neutral.backchannel" });
    expect(n.subtype).toBeUndefined();
  });

  it("names a turn by its likeliest change or sustain utterance, else neutral", () => {
    expect(turnTalkOf([{ code: "neutral", probability: 0.9 }, { code: "change-talk", probability: 0.6 }])).toBe("change-talk");
    expect(turnTalkOf([{ code: "sustain-talk", probability: 0.7 }, { code: "change-talk", probability: 0.6 }])).toBe("sustain-talk");
    expect(turnTalkOf([{ code: "neutral", probability: 0.9 }])).toBe("neutral");
    expect(turnTalkOf([])).toBe("neutral");
  });
});

describe("client metrics", () => {
  const counsellor = (...codes: Code[]): CodedTurn => turn("counsellor", { utterances: codes.map((code) => ({ text: "x", code, rule: "r", confidence: "high" })) });
  const client = (...codes: ClientCode[]): CodedTurn => turn("client", { talk: codes.map((code) => ({ text: "x", code, rule: "r", confidence: "high", probability: 0.8 })), turnTalk: turnTalkOf(codes.map((code) => ({ code, probability: 0.8 }))) });

  it("estimates the technical globals as 1 + 4 × share, rounded to a whole score", () => {
    expect([0, 0.1, 0.125, 0.5, 0.62, 0.875, 1].map(globalEstimate)).toEqual([1, 1, 2, 3, 3, 5, 5]);
    expect(globalEstimate(null)).toBeNull();
  });

  it("counts talk, % change talk overall and by thirds, and how the counsellor answered", () => {
    const turns = [
      client("change-talk", "neutral"), counsellor("simple-reflection"), // change, cultivated
      client("sustain-talk"), counsellor("persuade", "simple-reflection"), // sustain, not softened (persuade)
      client("change-talk"), counsellor("giving-information"), // change, not cultivated
      client("sustain-talk"), counsellor("complex-reflection"), // sustain, softened
      client("change-talk"), counsellor("open-question"), // change, cultivated
    ].map((t, index) => ({ ...t, index }));
    const m = clientMetrics(turns);
    expect(m).toMatchObject({ changeTalk: 3, sustainTalk: 2, neutral: 1, utterances: 6, percentChangeTalk: 60 });
    expect(m.thirds.map((t) => t.percentChangeTalk)).toEqual([50, 50, 100]);
    expect(m.cultivating).toEqual({ turns: 3, answered: 2, share: 0.67 });
    expect(m.softening).toEqual({ turns: 2, answered: 1, share: 0.5 });
    expect(m.estimated).toEqual({ cultivatingChangeTalk: 4, softeningSustainTalk: 3, technical: 3.5, note: ESTIMATE_NOTE });
    expect(m.relational).toEqual({ partnership: null, empathy: null, note: "not estimated" });
  });

  it("leaves out talk no counsellor turn follows: the session ends on it, so nothing could answer it", () => {
    const turns = [
      counsellor("open-question"),
      client("change-talk"), counsellor("simple-reflection"), // change, cultivated
      client("sustain-talk"), client("change-talk"), counsellor("giving-information"), // sustain: the client spoke again first; change: not cultivated
      client("change-talk", "sustain-talk"), // the last turn: no counsellor turn after it
    ].map((t, index) => ({ ...t, index }));
    const m = clientMetrics(turns);
    expect(m).toMatchObject({ changeTalk: 3, sustainTalk: 2 });
    expect(m.cultivating).toEqual({ turns: 2, answered: 1, share: 0.5 });
    expect(m.softening).toEqual({ turns: 1, answered: 0, share: 0 });
    // Without any counsellor turn, there is nothing to estimate from.
    const alone = clientMetrics([client("change-talk"), client("sustain-talk")].map((t, index) => ({ ...t, index })));
    expect(alone.percentChangeTalk).toBe(50);
    expect(alone.cultivating).toEqual({ turns: 0, answered: 0, share: null });
    expect(alone.estimated.technical).toBeNull();
  });

  it("gives no % and no estimate when the client says nothing for or against change", () => {
    const m = clientMetrics([client("neutral"), counsellor("open-question")].map((t, index) => ({ ...t, index })));
    expect(m.percentChangeTalk).toBeNull();
    expect(m.estimated.technical).toBeNull();
    expect(m.cultivating.share).toBeNull();
  });
});

function turn(role: "counsellor" | "client", extra: Partial<CodedTurn>): CodedTurn {
  return { index: 0, role, speaker: role, text: "x", line: 1, start: null, end: null, primary: "other", utterances: [], ...extra };
}

describe("client evidence from the counsellor pass's views", () => {
  // Client turns said as one utterance are read from the view the counsellor pass made of them
  // (codeTurns): the evidence must be what reading every client utterance afresh gives.
  for (const [language, file] of [["en", fixture("en", "session-alcohol.txt")], ["nb", fixture("nb", "session-alkohol.txt")]] as const) {
    it(`is the same as reading each client utterance again (${language})`, () => {
      const pack = loadLanguagePack(language);
      const { segmented } = prepareBytes(readFileSync(file), file, { pack });
      const fresh = clientTranscriptEvidence(segmented, pack, transcriptEvidence(segmented, pack));
      const readings: ReadingCache = new Map();
      const counsellor = transcriptEvidence(segmented, pack, (view, turn) => rememberReading(view, turn, pack, readings));
      expect(readings.size).toBeGreaterThan(3);
      expect(clientTranscriptEvidence(segmented, pack, counsellor, readings)).toEqual(fresh);
    });
  }
});
