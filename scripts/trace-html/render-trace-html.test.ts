// renderTraceHtml on small hand-made records: escaping, folding, what a request adds, token bars, tool calls
// with decisions, totals, and byte-identical output (branches and compaction: render-branches.test.ts).
import { describe, expect, it, vi } from "vitest";
import type { TraceRecord } from "../../chapter-kit/src/trace/trace-format.ts";
import {
  assistant,
  call,
  count,
  event,
  render,
  request,
  response,
  start,
  time,
  tool,
  twoTurns,
  user,
} from "./hand-made-records.ts";
import { FOLD_CHARS, FOLD_LINES } from "./render-blocks.ts";
import { renderTraceHtml } from "./render-trace-html.ts";

describe("renderTraceHtml", () => {
  it("escapes every text from the trace, so model output can never add markup or script", () => {
    const evil = `<script>alert(1)</script><img src=x onerror=alert(2)>"'&`;
    const reply1 = [{ type: "text", text: evil }, call(evil, evil, { [evil]: evil })];
    const html = renderTraceHtml(
      [
        { ...start, source: evil, cwd: evil },
        request(1, [user(evil)], { system: evil, model: evil, tools: [{ name: evil, description: evil }] }),
        response(1, reply1, evil),
        event({ type: "tool_decision", id: evil, name: evil, phase: evil, decision: evil, reason: evil }),
        event({ type: "notice", source: evil, text: evil, level: evil }),
        event({ type: evil, detail: evil }),
        tool(evil, evil, { name: evil }),
        event({ type: "compaction_start", kind: evil, trigger: evil }),
        event({ type: "compaction_end", kind: evil, ok: false, error: evil, transcriptPath: evil }),
      ],
      { title: evil, transcriptLinks: () => "javascript:alert(3)" },
    );

    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("javascript:");
    expect(count(html, "<script")).toBe(2);
    expect(html).toContain(
      "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&quot;&#39;&amp;",
    );
    const json = /<script type="application\/json" id="trace-data">(.*?)<\/script>/s.exec(html)?.[1] ?? "";
    expect(JSON.parse(json).title).toBe(evil);
    expect(JSON.parse(json).sessions[0].requests[0].added[0].content).toBe(evil);
  });

  it(`folds a text longer than ${FOLD_CHARS} characters or ${FOLD_LINES} lines into <details> that give its size`, () => {
    const fits = render(twoTurns("x".repeat(FOLD_CHARS)));
    expect(fits).not.toMatch(/<div class="tool-output">.*?<details/);

    const long = render(twoTurns("x".repeat(FOLD_CHARS + 1)));
    expect(long).toMatch(
      new RegExp(
        `<div class="tool-output"><span class="label">output</span><details class="fold"><summary><span class="size">${FOLD_CHARS + 1} chars, 1 lines</span>`,
      ),
    );
    const tall = render(twoTurns("line\n".repeat(FOLD_LINES)));
    expect(tall).toContain(
      `<details class="fold"><summary><span class="size">${5 * FOLD_LINES} chars, ${FOLD_LINES + 1} lines</span>`,
    );
  });

  it("shows each turn with what its request adds: the kept prefix, the new messages, the earlier reply by reference", () => {
    const html = render(twoTurns());

    expect(count(html, '<section class="turn"')).toBe(2);
    expect(html).toContain('<section class="turn" id="s1-turn-2" data-seq="2" tabindex="0">');
    expect(html).toContain('<div class="history" data-kept="1" data-added="2" data-rewritten="0">');
    expect(html).toContain(
      '3 messages: 1 as sent in <a href="#s1-turn-1">turn 1</a> (the cached prefix), 2 new',
    );
    expect(html).toContain('the reply of <a href="#s1-turn-1">turn 1</a>');
    expect(html).toContain(
      '<a href="#s1-tool-t1">t1</a> <span class="dim">(3 chars, as the tool call shows)</span>',
    );
    // System prompt and tools once per conversation: the second request leaves them unchanged.
    expect(count(html, '<details class="system">')).toBe(1);
    expect(count(html, '<details class="tools">')).toBe(1);
    expect(html).toContain('<span class="stop-reason" data-stop="tool_use">stop tool_use</span>');
    expect(html).toContain('<span class="stop-reason" data-stop="end_turn">stop end_turn</span>');
  });

  it("shows a tool call with its input, its permission decision inline, and its output; notices inline", () => {
    const html = render(twoTurns());
    const toolCall =
      /<div class="tool-call" id="s1-tool-t1" data-status="ok">(.*?)<div class="tool-output">/s.exec(
        html,
      )?.[1] ?? "";

    expect(toolCall).toContain('<span class="tool-name">bash</span>');
    expect(toolCall).toContain(
      '<div class="tool-input"><div class="fields"><div class="field"><span class="key">command</span><pre class="text">ls</pre>',
    );
    expect(toolCall).toContain('<div class="decision" data-phase="permission" data-decision="allow">');
    expect(html).toContain(
      '<div class="tool-output"><span class="label">output</span><pre class="text">a\nb</pre></div>',
    );
    expect(html).toContain(
      '<div class="decision notice" data-level="info"><span class="label">notice</span> [compact] output saved</div>',
    );
  });

  it("draws token bars on one scale: the largest prompt (cache read + write + input) or output is 100%", () => {
    const html = render([
      start,
      request(1, [user("a")]),
      response(1, [{ type: "text", text: "b" }], "end_turn", {
        input_tokens: 100,
        cache_read_input_tokens: 0,
        cache_creation_input_tokens: 300,
        output_tokens: 50,
      }),
      request(2, [user("a"), assistant([{ type: "text", text: "b" }]), user("c")]),
      response(2, [{ type: "text", text: "d" }], "end_turn", {
        input_tokens: 10,
        cache_read_input_tokens: 300,
        cache_creation_input_tokens: 40,
        output_tokens: 20,
      }),
    ]);
    const widths = [
      ...html.matchAll(/class="bar" data-kind="(\w+)" data-tokens="(\d+)" style="width:([\d.]+%)"/g),
    ].map((match) => `${match[1]} ${match[2]} ${match[3]}`);

    expect(widths).toEqual([
      "cache_read 0 0.00%",
      "cache_write 300 75.00%",
      "input 100 25.00%",
      "output 50 12.50%",
      "cache_read 300 75.00%",
      "cache_write 40 10.00%",
      "input 10 2.50%",
      "output 20 5.00%",
    ]);
  });

  it("shows a failed request's error as its stop reason, and the same request sent again as a retry", () => {
    const failed = {
      type: "response",
      seq: 1,
      time,
      durationMs: 5,
      status: 529,
      streamed: true,
      error: "overloaded_error: <Overloaded>",
    } as TraceRecord;
    const html = render([start, request(1, [user("hi")]), failed, request(2, [user("hi")]), response(2, [])]);

    expect(html).toContain('<span class="error">529 · overloaded_error: &lt;Overloaded&gt;</span>');
    expect(html).toContain('<span class="stop-reason" data-stop="error">stop error</span>');
    expect(html).toContain("1 message: 1 as sent in");
    expect(html).toContain("0 new: the same request again (a retry)");
  });

  it("counts requests and turns in the header (a count_tokens request is not a turn)", () => {
    const counting = {
      ...request(3, [user("list files")]),
      url: "https://api.example.com/v1/messages/count_tokens",
    };
    const records = [
      ...twoTurns(),
      counting,
      {
        type: "response",
        seq: 3,
        time,
        durationMs: 1,
        status: 200,
        streamed: false,
        body: { input_tokens: 42 },
      } as TraceRecord,
    ];
    const html = render(records);

    expect(html).toMatch(
      /<header id="summary" data-sessions="1" data-requests="3" data-turns="2" data-tool-calls="1">/,
    );
    expect(html).toContain(
      "3 requests · 2 turns · 1 tool call · input 20 · cache read 0 · cache write 0 · output 10",
    );
    expect(html).toContain('<div class="count-tokens" data-seq="3">');
    expect(count(html, '<section class="turn"')).toBe(2);
  });

  it("gives byte-identical pages for the same records, whatever the clock says", () => {
    vi.useFakeTimers();
    try {
      vi.setSystemTime(new Date("2030-01-01T00:00:00Z"));
      const first = render(twoTurns());
      vi.setSystemTime(new Date("2031-06-01T12:00:00Z"));
      expect(render(twoTurns())).toBe(first);
    } finally {
      vi.useRealTimers();
    }
  });
});
