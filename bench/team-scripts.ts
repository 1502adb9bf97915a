// The fake model of the teams bench, driving lcc as the real model would: one agent running `sleep`, or a
// lead that spawns `idle` teammates with a one-reply task, then (once all reported) one that runs `sleep`.
import { type FakeReply, type RecordedRequest, reply, type Script, text, toolUse } from "@lcc/testkit";
import { teamScript } from "../chapters/s15-agent-teams/src/team-script.ts";
import { shutdownAnswer } from "../chapters/s16-team-protocols/src/protocol-script.ts";

/** The teammate that works while the tree is read. */
export const WORKER = "worker";

/** `mate1` … `mate<count>`: the teammates that finish a tiny task and go idle. */
export function idleNames(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `mate${index + 1}`);
}

const sleepCall = (seconds: number) => reply(toolUse("bash", { command: `sleep ${seconds}` }));

/** One agent, no team: the model has bash run `sleep <seconds>`, then answers. */
export function oneAgentScript(seconds: number): Script {
  return (request) => (request.body.messages.length === 1 ? sleepCall(seconds) : reply(text("Slept.")));
}

function spawnCall(name: string, prompt: string) {
  return toolUse("spawn_teammate", { name, role: "helper", prompt });
}

const newest = (request: RecordedRequest) => JSON.stringify(request.body.messages.at(-1)?.content ?? "");
const hasToolResult = (request: RecordedRequest) =>
  request.body.messages.some((message) => JSON.stringify(message.content).includes('"tool_result"'));

/**
 * A teammate: approves a shutdown request (the session's end), else runs `sleep` once when `works`, else
 * reports "<name> done." (a run that ends with text: it goes idle and its report reaches the lead).
 */
function teammate(name: string, works: boolean, seconds: number) {
  return (request: RecordedRequest): FakeReply => {
    if (newest(request).includes("shutdown_request")) return shutdownAnswer(true)(request);
    if (works && !hasToolResult(request)) return sleepCall(seconds);
    return reply(text(`${name} done.`));
  };
}

/**
 * The lead spawns `idle` teammates in its first reply (one spawn_teammate call each); once every one's
 * report is in its conversation, it spawns WORKER, which runs `sleep <seconds>`. Other turns answer "Noted."
 * With `idle` 0 the worker is spawned at once.
 */
export function teamSessionScript(idle: number, seconds: number): Script {
  const names = idleNames(idle);
  let workerSpawned = false;
  const spawnWorker = () => {
    workerSpawned = true;
    return reply(spawnCall(WORKER, "Run the long job."));
  };
  const lead = (request: RecordedRequest): FakeReply => {
    if (request.body.messages.length === 1)
      return names.length === 0
        ? spawnWorker()
        : reply(...names.map((name) => spawnCall(name, "Say you are done.")));
    const seen = JSON.stringify(request.body.messages);
    if (!workerSpawned && names.every((name) => seen.includes(`${name} done.`))) return spawnWorker();
    return reply(text("Noted."));
  };
  const agents = Object.fromEntries([
    ["lead", lead],
    ...names.map((name) => [name, teammate(name, false, seconds)]),
    [WORKER, teammate(WORKER, true, seconds)],
  ]);
  return teamScript(agents);
}
