// The voice features (src/features/voice.ts): who an utterance is about, how much the client
// never said, and the markers of the counsellor's own voice or of a reflection.
import { describe, expect, it } from "vitest";
import { lineEvidence } from "../../src/features/index.js";
import { viewOf } from "../../src/features/view.js";
import { voiceFeatures } from "../../src/features/voice.js";
import { loadLanguagePack } from "../../src/packs/load.js";
import { english } from "../helpers.js";

const norwegian = loadLanguagePack("nb");

const voice = (client: string, text: string) => {
  const before = viewOf(client, english);
  return voiceFeatures(viewOf(text, english), english, [before.stems]);
};

describe("voice features", () => {
  const client = "I smoke about ten a day, mostly at work.";

  it("tells a reflection's voice from a warning's", () => {
    const reflection = voice(client, "So it sounds like work is where you smoke most.");
    expect(reflection).toContain("v:reflect");
    expect(reflection).toContain("v:novel:1-2");
    const warning = voice(client, "The smoking's going to cause you more problems with your lungs.");
    expect(warning).toContain("v:future");
    expect(warning).toContain("v:novel:3-5");
    expect(warning).not.toContain("v:reflect");
  });

  it("names the sentence's subject after lead fillers", () => {
    expect(voice(client, "Okay, so, you smoke at work.")).toContain("v:subj:you");
    expect(voice(client, "I think most people find the first week hardest.")).toEqual(expect.arrayContaining(["v:subj:i", "v:opinion", "v:generic"]));
    expect(voice(client, "Research shows it can damage your gums.")).toEqual(expect.arrayContaining(["v:subj:generic", "v:modal|you"]));
    expect(voice(client, "We could look at that together.")).toContain("v:subj:we");
  });

  it("marks a statement said as a question apart from an inverted one", () => {
    expect(voice(client, "Ten a day?")).toContain("v:q:declarative|echo:high");
    expect(voice(client, "Do you smoke at home?")).toContain("v:q:inverted|subj:aux");
    expect(voice(client, "Ten a day.").some((f) => f.startsWith("v:q:"))).toBe(false);
  });

  it("counts content the client never said", () => {
    expect(voice(client, "Ten a day, at work.")).toContain("v:novel:0");
    expect(voice(client, "Nicotine replacement doubles the chance of quitting for good.")).toContain("v:novel:6+");
  });

  it("is part of every counsellor utterance's evidence", () => {
    const evidence = lineEvidence(client, "If I were you, I'd stop.", false, english);
    expect(evidence.features).toContain("v:opinion");
  });

  it("is left out for a pack that does not declare the voice lists", () => {
    const bare = { ...norwegian, lists: new Map([...norwegian.lists].filter(([name]) => !name.startsWith("voice-"))) };
    const before = viewOf("Jeg røyker ti om dagen.", bare);
    expect(voiceFeatures(viewOf("Du røyker ti om dagen?", bare), bare, [before.stems])).toEqual([]);
  });

  it("gives a Scandinavian pack the English feature names from its own words", () => {
    const before = viewOf("Jeg røyker ti om dagen, mest på jobben.", norwegian);
    const reflection = voiceFeatures(viewOf("Det høres ut som du er bekymret for jobben.", norwegian), norwegian, [before.stems]);
    expect(reflection).toEqual(expect.arrayContaining(["v:subj:it", "v:reflect", "v:you"]));
    expect(reflection).not.toContain("v:opinion");
    const opinion = voiceFeatures(viewOf("Jeg synes du bør slutte nå.", norwegian), norwegian, [before.stems]);
    expect(opinion).toEqual(expect.arrayContaining(["v:subj:i", "v:opinion", "v:modal"]));
    // A yes/no question opens with its verb (the pack's `aux`); a rising-tone statement does not.
    expect(voiceFeatures(viewOf("Har du røykt på jobben i dag?", norwegian), norwegian, [before.stems])).toContain("v:q:inverted|subj:aux");
    expect(voiceFeatures(viewOf("Du røyker mest på jobben?", norwegian), norwegian, [before.stems])).toContain("v:q:declarative|subj:you");
  });
});
