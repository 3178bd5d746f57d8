import { describe, expect, it } from "vitest";
import { splitUtterances } from "../../src/segment/sentences.js";
import { english } from "../helpers.js";

const split = (text: string) => splitUtterances(text, english);

describe("splitUtterances", () => {
  it("splits sentences at full stops, question and exclamation marks", () => {
    expect(split("Okay. So you drink daily? That's a lot!")).toEqual(["Okay.", "So you drink daily?", "That's a lot!"]);
  });

  it("keeps fillers with hyphens, stutters and abbreviations together", () => {
    expect(split("Mm-hmm. And Dr. Smith said you-you were fine.")).toEqual(["Mm-hmm.", "And Dr. Smith said you-you were fine."]);
    expect(split("I have- I have a couple of concerns.")).toEqual(["I have- I have a couple of concerns."]);
    expect(split("We use e.g. a diary.")).toEqual(["We use e.g. a diary."]);
  });

  it("breaks at -- and a spaced dash before a new sentence", () => {
    expect(split("It looks like you put-- You drink four times a week.")).toEqual(["It looks like you put--", "You drink four times a week."]);
    expect(split("So where would you - What would you do?")).toEqual(["So where would you -", "What would you do?"]);
  });

  it("keeps a leading or trailing dash of an interrupted turn", () => {
    expect(split("-and you usually have three.")).toEqual(["-and you usually have three."]);
    expect(split("on average-")).toEqual(["on average-"]);
  });
});
