// The transcript inside a real pi-tui TUI on a virtual terminal: an answer longer than the screen streams
// in, code block and all, without one full redraw (rows that scrolled away are never rewritten), and the
// terminal ends up holding exactly what the transcript rendered.
import { createTempWorkspace } from "@lcc/testkit";
import { TUI } from "@mariozechner/pi-tui";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createColors } from "../terminal/colors.ts";
import { createTranscript } from "./transcript.ts";
import { createVirtualTerminal } from "./virtual-terminal.ts";

let workspace = "";
let cleanup = async () => {};
beforeAll(async () => {
  ({ dir: workspace, cleanup } = await createTempWorkspace());
});
afterAll(() => cleanup());

const code = Array.from({ length: 30 }, (_, index) => `const value${index} = ${index};`).join("\n");
const answer = [
  "## Steps",
  "",
  ...Array.from({ length: 8 }, (_, index) => `${index + 1}. Step ${index + 1} does **something** useful.`),
  "",
  "```ts",
  code,
  "```",
  "",
  "| step | state |",
  "| --- | --- |",
  "| one | done |",
  "",
  "All done.",
].join("\n");

describe("the transcript in a TUI", () => {
  it("streams an answer taller than the screen without a full redraw", async () => {
    const terminal = createVirtualTerminal({ columns: 60, rows: 12 });
    const tui = new TUI(terminal);
    const transcript = createTranscript({
      colors: createColors(false),
      workspace,
      requestRender: () => tui.requestRender(),
    });
    tui.addChild(transcript.component);
    tui.start();
    try {
      transcript.user("write the steps");
      await terminal.flush();
      for (let index = 0; index < answer.length; index += 40) {
        transcript.render({ type: "text_delta", text: answer.slice(index, index + 40) });
        await terminal.flush();
      }
      transcript.render({ type: "agent_end", reason: "end_turn" });
      await terminal.flush();
      const rendered = transcript.component.render(60).map((row) => row.trimEnd());
      expect(rendered.length).toBeGreaterThan(3 * terminal.rows);
      expect(terminal.scrollback()).toEqual(rendered);
      expect(rendered).toContain("  const value29 = 29;");
      expect(tui.fullRedraws).toBe(1); // the first render only
    } finally {
      tui.stop();
    }
  });
});
