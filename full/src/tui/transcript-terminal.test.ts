// The transcript as the screen sees it: rows never wider than the terminal (long output cut, text
// wrapped), colours only when they are on, and code coloured from the first block.
import { stripVTControlCharacters as strip } from "node:util";
import type { AgentEvent } from "@lcc/s02";
import { createTempWorkspace } from "@lcc/testkit";
import { visibleWidth } from "@mariozechner/pi-tui";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createColors } from "../terminal/colors.ts";
import { loadHighlighter } from "./highlight.ts";
import { createTranscript } from "./transcript.ts";

let workspace = "";
let cleanup = async () => {};
beforeAll(async () => {
  ({ dir: workspace, cleanup } = await createTempWorkspace());
  await loadHighlighter();
});
afterAll(() => cleanup());

function setup(options: { colors?: boolean } = {}) {
  const transcript = createTranscript({
    colors: createColors(options.colors ?? false),
    workspace,
    requestRender: () => {},
  });
  return { transcript };
}

const toolEnd = {
  type: "tool_end" as const,
  input: {},
  durationMs: 1234,
  interrupted: false,
  isError: false,
};
const answerText =
  "I'll run the tests.\n\n```ts\nconst lines = text.split('\\n');\n```\n\n| test | result |\n| --- | --- |\n| parse | fails |\n";

function streamText(render: (event: AgentEvent) => void, text: string, size = 5): void {
  for (let index = 0; index < text.length; index += size)
    render({ type: "text_delta", text: text.slice(index, index + size) });
}

describe("the transcript on a terminal", () => {
  it("never draws a row wider than the screen", () => {
    const { transcript } = setup({ colors: true });
    transcript.user(`a long message ${"word ".repeat(30)}`);
    streamText(
      transcript.render,
      `${answerText}${"prose ".repeat(40)}\n\n\`\`\`\n${"x".repeat(120)}\n\`\`\`\n`,
    );
    transcript.render({ type: "tool_start", id: "t", name: "bash", input: { command: "y".repeat(200) } });
    transcript.render({
      ...toolEnd,
      id: "t",
      name: "bash",
      output: `${"z".repeat(300)}\n${"漢".repeat(100)}`,
    });
    transcript.print(`\u001b[32m${"green ".repeat(30)}\u001b[39m`);
    for (const width of [80, 60, 30])
      for (const row of transcript.component.render(width))
        expect(visibleWidth(row)).toBeLessThanOrEqual(width);
    // A long line of output is cut, not wrapped: one row each.
    const output = transcript.component.render(30).map((row) => strip(row).trimEnd());
    expect(output.filter((row) => row.includes("漢"))).toEqual([`    ${"漢".repeat(12)}…`]);
  });

  it("colours the call, the result and the code when colours are on, and writes no escape code when off", () => {
    const feed = (transcript: ReturnType<typeof createTranscript>) => {
      streamText(transcript.render, answerText);
      transcript.render({ type: "tool_start", id: "t", name: "bash", input: { command: "ls" } });
      transcript.render({ ...toolEnd, id: "t", name: "bash", output: "\u001b[31ma\u001b[0m", isError: true });
      transcript.render({ type: "notice", source: "x", text: "careful", level: "warn" });
      transcript.user("hi");
      return transcript.component.render(60).join("\n");
    };
    const colored = feed(setup({ colors: true }).transcript);
    expect(colored).toContain("\u001b[32m⏺\u001b[39m \u001b[1mbash\u001b[22m");
    expect(colored).toContain("\u001b[31mError: a\u001b[39m");
    expect(colored).toContain("\u001b[35mconst\u001b[39m");
    expect(colored).toContain("\u001b[33m⚠\u001b[39m");
    expect(feed(setup().transcript)).not.toContain("\u001b");
  });

  it("starts loading the highlighter soon after it is created (after the first frame), so even the first code block is coloured", async () => {
    vi.resetModules();
    const fresh = await import("./transcript.ts");
    const transcript = fresh.createTranscript({
      colors: createColors(true),
      workspace,
      requestRender: () => {},
    });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    transcript.render({ type: "text_delta", text: "```ts\nconst x = 1;\n```\n" });
    transcript.render({ type: "agent_end", reason: "end_turn" });
    expect(transcript.component.render(40).join("\n")).toContain("\u001b[35mconst\u001b[39m");
  });
});
