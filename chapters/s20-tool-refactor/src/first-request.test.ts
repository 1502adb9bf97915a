// The first request of the s20 agent (every chapter's capability on): the deferred built-ins are left out of
// its tool list, which keeps it within CURRICULUM §8's 25 KB, and what they save is what they cost.
import { type Tool, toApiTool } from "@lcc/s02";
import { reply, text } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { DEFERRED_BUILT_IN_TOOLS } from "./deferred-built-ins.ts";
import { testRouterSetup } from "./test-agent.ts";

const start = testRouterSetup(useCleanups());
/** CURRICULUM §8: the first request with every capability on (KB = 1024 bytes). */
const FIRST_REQUEST_MAX_BYTES = 25 * 1024;

async function firstRequest(deferredBuiltIns?: Readonly<Record<string, string>>) {
  const session = await start({
    script: [reply(text("Hello."))],
    ...(deferredBuiltIns ? { options: { deferredBuiltIns } } : {}),
  });
  await session.run("Say hello.");
  const [request] = session.requests();
  const tools = (request!.body.tools ?? []) as Array<{ name: string }>;
  return {
    bytes: Buffer.byteLength(JSON.stringify(request!.body)),
    names: tools.map((tool) => tool.name),
    registered: session.setup().tools as Tool[],
  };
}

describe("the first request", () => {
  it("leaves the deferred built-ins out and stays within 25 KB", async () => {
    const { bytes, names, registered } = await firstRequest();
    for (const name of Object.keys(DEFERRED_BUILT_IN_TOOLS)) expect(names, name).not.toContain(name);
    for (const name of ["bash", "read_file", "edit_file", "todo_write", "agent", "task_create", "load_skill"])
      expect(names, name).toContain(name);
    // Still registered: use_tool (and a direct call) reach them.
    for (const name of Object.keys(DEFERRED_BUILT_IN_TOOLS))
      expect(registered.find((tool) => tool.name === name)?.deferred, name).toBe(true);
    expect(bytes).toBeLessThanOrEqual(FIRST_REQUEST_MAX_BYTES);
  });

  it("is smaller by what the deferred tools' definitions weigh", async () => {
    const deferred = await firstRequest();
    const listed = await firstRequest({});
    const weight = listed.registered
      .filter((tool) => Object.hasOwn(DEFERRED_BUILT_IN_TOOLS, tool.name))
      .reduce((sum, tool) => sum + Buffer.byteLength(JSON.stringify(toApiTool(tool))) + 1, 0);
    expect(listed.names).toEqual(expect.arrayContaining(Object.keys(DEFERRED_BUILT_IN_TOOLS)));
    // What tool_search's description adds back (the names it finds) is far less than what is saved.
    expect(listed.bytes - deferred.bytes).toBeGreaterThan(weight * 0.75);
    expect(listed.bytes - deferred.bytes).toBeLessThanOrEqual(weight);
  });
});
