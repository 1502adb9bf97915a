// The floor the bench holds lcc's per-turn figures against: an agent with nothing but fetch, a hand-written
// SSE parser and `bash -c` for each tool_use (plus, with BENCH_HOOK set, that command run as a hook first).
import { spawn } from "node:child_process";

const baseURL = process.env.ANTHROPIC_BASE_URL;
const hook = process.env.BENCH_HOOK;
const shell = process.env.SHELL || "/bin/sh";
const tools = [
  {
    name: "bash",
    description: "Run a shell command.",
    input_schema: { type: "object", properties: { command: { type: "string" } }, required: ["command"] },
  },
];
const messages = [{ role: "user", content: process.argv[2] ?? "Run the rounds." }];

/** Runs `program args`, `input` on stdin; resolves to its stdout and stderr together. */
function run(program, args, input) {
  return new Promise((resolve) => {
    const child = spawn(program, args, { stdio: ["pipe", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    child.stdin.on("error", () => {});
    child.stdin.end(input);
    child.once("close", () => resolve(output));
  });
}

/** POSTs the conversation with stream:true and folds the SSE frames into content blocks. */
async function ask() {
  const response = await fetch(`${baseURL}/v1/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-api-key": process.env.ANTHROPIC_API_KEY ?? "" },
    body: JSON.stringify({ model: "bench", max_tokens: 1024, stream: true, tools, messages }),
  });
  const blocks = [];
  const json = [];
  let stopReason = null;
  let buffer = "";
  for await (const chunk of response.body.pipeThrough(new TextDecoderStream())) {
    buffer += chunk;
    let end = buffer.indexOf("\n\n");
    while (end >= 0) {
      const data = buffer
        .slice(0, end)
        .split("\n")
        .find((line) => line.startsWith("data: "));
      buffer = buffer.slice(end + 2);
      end = buffer.indexOf("\n\n");
      if (!data) continue;
      const event = JSON.parse(data.slice(6));
      if (event.type === "content_block_start")
        [blocks[event.index], json[event.index]] = [event.content_block, ""];
      else if (event.delta?.type === "text_delta") blocks[event.index].text += event.delta.text;
      else if (event.delta?.type === "input_json_delta") json[event.index] += event.delta.partial_json;
      else if (event.type === "content_block_stop" && blocks[event.index].type === "tool_use")
        blocks[event.index].input = JSON.parse(json[event.index] || "{}");
      else if (event.type === "message_delta") stopReason = event.delta.stop_reason;
    }
  }
  return { blocks, stopReason };
}

for (;;) {
  const { blocks, stopReason } = await ask();
  messages.push({ role: "assistant", content: blocks });
  if (stopReason !== "tool_use") break;
  const results = [];
  for (const block of blocks.filter((each) => each.type === "tool_use")) {
    if (hook)
      await run(
        shell,
        ["-c", hook],
        JSON.stringify({ hook_event_name: "PreToolUse", tool_input: block.input }),
      );
    const output = await run("bash", ["-c", block.input.command], "");
    results.push({ type: "tool_result", tool_use_id: block.id, content: output });
  }
  messages.push({ role: "user", content: results });
}
