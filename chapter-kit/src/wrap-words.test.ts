// Word wrapping: lines within the width, broken between words, a word longer than the width kept whole.
import { describe, expect, it } from "vitest";
import { wrapWords } from "./wrap-words.ts";

describe("wrapWords", () => {
  it("breaks between words so no line passes the width", () => {
    expect(wrapWords("12 tools: bash, read_file, write_file, edit_file", 20)).toEqual([
      "12 tools: bash,",
      "read_file,",
      "write_file,",
      "edit_file",
    ]);
  });

  it("keeps a word longer than the width whole, on its own line", () => {
    expect(wrapWords("a extraordinarily b", 5)).toEqual(["a", "extraordinarily", "b"]);
    expect(wrapWords("", 10)).toEqual([]);
  });
});
