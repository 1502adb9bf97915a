// End to end: auto-compaction and /compact through the real s06 agent and the fake API — threshold from
// reported usage, the warm-cache summary request, what survives, transcript first, failures, interrupts.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { runScenario } from "@lcc/chapter-kit";
import {
  assertPairingInvariant,
  type FakeReply,
  type FakeUsage,
  faults,
  pairingProblems,
  type RecordedRequest,
  reply,
  text,
  toolUse,
} from "@lcc/testkit";
import { captureOutput, useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createS06Chapter } from "./agent.ts";
import type { CompactOptions } from "./compact-options.ts";
import { createS06Scenario, s06DemoOptions } from "./scenario.ts";
import { isSummaryRequest } from "./summary-request.ts";
import { testAgentSetup } from "./test-agent.ts";

const addCleanup = useCleanups();
const startAgent = testAgentSetup(addCleanup);

interface SetupOptions {
  steps: FakeReply[];
  files?: Record<string, string>;
  options?: Partial<CompactOptions>;
  summary?: (request: RecordedRequest, workspace: string) => FakeReply | Promise<FakeReply>;
}

/** The agent on a script that answers summary requests with `summary` and every other one with `steps`. */
async function setup({ steps, files = {}, options = {}, summary }: SetupOptions) {
  let position = 0;
  const session = await startAgent({
    script: (request) => {
      if (isSummaryRequest(request.body))
        return summary?.(request, session.workspace) ?? reply(text("SUMMARY: all good."));
      return steps[position++] ?? reply(text("(nothing more)"));
    },
    files,
    options,
  });
  const summaryIndexes = () =>
    session.requests().flatMap((request, index) => (isSummaryRequest(request.body) ? [index] : []));
  return { ...session, summaryIndexes };
}

const total = (usage: FakeUsage | undefined) =>
  (usage?.input_tokens ?? 0) +
  (usage?.cache_read_input_tokens ?? 0) +
  (usage?.cache_creation_input_tokens ?? 0);

/** Messages as sent, without cache_control, so two requests' histories compare by content. */
const plain = (request: RecordedRequest) =>
  JSON.parse(JSON.stringify(request.body.messages).replace(/,"cache_control":\{"type":"ephemeral"\}/g, ""));
const lastText = (request: RecordedRequest) => {
  const content = request.body.messages.at(-1)?.content;
  const block = Array.isArray(content) ? content.at(-1) : undefined;
  return block?.type === "text" ? block.text : "";
};

let baseTokensPromise: Promise<number> | undefined;
/** What the system prompt, tools and a one-line prompt cost by the fake's count (thresholds build on it). */
function baseTokens(): Promise<number> {
  baseTokensPromise ??= (async () => {
    const probe = await setup({ steps: [reply(text("ok"))] });
    await probe.run("Read the three files.");
    return total(probe.requests()[0]!.usage);
  })();
  return baseTokensPromise;
}

const page = (letter: string) => Array.from({ length: 100 }, () => letter.repeat(80)).join("\n");
const threeFiles = { "a.txt": page("a"), "b.txt": page("b"), "c.txt": page("c") };
const readThree = [
  reply(toolUse("read_file", { path: "a.txt" })),
  reply(toolUse("read_file", { path: "b.txt" })),
  reply(toolUse("read_file", { path: "c.txt" })),
  reply(text("Read all three.")),
];

/** A session over the three files with auto-compaction 3,000 tokens past the base, after its first prompt. */
async function readThreeFilesPastThreshold(summary?: SetupOptions["summary"]) {
  const threshold = (await baseTokens()) + 3_000;
  const session = await setup({
    steps: readThree,
    files: threeFiles,
    options: { autoCompactTokens: threshold },
    ...(summary ? { summary } : {}),
  });
  await session.run("Read the three files.");
  return { session, threshold };
}

