// A trainer's table (src/eval/table.ts) and the cells `oars review` writes (src/review/csv.ts):
// formula guards written and dropped, the delimiter read from the header, and the warning for
// counsellor codes on client rows.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readTableReference } from "../../src/eval/table.js";
import { tableCell } from "../../src/review/csv.js";

const dir = mkdtempSync(join(tmpdir(), "oars-table-"));
let n = 0;
const table = (text: string | Buffer, ext = ".csv") => {
  const file = join(dir, `t${n++}${ext}`);
  writeFileSync(file, text);
  return file;
};
const turnsOf = (file: string) => readTableReference(file).turns.get("")!;

describe("tableCell: a cell as oars review writes it", () => {
  it("guards a cell a spreadsheet would take as a formula with a leading apostrophe", () => {
    expect(tableCell("- yeah I know")).toBe("'- yeah I know");
    expect(tableCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(tableCell("+47 is my number")).toBe("'+47 is my number");
    expect(tableCell("@home")).toBe("'@home");
    expect(tableCell("\tindented")).toBe("\"'\tindented\"");
    expect(tableCell("\rreturn")).toBe("\"'\rreturn\"");
    expect(tableCell("=a, b")).toBe("\"'=a, b\"");
  });

  it("leaves other cells as they are, quoting any of the three delimiters, quotes, line breaks and edge spaces", () => {
    expect(tableCell("yeah - I know")).toBe("yeah - I know");
    expect(tableCell("'tis so")).toBe("'tis so");
    // Already an apostrophe before a formula character: one more, so the reader's dropping one gives it back.
    expect(tableCell("'=quoted")).toBe("''=quoted");
    expect(tableCell("0.812")).toBe("0.812");
    expect(tableCell("0,812")).toBe('"0,812"');
    expect(tableCell("a; b")).toBe('"a; b"');
    expect(tableCell('say "no"')).toBe('"say ""no"""');
    expect(tableCell(" edge")).toBe('" edge"');
    expect(tableCell("")).toBe("");
  });
});

describe("readTableReference", () => {
  it("drops one guarding apostrophe before a formula character in the text and speaker columns, and only there", () => {
    const file = table(
      [
        "speaker,text,code",
        "'@dana,'- so you cut down.,SR",
        "'-kim,'=it was fine,CT",
        "'@dana,''=twice guarded,OQ",
        "'-kim,'tis true,",
        "'@dana,' - a space first,SR",
        "",
      ].join("\r\n"),
    );
    const turns = turnsOf(file);
    expect(turns.map((t) => [t.role, t.text])).toEqual([
      ["counsellor", "- so you cut down."],
      ["client", "=it was fine"],
      ["counsellor", "'=twice guarded"],
      ["client", "'tis true"],
      ["counsellor", "' - a space first"],
    ]);
    expect(turns[1]!.talk).toBe("change");
  });

  it("a semicolon table with a byte-order mark, CRLF and quoted cells holding ; and , reads as the comma one does", () => {
    const rows = [
      ["speaker", "text", "code"],
      ["Rådgiver", 'Du sa "aldri mer", og så?', "SR"],
      ["Klient", "Så; vel, jeg tok én.", "CT"],
      ["Rådgiver", "Hva skjedde?", "OQ"],
    ];
    const write = (d: string) => rows.map((r) => r.map((c) => (/[,;"]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(d)).join("\r\n") + "\r\n";
    const comma = turnsOf(table(write(",")));
    expect(turnsOf(table(Buffer.from("\uFEFF" + write(";"), "utf8")))).toEqual(comma);
    expect(turnsOf(table(Buffer.from("\uFEFF" + write("\t"), "utf8")))).toEqual(comma);
    // The header tells, not the name: semicolons in a .tsv file, a tab in a .csv file.
    expect(turnsOf(table(write(";"), ".tsv"))).toEqual(comma);
    expect(turnsOf(table(write("\t"), ".csv"))).toEqual(comma);
    expect(comma.map((t) => t.text)).toEqual(['Du sa "aldri mer", og så?', "Så; vel, jeg tok én.", "Hva skjedde?"]);
  });

  it("says once per file when client rows carry counsellor codes, naming the first row", () => {
    const quiet = readTableReference(table("speaker,text,code\nC,What now?,OQ\nK,Dunno.,-\nC,Hm.,\nK,Maybe.,none\nK,Yes.,other\n"));
    expect(quiet.warnings).toEqual([]);
    const one = table("speaker,text,code\nC,What now?,OQ\nK,Dunno.,SR\n");
    expect(readTableReference(one).warnings).toEqual([`${one}:3: a counsellor code on a client row is ignored ("sr" on K's row): client rows take CT, ST or FN`]);
    const several = table("transcript,speaker,text,code\na,C,What now?,OQ\na,K,Dunno.,CT+GI\nb,C,Why?,OQ\nb,K,Because.,AF\nb,C,Really?,CQ\nb,K,So.,AF\n");
    const read = readTableReference(several);
    expect(read.warnings).toEqual([`${several}:3: 3 client rows carry counsellor codes, which are ignored (first: "gi" on K's row): client rows take CT, ST or FN`]);
    expect(read.turns.get("a")![1]!.talk).toBe("change");
  });
});

describe("client codes with their valence (MISC-style), as trainers write them", () => {
  it("reads a code cell's codes: joined codes split, a valence sign kept on its code", async () => {
    const { codesOfCell } = await import("../../src/eval/table.js");
    expect(codesOfCell("SR+OQ")).toEqual(["sr", "oq"]);
    expect(codesOfCell("R+")).toEqual(["r+"]);
    expect(codesOfCell("TS-, D+")).toEqual(["ts-", "d+"]);
    expect(codesOfCell("+")).toEqual(["+"]);
    expect(codesOfCell("C\u2212")).toEqual(["c\u2212"]);
    expect(codesOfCell(" - ")).toEqual(["-"]);
  });

  it("codes change talk from +, R+, C+ and sustain talk from R-, TS−; a lone - stays not coded", () => {
    const file = table(
      [
        "speaker,text,code",
        "Counsellor,What would be different?,OQ",
        "Client,I'd sleep better.,R+",
        "Counsellor,You'd sleep better.,SR",
        "Client,But I like it.,D-",
        "Counsellor,You like it.,SR",
        "Client,I'll stop on Monday.,+",
        "Counsellor,Monday.,SR",
        "Client,I bought more yesterday.,TS\u2212",
        "Counsellor,Okay.,other",
        "Client,Right.,-",
      ].join("\n"),
    );
    const talk = turnsOf(file).filter((t) => t.role === "client").map((t) => t.talk ?? null);
    expect(talk).toEqual(["change", "sustain", "change", "sustain", null]);
  });

  it("refuses a valenced client code on a counsellor row, as CT there is refused", () => {
    const file = table(["speaker,text,code", "Counsellor,What would be different?,OQ", "Client,I'd sleep better.,CT", "Counsellor,You'd sleep better.,R+"].join("\n"));
    expect(() => readTableReference(file)).toThrow(/a client code on a counsellor row/);
  });
});
