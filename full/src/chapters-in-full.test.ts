// lcc holds every chapter: each chapter's setup (s02 … s20) is built on the same workspace, and every tool and
// slash command it offers is in lcc's setup — none dropped on the way, nothing unexplained added; the commands
// CURRICULUM §6 names are all there, and /help documents each.
import { type AgentSetup, createSetupContext, createToolUseSetup, type SetupContext } from "@lcc/s02";
import { createTodoSetup } from "@lcc/s03";
import { createSubagentSetup } from "@lcc/s04";
import { createSkillSetup } from "@lcc/s05";
import { createCompactSetup } from "@lcc/s06";
import { createPermissionSetup } from "@lcc/s07";
import { createHookSetup } from "@lcc/s08";
import { createMemorySetup } from "@lcc/s09";
import { createPromptSetup } from "@lcc/s10";
import { createRecoverySetup } from "@lcc/s11";
import { createTaskSetup } from "@lcc/s12";
import { createBackgroundSetup } from "@lcc/s13";
import { createCronSetup } from "@lcc/s14";
import { createTeamSetup } from "@lcc/s15";
import { createProtocolSetup } from "@lcc/s16";
import { createAutonomySetup } from "@lcc/s17";
import { createWorktreeSetup } from "@lcc/s18";
import { createMcpSetup } from "@lcc/s19";
import { createRouterSetup } from "@lcc/s20";
import { createTempWorkspace, reply, text } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createFullSetup } from "./full-setup.ts";
import { createColors } from "./terminal/colors.ts";
import { createProductCommands } from "./terminal/slash-commands.ts";
import { createTestSession } from "./test-harness.ts";

const addCleanup = useCleanups();

/** Every chapter's setup builder, in order (s01 has no setup: its loop is the teaching one). */
const CHAPTER_SETUPS: ReadonlyArray<
  readonly [string, (context: SetupContext) => AgentSetup | Promise<AgentSetup>]
> = [
  ["s02", createToolUseSetup],
  ["s03", createTodoSetup],
  ["s04", createSubagentSetup],
  ["s05", createSkillSetup],
  ["s06", (context) => createCompactSetup(context)],
  ["s07", (context) => createPermissionSetup(context)],
  ["s08", (context) => createHookSetup(context)],
  ["s09", (context) => createMemorySetup(context)],
  ["s10", (context) => createPromptSetup(context)],
  ["s11", (context) => createRecoverySetup(context)],
  ["s12", (context) => createTaskSetup(context)],
  ["s13", (context) => createBackgroundSetup(context)],
  ["s14", (context) => createCronSetup(context)],
  ["s15", (context) => createTeamSetup(context)],
  ["s16", (context) => createProtocolSetup(context)],
  ["s17", (context) => createAutonomySetup(context)],
  ["s18", (context) => createWorktreeSetup(context)],
  ["s19", (context) => createMcpSetup(context)],
  ["s20", (context) => createRouterSetup(context)],
];

/** What lcc adds of its own: tools and commands no chapter has. */
const PRODUCT_TOOLS = ["glob", "grep"];
const PRODUCT_COMMANDS = ["cost", "model", "resume"];

/** CURRICULUM §6's slash commands (/exit is the REPL's own). */
const SECTION_6_COMMANDS = [
  "help",
  "clear",
  "compact",
  "cost",
  "context",
  "model",
  "mode",
  "permissions",
  "hooks",
  "prompt",
  "tasks",
  "team",
  "inbox",
  "bg",
  "cron",
  "mcp",
  "skills",
  "memory",
  "worktrees",
  "resume",
  "exit",
];

async function setup() {
  const workspace = await createTempWorkspace();
  addCleanup(workspace.cleanup);
  // HOME is the workspace: the user's own ~/.claude, ~/.claude.json and ~/.lcc stay out of it.
  const context = createSetupContext(workspace.dir);
  // The tools a request can reach: the setup's and those that join at the first request (s19's late tools).
  const namesOf = async (built: AgentSetup) => {
    const late = await Promise.all((built.lateTools ?? []).map((load) => load(new AbortController().signal)));
    return {
      tools: [...built.tools, ...late.flat()].map((tool) => tool.name),
      commands: built.commands.map((command) => command.name),
    };
  };
  const chapters = new Map<string, { tools: string[]; commands: string[] }>();
  for (const [id, build] of CHAPTER_SETUPS) chapters.set(id, await namesOf(await build(context)));
  const notRun = () => {
    throw new Error("the commands are listed here, not run");
  };
  const commands = createProductCommands(notRun, { colors: createColors(false), demo: false });
  return { chapters, full: await namesOf(await createFullSetup(context, { commands })) };
}

const missingFrom = (names: readonly string[], whole: readonly string[]) =>
  names.filter((name) => !whole.includes(name));

describe("the chapters in lcc", () => {
  it("has every tool of every chapter's setup, and only glob and grep besides", async () => {
    const { chapters, full } = await setup();
    for (const [id, chapter] of chapters)
      expect({ id, missing: missingFrom(chapter.tools, full.tools) }).toEqual({ id, missing: [] });
    const union = [...new Set([...chapters.values()].flatMap((chapter) => chapter.tools))];
    expect(missingFrom(full.tools, union)).toEqual(PRODUCT_TOOLS);
    // Each chapter keeps the tools of the one before it: nothing is dropped on the way to s20.
    const ids = [...chapters.keys()];
    ids.slice(1).forEach((id, index) => {
      const previous = chapters.get(ids[index] ?? "")?.tools ?? [];
      expect({ id, dropped: missingFrom(previous, chapters.get(id)?.tools ?? []) }).toEqual({
        id,
        dropped: [],
      });
    });
  });

  it("has every slash command of every chapter's setup, and only lcc's /cost /model /resume besides", async () => {
    const { chapters, full } = await setup();
    for (const [id, chapter] of chapters)
      expect({ id, missing: missingFrom(chapter.commands, full.commands) }).toEqual({ id, missing: [] });
    const union = [...new Set([...chapters.values()].flatMap((chapter) => chapter.commands))];
    expect(missingFrom(full.commands, union)).toEqual(PRODUCT_COMMANDS);
    expect(full.commands).toContain("mcp");
    expect(full.commands).toContain("tools");
  });

  it("offers every command CURRICULUM §6 names, and /help documents each", async () => {
    const test = await createTestSession([reply(text("unused"))]);
    addCleanup(test.cleanup);
    let help = "";
    await test.session.runCommand("/help", new AbortController().signal, (chunk) => {
      help += chunk;
    });
    const offered = [...test.session.core.resolved.commands.map((command) => command.name), "exit"];
    expect(missingFrom(SECTION_6_COMMANDS, offered)).toEqual([]);
    for (const name of offered) expect(help).toMatch(new RegExp(`^ {2}/${name}\\b`, "m"));
    expect(help).not.toContain("Coming with later chapters");
  });
});
