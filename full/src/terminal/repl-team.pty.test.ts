import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { agentOfRequest } from "@lcc/s15";
import { requestIdIn } from "@lcc/s16";
import {
  assertPairingInvariant,
  createTempWorkspace,
  type RecordedRequest,
  reply,
  startFakeApi,
  text,
  toolUse,
} from "@lcc/testkit";
import { isCommandAvailable } from "@lcc/testkit/vitest";
import { afterAll, describe, expect, it } from "vitest";
import { isProcessAlive, launcherPath } from "../test-harness.ts";
import { createTmuxDriver } from "./tmux-driver.ts";

const hasTmux = isCommandAvailable("tmux", ["-V"]);
const { tmux, screen, waitUntil } = createTmuxDriver(`lcc-team-test-${process.pid}`);
const waitFor = (check: () => boolean, what: string, pane: string) => waitUntil(pane, check, what);

/** The lead starts bob then runs a long command; bob runs one until released, reports, and agrees to shut down. */
function script(request: RecordedRequest) {
  const id = `toolu_team_pty_${request.index}`;
  const latest = JSON.stringify(request.body.messages.at(-1) ?? "");
  if (agentOfRequest(request) === "bob") {
    if (latest.includes("shutdown_request"))
      return reply(
        toolUse("shutdown_response", { request_id: requestIdIn(request, "shutdown"), approve: true }, id),
      );
    if (latest.includes("tool_result")) return reply(text("The job is done."));
    // bob's job runs until the test writes bob.go (after the lead's Ctrl-C): still running when the key is pressed.
    return reply(
      toolUse(
        "bash",
        { command: "echo $$ > bob.pid; while [ ! -e bob.go ]; do sleep 0.05; done; echo done > bob.txt" },
        id,
      ),
    );
  }
  if (latest.includes("<team-inbox>")) return reply(text("Noted: bob finished the job."));
  if (latest.includes("joined the team"))
    return reply(toolUse("bash", { command: "echo $$ > lead.pid; sleep 30" }, id));
  return reply(toolUse("spawn_teammate", { name: "bob", role: "runner", prompt: "Run the job." }, id));
}

describe.skipIf(!hasTmux)("a team in the REPL in a real terminal", () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterAll(async () => {
    try {
      tmux("kill-server");
    } catch {
      // no server left
    }
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it("Ctrl-C stops the lead's turn only; bob's report wakes the prompt; Ctrl-D shuts bob down through the handshake", {
    timeout: 120_000,
  }, async () => {
    const workspace = await createTempWorkspace({ git: true });
    const fake = await startFakeApi({ script });
    cleanups.push(workspace.cleanup, () => fake.close());
    const command = [
      `cd '${workspace.dir}' &&`,
      "env -u ANTHROPIC_AUTH_TOKEN -u LCC_HOME -u INIT_CWD -u MODEL_ID -u NO_COLOR -u FORCE_COLOR",
      `ANTHROPIC_API_KEY=test-key ANTHROPIC_BASE_URL=${fake.baseURL} TERM=xterm-256color`,
      `'${process.execPath}' '${launcherPath}' --permission-mode bypassPermissions; echo "[exited $?]"; sleep 60`,
    ].join(" ");
    tmux("new-session", "-d", "-s", "team", "-x", "120", "-y", "50", command);
    const pane = "team:0.0";
    await waitFor(() => screen(pane).includes("/help for commands"), "the banner", pane);

    tmux("send-keys", "-t", pane, "start the team", "Enter");
    const leadPid = join(workspace.dir, "lead.pid");
    await waitFor(
      () => existsSync(leadPid) && readFileSync(leadPid, "utf8").trim() !== "",
      "the lead's command",
      pane,
    );
    await waitFor(
      () => screen(pane).includes("[bob] ⏺ bash(echo $$ > bob.pid"),
      "bob's tagged tool call",
      pane,
    );
    tmux("send-keys", "-t", pane, "C-c");
    await waitFor(() => screen(pane).includes("⏹ Interrupted"), "the interrupt", pane);
    expect(isProcessAlive(Number(readFileSync(leadPid, "utf8")))).toBe(false);

    // bob was not interrupted: released now, its job finishes and its report wakes the idle prompt.
    expect(existsSync(join(workspace.dir, "bob.txt"))).toBe(false);
    writeFileSync(join(workspace.dir, "bob.go"), "");
    await waitFor(() => existsSync(join(workspace.dir, "bob.txt")), "bob's job", pane);
    await waitFor(() => screen(pane).includes("Noted: bob finished the job."), "the lead woken by bob", pane);

    tmux("send-keys", "-t", pane, "/team", "Enter");
    await waitFor(() => /bob \(runner\) · idle/.test(screen(pane)), "/team", pane);

    tmux("send-keys", "-t", pane, "C-d");
    await waitFor(() => screen(pane).includes("[exited 0]"), "the exit", pane);
    expect(screen(pane)).toContain("shutting down 1 teammate: bob");
    const bob = fake.messageRequests().filter((request) => agentOfRequest(request) === "bob");
    expect(JSON.stringify(bob.at(-1)?.body.messages.at(-1))).toContain("shutdown_request");
    expect(isProcessAlive(Number(readFileSync(join(workspace.dir, "bob.pid"), "utf8")))).toBe(false);
    assertPairingInvariant(fake.requests);
  });
});
