// The demo tour's steps for work that outlives a turn: a small task graph (s12) and a background command
// (s13) whose result arrives later — at the idle prompt, or, in `lcc -p`, by asking to wait for it.
import { type FakeReply, type RecordedRequest, reply, text, toolUse } from "@lcc/testkit";
import { resultTexts } from "./demo-results.ts";

/**
 * The command the tour runs in the background: a short "build", then a line of output. In the REPL it
 * outlasts the rest of the tour, so its result arrives at the idle prompt; `lcc -p` waits for it.
 */
export function demoBackgroundCommand(headless: boolean): string {
  return `sleep ${headless ? 1 : 4}; echo demo build finished`;
}

/** The tasks the tour creates (they stay in `.lcc/tasks`; /tasks shows them). */
export const DEMO_TASKS = ["Demo: read the scratch note", "Demo: tidy up the scratch note"] as const;

export interface WorkStepsOptions {
  tools: ReadonlySet<string>;
  /** `lcc -p`: the run ends with the turn, so the tour asks to wait for its background command. */
  headless: boolean;
  /** A fresh tool_use id. */
  id: () => string;
}

/** The plan lines these steps add (shown in the tour's todo list). */
export function workPlanItems(tools: ReadonlySet<string>): string[] {
  return [
    ...(tools.has("task_create") ? ["Track follow-ups as tasks"] : []),
    ...(tools.has("background_run") ? ["Start a build in the background"] : []),
  ];
}

/**
 * The steps, in order, for the tools this session has. Each step is built from the request it answers,
 * so ids the tools handed out (task #7, background b2) are read from the latest tool results.
 */
export function workSteps(options: WorkStepsOptions): Array<(request: RecordedRequest) => FakeReply> {
  const { tools, id } = options;
  const steps: Array<(request: RecordedRequest) => FakeReply> = [];
  if (tools.has("task_create") && tools.has("task_update")) {
    steps.push(
      () =>
        reply(
          text("Follow-ups go into the task graph (s12): it lives in .lcc/tasks and outlives this session."),
          toolUse("task_create", { subject: DEMO_TASKS[0] }, id()),
        ),
      (request) =>
        reply(toolUse("task_create", { subject: DEMO_TASKS[1], blockedBy: [createdTaskId(request)] }, id())),
      (request) =>
        reply(
          text("Completing the first task unblocks the second:"),
          toolUse("task_update", { id: createdTaskId(request, 2), status: "completed" }, id()),
        ),
    );
  }
  if (tools.has("background_run")) {
    steps.push(() =>
      reply(
        text(
          options.headless
            ? "A build in the background (s13); lcc -p ends with this turn, so I will wait for it:"
            : "A build in the background (s13): I go on, and its result arrives by itself when it ends:",
        ),
        toolUse("background_run", { command: demoBackgroundCommand(options.headless) }, id()),
      ),
    );
    if (options.headless && tools.has("background_check"))
      steps.push((request) =>
        reply(toolUse("background_check", { id: startedBackgroundId(request), wait_ms: 10_000 }, id())),
      );
  }
  return steps;
}

/** The summary's lines about these steps (`request`: the one the summary answers). */
export function workSummary(tools: ReadonlySet<string>, headless: boolean, request: RecordedRequest): string {
  const tasks = tools.has("task_create")
    ? "Two tasks are in the task graph (.lcc/tasks): /tasks shows them; completing the first made the second ready.\n"
    : "";
  const background = !tools.has("background_run")
    ? ""
    : headless
      ? "The background build finished while I waited for it (background_check with wait_ms).\n"
      : backgroundResultArrived(request)
        ? "The background build already finished: its result joined one of my requests by itself (/bg shows its log).\n"
        : "The background build is still running: its result will arrive at the prompt by itself in a moment.\n";
  return tasks + background;
}

/** True when a background result already joined a user message of this conversation. */
function backgroundResultArrived(request: RecordedRequest): boolean {
  return (request.body.messages ?? []).some(
    (message) =>
      message.role === "user" &&
      typeof message.content !== "string" &&
      message.content.some((block) => block.type === "text" && block.text.startsWith("<background-results>")),
  );
}

/** True when the request answers queued work only: a background result woke the idle agent. */
export function isBackgroundWake(request: RecordedRequest): boolean {
  const last = request.body.messages?.at(-1);
  if (last?.role !== "user" || typeof last.content === "string") return false;
  return (
    last.content.length > 0 &&
    last.content.every((block) => block.type === "text" && isQueuedText(block.text))
  );
}

/** Text the harness added to a user message (reminders, background results, team mail), not typed by the user. */
export function isQueuedText(value: string): boolean {
  return (
    value.startsWith("<system-reminder>") ||
    value.startsWith("<background-results>") ||
    value.startsWith("<team-inbox>")
  );
}

/** The short answer to a background result that woke the agent at the idle prompt. */
export function backgroundWakeReply(request: RecordedRequest): FakeReply {
  const last = JSON.stringify(request.body.messages?.at(-1) ?? "");
  const job = /id=\\"(b\d+)\\"/.exec(last)?.[1] ?? "the background command";
  return reply(
    text(
      `The background build ${job} finished and its result arrived by itself, at the idle prompt: ` +
        "lcc ran this turn for it. /bg lists background commands with the tail of their logs.",
    ),
  );
}

/** The id of the `nth`-latest task the conversation created (`Created task #7` in a tool result). */
function createdTaskId(request: RecordedRequest, nth = 1): number {
  const found = [...resultTexts(request).matchAll(/Created task #(\d+)/g)];
  return Number(found.at(-nth)?.[1] ?? 1);
}

/** The id of the latest background command the conversation started (`Started b2 in the background`). */
function startedBackgroundId(request: RecordedRequest): string {
  const found = [...resultTexts(request).matchAll(/Started (b\d+) in the background/g)];
  return found.at(-1)?.[1] ?? "b1";
}
