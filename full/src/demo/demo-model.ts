// The built-in demo model: the testkit fake API in-process with a script that answers any prompt by
// showing the harness at work on the real workspace — a plan, a read, a run, an edit — harmlessly.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { isAbsolute, join, posix, relative, sep } from "node:path";
import { agentOfRequest, LEAD_NAME } from "@lcc/s15"; // s15: who sent a request (the lead or a teammate)
import {
  type FakeReply,
  faults,
  type RecordedRequest,
  reply,
  type Script,
  startFakeApi,
  text,
  toolUse,
} from "@lcc/testkit";
import { mcpPlanItems, mcpSteps, mcpSummary } from "./demo-mcp-step.ts";
import { isSubagentRequest, subagentReply, subagentSteps, subagentSummary } from "./demo-subagent.ts";
import { asksForTeam, canStartTeam, leadTeamReply, teammateTeamReply } from "./demo-team.ts";
import {
  backgroundWakeReply,
  isBackgroundWake,
  isQueuedText,
  workPlanItems,
  workSteps,
  workSummary,
} from "./demo-work-steps.ts";

export interface DemoModelOptions {
  workspace: string;
  lccHome: string;
  /** Pause between streamed chunks so text visibly streams in a terminal (0 for headless runs). */
  chunkDelayMs?: number;
  /** `lcc -p`: the run ends with the turn, so the tour waits for its background command by asking. */
  headless?: boolean;
}

export interface DemoModel {
  baseURL: string;
  /** The scratch file the demo writes and edits, relative to the workspace. */
  scratchPath: string;
  close(): Promise<void>;
}

/** Starts the scripted model on a loopback port; point the SDK's baseURL at it. */
export async function startDemoModel(options: DemoModelOptions): Promise<DemoModel> {
  const scratchPath = demoScratchPath(options.workspace, options.lccHome);
  const script = createDemoScript({
    workspace: options.workspace,
    scratchPath,
    chunkDelayMs: options.chunkDelayMs ?? 0,
    headless: options.headless ?? false,
  });
  const fake = await startFakeApi({ script, chunkSize: 6 });
  return { baseURL: fake.baseURL, scratchPath, close: () => fake.close() };
}

/** `<lcc home>/demo-scratch.md` relative to the workspace, or `.lcc/demo-scratch.md` when LCC_HOME is elsewhere. */
export function demoScratchPath(workspace: string, lccHome: string): string {
  const inside = relative(workspace, join(lccHome, "demo-scratch.md"));
  if (inside.startsWith("..") || isAbsolute(inside)) return ".lcc/demo-scratch.md";
  return inside.split(sep).join("/");
}

/** The demo's first request is answered "overloaded" once, asking for this wait: the retry line shows (s11). */
export const DEMO_OVERLOAD_RETRY_MS = 600;

/** The memory the tour saves (s09): a project memory, updated in place by every later tour. */
export const DEMO_MEMORY_NAME = "lcc demo tour";

/**
 * The demo script. The step is the number of assistant messages since the user's latest prompt, so
 * every new prompt replays the tour and an interrupted tour simply starts over. Its one piece of state:
 * the very first request of the process is answered 529 overloaded (with retry-after-ms), so the tour
 * begins with s11's retry. Requests without tools (a summary request) get a short summary.
 */
