import { describe, expect, it } from "vitest";
import { renderDiagnostic, type Diagnostic } from "../../src/diagnostics.js";
import { readCues } from "../../src/read/cues.js";
import { detectFormat } from "../../src/read/detect.js";
import { readTranscript } from "../../src/read/index.js";
import { readText } from "../../src/read/text.js";
import { parseTimecode } from "../../src/read/timecode.js";
import { readWhisperJson } from "../../src/read/whisper-json.js";
import { narrowed } from "../../src/text/narrow.js";
import { roleOfLabel } from "../../src/roles/labels.js";

const isKnownLabel = (label: string) => roleOfLabel(label) !== null;
const simple = (turns: { speaker: string; text: string }[]) => turns.map((t) => [t.speaker, t.text]);

describe("plain text", () => {
  it("reads labels, continuation lines, blank lines and timestamps", () => {
    const turns = readText("[00:01:23] Dana: Hello there.\nHow are you?\n\nClient: Fine.\nT: Good.\n", { isKnownLabel });
    expect(simple(turns)).toEqual([
      ["Dana", "Hello there. How are you?"],
      ["Client", "Fine."],
      ["T", "Good."],
    ]);
    expect(turns[0]).toMatchObject({ line: 1, start: 83 });
    expect(turns[1]).toMatchObject({ line: 4, start: null });
  });

  it("joins consecutive lines of one speaker and keeps a one-off 'Note:' inside the turn", () => {
    const turns = readText("Therapist: One.\nTherapist: Two.\nNote: this is still the therapist.\nClient: Okay.", { isKnownLabel });
    expect(simple(turns)).toEqual([
      ["Therapist", "One. Two. Note: this is still the therapist."],
      ["Client", "Okay."],
    ]);
  });

  it("reads Otter exports and drops the footer", () => {
    const turns = readText("Jo Lee  0:03\nHi there.\n\nSam Fox  0:09\nHello.\n\nTranscribed by https://otter.ai\n", { isKnownLabel });
    expect(simple(turns)).toEqual([
      ["Jo Lee", "Hi there."],
      ["Sam Fox", "Hello."],
    ]);
    expect(turns[1]!.start).toBe(9);
  });

  it("does not take a clock time or URL for a label", () => {
    const turns = readText("Counsellor: We meet at 10:30 tomorrow.\nClient: See http://x.org: fine.", { isKnownLabel });
    expect(turns.map((t) => t.speaker)).toEqual(["Counsellor", "Client"]);
  });
});

describe("WebVTT and SRT", () => {
  it("reads Teams voice tags (closed and unclosed), GUID cue ids, NOTE blocks and entities, joining cues", () => {
    const vtt = [
      "WEBVTT", "", "NOTE a comment", "", "STYLE", "::cue { color: red }", "",
      "8c1f/14-0", "00:00:01.000 --> 00:00:02.000", "<v Kari Nordmann>Hello &amp; welcome</v>", "",
      "8c1f/14-1", "00:00:02.000 --> 00:00:03.000", "<v Kari Nordmann>to the session.", "",
      "8c1f/15-0", "00:00:03.000 --> 00:00:04.000", "<v.loud Alex>Thanks.</v>",
    ].join("\n");
    const turns = readCues(vtt, "t.vtt", "vtt", []);
    expect(simple(turns)).toEqual([
      ["Kari Nordmann", "Hello & welcome to the session."],
      ["Alex", "Thanks."],
    ]);
    expect(turns[0]).toMatchObject({ start: 1, end: 3, line: 9 });
  });

  it("reads Zoom 'Name: text' cues and timestamps without hours, and multi-line payloads", () => {
    const vtt = "WEBVTT\n\n1\n00:01.000 --> 00:03.500\nDr. Lund: Good\nmorning.\n\n2\n00:04.000 --> 00:05.000\nPatient: Hi.";
    const turns = readCues(vtt, "z.vtt", "vtt", []);
    expect(simple(turns)).toEqual([
      ["Dr. Lund", "Good morning."],
      ["Patient", "Hi."],
    ]);
    expect(turns[0]!.start).toBe(1);
  });

  it("reads SRT with [SPEAKER_00] labels and comma milliseconds", () => {
    const srt = "1\n00:00:00,000 --> 00:00:01,500\n[SPEAKER_00]: Hi.\n\n2\n00:00:01,600 --> 00:00:02,000\n[SPEAKER_01]: Hello.\n";
    const turns = readCues(srt, "w.srt", "srt", []);
    expect(simple(turns)).toEqual([
      ["SPEAKER_00", "Hi."],
      ["SPEAKER_01", "Hello."],
    ]);
    expect(turns[1]!.start).toBe(1.6);
  });

  it("names the file and line of a bad timestamp", () => {
    expect(() => readCues("WEBVTT\n\n00:00:xx.000 --> 00:00:01.000\nhi", "bad.vtt", "vtt", [])).toThrow(
      expect.objectContaining({ path: "bad.vtt", line: 3 }),
    );
  });

  it("warns about a missing WEBVTT header but reads the cues", () => {
    const warnings: Diagnostic[] = [];
    const turns = readCues("00:00.000 --> 00:01.000\n<v A>hi</v>\n\n00:01.000 --> 00:02.000\n<v B>yo</v>", "x.vtt", "vtt", warnings);
    expect(turns).toHaveLength(2);
    expect(warnings[0]).toMatchObject({ id: "cue.no-header", line: 1 });
    expect(renderDiagnostic(warnings[0]!)).toMatch(/WEBVTT/);
  });
});

