import { describe, expect, it } from "vitest";
import { decode } from "../../src/read/decode.js";
import { InputError } from "../../src/errors.js";

const bytes = (...b: number[]) => Uint8Array.from(b);

describe("decode", () => {
  it("reads UTF-8 with and without a BOM", () => {
    const text = "Rådgiver: Hei";
    expect(decode(new TextEncoder().encode(text), "a")).toEqual({ text, encoding: "utf-8" });
    expect(decode(Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]), "a").text).toBe(text);
  });

  it("reads UTF-16 little- and big-endian with a BOM", () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("T: hæ", "utf16le")]);
    expect(decode(le, "a")).toEqual({ text: "T: hæ", encoding: "utf-16le" });
    const be = Buffer.from(Buffer.from("T: hæ", "utf16le")).swap16();
    expect(decode(Buffer.concat([Buffer.from([0xfe, 0xff]), be]), "a")).toEqual({ text: "T: hæ", encoding: "utf-16be" });
  });

  it("falls back to Windows-1252 when the bytes are not UTF-8", () => {
    expect(decode(bytes(0x52, 0xe5, 0x64, 0x20, 0x96), "a").text).toBe("Råd –");
  });

  it("refuses binary data and bytes that are neither UTF-8 nor Windows-1252, naming the line", () => {
    expect(() => decode(bytes(0x41, 0x0a, 0x00), "bin.txt")).toThrow(/NUL byte/);
    try {
      decode(bytes(0x41, 0x0a, 0x0a, 0xe5, 0x81), "bad.txt");
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).describe()).toMatch(/^bad\.txt:3: not valid UTF-8/);
    }
  });
});
