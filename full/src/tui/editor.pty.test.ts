// The TUI's prompt on the real `lcc` in tmux: multi-line input (Shift+Enter, `\`+Enter), a bracketed paste
// collapsed to a marker and sent whole, the slash list with descriptions, `@` completion of workspace files
// (the file's text in the request), `!cmd` output riding with the next message, and Ctrl-R.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  assertPairingInvariant,
  createTempWorkspace,
  type RecordedRequest,
  reply,
  startFakeApi,
  text,
} from "@lcc/testkit";
import { isCommandAvailable } from "@lcc/testkit/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { atPrompt } from "../terminal/tmux-driver.ts";
import { inputRows, lastUserTexts, launchPtyLcc, type PtyLcc, rowsBelowInput } from "./pty-lcc.ts";

const hasTmux = isCommandAvailable("tmux", ["-V"]);

const script = (request: RecordedRequest) => reply(text(`Reply number ${request.index}.`));

describe.skipIf(!hasTmux)("the TUI's prompt in a real terminal", () => {
  let workspace: Awaited<ReturnType<typeof createTempWorkspace>>;
  let fake: Awaited<ReturnType<typeof startFakeApi>>;
  let lcc: PtyLcc;

  /** Presses Enter and waits for the answer to the request it sends; returns that request. */
  const send = async (what: string): Promise<RecordedRequest> => {
    const before = fake.messageRequests().length;
    lcc.press("Enter");
    const screen = await lcc.waitFor(
      (screen) => fake.messageRequests().length > before && atPrompt(screen),
      `the answer to ${what}`,
    );
    const request = fake.messageRequests()[before];
    expect(screen).toContain(`Reply number ${request?.index}.`);
    return request as RecordedRequest;
  };

  beforeAll(async () => {
    workspace = await createTempWorkspace({
      files: {
        ".gitignore": "secret.txt\n",
        "notes.txt": "the notes' first line\nand their second\n",
        "src/app.ts": "export const answer = 42;\n",
      },
      git: true,
    });
    writeFileSync(join(workspace.dir, "secret.txt"), "ignored by git\n");
    fake = await startFakeApi({ script });
    lcc = launchPtyLcc({
      socket: `lcc-editor-${process.pid}`,
      workspace: workspace.dir,
      baseURL: fake.baseURL,
    });
    await lcc.ready();
  });
  afterAll(async () => {
    lcc?.close();
    await fake?.close();
    await workspace?.cleanup();
  });

  it("keeps Shift+Enter and \\+Enter lines in one message", async () => {
    lcc.type("first line");
    lcc.press("S-Enter");
    lcc.type("second line\\");
    lcc.press("Enter");
    lcc.type("third line");
    await lcc.waitFor(
      (screen) => inputRows(screen).join("|") === "❯ first line|  second line|  third line",
      "three lines in the input",
    );
    const request = await send("the multi-line message");
    expect(lastUserTexts(request)).toEqual(["first line\nsecond line\nthird line"]);
  });

  it("shows a pasted block as a marker and sends all of it", async () => {
    const pasted = Array.from({ length: 30 }, (_, index) => `pasted row ${index + 1}`).join("\n");
    lcc.driver.tmux("set-buffer", "-b", "block", pasted);
    lcc.type("summarise: ");
    lcc.driver.tmux("paste-buffer", "-p", "-d", "-b", "block", "-t", lcc.pane);
    await lcc.waitFor(
      (screen) => inputRows(screen).join("|") === "❯ summarise: [paste #1 +30 lines]",
      "the paste marker",
    );
    const request = await send("the pasted block");
    expect(lastUserTexts(request)).toEqual([`summarise: ${pasted}`]);
  });

  it("lists slash commands with their descriptions, filtered as typed; Tab completes, Enter runs it", async () => {
    lcc.type("/");
    const all = await lcc.waitFor(
      (screen) => rowsBelowInput(screen).some((row) => /\/help\s+list the commands/.test(row)),
      "the slash list",
    );
    expect(rowsBelowInput(all).join("\n")).toMatch(/\/compact \[focus\]\s+summarise the conversation/);
    lcc.type("co");
    const filtered = await lcc.waitFor(
      (screen) => !rowsBelowInput(screen).some((row) => row.includes("/help")),
      "the list filtered to /co…",
    );
    const names = rowsBelowInput(filtered).flatMap((row) => /^\s*(?:→\s*)?(\/[\w-]+)/.exec(row)?.[1] ?? []);
    expect(names).toEqual(expect.arrayContaining(["/compact", "/context", "/cost"]));
    expect(names.every((name) => /^\/\w*c\w*o/.test(name))).toBe(true);
    lcc.type("st");
    await lcc.waitFor((screen) => rowsBelowInput(screen).length === 2, "only /cost left");
    lcc.press("Tab");
    await lcc.waitFor((screen) => inputRows(screen).join("|") === "❯ /cost", "/cost completed");
    const requests = fake.messageRequests().length;
    lcc.press("Enter");
    await lcc.waitFor((screen) => /cache hit rate \d+\.\d% of input tokens/.test(screen), "/cost's report");
    expect(fake.messageRequests()).toHaveLength(requests);
  });

  it("completes @ with the workspace's files (not the ignored ones) and sends the file's text", async () => {
    lcc.type("explain @");
    const top = await lcc.waitFor(
      (screen) => rowsBelowInput(screen).some((row) => row.includes("notes.txt")),
      "the workspace's top level",
    );
    const listed = rowsBelowInput(top).join("\n");
    expect(listed).toContain("src/");
    expect(listed).not.toContain("secret.txt");
    lcc.type("not");
    await lcc.waitFor((screen) => /→ notes\.txt/.test(rowsBelowInput(screen)[0] ?? ""), "notes.txt first");
    lcc.press("Tab");
    await lcc.waitFor((screen) => inputRows(screen)[0] === "❯ explain @notes.txt", "the mention completed");
    const request = await send("the message with a file");
    expect(lastUserTexts(request)).toEqual([
      "explain @notes.txt",
      `<file path="notes.txt">\nthe notes' first line\nand their second\n</file>`,
    ]);
  });

  it("runs !cmd without the model, shows its output, and sends it with the next message", async () => {
    const requests = fake.messageRequests().length;
    lcc.type("!echo from-the-shell; echo second >&2");
    lcc.press("Enter");
    const shown = await lcc.waitFor(
      (screen) => screen.includes("\nfrom-the-shell\n") && atPrompt(screen),
      "the command's output",
    );
    expect(shown).toContain("\nsecond\n");
    expect(fake.messageRequests()).toHaveLength(requests);
    lcc.type("what did it print?");
    const request = await send("the message after !cmd");
    const [context, prompt] = lastUserTexts(request);
    expect(context).toMatch(/^<bash-input>echo from-the-shell; echo second >&2<\/bash-input>/);
    expect(context).toContain("from-the-shell");
    expect(prompt).toBe("what did it print?");
  });

  it("finds an earlier message with Ctrl-R and puts it back in the input, lines intact", async () => {
    lcc.press("C-r");
    await lcc.waitFor((screen) => screen.includes("search history"), "the history search");
    lcc.type("second li");
    await lcc.waitFor((screen) => screen.includes("❯ first line"), "the multi-line entry found");
    lcc.press("Enter");
    await lcc.waitFor(
      (screen) => inputRows(screen).join("|") === "❯ first line|  second line|  third line",
      "the entry in the input",
    );
    lcc.press("C-c");
    await lcc.waitFor((screen) => atPrompt(screen), "Ctrl-C clearing it");
    assertPairingInvariant(fake.requests);
    lcc.press("C-d");
    await lcc.waitFor((screen) => screen.includes("[exited 0]"), "Ctrl-D exiting");
  });
});
