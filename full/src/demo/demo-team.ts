// The demo's team tour (s15–s18), for a prompt that asks for a team: the lead puts three tasks on the
// board, makes a worktree lane (in a git repository), spawns two teammates who claim and do the tasks at
// the same time, then shuts them down through the handshake and removes the lane. Harmless: files go under
// the state folder or into the lane, and the lane (with its branch) is removed at the end.
import type { FakeReply, RecordedRequest } from "@lcc/testkit";
import { reply, text, toolUse } from "@lcc/testkit";
import { callsOf, callTool } from "./demo-results.ts";

/** A prompt that starts the team tour. */
export function asksForTeam(prompt: string): boolean {
  return /\bteam\b/i.test(prompt);
}

/** The lane the tour makes (and removes). */
export const DEMO_LANE = "demo-docs";

export interface TeamTourContext {
  /** The state folder relative to the workspace (".lcc"): the coder's files go under `<it>/demo-team/`. */
  stateFolder: string;
  isGit: boolean;
  /** A fresh tool_use id. */
  id: () => string;
  /** The tools the lead's request lists: a deferred team tool (s20) is called through use_tool. */
  listed: ReadonlySet<string>;
}

/** True when the lead can reach spawn_teammate: listed, or deferred behind use_tool (s20). */
export function canStartTeam(listed: ReadonlySet<string>): boolean {
  return listed.has("spawn_teammate") || listed.has("use_tool");
}

/** A call of the lead's team tool `name`, through use_tool when the request does not list it. */
function leadCall(context: TeamTourContext, name: string, input: Record<string, unknown>) {
  return callTool(context.listed, name, input, context.id()) ?? toolUse(name, input, context.id());
}

interface ToolCallResult {
  name: string;
  input: Record<string, unknown>;
  isError: boolean;
  text: string;
}

