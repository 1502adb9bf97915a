// The TUI's turns in-process (real session, fake API, virtual terminal): a message typed during a turn rides
// with the next model call (the request body shows it) or comes back to the input on interrupt; a command
// typed during a turn runs after it; the permission dialog (number key, Esc = no); an idle queue push wakes
// a turn; pairing after every turn.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { assertPairingInvariant, type RecordedRequest, reply, text, toolUse } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { startTui } from "./tui-harness.ts";

const addCleanup = useCleanups();

/** Every text the user's side of the latest request carries (typed text, tool results), as JSON. */
const latest = (request: RecordedRequest) => JSON.stringify(request.body.messages.at(-1) ?? "");

function script(request: RecordedRequest) {
  const last = latest(request);
  const id = `toolu_tui_${request.index}`;
  if (last.includes("tool_result")) {
    return reply(text(last.includes("also update the docs") ? "Done, docs too." : "Tool done."));
  }
  if (last.includes("run a slow tool")) return reply(toolUse("bash", { command: "sleep 1; echo slow" }, id));
  if (last.includes("run a long tool")) return reply(toolUse("bash", { command: "sleep 30" }, id));
  if (last.includes("write please"))
    return reply(toolUse("write_file", { path: "answer.txt", content: "yes\n" }, id));
  if (last.includes("<background-results>")) return reply(text("Noted the background result."));
  return reply(text("Plain answer."));
}

