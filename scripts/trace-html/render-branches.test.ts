// renderTraceHtml on hand-made records for the lines of a session: a subagent's and a teammate's
// conversation as branches under the tool call that started them, and a compaction shrinking the history.
import { describe, expect, it } from "vitest";
import {
  assistant,
  call,
  event,
  render,
  request,
  response,
  result,
  start,
  tool,
  user,
} from "./hand-made-records.ts";

describe("renderTraceHtml lines", () => {
  it("hangs a subagent's conversation as a branch under the tool call that started it", () => {
    const reply1 = [call("a1", "agent", { description: "Map it", prompt: "Map the project." })];
    const html = render([
      start,
      request(1, [user("how is it built?")]),
      response(1, reply1, "tool_use"),
      event({ type: "subagent_start", parentToolUseId: "a1", agentType: "explore", description: "Map it" }),
      request(2, [{ role: "user", content: "Explore on your own." }]),
      response(2, [call("r1", "read_file", { path: "x" })], "tool_use"),
      tool("r1", "contents", { name: "read_file", parentToolUseId: "a1" }),
      event({ type: "agent_end", reason: "end_turn" }, "a1"),
      event({
        type: "subagent_end",
        parentToolUseId: "a1",
        reason: "end_turn",
        transcriptPath: "/t/sub.json",
      }),
      tool("a1", "the map", { name: "agent" }),
      request(3, [user("how is it built?"), assistant(reply1), result("a1", "the map")]),
      response(3, [{ type: "text", text: "Done." }]),
    ]);
    const agentCall =
      /<div class="tool-call" id="s1-tool-a1"(.*?)<div class="tool-output"><span class="label">output<\/span><pre class="text">the map/s.exec(
        html,
      )?.[1] ?? "";

    expect(agentCall).toContain('<div class="branch" data-parent="a1">');
    expect(agentCall).toContain('<span class="branch-name">agent explore · Map it</span>');
    expect(agentCall).toContain('data-seq="2"');
    expect(agentCall).toContain('<span class="tool-name">read_file</span>');
    expect(agentCall).toContain('<div class="event" data-type="agent_end">');
    expect(agentCall).toContain('transcript <a class="transcript-link" href="file:///t/sub.json">');
    expect(html).toContain('<section class="turn" id="s1-turn-3" data-seq="3"');
    expect(html).toContain("2 new");
  });

  it("hangs a teammate's conversations under the tool call whose input is their first message", () => {
    const reply1 = [call("s1", "spawn_teammate", { name: "alice", prompt: "Write the module." })];
    const html = render([
      start,
      request(1, [user("build it with a team")]),
      response(1, reply1, "tool_use"),
      tool("s1", "alice joined", { name: "spawn_teammate" }),
      request(2, [{ role: "user", content: [{ type: "text", text: "Write the module." }] }]),
      request(3, [user("build it with a team"), assistant(reply1), result("s1", "alice joined")]),
      response(3, [{ type: "text", text: "Waiting." }]),
      response(2, [{ type: "text", text: "Written." }]),
      // The teammate starts over, its first message now a string: still alice's branch.
      request(4, [user("Write the module.")]),
      response(4, [{ type: "text", text: "Checked." }]),
    ]);

    expect(html).toMatch(
      /<div class="tool-call" id="s1-tool-s1".*<div class="branch" data-parent="s1">.*data-seq="2".*Written\..*data-seq="4".*Checked\..*<div class="tool-output">/s,
    );
    expect(html).toContain('<span class="branch-name">spawn_teammate alice</span>');
    expect(html.split('class="branch"')).toHaveLength(2);
  });

  it("shows a compaction as the history shrinking, with the summary turn inside and the saved transcript", () => {
    const history = [user("task"), assistant([{ type: "text", text: "step" }]), user("more")];
    const html = render([
      start,
      request(1, history),
      response(1, [{ type: "text", text: "ok" }]),
      event({ type: "compaction_start", kind: "full", trigger: "auto", contextTokens: 4042 }),
      request(2, [...history, assistant([{ type: "text", text: "ok" }]), user("Summarize.")]),
      response(2, [{ type: "text", text: "Summary." }]),
      event({
        type: "compaction_end",
        kind: "full",
        trigger: "auto",
        ok: true,
        summaryChars: 8,
        transcriptPath: ".lcc/t.jsonl",
      }),
      request(3, [user("<compacted-context>Summary.</compacted-context>")]),
      response(3, [{ type: "text", text: "Continuing." }]),
    ]);
    const compaction =
      /<div class="compaction">(.*?<div class="shrink".*?<\/div>)<\/div>/s.exec(html)?.[1] ?? "";

    expect(compaction).toContain("full · auto · context 4,042 tokens");
    expect(compaction).toContain('data-seq="2"');
    expect(compaction).toContain(
      'history saved to <a class="transcript-link" href="file:///work/.lcc/t.jsonl"><code class="transcript">.lcc/t.jsonl</code></a>',
    );
    expect(compaction).toContain(
      '<div class="shrink" data-before="3" data-after="1">history: 3 messages → 1 message</div>',
    );
    expect(html).not.toContain('class="branch"');
  });
});