/** The lead's next reply of the tour, read from what it was just given. */
export function leadTeamReply(request: RecordedRequest, context: TeamTourContext): FakeReply {
  const { id } = context;
  const results = latestResults(request);
  const named = (name: string) => results.filter((result) => result.name === name);
  if (named("task_create").length > 0) {
    const ids = conversationText(request, "result").matchAll(/Created task #(\d+)/g);
    const [a, b, c] = [...ids].slice(-3).map((match) => Number(match[1]));
    if (!context.isGit) return spawnTeam(context, { coder: [a, b], writer: c, lane: false });
    return reply(
      text("A lane for the docs task: a real git worktree on its own branch (s18)."),
      leadCall(context, "worktree_create", { name: DEMO_LANE }),
    );
  }
  const lane = named("worktree_create")[0];
  if (lane) {
    const ids = [...conversationText(request, "result").matchAll(/Created task #(\d+)/g)].map((m) =>
      Number(m[1]),
    );
    const [a, b, c] = ids.slice(-3);
    return spawnTeam(context, { coder: [a, b], writer: c, lane: !lane.isError });
  }
  if (named("spawn_teammate").length > 0)
    return reply(
      text(
        "alice and bob now work at the same time as I do, each with its own conversation. Their messages and " +
          "final answers arrive here by themselves (/team shows who does what, /inbox what they said).",
      ),
    );
  if (named("shutdown_request").length > 0)
    return reply(
      text("Both were asked to shut down; each answers through the handshake (s16) before it stops."),
    );
  if (named("worktree_remove").length > 0) return reply(text(tourOver(true)));
  const latest = conversationText(request, "latest");
  if (latest.includes("<team-inbox>")) return inboxReply(request, context);
  // The team tools are deferred (s20): tool_search shows where they are, use_tool calls them.
  const search = context.listed.has("spawn_teammate")
    ? []
    : [toolUse("tool_search", { query: "teammate" }, id())];
  return reply(
    text(
      `A team, then (s15–s18). ${search.length > 0 ? "Its tools are not listed until needed (s20), so I look them up; " : ""}First the work, as tasks on the board (s12):`,
    ),
    ...search,
    toolUse(
      "task_create",
      { subject: "[coder] Demo: write greet.js", description: "A greet(name) function." },
      id(),
    ),
    toolUse(
      "task_create",
      { subject: "[coder] Demo: write greet.test.js", description: "A test for greet." },
      id(),
    ),
    toolUse("task_create", { subject: "[writer] Demo: write TEAM.md", description: "Who did what." }, id()),
  );
}

function spawnTeam(
  context: TeamTourContext,
  tasks: { coder: Array<number | undefined>; writer: number | undefined; lane: boolean },
): FakeReply {
  const [first, second] = tasks.coder;
  return reply(
    text("Two teammates: a coder for the two code tasks and a writer for the docs."),
    leadCall(context, "spawn_teammate", {
      name: "alice",
      role: "coder",
      prompt: `Claim task #${first} and do it, then task #${second}. Put files under ${context.stateFolder}/demo-team/.`,
    }),
    leadCall(context, "spawn_teammate", {
      name: "bob",
      role: "writer",
      prompt: `Claim task #${tasks.writer} and do it${tasks.lane ? " in your lane" : ` under ${context.stateFolder}/demo-team/`}.`,
      ...(tasks.lane ? { worktree: DEMO_LANE } : {}),
    }),
  );
}

/** A message from the team woke the lead: once every teammate went idle after its work, shut them down. */
function inboxReply(request: RecordedRequest, context: TeamTourContext): FakeReply {
  const all = conversationText(request, "all");
  const idle = (name: string) => new RegExp(`from=\\\\?"${name}\\\\?" kind=\\\\?"idle`).test(all);
  const asked = callsOf(request).some((call) => call.name === "shutdown_request");
  const approved = (all.match(/shutdown_response req_[0-9a-f]{16} approved/g) ?? []).length;
  if (!asked && idle("alice") && idle("bob"))
    return reply(
      text("Both report their tasks done. Time to shut the team down, through the handshake:"),
      leadCall(context, "shutdown_request", { teammate: "alice", reason: "the demo is over" }),
      leadCall(context, "shutdown_request", { teammate: "bob", reason: "the demo is over" }),
    );
  if (asked && approved >= 2 && laneWasMade(request))
    return reply(
      text("Both agreed and stopped. The lane goes too (its branch has no commits, so it is deleted):"),
      leadCall(context, "worktree_remove", { name: DEMO_LANE, force: true }),
    );
  return reply(text(approved >= 2 ? tourOver(false) : "Noted."));
}

/** The tour's last words: with the lane (made and removed), or without one (not a git repository, or refused). */
function tourOver(withLane: boolean): string {
  return (
    "The team tour is over: three tasks claimed and completed by two teammates working at once (s15, s17), " +
    (withLane
      ? "one of them in its own git worktree (s18), "
      : "without a worktree lane (s18 needs a git repository and your yes to worktree_create), ") +
    "both shut down through the handshake (s16). /tasks shows the board, /team the stopped teammates" +
    (withLane ? ", /worktrees the lane's events." : ".")
  );
}

/** True when this conversation's worktree_create call succeeded (a refused one came back as an error). */
function laneWasMade(request: RecordedRequest): boolean {
  return callsOf(request).some((call) => call.name === "worktree_create" && call.result?.isError === false);
}

/** A teammate's next reply: claim its tasks in turn, write a file for each, complete it; agree to shut down. */
export function teammateTeamReply(
  request: RecordedRequest,
  name: string,
  context: TeamTourContext,
): FakeReply {
  const { id } = context;
  const latest = conversationText(request, "latest");
  const shutdown = /shutdown_request (req_[0-9a-f]{16})/.exec(latest);
  if (shutdown) return reply(toolUse("shutdown_response", { request_id: shutdown[1], approve: true }, id()));
  const messages = request.body.messages ?? [];
  const first = messages[0];
  const prompt = typeof first?.content === "string" ? first.content : JSON.stringify(first?.content ?? "");
  const tasks = [...prompt.matchAll(/#(\d+)/g)].map((match) => Number(match[1]));
  const inLane = prompt.includes("in your lane");
  const [result] = latestResults(request);
  if (!result) return tasks[0] ? reply(toolUse("claim_task", { id: tasks[0] }, id())) : reply(text("Ready."));
  const current = Number(result.input.id ?? 0);
  if (result.name === "claim_task")
    return reply(
      toolUse(
        "write_file",
        {
          path: inLane ? "TEAM.md" : `${context.stateFolder}/demo-team/${fileFor(name, current)}`,
          content: `// written by ${name} for task #${current} (lcc demo)\n`,
        },
        id(),
      ),
    );
  if (result.name === "write_file") {
    const claimed = [
      ...conversationText(request, "all").matchAll(/"name":"claim_task","input":\{"id":(\d+)\}/g),
    ];
    const task = Number(claimed.at(-1)?.[1] ?? tasks[0]);
    return reply(toolUse("task_update", { id: task, status: "completed" }, id()));
  }
  if (result.name === "task_update") {
    const next = tasks[tasks.indexOf(current) + 1];
    if (next) return reply(toolUse("claim_task", { id: next }, id()));
    return reply(text(`Done: ${tasks.map((task) => `#${task}`).join(" and ")} completed.`));
  }
  return reply(text("Done for now."));
}

function fileFor(name: string, task: number): string {
  return `${name}-task-${task}.js`;
}

/** The tool calls the newest user message answers, with their results. */
function latestResults(request: RecordedRequest): ToolCallResult[] {
  const messages = request.body.messages ?? [];
  const last = messages.at(-1);
  const previous = messages.at(-2);
  if (last?.role !== "user" || typeof last.content === "string" || previous?.role !== "assistant") return [];
  const calls = typeof previous.content === "string" ? [] : previous.content;
  return last.content.flatMap((block) => {
    if (block.type !== "tool_result") return [];
    const call = calls.find(
      (candidate) => candidate.type === "tool_use" && candidate.id === block.tool_use_id,
    );
    if (call?.type !== "tool_use") return [];
    const content = typeof block.content === "string" ? block.content : JSON.stringify(block.content ?? "");
    // A call through use_tool (s20) counts as a call of its target.
    const input = call.input as Record<string, unknown>;
    const forwarded = call.name === "use_tool" && typeof input.name === "string";
    return [
      {
        name: forwarded ? String(input.name) : call.name,
        input: forwarded ? ((input.input ?? {}) as Record<string, unknown>) : input,
        isError: block.is_error === true,
        text: content,
      },
    ];
  });
}

/** The conversation as JSON text: every message, only tool results, or only the newest message. */
function conversationText(request: RecordedRequest, part: "all" | "result" | "latest"): string {
  const messages = request.body.messages ?? [];
  if (part === "latest") return JSON.stringify(messages.at(-1) ?? "");
  if (part === "all") return JSON.stringify(messages);
  return messages
    .flatMap((message) =>
      message.role === "user" && typeof message.content !== "string"
        ? message.content.flatMap((block) =>
            block.type === "tool_result"
              ? [typeof block.content === "string" ? block.content : JSON.stringify(block.content ?? "")]
              : [],
          )
        : [],
    )
    .join("\n");
}
