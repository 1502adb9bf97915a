// Completion in the prompt: the slash list (filtered, with summaries) and `@` file mentions, both through the
// provider's contract and through a real Editor on the virtual terminal.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createTempWorkspace } from "@lcc/testkit";
import { type AutocompleteProvider, Editor, type EditorTheme, TUI } from "@mariozechner/pi-tui";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type CommandInfo, createCompletionProvider } from "./completion.ts";
import { createVirtualTerminal, type VirtualTerminal } from "./virtual-terminal.ts";

const commands: CommandInfo[] = [
  { name: "help", summary: "list the commands", usage: "/help" },
  { name: "compact", summary: "summarise the conversation", usage: "/compact [focus]" },
  { name: "cost", summary: "tokens and money so far" },
  { name: "clear", summary: "start over" },
  { name: "status", summary: "what is running" },
];

let workspace: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir: workspace, cleanup } = await createTempWorkspace({
    git: true,
    files: {
      "src/agent-loop.ts": "",
      "src/tui/editor.ts": "",
      "docs/my notes.md": "",
      "README.md": "",
      ".gitignore": "ignored.txt\n",
    },
  }));
  await writeFile(join(workspace, "ignored.txt"), "x");
});
afterAll(() => cleanup());

function setup(): AutocompleteProvider {
  return createCompletionProvider({ commands: () => commands, workspace });
}

const signal = new AbortController().signal;
async function suggest(provider: AutocompleteProvider, text: string) {
  const lines = text.split("\n");
  const cursorLine = lines.length - 1;
  return provider.getSuggestions(lines, cursorLine, lines[cursorLine]?.length ?? 0, { signal });
}

describe("slash commands", () => {
  it("lists every command with its summary for a bare slash", async () => {
    const result = await suggest(setup(), "/");
    expect(result?.prefix).toBe("/");
    expect(result?.items).toEqual([
      { value: "/help", label: "/help", description: "list the commands" },
      { value: "/compact", label: "/compact [focus]", description: "summarise the conversation" },
      { value: "/cost", label: "/cost", description: "tokens and money so far" },
      { value: "/clear", label: "/clear", description: "start over" },
      { value: "/status", label: "/status", description: "what is running" },
    ]);
  });

  it("filters as typed: names starting with the text first, then fuzzy matches", async () => {
    const values = async (text: string) => (await suggest(setup(), text))?.items.map((item) => item.value);
    expect(await values("/co")).toEqual(["/compact", "/cost"]);
    expect(await values("/cl")).toEqual(["/clear"]);
    expect(await values("/st")).toEqual(["/status", "/cost"]);
    expect(await values("/cst")).toEqual(["/cost"]);
    expect(await suggest(setup(), "/zzz")).toBeNull();
  });

  it("is only offered at the start of the message, before any argument", async () => {
    expect(await suggest(setup(), "say /he")).toBeNull();
    expect(await suggest(setup(), "first line\n/he")).toBeNull();
    expect(await suggest(setup(), "/compact fo")).toBeNull();
  });

  it("completes to the command and a space, keeping what follows the cursor", () => {
    const result = setup().applyCompletion(
      ["/co tail"],
      0,
      3,
      { value: "/compact", label: "/compact" },
      "/co",
    );
    expect(result).toEqual({ lines: ["/compact  tail"], cursorLine: 0, cursorCol: 9 });
  });

  it("asks for the commands each time, so new ones show up", async () => {
    const live: CommandInfo[] = [];
    const provider = createCompletionProvider({ commands: () => live, workspace });
    expect(await suggest(provider, "/")).toBeNull();
    live.push({ name: "later", summary: "added later" });
    expect((await suggest(provider, "/"))?.items.map((item) => item.value)).toEqual(["/later"]);
  });
});

