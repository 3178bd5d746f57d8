import { describe, expect, it } from "vitest";
import { renderDiagnostic } from "../../src/diagnostics.js";
import { assignRoles } from "../../src/roles/assign.js";
import { roleOfLabel } from "../../src/roles/labels.js";
import type { RawTurn } from "../../src/types.js";

const turn = (speaker: string, text: string): RawTurn => ({ speaker, text, line: 1, start: null, end: null });

describe("role labels", () => {
  it("knows English and Scandinavian role words, numbered and with notes", () => {
    expect(roleOfLabel("Therapist")).toBe("counsellor");
    expect(roleOfLabel("T")).toBe("counsellor");
    expect(roleOfLabel("Counselor 2")).toBe("counsellor");
    expect(roleOfLabel("Dr. Lund")).toBe("counsellor");
    expect(roleOfLabel("Nurse Kari")).toBe("counsellor");
    expect(roleOfLabel("Client (Anna)")).toBe("client");
    expect(roleOfLabel("Patient")).toBe("client");
    expect(roleOfLabel("Rådgiver")).toBe("counsellor");
    expect(roleOfLabel("samtalsledare")).toBe("counsellor");
    expect(roleOfLabel("Borger")).toBe("client");
    expect(roleOfLabel("Dana")).toBeNull();
    expect(roleOfLabel("T. Hansen")).toBeNull();
  });
});

describe("assignRoles", () => {
  it("uses the label list when it can", () => {
    const result = assignRoles([turn("Practitioner", "Hi."), turn("Patient", "Hello.")]);
    expect(result.speakers).toEqual([
      { label: "Practitioner", role: "counsellor" },
      { label: "Patient", role: "client" },
    ]);
    expect(result.warnings).toEqual([]);
  });

  it("takes the speaker who asks the most questions as the counsellor, and warns", () => {
    const result = assignRoles([turn("Sam", "I drink a bit."), turn("Dana", "How much? When?"), turn("Sam", "Daily?")]);
    expect(result.turns.map((t) => t.role)).toEqual(["client", "counsellor", "client"]);
    expect(result.warnings[0]).toMatchObject({ fields: { speaker: { transcript: "Dana" } } });
    expect(renderDiagnostic(result.warnings[0]!)).toMatch(/took "Dana" as the counsellor/);
  });

  it("lets --counsellor override everything", () => {
    const result = assignRoles([turn("Client", "Why?"), turn("Therapist", "Because.")], { counsellorNames: ["client"] });
    expect(result.turns.map((t) => t.role)).toEqual(["counsellor", "client"]);
    expect(result.error).toBeUndefined();
  });

  it("refuses a --counsellor name that matches no speaker, or several", () => {
    const turns = [turn("Sarah Mitchell", "Why?"), turn("Sam Reed", "Because.")];
    expect(renderDiagnostic(assignRoles(turns, { counsellorNames: ["Nobody"] }).error!)).toMatch(/"Nobody" names no speaker here \(speakers: Sarah Mitchell, Sam Reed\)/);
    expect(renderDiagnostic(assignRoles(turns, { counsellorNames: ["sa"] }).error!)).toMatch(/names several speakers/);
  });

  it("matches a first name, a surname or a unique prefix, in any case", () => {
    const turns = [turn("Sarah Mitchell", "Why?"), turn("Sam Reed", "Because.")];
    for (const name of ["Sarah", "mitchell", "SAR", "mit", "sarah mitchell"]) {
      expect(assignRoles(turns, { counsellorNames: [name] }).speakers, name).toEqual([
        { label: "Sarah Mitchell", role: "counsellor" },
        { label: "Sam Reed", role: "client" },
      ]);
    }
  });

  it("adds configured counsellor words to the role words instead of replacing them", () => {
    const result = assignRoles([turn("Counsellor", "Why?"), turn("Client", "Because.")], { counsellorWords: ["Ida"] });
    expect(result.speakers.map((s) => s.role)).toEqual(["counsellor", "client"]);
    const named = assignRoles([turn("Ida", "Why?"), turn("Client", "Because.")], { counsellorWords: ["Ida"] });
    expect(named.speakers.map((s) => s.role)).toEqual(["counsellor", "client"]);
    expect(named.warnings).toEqual([]);
  });

  it("marks extra unknown speakers as other when both roles are known", () => {
    const result = assignRoles([turn("Therapist", "Hi."), turn("Client", "Hi."), turn("Interpreter Bo", "Hei.")]);
    expect(result.speakers[2]).toEqual({ label: "Interpreter Bo", role: "other" });
  });
});
