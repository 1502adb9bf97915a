// File names for memories: readable slugs, never shared by two names that slug alike, never MEMORY.md.
import { describe, expect, it } from "vitest";
import { newMemoryFileName, slugOf } from "./memory-slug.ts";

describe("slugOf", () => {
  it("keeps letters and digits of any script, lower-cased, joined by dashes", () => {
    expect(slugOf("API keys & tokens")).toBe("api-keys-tokens");
    expect(slugOf("  Café déploiement v2 ")).toBe("cafe-deploiement-v2");
    expect(slugOf("数据库 迁移")).toBe("数据库-迁移");
  });

  it("never gives an empty name nor the index's", () => {
    expect(slugOf("!!!")).toBe("memory-1");
    expect(slugOf("Memory")).toBe("memory-1");
  });
});

describe("newMemoryFileName", () => {
  it("gives names that slug alike their own files", () => {
    expect(newMemoryFileName("API keys", [])).toBe("api-keys.md");
    expect(newMemoryFileName("api-keys", ["api-keys.md"])).toBe("api-keys-2.md");
    expect(newMemoryFileName("Api Keys!", ["api-keys.md", "api-keys-2.md"])).toBe("api-keys-3.md");
  });

  it("treats a taken name in another case as taken (case-insensitive file systems)", () => {
    expect(newMemoryFileName("api keys", ["API-KEYS.md"])).toBe("api-keys-2.md");
  });
});
