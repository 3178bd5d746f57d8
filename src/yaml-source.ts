// Safe YAML reading with positions: every value a rule or configuration file holds can be
// traced back to its line and column, so a mistake is reported where the author can fix it.

import { createRequire } from "node:module";
import type { Node, Scalar, YAMLMap, YAMLSeq } from "yaml";
import { SourceError } from "./errors.js";
import { lineAt, scanUtf8 } from "./io/utf8.js";

// The yaml library is loaded on first use: runs that read only prebuilt packs never need it.
type Yaml = typeof import("yaml");
let yamlLibrary: Yaml | null = null;
const yaml = (): Yaml => (yamlLibrary ??= createRequire(import.meta.url)("yaml") as Yaml);
export const isMap = (node: unknown): node is YAMLMap<unknown, unknown> => yaml().isMap(node);
export const isScalar = (node: unknown): node is Scalar<unknown> => yaml().isScalar(node);
const isSeq = (node: unknown): node is YAMLSeq<unknown> => yaml().isSeq(node);

const MAX_ALIASES = 50;

/**
 * A rule or configuration file's bytes as text. UTF-8 only: read leniently, a Latin-1 "ø" in a
 * description or reason would come out as "\ufffd" and one in a pattern be refused as an
 * unexpected character, so the file is refused where its first bad byte is.
 */
export function utf8Source(file: string, bytes: Uint8Array, what: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const bad = scanUtf8(bytes).firstInvalid;
    if (bad < 0) throw new SourceError(file, `${what} is not UTF-8 text; save it as UTF-8`);
    const byte = bytes[bad]!.toString(16).toUpperCase().padStart(2, "0");
    throw new SourceError(file, `${what} is not UTF-8 text (byte 0x${byte} at offset ${bad}); save it as UTF-8`, lineAt(bytes, bad));
  }
}

export class YamlSource {
  private readonly lines = new (yaml().LineCounter)();
  readonly root: Node | null;
  /** The document as plain data. */
  readonly data: unknown;

  constructor(
    readonly file: string,
    text: string,
  ) {
    // No custom tags, a bounded alias count (no "billion laughs"), duplicate keys refused.
    const doc = yaml().parseDocument(text, {
      lineCounter: this.lines,
      schema: "core",
      customTags: [],
      uniqueKeys: true,
      prettyErrors: false,
    });
    const problem = doc.errors[0] ?? doc.warnings[0];
    if (problem) {
      const { line, col } = this.lines.linePos(problem.pos[0]);
      throw new SourceError(file, `YAML: ${problem.message.split("\n")[0]}`, line, col);
    }
    // Resolve aliases now, under the count limit, so a bomb fails here and not later.
    try {
      this.data = doc.toJS({ maxAliasCount: MAX_ALIASES }) as unknown;
    } catch (err) {
      throw new SourceError(file, `YAML: ${(err as Error).message}`);
    }
    this.root = doc.contents as Node | null;
  }

  position(node: Node | null | undefined, offset = 0): { line: number; column: number } {
    const start = (node?.range?.[0] ?? 0) + offset;
    const { line, col } = this.lines.linePos(start);
    return { line, column: col };
  }

  fail(node: Node | null | undefined, message: string, offset = 0): never {
    const { line, column } = this.position(node, offset);
    throw new SourceError(this.file, message, line, column);
  }

  map(node: Node | null | undefined, what: string): YAMLMap<unknown, unknown> {
    if (!isMap(node)) this.fail(node, `${what} must be a mapping (key: value)`);
    return node as YAMLMap<unknown, unknown>;
  }

  /** The entries of a mapping as [key, value node] pairs, refusing keys not in `allowed`. */
  entries(node: Node | null | undefined, what: string, allowed: readonly string[]): Map<string, Node | null> {
    const map = this.map(node, what);
    const out = new Map<string, Node | null>();
    for (const pair of map.items) {
      const keyNode = pair.key as Node;
      const key = isScalar(keyNode) ? String(keyNode.value) : "";
      if (!allowed.includes(key)) this.fail(keyNode, `${what}: unknown key "${key}" (allowed: ${allowed.join(", ")})`);
      out.set(key, (pair.value as Node | null) ?? null);
    }
    return out;
  }

  items(node: Node | null | undefined, what: string): Node[] {
    if (!isSeq(node)) this.fail(node, `${what} must be a list`);
    return node.items as Node[];
  }

  string(node: Node | null | undefined, what: string): string {
    if (!isScalar(node) || typeof node.value !== "string" || node.value.trim() === "") {
      this.fail(node, `${what} must be a non-empty text`);
    }
    return node.value as string;
  }

  number(node: Node | null | undefined, what: string, min: number, max: number): number {
    if (!isScalar(node) || typeof node.value !== "number" || !(node.value >= min && node.value <= max)) {
      this.fail(node, max === Infinity ? `${what} must be a number of at least ${min}` : `${what} must be a number from ${min} to ${max}`);
    }
    return node.value as number;
  }

  boolean(node: Node | null | undefined, what: string): boolean {
    if (!isScalar(node) || typeof node.value !== "boolean") this.fail(node, `${what} must be true or false`);
    return node.value as boolean;
  }

  oneOf<T extends string>(node: Node | null | undefined, what: string, values: readonly T[]): T {
    const value = this.string(node, what);
    if (!values.includes(value as T)) this.fail(node, `${what}: "${value}" is not one of ${values.join(", ")}`);
    return value as T;
  }

  strings(node: Node | null | undefined, what: string): { value: string; node: Node }[] {
    return this.items(node, what).map((item, i) => ({ value: this.string(item, `${what}[${i}]`), node: item }));
  }

  /** Offset of a scalar's text inside its node (1 for a quoted string), for pattern columns. */
  textOffset(node: Node): number {
    return isScalar(node) && (node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE") ? 1 : 0;
  }
}
