// The conversation features of src/features/index.ts: what an utterance adds that nobody in
// the session has said yet (`talk:`), how the client answered a question (`reply:…|q`), and
// the turn's length and longest utterance (`turn:`).
import { describe, expect, it } from "vitest";
import { lineEvidence, transcriptEvidence } from "../../src/features/index.js";
import { segmentTurns } from "../../src/segment/index.js";
import type { Role, Turn } from "../../src/types.js";
import { english } from "../helpers.js";

const turns = (lines: [Role, string][]): Turn[] => lines.map(([role, text], index) => ({ index, role, speaker: role, text, line: index + 1, start: null, end: null }));
const evidence = (lines: [Role, string][]) => transcriptEvidence(segmentTurns(turns(lines), english), english);
const featuresOf = (lines: [Role, string][], turn: number, utterance = 0) => evidence(lines)[turn]![utterance]!.features;

describe("conversation features", () => {
  it("counts content words nobody has said yet, and what the client said turns before", () => {
    const session: [Role, string][] = [
      ["client", "My wife worries about my drinking on weekends."],
      ["counsellor", "Mm-hmm."],
      ["client", "Yeah."],
      ["counsellor", "Your wife worries about the drinking."],
      ["client", "She does."],
      ["counsellor", "Heavy alcohol raises blood pressure and damages liver cells over years."],
    ];
    const reflection = featuresOf(session, 3);
    expect(reflection).toContain("talk:new:0");
    expect(reflection).toContain("talk:client-said:high");
    const information = featuresOf(session, 5);
    expect(information).toContain("talk:new:6+");
    expect(information).toContain("talk:client-said:low");
  });

  it("hears how the client answered a question, on the question only", () => {
    const session: [Role, string][] = [
      ["client", "I smoke at work mostly."],
      ["counsellor", "What do you make of that?"],
      ["client", "Well, I think it started when the new manager came and the breaks got shorter, so I rush out."],
      ["counsellor", "Breaks got shorter?"],
      ["client", "Yeah."],
      ["counsellor", "Breaks are short at work."],
      ["client", "Yeah."],
    ];
    expect(featuresOf(session, 1)).toContain("reply:len:9+|q");
    expect(featuresOf(session, 3)).toEqual(expect.arrayContaining(["reply:len:1-2|q", "reply:backchannel|q", "reply:backchannel|len:1-2|q"]));
    expect(featuresOf(session, 5).some((f) => f.startsWith("reply:"))).toBe(false);
    // A code set's line has no answer.
    expect(lineEvidence("I smoke at work.", "What do you make of that?", false, english).features.some((f) => f.startsWith("reply:"))).toBe(false);
  });

  it("marks the turn's length and its longest utterance", () => {
    const turn = evidence([
      ["client", "I want to cut down."],
      ["counsellor", "Okay. Many people find that setting a limit for each evening and counting drinks helps them keep to it. What would suit you?"],
    ])[1]!;
    expect(turn.length).toBe(3);
    for (const utterance of turn) expect(utterance.features).toContain("turn:len:21+");
    expect(turn.map((u) => u.features.includes("turn:longest"))).toEqual([false, true, false]);
  });
});
