// The demo banner fits the terminal it is printed in: words are never broken across lines.
import { describe, expect, it } from "vitest";
import { createColors } from "../terminal/colors.ts";
import { BANNER_MAX_COLUMNS, demoBanner } from "./demo-banner.ts";

const plain = createColors(false);

describe("the demo banner", () => {
  it("wraps between words to the terminal's width, and to at most BANNER_MAX_COLUMNS", () => {
    for (const columns of [60, 80, 200]) {
      const lines = demoBanner(plain, ".lcc/demo-scratch.md", false, columns).split("\n");
      const width = Math.min(columns, BANNER_MAX_COLUMNS);
      for (const line of lines) expect(line.length).toBeLessThanOrEqual(width);
      // Joined back, it is the same text: nothing was cut, only line breaks placed between words.
      expect(lines.join(" ")).toContain("saves a memory of the tour, adds two tasks");
    }
  });

  it("says why it runs and where a key goes", () => {
    const text = demoBanner(plain, ".lcc/demo-scratch.md", true).replace(/\n/g, " ");
    expect(text).toContain("DEMO MODE: --demo was given");
    expect(text).toContain("or put it in ~/.lcc/.env, then run lcc again.");
  });
});
