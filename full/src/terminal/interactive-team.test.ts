// lcc's REPL with a team (s15–s16): /team lists the teammates, and leaving lcc shuts every teammate down
// through the handshake (asked first, then stopped), says so, and exits 0.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { requestsOf, teamScript } from "@lcc/s15";
import { shutdownAnswer } from "@lcc/s16";
import {
  assertPairingInvariant,
  createTempWorkspace,
  reply,
  startFakeApi,
  text,
  toolUse,
} from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { runLcc } from "../test-harness.ts";

const addCleanup = useCleanups();

describe("lcc's REPL with a team", () => {
  it("lists the team with /team and, at exit, asks each teammate to shut down before stopping it", {
    timeout: 60_000,
  }, async () => {
    const workspace = await createTempWorkspace();
    const fake = await startFakeApi({
      script: teamScript({
        lead: [
          reply(toolUse("spawn_teammate", { name: "bob", role: "runner", prompt: "Say you are ready." })),
          reply(text("Bob joined.")),
        ],
        bob: [reply(text("Ready.")), shutdownAnswer(true), reply(text("Shutting down."))],
      }),
    });
    addCleanup(workspace.cleanup, () => fake.close());
    const run = await runLcc({
      args: [],
      cwd: workspace.dir,
      baseURL: fake.baseURL,
      stdin: "start bob\n/team\n",
    });
    expect(run.code).toBe(0);
    // bob's own lines (its report, going idle) may arrive between the command and its answer.
    expect(run.stdout).toMatch(/❯ \/team\n(?:.*\n)*? {2}bob \(runner\) · (working|idle)\n/);
    expect(run.stdout).toContain("lcc: shutting down 1 teammate: bob (each is asked first, then stopped)");
    const bob = requestsOf(fake.messageRequests(), "bob");
    expect(JSON.stringify(bob.at(-1)?.body.messages)).toContain("shutdown_response");
    const keys = JSON.parse(readFileSync(join(workspace.dir, ".lcc", "team", "kv.json"), "utf8")) as {
      values: Record<string, string>;
    };
    expect(JSON.parse(keys.values["member:bob"] ?? "{}")).toMatchObject({ state: "stopped" });
    assertPairingInvariant(fake.requests);
  });
});