describe("s06 auto-compaction, end to end", () => {
  it("compacts right after the first request whose reported input (cache included) passes the threshold", async () => {
    const { session, threshold } = await readThreeFilesPastThreshold();
    const requests = session.requests();
    const firstOver = requests.findIndex((request) => total(request.usage) > threshold);
    expect(firstOver).toBe(2);
    expect(session.summaryIndexes()).toEqual([firstOver + 1]);
    // Cached tokens count: the uncached part alone never reaches the threshold.
    expect(requests[firstOver]!.usage!.input_tokens).toBeLessThan(threshold);
    assertPairingInvariant(requests);
    const next = { role: "user" as const, content: "next prompt" };
    expect(pairingProblems([...session.agent.state.messages, next])).toEqual([]);
  });

  it("sends the summary request with the previous request's exact prefix, so it reads the warm cache", async () => {
    const { session } = await readThreeFilesPastThreshold();
    const [summaryIndex] = session.summaryIndexes();
    const previous = session.requests()[summaryIndex! - 1]!;
    const summary = session.requests()[summaryIndex!]!;
    expect(summary.body.system).toEqual(previous.body.system);
    expect(summary.body.tools).toEqual(previous.body.tools);
    expect(plain(summary).slice(0, previous.body.messages.length)).toEqual(plain(previous));
    expect(summary.usage!.cache_read_input_tokens).toBe(total(previous.usage));
    expect(lastText(summary)).toMatch(/^<compaction-request>\n/);
  });

  it("continues on the summary, the user's own words, the touched files, the loaded skills and the open plan, pairs intact", async () => {
    const threshold = (await baseTokens()) + 3_000;
    const skill = "---\nname: notes\ndescription: Keep notes.\n---\nWrite NOTES.md as you go.\n";
    const session = await setup({
      steps: [
        reply(
          toolUse("todo_write", {
            items: [
              { content: "Read the files", status: "in_progress", activeForm: "Reading the files" },
              { content: "Report", status: "pending", activeForm: "Reporting" },
            ],
          }),
        ),
        reply(toolUse("load_skill", { name: "notes" })),
        ...readThree,
      ],
      files: { ...threeFiles, "skills/notes/SKILL.md": skill },
      options: { autoCompactTokens: threshold },
      summary: () => reply(text("1. Goal — read three files.")),
    });
    await session.run("Read the three files.");
    const [summaryIndex] = session.summaryIndexes();
    const after = session.requests()[summaryIndex! + 1]!;
    const first = after.body.messages[0]!;
    expect(first.role).toBe("user");
    const texts = (first.content as Array<{ type: string; text: string }>).map((block) => block.text);
    expect(texts[0]).toContain("1. Goal — read three files.");
    expect(texts).toContain("<user-message>\nRead the three files.\n</user-message>");
    const files = texts
      .filter((block) => block.startsWith("<file "))
      .map((block) => /path="([^"]+)"/.exec(block)?.[1]);
    expect(files).toEqual(["c.txt", "b.txt", "a.txt"]);
    expect(
      texts.some((block) => block.startsWith('<skill name="notes"') && block.includes("Write NOTES.md")),
    ).toBe(true);
    expect(texts.find((block) => block.startsWith("<plan>"))).toContain("[>] Read the files");
    assertPairingInvariant(session.requests());
  });

  it("writes the transcript before the history is replaced", async () => {
    let seenAtSummaryTime: unknown[] = [];
    const { session } = await readThreeFilesPastThreshold(async (request, workspace) => {
      const folder = join(workspace, ".lcc", "transcripts");
      const [file] = await readdir(folder);
      const lines = (await readFile(join(folder, file!), "utf8")).trimEnd().split("\n");
      seenAtSummaryTime = lines.map((line) => JSON.parse(line));
      const sent = plain(request);
      const last = sent.at(-1);
      last.content = last.content.slice(0, -1);
      expect(seenAtSummaryTime).toEqual(sent);
      return reply(text("SUMMARY"));
    });
    expect(session.summaryIndexes()).toHaveLength(1);
    expect(seenAtSummaryTime.length).toBeGreaterThan(3);
    expect(session.output()).toMatch(/transcript at \.lcc\/transcripts\/compact-.*\.jsonl/);
  });

  it("passes the focus of the compact tool and of /compact into the summary request", async () => {
    const session = await setup({
      steps: [reply(toolUse("compact", { focus: "the parser bug" })), reply(text("Compacted, going on."))],
    });
    await session.run("Fix the parser.");
    await session.run("/compact the auth flow");
    const summaries = session.summaryIndexes().map((index) => lastText(session.requests()[index]!));
    expect(summaries).toHaveLength(2);
    expect(summaries[0]).toContain("Focus the summary on: the parser bug");
    expect(summaries[1]).toContain("Focus the summary on: the auth flow");
    expect(pairingProblems(session.agent.state.messages)).toEqual([]);
    assertPairingInvariant(session.requests());
  });

  it("stops auto-compaction after 3 failed compactions in a row, with a clear notice", async () => {
    const threshold = (await baseTokens()) + 100;
    const steps = ["a", "b", "c", "a", "b", "c"].map((name) =>
      reply(toolUse("read_file", { path: `${name}.txt` })),
    );
    const session = await setup({
      steps: [...steps, reply(text("Done."))],
      files: threeFiles,
      options: { autoCompactTokens: threshold },
      summary: () => faults.serverError(),
    });
    await session.run("Read everything twice.");
    expect(session.summaryIndexes()).toHaveLength(3);
    expect(session.agent.setup.compaction.status()).toMatchObject({
      consecutiveFailures: 3,
      autoCompactEnabled: false,
    });
    expect(session.output()).toContain("Compaction failed 3 times in a row");
    expect(session.output()).toContain("automatic compaction is off for this session");
    expect(session.requests().at(-1)!.body.messages.length).toBeGreaterThan(10);
    assertPairingInvariant(session.requests().filter((request) => !isSummaryRequest(request.body)));
  });

  it("counts a compaction that leaves the context over the threshold as a failure, and stops after 3 in a row", async () => {
    // The threshold sits just above the base, so the re-read files alone keep every compacted context over it.
    const threshold = (await baseTokens()) + 100;
    const reads = Array.from({ length: 12 }, (_, index) =>
      reply(toolUse("read_file", { path: `${"abc"[index % 3]}.txt` })),
    );
    const session = await setup({
      steps: [...reads, reply(text("Done."))],
      files: threeFiles,
      options: { autoCompactTokens: threshold, microCompact: false },
    });
    await session.run("Read everything four times.");
    expect(session.summaryIndexes()).toHaveLength(3);
    expect(session.agent.setup.compaction.status()).toMatchObject({
      compactions: 3,
      consecutiveFailures: 3,
      autoCompactEnabled: false,
    });
    expect(session.output()).toContain("the compacted context is still over the threshold");
    expect(session.output()).toContain("automatic compaction is off for this session");
    assertPairingInvariant(session.requests());
  });

  it("leaves the history and the failure count alone when the user interrupts a compaction, and goes on after", async () => {
    const controller = new AbortController();
    const threshold = (await baseTokens()) + 3_000;
    let position = 0;
    let summaries = 0;
    const session = await startAgent({
      script: (request) => {
        if (!isSummaryRequest(request.body)) return readThree[position++] ?? reply(text("Back."));
        if (summaries++ > 0) return reply(text("SUMMARY: read a, b and c."));
        // The user interrupts while the summary request waits for its answer.
        controller.abort();
        return { ...reply(text("never arrives")), delayMs: 5_000 };
      },
      files: threeFiles,
      options: { autoCompactTokens: threshold },
    });
    await session.agent.runTurn("Read the three files.", controller.signal);
    // Not replaced: the three reads are still there, each answered; the interrupted round sent nothing more.
    expect(session.requests()).toHaveLength(4);
    const messages = session.agent.state.messages;
    expect(messages.map((message) => message.role)).toEqual([
      "user",
      "assistant",
      "user",
      "assistant",
      "user",
      "assistant",
      "user",
    ]);
    expect(pairingProblems(messages)).toEqual([]);
    expect(session.agent.setup.compaction.status()).toMatchObject({ compactions: 0, consecutiveFailures: 0 });
    expect(session.output()).toContain("compaction failed: interrupted by user");
    await session.run("Go on.");
    expect(summaries).toBe(2);
    expect(session.agent.setup.compaction.status()).toMatchObject({ compactions: 1, consecutiveFailures: 0 });
    assertPairingInvariant(session.requests());
  });

  it("says there is nothing to compact before the first request", async () => {
    const session = await setup({ steps: [] });
    await session.run("/compact");
    expect(session.requests()).toHaveLength(0);
    expect(session.output()).toContain("Nothing to compact yet.");
  });

  it("runs the demo scenario: one auto-compaction mid-task, then /compact", async () => {
    const output = captureOutput();
    const run = await runScenario(createS06Chapter(s06DemoOptions), createS06Scenario(), output);
    addCleanup(run.cleanup);
    const summaries = run.requests.filter((request) => isSummaryRequest(request.body));
    expect(summaries).toHaveLength(2);
    expect(lastText(summaries[1]!)).toContain("Focus the summary on: keep the restock API and its tests");
    expect(output.text()).toContain("· compacting the conversation (auto");
    expect(output.text()).toMatch(/bash output \([\d,]+ characters\) saved to \.lcc\/tool-results\//);
    assertPairingInvariant(run.requests);
  });
});
