// `pnpm trace` as a user runs it: a session recorded through the real SDK against the fake API, then the
// viewer as a real child process: turns, growth, tokens, cut texts with sizes, bad lines named, --html pages.
import { appendFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { bundleScript, createTempWorkspace, reply, runCli, startFakeApi, text, toolUse } from "@lcc/testkit";
import { createFakeClient, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { parseTrace } from "../chapter-kit/src/trace/parse-trace.ts";
import { createTraceEventListener } from "../chapter-kit/src/trace/trace-event-listener.ts";
import { createTraceRecorder } from "../chapter-kit/src/trace/trace-recorder.ts";
import { createTracingFetch } from "../chapter-kit/src/trace/tracing-fetch.ts";
import { renderTraceHtml } from "./trace-html/render-trace-html.ts";
import { formatCount } from "./trace-text.ts";

const addCleanup = useCleanups();
const root = fileURLToPath(new URL("..", import.meta.url));
const question = "What does the build log say?";
const longLog = `${"compiling module\n".repeat(300)}done`;

/** Two turns through the tracing fetch: a tool call whose long output goes back, then a text answer. */
async function setup() {
  const fake = await startFakeApi({
    script: [
      reply(text("Let me read it."), toolUse("bash", { command: "cat build.log" })),
      reply(text("It built.")),
    ],
  });
  const workspace = await createTempWorkspace();
  addCleanup(workspace.cleanup, () => fake.close());
  const path = join(workspace.dir, "session.jsonl");
  const recorder = createTraceRecorder(path, { source: "trace.test", argv: ["--demo"] });
  const tracingFetch = createTracingFetch(recorder);
  const onEvent = createTraceEventListener(recorder);
  const client = createFakeClient(fake).client.withOptions({ fetch: tracingFetch });
  const system = [
    { type: "text" as const, text: "You are terse.", cache_control: { type: "ephemeral" as const } },
  ];
  const tools = [{ name: "bash", description: "Run a command.", input_schema: { type: "object" as const } }];
  const ask = (messages: Parameters<typeof client.messages.stream>[0]["messages"]) =>
    client.messages
      .stream({ model: "claude-test", max_tokens: 1024, system, tools, messages })
      .finalMessage();

  const first = await ask([{ role: "user", content: question }]);
  const call = first.content.find((block) => block.type === "tool_use");
  const toolUseId = call?.id ?? "";
  const toolEnd = {
    type: "tool_end",
    id: toolUseId,
    name: "bash",
    input: call?.input,
    output: longLog,
    isError: false,
    durationMs: 12,
  };
  onEvent(toolEnd);
  await ask([
    { role: "user", content: question },
    { role: "assistant", content: first.content },
    { role: "user", content: [{ type: "tool_result", tool_use_id: toolUseId, content: longLog }] },
  ]);
  await tracingFetch.idle();
  // scripts/trace.ts bundled once for the file: each run is one plain node process, as fast to start as lcc.
  const viewer = await bundleScript(join(root, "scripts", "trace.ts"));
  const view = (args: string[] = [path], env: Record<string, string> = {}) =>
    runCli({ command: process.execPath, args: [viewer, ...args], cwd: root, env });
  return { fake, path, dir: workspace.dir, toolUseId, view };
}

describe("pnpm trace", () => {
  it("shows each turn with the messages it adds, the reply, the tool run, tokens and cache use", async () => {
    const { fake, view, toolUseId } = await setup();
    const { stdout, stderr, code } = await view();

    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^session 1 · trace\.test · .* · --demo$/m);
    expect(stdout).toMatch(/^turn 1 · claude-test · max_tokens 1,024$/m);
    expect(stdout).toContain('system (14 chars): "You are terse."');
    expect(stdout).toContain("tools (1): bash");
    expect(stdout).toContain(`+ user: ${JSON.stringify(question)}`);
    expect(stdout).toContain(`tool_use bash {"command":"cat build.log"} ${toolUseId}`);
    expect(stdout).toMatch(/^ {2}tool bash · 12 ms · toolu_fake_1$/m);
    expect(stdout).toMatch(/^turn 2 · claude-test/m);
    expect(stdout).toContain("3 messages: 1 as sent in turn 1, 2 new");
    expect(stdout).toContain("+ assistant: the reply of turn 1");
    expect(stdout).toContain(`tool_result ${toolUseId}: "compiling module`);
    expect(stdout).toContain('text "It built."');
    // Only what a request adds is shown: the question appears once, in turn 1.
    expect(stdout.split(JSON.stringify(question))).toHaveLength(2);

    const [usage1, usage2] = fake.messageRequests().map((request) => request.usage);
    for (const [stop, usage] of [
      ["tool_use", usage1],
      ["end_turn", usage2],
    ] as const) {
      const tokens = `in ${formatCount(usage?.input_tokens)} · out ${formatCount(usage?.output_tokens)} · cache read ${formatCount(usage?.cache_read_input_tokens)} · cache write ${formatCount(usage?.cache_creation_input_tokens)}`;
      expect(stdout).toContain(`stop ${stop} · ${tokens}`);
    }
    expect(usage2?.cache_read_input_tokens).toBeGreaterThan(0);
    expect(stdout).toMatch(
      /^totals · 2 turns · 1 tool call · in [\d,]+ · out [\d,]+ · cache read [\d,]+ · /m,
    );
    expect(stdout).not.toContain("\u001b[");
  });

  it("cuts long texts after 200 characters and says how many it left out; --full shows them whole", async () => {
    const { view } = await setup();
    const cut = `… (+${formatCount(longLog.length - 200)} chars)`;

    const { stdout } = await view();
    expect(stdout.split(cut).length - 1).toBe(2);
    expect(stdout).not.toContain("done");

    const full = await view(["--full", (await setup()).path]);
    expect(full.stdout).not.toContain(cut);
    expect(full.stdout).toContain(JSON.stringify(longLog));
  });

  it("names each bad line on stderr, still shows the rest and exits 1", async () => {
    const { path, view } = await setup();
    appendFileSync(path, 'not json\n{"type":"response","seq":"seven"}\n{"type":"mystery"}\n');
    const { stdout, stderr, code } = await view();

    expect(code).toBe(1);
    expect(stderr).toContain(`${path}: line 7: not JSON`);
    expect(stderr).toContain('line 8: response record: "seq" should be a number, not string');
    expect(stderr).toContain('line 9: unknown record type "mystery"');
    expect(stdout).toMatch(/^turn 2 /m);
  });

  it("reads a relative path from the directory pnpm was started in", async () => {
    const { dir, view } = await setup();
    const { stdout, code } = await view(["session.jsonl"], { INIT_CWD: dir });

    expect(code).toBe(0);
    expect(stdout).toMatch(/^turn 2 /m);
  });

  it("says why when the file cannot be read, and shows usage without a file", async () => {
    const { dir, view } = await setup();
    const missing = await view([join(dir, "nope.jsonl")]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^trace: cannot read .*nope\.jsonl: ENOENT/);

    const usage = await view([]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("usage: pnpm trace <file.jsonl> [--full]");
  });

  it("--html writes the page beside the trace and prints its path; -o names another, relative to the caller", async () => {
    const { path, dir, view, toolUseId } = await setup();
    const beside = await view(["--html", path]);

    expect(beside.stderr).toBe("");
    expect(beside.code).toBe(0);
    const htmlPath = join(dir, "session.html");
    expect(beside.stdout).toBe(`${htmlPath}\n`);
    const html = readFileSync(htmlPath, "utf8");
    const { records } = parseTrace(readFileSync(path, "utf8"));
    expect(html).toBe(renderTraceHtml(records, { title: "trace · session.jsonl" }));
    expect(html.split('<section class="turn"')).toHaveLength(3);
    expect(html).toContain(`<div class="tool-call" id="s1-tool-${toolUseId}"`);

    const named = await view(["--html", "session.jsonl", "-o", "page.html"], { INIT_CWD: dir });
    expect(named.code).toBe(0);
    expect(named.stdout).toBe(`${join(dir, "page.html")}\n`);
    expect(readFileSync(join(dir, "page.html"), "utf8")).toBe(html);
  });

  it("--html says why when the trace cannot be read or the page cannot be written; -o needs --html", async () => {
    const { dir, path, view } = await setup();
    const missing = await view(["--html", join(dir, "nope.jsonl")]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^trace: cannot read .*nope\.jsonl: ENOENT/);

    const unwritable = await view(["--html", path, "-o", join(dir, "no-such-dir", "page.html")]);
    expect(unwritable.code).toBe(1);
    expect(unwritable.stderr).toMatch(/^trace: cannot write .*no-such-dir\/page\.html: ENOENT/);

    const withoutHtml = await view([path, "-o", "page.html"]);
    expect(withoutHtml.code).toBe(2);
    expect(withoutHtml.stderr).toContain("trace: -o goes with --html");
  });
});