describe("@ file mentions", () => {
  it("lists the workspace's top level for a bare @, ignored files left out", async () => {
    const result = await suggest(setup(), "look at @");
    expect(result?.prefix).toBe("@");
    expect(result?.items.map((item) => item.label)).toEqual([".gitignore", "README.md", "docs/", "src/"]);
  });

  it("matches fuzzily, a name starting with the query first", async () => {
    const result = await suggest(setup(), "fix @edi");
    expect(result?.items[0]).toEqual({ value: "@src/tui/editor.ts", label: "src/tui/editor.ts" });
    const loop = await suggest(setup(), "fix @srcloop");
    expect(loop?.items.map((item) => item.label)).toEqual(["src/agent-loop.ts"]);
    const paths = ["c/o/n/f.ts", "lib/my-conf.ts", "src/config.ts"];
    const ranked = createCompletionProvider({ commands: () => [], workspace, listFiles: async () => paths });
    expect((await suggest(ranked, "@conf"))?.items.map((item) => item.label)).toEqual([
      "src/config.ts",
      "c/o/n/f.ts",
      "lib/my-conf.ts",
    ]);
  });

  it("works on any line of a multi-line message", async () => {
    const result = await suggest(setup(), "first line\nand @READ");
    expect(result?.items[0]?.value).toBe("@README.md");
  });

  it("does not treat an e-mail address as a mention", async () => {
    expect(await suggest(setup(), "mail me@src")).toBeNull();
  });

  it("quotes paths with spaces and completes inside a quoted mention", async () => {
    const result = await suggest(setup(), "see @notes");
    expect(result?.items[0]).toEqual({ value: '@"docs/my notes.md"', label: "docs/my notes.md" });
    const quoted = await suggest(setup(), 'see @"docs/my');
    expect(quoted?.prefix).toBe('@"docs/my');
    expect(quoted?.items[0]?.value).toBe('@"docs/my notes.md"');
  });

  it("inserts a file with a space after it and a folder without, to go on", () => {
    const provider = setup();
    const file = provider.applyCompletion(
      ["a @edi b"],
      0,
      6,
      { value: "@src/tui/editor.ts", label: "x.ts" },
      "@edi",
    );
    expect(file).toEqual({ lines: ["a @src/tui/editor.ts  b"], cursorLine: 0, cursorCol: 21 });
    const folder = provider.applyCompletion(["@sr"], 0, 3, { value: "@src/", label: "src/" }, "@sr");
    expect(folder).toEqual({ lines: ["@src/"], cursorLine: 0, cursorCol: 5 });
    const quotedFolder = provider.applyCompletion(
      ['@"do"'],
      0,
      4,
      { value: '@"docs/"', label: "docs/" },
      '@"do',
    );
    expect(quotedFolder).toEqual({ lines: ['@"docs/"'], cursorLine: 0, cursorCol: 7 });
  });

  it("gives no suggestions, and does not reject, when the listing fails or the request is aborted", async () => {
    const failing = createCompletionProvider({
      commands: () => [],
      workspace,
      listFiles: () => Promise.reject(new Error("gone")),
    });
    expect(await suggest(failing, "@a")).toBeNull();
    const controller = new AbortController();
    controller.abort();
    const aborted = await setup().getSuggestions(["@a"], 0, 2, { signal: controller.signal });
    expect(aborted).toBeNull();
  });

  it("asks Tab to complete only inside a mention", () => {
    const provider = setup();
    expect(provider.shouldTriggerFileCompletion?.(["see @sr"], 0, 7)).toBe(true);
    expect(provider.shouldTriggerFileCompletion?.(["see src"], 0, 7)).toBe(false);
  });
});

describe("in a real Editor", () => {
  const plain = (text: string): string => text;
  const theme: EditorTheme = {
    borderColor: plain,
    selectList: {
      selectedPrefix: plain,
      selectedText: plain,
      description: plain,
      scrollInfo: plain,
      noMatch: plain,
    },
  };
  let tui: TUI | undefined;
  afterEach(() => tui?.stop());

  function start(): { terminal: VirtualTerminal; editor: Editor; submitted: string[] } {
    const terminal = createVirtualTerminal({ columns: 60, rows: 12 });
    tui = new TUI(terminal);
    const editor = new Editor(tui, theme);
    editor.setAutocompleteProvider(setup());
    const submitted: string[] = [];
    editor.onSubmit = (text) => submitted.push(text);
    tui.addChild(editor);
    tui.setFocus(editor);
    tui.start();
    return { terminal, editor, submitted };
  }

  it("shows the slash list with summaries, narrows it as typed and runs the pick on Enter", async () => {
    const { terminal, submitted } = start();
    terminal.type("/");
    await terminal.waitForScreen((lines) => lines.some((line) => line.includes("/help")));
    const screen = terminal.screen().join("\n");
    expect(screen).toMatch(/\/help\s+list the commands/);
    expect(screen).toMatch(/\/compact \[focus\]\s+summarise the conversation/);
    terminal.type("cos");
    await terminal.flush();
    expect(terminal.screen().join("\n")).not.toContain("/help");
    terminal.type("\r");
    await terminal.flush();
    expect(submitted).toEqual(["/cost"]);
  });

  it("completes an @ mention with Tab", async () => {
    const { terminal, editor } = start();
    terminal.type("explain @agent");
    await terminal.waitForScreen((screen) => screen.some((line) => line.includes("src/agent-loop.ts")));
    terminal.type("\t");
    await terminal.flush();
    expect(editor.getText()).toBe("explain @src/agent-loop.ts ");
  });
});
