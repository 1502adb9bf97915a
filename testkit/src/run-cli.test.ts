// runCli runs real child processes: stdin lines in, output and exit code out, hung children killed.

import { describe, expect, it, onTestFinished } from "vitest";
import { runCli } from "./run-cli.ts";
import { createTempWorkspace } from "./temp-workspace.ts";

const ECHO_LINES = `
const lines = [];
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => lines.push(chunk));
process.stdin.on("end", () => {
  console.log(lines.join("").split("\\n").filter(Boolean).map((line) => "> " + line).join("\\n"));
  console.error("cwd=" + process.cwd() + " key=" + (process.env.ANTHROPIC_API_KEY ?? "none") + " extra=" + process.env.EXTRA);
  process.exit(3);
});
`;

async function setup() {
  const workspace = await createTempWorkspace();
  onTestFinished(() => workspace.cleanup());
  return workspace;
}

describe("runCli", () => {
  it("feeds stdin lines, then closes stdin, and collects output and exit code", async () => {
    const { dir } = await setup();
    const result = await runCli({
      command: process.execPath,
      args: ["-e", ECHO_LINES],
      cwd: dir,
      env: { EXTRA: "yes" },
      stdin: ["first", "second"],
    });

    expect(result.stdout).toBe("> first\n> second\n");
    expect(result.stderr).toContain(`cwd=${dir}`);
    expect(result.stderr).toContain("extra=yes");
    expect(result.code).toBe(3);
    expect(result.signal).toBeNull();
  });

  it("does not pass the developer's ANTHROPIC_ variables to the child", async () => {
    const { dir } = await setup();
    process.env.ANTHROPIC_API_KEY = "sk-real-key";
    onTestFinished(() => {
      delete process.env.ANTHROPIC_API_KEY;
    });
    const result = await runCli({ command: process.execPath, args: ["-e", ECHO_LINES], cwd: dir });

    expect(result.stderr).toContain("key=none");
  });

  it("kills a hung child's process group on timeout and rejects with its output", async () => {
    const { dir } = await setup();
    const hang = `console.log("started"); require("node:child_process").spawn("sleep", ["30"], { stdio: "inherit" }); setInterval(() => {}, 1000);`;
    const run = runCli({ command: process.execPath, args: ["-e", hang], cwd: dir, timeoutMs: 500 });

    await expect(run).rejects.toThrow(/timed out after 500 ms[\s\S]*started/);
  });
});