describe("Whisper JSON", () => {
  it("reads whisperX segments with speakers, trimming the leading space", () => {
    const json = JSON.stringify({ segments: [{ start: 0, end: 1, text: " Hi.", speaker: "SPEAKER_00" }, { start: 1, end: 2, text: " Hello.", speaker: "SPEAKER_01" }] });
    expect(simple(readWhisperJson(json, "w.json"))).toEqual([
      ["SPEAKER_00", "Hi."],
      ["SPEAKER_01", "Hello."],
    ]);
  });

  it("refuses JSON that is not a Whisper transcript", () => {
    expect(() => readWhisperJson('{"foo": 1}', "x.json")).toThrow(/not a Whisper transcript/);
  });
});

describe("format detection", () => {
  it("reads the format from the content, not the name", () => {
    expect(detectFormat("WEBVTT\n\n", "a.txt")).toBe("vtt");
    expect(detectFormat("1\n00:00:00,000 --> 00:00:01,000\nhi", "a.txt")).toBe("srt");
    expect(detectFormat('{"segments": []}', "a.txt")).toBe("json");
    expect(detectFormat("[00:00:01] Dana: hi", "a.json")).toBe("text");
    expect(detectFormat("T: hi\nC: hello", "a.vtt")).toBe("text");
  });
});

describe("readTranscript", () => {
  const read = (text: string) => readTranscript(new TextEncoder().encode(text), "f.txt", { isKnownLabel });
  it("refuses empty files, unlabelled text and a single speaker", () => {
    expect(() => read("  \n")).toThrow(/empty/);
    expect(() => read("just some words\nand more")).toThrow(/no speaker labels/);
    expect(() => read("Therapist: hi\nTherapist: again")).toThrow(/only one speaker/);
  });
  it("keeps every character when it narrows the turns of a text with a wide one (text/narrow.ts)", () => {
    const text = "Counsellor: So — what brings you, José?\nClient: My drinking. Ça va?\nCounsellor: You’re worried.\n";
    expect(simple(read(text).turns)).toEqual([
      ["Counsellor", "So — what brings you, José?"],
      ["Client", "My drinking. Ça va?"],
      ["Counsellor", "You’re worried."],
    ]);
    expect(narrowed("x\u00ff\u0080 é")).toBe("x\u00ff\u0080 é");
    expect(narrowed("a — b")).toBe("a — b");
  });
});

describe("timecodes", () => {
  it("parses the shapes transcripts use", () => {
    expect(parseTimecode("01:02:03.456")).toBeCloseTo(3723.456);
    expect(parseTimecode("02:03,5")).toBeCloseTo(123.5);
    expect(parseTimecode("0:03")).toBe(3);
    expect(parseTimecode("00:61.000")).toBeNull();
  });
});