describe("runTui turns", () => {
  it("a message typed during a turn shows as queued, rides with the next model call and is echoed then", {
    timeout: 30_000,
  }, async () => {
    const tui = await startTui(script);
    addCleanup(() => tui.close());
    await tui.type("run a slow tool\r");
    await tui.waitForScreen((screen) => screen.includes("Running bash…"), "the tool running");
    await tui.type("also update the docs\r");
    const queued = await tui.waitForScreen(
      (screen) => screen.includes("⧖ queued: also update the docs"),
      "queued",
    );
    expect(tui.input()).toBe("");
    expect(queued).not.toMatch(/❯ also update the docs/);
    const answered = await tui.waitForScreen((screen) => screen.includes("Done, docs too."), "the answer");
    expect(answered).not.toContain("⧖ queued");
    expect(answered).toMatch(/❯ also update the docs/);
    const requests = tui.fake.messageRequests();
    expect(requests).toHaveLength(2);
    // The second request: the tool's result and the typed text in one user message.
    const second = requests[1]?.body.messages.at(-1);
    expect(second?.role).toBe("user");
    expect(JSON.stringify(second)).toMatch(/tool_result.*also update the docs/);
    assertPairingInvariant(tui.fake.requests);
  });

  it("Ctrl-C during the turn brings the undelivered message back into the input; it was never sent", {
    timeout: 30_000,
  }, async () => {
    const tui = await startTui(script);
    addCleanup(() => tui.close());
    await tui.type("run a long tool\r");
    await tui.waitForScreen((screen) => screen.includes("Running bash…"), "the tool running");
    await tui.type("never mind that\r");
    await tui.waitForScreen((screen) => screen.includes("⧖ queued: never mind that"), "queued");
    await tui.type("and th");
    await tui.type("\x03");
    const back = await tui.waitForScreen(
      (screen) => screen.includes("what you typed meanwhile is back in the input"),
      "the interrupt",
    );
    expect(back).not.toContain("⧖ queued");
    expect(tui.input()).toBe("never mind that\nand th");
    expect(JSON.stringify(tui.fake.requests)).not.toContain("never mind that");
    expect(tui.session.core.queue.size()).toBe(0);
    assertPairingInvariant(tui.fake.requests);
    // Sent now, it is an ordinary message (with the interrupted call's result before it).
    await tui.type("\r");
    await tui.waitForScreen((screen) => screen.includes("Tool done."), "the answer");
    expect(latest(tui.fake.messageRequests().at(-1) as RecordedRequest)).toContain(
      "never mind that\\nand th",
    );
  });

  it("a slash command typed during a turn runs after it", { timeout: 30_000 }, async () => {
    const tui = await startTui(script);
    addCleanup(() => tui.close());
    await tui.type("run a slow tool\r");
    await tui.waitForScreen((screen) => screen.includes("Running bash…"), "the tool running");
    await tui.type("/cost\r");
    const after = await tui.waitForScreen((screen) => screen.includes("Since lcc started"), "/cost");
    expect(after.indexOf("Tool done.")).toBeLessThan(after.indexOf("Since lcc started"));
    expect(JSON.stringify(tui.fake.requests)).not.toContain("/cost");
  });

  it("asks in a dialog instead of the input: a number key allows, Esc refuses", {
    timeout: 30_000,
  }, async () => {
    const tui = await startTui(script);
    addCleanup(() => tui.close());
    await tui.type("write please\r");
    const dialog = await tui.waitForScreen((screen) => screen.includes("╭─ permission"), "the dialog");
    expect(dialog).toMatch(/│ Allow write_file\(answer\.txt\)\?/);
    expect(dialog).toMatch(/│ ❯ 1\. yes, once \[y\]/);
    expect(tui.input()).toBe(""); // no input rows while the question is open
    expect(dialog).not.toContain("esc to interrupt"); // nor the spinner
    await tui.type("1");
    await tui.waitForScreen((screen) => screen.includes("Tool done."), "the tool's answer");
    expect(readFileSync(join(tui.workspace, "answer.txt"), "utf8")).toBe("yes\n");
    expect(tui.screen()).not.toContain("╭─ permission");
    expect(tui.screen()).toMatch(/Allow write_file\(answer\.txt\)\? → yes, once/);

    await tui.type("write please, again\r");
    await tui.waitForScreen(
      (screen) => (screen.match(/╭─ permission/g) ?? []).length === 1,
      "the second dialog",
    );
    await tui.type("\x1b");
    await tui.waitForScreen(
      (screen) => (screen.match(/Tool done\./g) ?? []).length === 2,
      "the refusal's answer",
    );
    const refused = tui.fake.messageRequests().at(-1)?.body.messages.at(-1);
    expect(JSON.stringify(refused)).toMatch(/"is_error":true/);
    expect(JSON.stringify(refused)).toMatch(/refused/);
    assertPairingInvariant(tui.fake.requests);
  });

  it("Ctrl-C with a question open interrupts the turn and closes the dialog; nothing is written", {
    timeout: 30_000,
  }, async () => {
    const tui = await startTui(script);
    addCleanup(() => tui.close());
    await tui.type("write please\r");
    await tui.waitForScreen((screen) => screen.includes("╭─ permission"), "the dialog");
    await tui.type("\x03");
    const after = await tui.waitForScreen((screen) => screen.includes("⏹ Interrupted"), "the interrupt");
    expect(after).not.toContain("╭─ permission");
    expect(tui.input()).toBe("");
    expect(existsSync(join(tui.workspace, "answer.txt"))).toBe(false);
    await tui.type("after\r");
    await tui.waitForScreen((screen) => screen.includes("Tool done."), "the next turn");
    assertPairingInvariant(tui.fake.requests);
  });

  it("!cmd shows its output at once and its context rides with the next message; #note asks where it goes", {
    timeout: 30_000,
  }, async () => {
    const tui = await startTui(script);
    addCleanup(() => tui.close());
    await tui.type("!echo shell-said-this; exit 3\r");
    const ran = await tui.waitForScreen((screen) => screen.includes("exit code 3"), "the shell output");
    expect(ran).toMatch(/❯ !echo shell-said-this; exit 3\n+shell-said-this/);
    expect(tui.fake.messageRequests()).toHaveLength(0);
    await tui.type("what did it print?\r");
    await tui.waitForScreen((screen) => screen.includes("Plain answer."), "the answer");
    const sent = latest(tui.fake.messageRequests()[0] as RecordedRequest);
    expect(sent).toMatch(
      /<bash-input>echo shell-said-this; exit 3<\/bash-input>.*shell-said-this.*what did it print\?/,
    );

    await tui.type("#always run pnpm, never npm\r");
    await tui.waitForScreen(
      (screen) => screen.includes("Save this note to which memory?"),
      "the memory question",
    );
    await tui.type("1");
    await tui.waitForScreen((screen) => screen.includes("Saved to project memory"), "the note saved");
    expect(tui.fake.messageRequests()).toHaveLength(1);
    const listed = await tui.session.core.setup.memory.listAll();
    expect(JSON.stringify(listed)).toContain("always run pnpm, never npm");

    // A long one shows the activity line, and Esc stops it.
    await tui.type("!sleep 30\r");
    await tui.waitForScreen((screen) => screen.includes("Running !sleep 30… ("), "the activity line");
    await tui.type("\x1b");
    await tui.waitForScreen((screen) => /⎿ interrupted\n⏹ Interrupted/.test(screen), "the shell interrupted");
  });

  it("a queue push while idle wakes a turn; typed text waits in the input meanwhile", {
    timeout: 30_000,
  }, async () => {
    const tui = await startTui(script);
    addCleanup(() => tui.close());
    await tui.type("half typed");
    tui.session.core.queue.push({
      source: "background",
      content: '<background-results><result id="b1">done</result></background-results>',
    });
    await tui.waitForScreen((screen) => screen.includes("Noted the background result."), "the woken turn");
    expect(tui.input()).toBe("half typed");
    expect(tui.fake.messageRequests()).toHaveLength(1);
    expect(existsSync(join(tui.workspace, ".lcc", "history"))).toBe(false);
    assertPairingInvariant(tui.fake.requests);
  });
});
