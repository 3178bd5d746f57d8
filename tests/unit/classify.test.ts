import { describe, expect, it } from "vitest";
import { codeTurns } from "../../src/classify/index.js";
import { primaryCode } from "../../src/classify/primary.js";
import { segmentTurns } from "../../src/segment/index.js";
import type { Role, Turn, Utterance } from "../../src/types.js";
import { english } from "../helpers.js";
import { bundledModel } from "../../src/learn/bundled.js";

function code(lines: [Role, string][]) {
  const turns: Turn[] = lines.map(([role, text], index) => ({ index, role, speaker: role, text, line: index + 1, start: null, end: null }));
  return codeTurns(segmentTurns(turns, english), english, bundledModel(english));
}

describe("classify", () => {
  it("gives every counsellor utterance one code, a rule of that code, a probability and its reasons", () => {
    const [turn] = code([["counsellor", "Okay. What brings you in today? You're worried about your drinking."]]);
    expect(turn!.utterances.map((u) => u.code)[1]).toBe("open-question");
    for (const u of turn!.utterances) {
      expect(u.rule.startsWith(`en.${u.code}.`)).toBe(true);
      expect(u.probability).toBeGreaterThan(0);
      expect(u.confidence).toBe(u.probability! >= bundledModel(english).confidenceCut ? "high" : "low");
      expect(u.why!.length).toBeGreaterThan(0);
    }
    expect(turn!.primary).toBe("open-question");
  });

  it("raises persuade-with-permission for advice after the client agrees, against the same advice refused", () => {
    const advice = "I'd suggest you cut down to two drinks a night.";
    const p = (reply: string) => {
      const turns = code([["counsellor", "Would it be okay if I shared an idea?"], ["client", reply], ["counsellor", advice]]);
      return turns[2]!.utterances[0]!;
    };
    const agreed = p("Sure, go ahead.");
    const refused = p("No, not really.");
    expect(refused.code).toBe("persuade");
    expect(agreed.code === "persuade-with-permission" || agreed.probability! < refused.probability!).toBe(true);
  });

  it("codes the counsellor's explanation as information", () => {
    const [explaining] = code([["counsellor", "Research shows that cravings fade after a month. The first two weeks are the hardest."]]);
    expect(explaining!.utterances[0]!.code).toBe("giving-information");
    expect(explaining!.primary).toBe("giving-information");
  });

  it("looks past a name said in address (\"So, Chris, what…\")", () => {
    const [turn] = code([["counsellor", "So, Chris, what brings you in today?"]]);
    expect(turn!.utterances[0]!.rule).toBe("en.open-question.wh-start");
  });

  it("treats a client asking for advice as permission", () => {
    const turns = code([
      ["client", "What should I do?"],
      ["counsellor", "You could try a drink diary."],
    ]);
    expect(turns[1]!.utterances[0]!.code).toBe("persuade-with-permission");
  });

  it("hears an echo of what the client said a few turns back, past a bare \"Mm-hmm\"", () => {
    const echo = "Four or five pints on a Friday.";
    const turns = code([
      ["client", "I have four or five pints on a Friday with the lads."],
      ["counsellor", "Okay."],
      ["client", "Mm-hmm."],
      ["counsellor", echo],
    ]);
    expect(turns[3]!.utterances[0]!.rule).toBe("en.simple-reflection.echo");
    const unrelated = code([
      ["client", "I don't really go out much."],
      ["counsellor", "Okay."],
      ["client", "Mm-hmm."],
      ["counsellor", echo],
    ]);
    expect(unrelated[3]!.utterances[0]!.rule).not.toBe("en.simple-reflection.echo");
  });

  it("leaves client turns uncoded", () => {
    const [turn] = code([["client", "I drink too much."]]);
    expect(turn!.utterances).toEqual([{ text: "I drink too much.", code: "other", rule: "not-coded", confidence: "high" }]);
  });
});

describe("primary code of a turn", () => {
  const u = (code: Utterance["code"], text = "x."): Utterance => ({ text, code, rule: "r", confidence: "high" });
  it("prefers a question over a reflection, a reflection over information, anything over other", () => {
    expect(primaryCode([u("other"), u("simple-reflection"), u("open-question")])).toBe("open-question");
    expect(primaryCode([u("giving-information"), u("complex-reflection")])).toBe("complex-reflection");
    expect(primaryCode([u("other"), u("affirm")])).toBe("affirm");
    expect(primaryCode([u("other")])).toBe("other");
    expect(primaryCode([])).toBe("other");
  });
  it("puts persuading and confronting first, and counts a permission question as a question", () => {
    expect(primaryCode([u("open-question"), u("persuade")])).toBe("persuade");
    expect(primaryCode([u("simple-reflection"), u("seek-collaboration", "May I share an idea?")])).toBe("seek-collaboration");
  });
});
