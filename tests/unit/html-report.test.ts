// The HTML formatter on results that carry what later stages will add (issue 17's
// `probability` and `why`, issue 18's client talk): shown when present, absent otherwise.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyzeBytes } from "../../src/analyze.js";
import { checkResult } from "../../src/check/index.js";
import { htmlFormatter } from "../../src/report/html/index.js";
import { esc, fileId } from "../../src/report/html/escape.js";
import type { FileResult } from "../../src/types.js";
import { english, fixture } from "../helpers.js";

const path = fixture("en", "session-alcohol.txt");
// Without client coding (clientModelFor: null) a result carries no client talk, as before issue 18.
const analysed = (clientCoding = false): FileResult =>
  analyzeBytes(readFileSync(path), path, { pack: english, packFor: () => english, counsellorNames: [], ...(clientCoding ? {} : { clientModelFor: null }) });
const piece = (result: FileResult) => htmlFormatter({ command: "analyze", toolVersion: "test", limits: {} }).file({ result, check: checkResult(result, {}) });

describe("the HTML report's optional fields", () => {
  it("shows no probability, reasons or client talk when the result has none", () => {
    // The learned layer gives every counsellor code a probability and reasons: take them away.
    const result = analysed();
    for (const turn of result.turns) for (const u of turn.utterances) {
      delete u.probability;
      delete u.why;
    }
    const html = piece(result);
    expect(html).not.toContain("probability");
    expect(html).not.toContain("why:");
    expect(html).not.toContain("t-ch");
    expect(html).toContain("Client talk is not coded yet");
  });

  it("shows a code's probability and its top features in the chip's tooltip, and client change and sustain talk in its lane", () => {
    const result = analysed();
    const counsellor = result.turns.find((t) => t.role === "counsellor")!;
    Object.assign(counsellor.utterances[0]!, { probability: 0.823, why: ["starts with what", { feature: "ends with ?", weight: 1.5 }] });
    const clients = result.turns.filter((t) => t.role === "client");
    Object.assign(clients[0]!.utterances[0]!, { talk: "sustain" });
    Object.assign(clients[1]!.utterances[0]!, { talk: "change" });
    const html = piece(result);
    // The first chip's descriptions, by the ids it names.
    const ids = html.match(/<button type="button" class="c [^"]*" aria-describedby="([^"]+)">/)![1]!.split(" ");
    expect(ids).toHaveLength(2);
    const tip = ids.map((id) => html.match(new RegExp(`<span id="${id}">([^<]*)</span>`))![1]!).join(" · ");
    expect(ids[0]).toMatch(new RegExp(`^${fileId(path)}-d`));
    expect(tip).toContain("probability: 82.3%");
    expect(tip).toContain("why: starts with what, ends with ? (+1.50)");
    expect(html.match(/class="m t-ch"/g)).toHaveLength(1);
    expect(html.match(/class="m t-su"/g)).toHaveLength(1);
    expect(html).not.toContain("Client talk is not coded yet");
    expect(html).toContain("change talk");
  });

  it("with client coding: the lane shows each client turn's talk, and a client talk section with the estimates labelled", () => {
    const result = analysed(true);
    const html = piece(result);
    const clients = result.turns.filter((t) => t.role === "client");
    const count = (talk: string) => clients.filter((t) => t.turnTalk === talk).length;
    expect(count("change-talk")).toBeGreaterThan(0);
    expect(html.match(/class="m t-ch"/g)).toHaveLength(count("change-talk"));
    expect(html.match(/class="m t-su"/g) ?? []).toHaveLength(count("sustain-talk"));
    expect(html).toContain('<section class="client-talk"><h3>Client talk</h3>');
    expect(html).toContain("estimated from codes, not rated by a listener");
    expect(html).not.toContain("Client talk is not coded yet");
  });
});

describe("escaping", () => {
  it("leaves nothing that opens a tag, ends an attribute or starts an entity", () => {
    expect(esc(`<a href="x" onclick='y'>&amp;</a>\u0007`)).toBe("&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;\\x07");
  });
  it("gives each path its own id, the same every time", () => {
    expect(fileId("a.txt")).toBe(fileId("a.txt"));
    expect(fileId("a.txt")).not.toBe(fileId("b.txt"));
    expect(fileId('"><img>')).toMatch(/^f[0-9a-z]+$/);
  });
});
