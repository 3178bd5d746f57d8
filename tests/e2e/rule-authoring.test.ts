// End-to-end: a trainer's own rule folder (README "Rule authoring"), loaded with --rules,
// through every report and through `oars rules`.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { oars } from "../helpers.js";

const RULE = `rules:
  - id: en.persuade.gym-push
    code: persuade
    description: Pushes the gym on the client.
    priority: 99
    patterns: ["you really should go to the gym"]
    reason: "House rule: gym advice without permission."
    suggestion: Ask what the client thinks about exercise first.
    examples:
      match: ["So you really should go to the gym tomorrow."]
`;
const TRANSCRIPT = "Counsellor: What brings you here today?\nClient: I sit on the sofa all evening.\nCounsellor: So you really should go to the gym tomorrow.\nClient: Maybe.\n";

function ruleFolder(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), "oars-own-rules-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe("a rule of one's own", () => {
  it("brings its reason and suggestion to the JSON and ndjson flags, as to the table", () => {
    const rules = ruleFolder({ "house.yaml": RULE });
    const transcript = join(rules, "session.txt");
    writeFileSync(transcript, TRANSCRIPT);
    const run = oars(["analyze", "--no-config", "--rules", rules, "-f", "json", transcript]);
    expect(run.status).toBe(0);
    const [flag] = (JSON.parse(run.stdout) as { files: { flags: { rule: string; reason: string; suggestion: string }[] }[] }).files[0]!.flags;
    expect(flag).toMatchObject({ rule: "en.persuade.gym-push", reason: "House rule: gym advice without permission.", suggestion: "Ask what the client thinks about exercise first." });
    const ndjson = oars(["analyze", "--no-config", "--rules", rules, "-f", "ndjson", transcript]);
    expect(ndjson.stdout).toContain('"reason":"House rule: gym advice without permission."');
    expect(oars(["analyze", "--no-config", "--rules", rules, transcript]).stdout).toContain("House rule: gym advice without permission.");
  });
});
