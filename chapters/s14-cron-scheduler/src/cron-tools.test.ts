// The three tools and /cron as the model and the user see them: an invalid expression is an is_error
// with the parser's reason, the listing states the local time, an unknown id is refused with the known ones.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { reply, text, toolUse } from "@lcc/testkit";
import { useCleanups } from "@lcc/testkit/vitest";
import { describe, expect, it } from "vitest";
import { formatUtcOffset } from "./describe-job.ts";
import { MONDAY_0858, testAgentSetup } from "./test-agent.ts";

const addCleanup = useCleanups();
const start = testAgentSetup(addCleanup);
const offset = formatUtcOffset(MONDAY_0858);

/** The tool_result blocks of a request's last user message. */
function toolResults(request: { body: { messages: Array<{ content: unknown }> } }) {
  const content = request.body.messages.at(-1)?.content;
  return (Array.isArray(content) ? content : []) as Array<{ content: string; is_error?: boolean }>;
}

describe("the cron tools", () => {
  it("refuse an invalid expression with the parser's reason", async () => {
    const agent = await start({
      script: [reply(toolUse("cron_create", { cron: "61 * * * *", prompt: "x" })), reply(text("Sorry."))],
    });
    await agent.run("Schedule something odd.");
    const [result] = toolResults(agent.requests()[1]!);
    expect(result).toMatchObject({ is_error: true });
    expect(result?.content).toContain("Invalid cron expression '61 * * * *': Invalid value for minute: 61");
    expect(agent.cron().list().jobs).toEqual([]);
  });

  it("create, list with the local time now, and delete; an unknown id names the known ones", async () => {
    const agent = await start({
      script: [
        reply(
          toolUse("cron_create", { cron: "*/30 9-17 * * MON-FRI", prompt: "Look at CI", recurring: false }),
        ),
        reply(toolUse("cron_list", {})),
        reply(toolUse("cron_delete", { id: "nope" })),
        reply(toolUse("cron_delete", { id: "0000abcd" })),
        reply(text("Done.")),
      ],
      options: { newCronJobId: () => "0000abcd" },
    });
    await agent.run("Look at CI once, at the next half hour of working time, then show and remove it.");
    const requests = agent.requests();
    expect(toolResults(requests[1]!)[0]?.content).toBe(
      "Scheduled 0000abcd (*/30 9-17 * * MON-FRI, one-shot, this session only). Next fire: Mon 2026-01-05 09:00. " +
        `It is removed after it fires. Local time now: Mon 2026-01-05 08:58 (${offset}). Remove it with cron_delete {"id":"0000abcd"}.`,
    );
    expect(toolResults(requests[2]!)[0]?.content).toBe(
      [
        `Local time now: Mon 2026-01-05 08:58 (${offset}).`,
        "0000abcd  */30 9-17 * * MON-FRI  next Mon 2026-01-05 09:00  one-shot, this session only",
        "    Look at CI",
      ].join("\n"),
    );
    expect(toolResults(requests[3]!)[0]).toMatchObject({
      is_error: true,
      content: "No scheduled prompt has id 'nope'. Known ids: 0000abcd.",
    });
    expect(toolResults(requests[4]!)[0]?.content).toBe(
      'Deleted 0000abcd (*/30 9-17 * * MON-FRI): "Look at CI".',
    );
    expect(agent.cron().list().jobs).toEqual([]);
  });

  it("/cron lists the jobs with cron, next fire, kind and expiry", async () => {
    const agent = await start({ script: [] });
    await agent.cron().create({ cron: "0 9 * * *", prompt: "standup", recurring: true, durable: true });
    await agent.run("/cron");
    expect(agent.output()).toMatch(
      /Local time now: Mon 2026-01-05 08:58 \(UTC[+-]\d\d:\d\d\)\.\n[0-9a-f]{8} {2}0 9 \* \* \* {2}next Mon 2026-01-05 09:00 {2}recurring, durable, expires Mon 2026-01-12 08:58\n {4}standup\n/,
    );
  });

  it("/cron delete <id> removes a job, from cron.json too", async () => {
    const agent = await start({ script: [], options: { newCronJobId: () => "0000dddd" } });
    await agent.cron().create({ cron: "0 9 * * *", prompt: "standup", recurring: true, durable: true });
    await agent.run("/cron delete 0000dddd");
    expect(agent.output()).toContain('Deleted 0000dddd: "standup" (and from cron.json).\n');
    expect(agent.cron().list().jobs).toEqual([]);
    const stored = JSON.parse(await readFile(join(agent.workspace, ".lcc", "cron.json"), "utf8"));
    expect(stored.jobs).toEqual([]);
    await agent.run("/cron delete 0000dddd");
    expect(agent.output()).toContain("No scheduled prompt 0000dddd. /cron lists them.\n");
  });
});