export function createDemoScript(options: {
  workspace: string;
  scratchPath: string;
  chunkDelayMs: number;
  headless?: boolean;
}): Script {
  let overloaded = false;
  return (request) => {
    const pace = (answer: FakeReply): FakeReply => ({ ...answer, chunkDelayMs: options.chunkDelayMs });
    if (!overloaded) {
      overloaded = true;
      return faults.overloaded(DEMO_OVERLOAD_RETRY_MS);
    }
    const tools = new Set((request.body.tools ?? []).map((tool) => ("name" in tool ? tool.name : "")));
    if (tools.size === 0)
      return pace(reply(text("Summary: the user tried lcc's demo model, which toured the harness.")));
    // The team tour (s15–s18): teammates answer by their own script; the lead when the prompt asks for a team.
    const isGit = existsSync(join(options.workspace, ".git"));
    // Ids unique across processes: a resumed session must never see one id twice.
    const id = () => `toolu_demo_${randomBytes(9).toString("hex")}`;
    const team = { stateFolder: posix.dirname(options.scratchPath), isGit, id, listed: tools };
    if (isSubagentRequest(request)) return pace(subagentReply(request, id));
    const agent = agentOfRequest(request);
    if (agent !== LEAD_NAME) return pace(teammateTeamReply(request, agent, team));
    const { prompt, step } = progress(request);
    if (asksForTeam(prompt) && canStartTeam(tools)) return pace(leadTeamReply(request, team));
    if (isBackgroundWake(request)) return pace(backgroundWakeReply(request));
    const readme = ["README.md", "readme.md", "README", "package.json"].find((name) =>
      existsSync(join(options.workspace, name)),
    );
    const command = isGit ? "git status --short --branch" : "ls -la";
    const readStep = readme
      ? toolUse("read_file", { path: readme, limit: 20 }, id())
      : toolUse("bash", { command: "ls" }, id());
    const plan = [
      `Read ${readme ?? "the workspace listing"}`,
      `Run ${command}`,
      `Write a note to ${options.scratchPath}, then edit it`,
      ...(tools.has("agent") ? ["Ask an explore subagent to survey the workspace"] : []),
      ...(tools.has("memory_save") ? ["Save a memory of the tour"] : []),
      ...workPlanItems(tools),
      ...mcpPlanItems(tools),
      "Summarise",
    ];
    const intro =
      "I'm lcc's demo model: no API key is set, so a scripted stand-in answers. Here is what a real session looks like.";
    const todo = (done: number) =>
      toolUse(
        "todo_write",
        {
          items: plan.map((content, index) => ({
            content,
            status: index < done ? "completed" : index === done ? "in_progress" : "pending",
            activeForm: `${content} (in progress)`,
          })),
        },
        id(),
      );
    const hasTodo = tools.has("todo_write");
    const steps: FakeReply[] = [
      ...(hasTodo
        ? [reply(text(`${intro}\nFirst, a plan:`), todo(0)), reply(readStep)]
        : [
            reply(
              text(`${intro}\nPlan:\n${plan.map((item, index) => `${index + 1}. ${item}`).join("\n")}\n`),
              readStep,
            ),
          ]),
      reply(text("Now a harmless command:"), toolUse("bash", { command }, id())),
      reply(
        text("Next, a scratch note (only under the state folder):"),
        toolUse(
          "write_file",
          {
            path: options.scratchPath,
            content: `# lcc demo scratch\n\nprompt: ${prompt.slice(0, 200)}\nstatus: draft\n`,
          },
          id(),
        ),
      ),
      reply(
        toolUse(
          "edit_file",
          { path: options.scratchPath, old_text: "status: draft", new_text: "status: edited" },
          id(),
        ),
      ),
      ...subagentSteps(tools, id),
      ...(tools.has("memory_save")
        ? [
            reply(
              text("And a memory for next time (s09):"),
              toolUse(
                "memory_save",
                {
                  name: DEMO_MEMORY_NAME,
                  type: "project",
                  description:
                    "lcc's demo model toured this workspace; its scratch note is in the state folder",
                  content: `The demo tour read ${readme ?? "the workspace listing"}, ran \`${command}\` and wrote ${options.scratchPath}.`,
                },
                id(),
              ),
            ),
          ]
        : []),
      ...workSteps({ tools, headless: options.headless ?? false, id }).map((step) => step(request)),
      ...mcpSteps(tools, prompt, id),
      ...(hasTodo ? [reply(todo(plan.length))] : []),
      reply(
        text(
          (editsRefused(request)
            ? `Done: I read ${readme ?? "the listing"} and ran \`${command}\`; writing ${options.scratchPath} was refused by the permission check (answer yes at its question, or run with --permission-mode acceptEdits).\n`
            : `Done: I read ${readme ?? "the listing"}, ran \`${command}\`, then wrote and edited ${options.scratchPath}.\n`) +
            subagentSummary(request) +
            (tools.has("memory_save")
              ? `I saved the project memory "${DEMO_MEMORY_NAME}": /memory lists it, /memory forget ${DEMO_MEMORY_NAME} removes it.\n`
              : "") +
            workSummary(tools, options.headless ?? false, request) +
            mcpSummary(request) +
            (canStartTeam(tools) ? 'For a team at work, ask: "build it with a team".\n' : "") +
            "That was the scripted demo. To work with Claude, set ANTHROPIC_API_KEY (or ANTHROPIC_AUTH_TOKEN) " +
            "in your environment or a .env file and run lcc again.",
        ),
      ),
    ];
    return pace(steps[Math.min(step, steps.length - 1)]!);
  };
}

/** True when a write_file or edit_file call of this conversation came back as an error (refused, mostly). */
function editsRefused(request: RecordedRequest): boolean {
  const messages = request.body.messages ?? [];
  const editIds = new Set<string>();
  for (const message of messages) {
    if (message.role !== "assistant" || typeof message.content === "string") continue;
    for (const block of message.content)
      if (block.type === "tool_use" && (block.name === "write_file" || block.name === "edit_file"))
        editIds.add(block.id);
  }
  return messages.some(
    (message) =>
      message.role === "user" &&
      typeof message.content !== "string" &&
      message.content.some(
        (block) => block.type === "tool_result" && block.is_error === true && editIds.has(block.tool_use_id),
      ),
  );
}

/** The latest prompt's text and how many assistant messages have answered it so far. */
function progress(request: RecordedRequest): { prompt: string; step: number } {
  const messages = request.body.messages ?? [];
  let promptIndex = -1;
  let prompt = "";
  messages.forEach((message, index) => {
    if (message.role !== "user" || typeof message.content === "string") {
      if (message.role === "user" && typeof message.content === "string") {
        promptIndex = index;
        prompt = message.content;
      }
      return;
    }
    const typed = message.content.find((block) => block.type === "text" && !isQueuedText(block.text));
    if (typed?.type === "text") {
      promptIndex = index;
      prompt = typed.text;
    }
  });
  const step = messages.slice(promptIndex + 1).filter((message) => message.role === "assistant").length;
  return { prompt, step };
}

/**
 * The hook the demo shows at work: a PostToolUse hook on edits, defined by lcc (no file of yours), that
 * adds a line of context the model reads after the tool's result — as a hook in .claude/settings.json would.
 */
export function demoHookSettings(): { path: string; scope: "user"; json: Record<string, unknown> } {
  const context =
    "demo hook: a PostToolUse hook saw this edit (yours go in .claude/settings.json; /hooks lists them)";
  const output = JSON.stringify({
    hookSpecificOutput: { hookEventName: "PostToolUse", additionalContext: context },
  });
  return {
    path: "(lcc demo)",
    scope: "user",
    json: {
      hooks: {
        PostToolUse: [{ matcher: "Write|Edit", hooks: [{ type: "command", command: `echo '${output}'` }] }],
      },
    },
  };
}
