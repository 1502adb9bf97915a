// Fixture: a tiny MCP server (plain JSON-RPC over stdio) named by GUIDE_NAME whose initialize result carries
// GUIDE_INSTRUCTIONS as its `instructions` when set, with one tool, `ping_guide`. Not to be edited.
const name = process.env.GUIDE_NAME ?? "guide";
const instructions = process.env.GUIDE_INSTRUCTIONS;
const tools = [{ name: "ping_guide", description: "Answers pong.", inputSchema: { type: "object" } }];

const send = (message) => process.stdout.write(`${JSON.stringify({ jsonrpc: "2.0", ...message })}\n`);

function handle({ id, method, params = {} }) {
  if (id === undefined) return;
  if (method === "initialize")
    send({
      id,
      result: {
        protocolVersion: params.protocolVersion ?? "2025-06-18",
        capabilities: { tools: {} },
        serverInfo: { name, version: "1.0.0" },
        ...(instructions === undefined ? {} : { instructions }),
      },
    });
  else if (method === "tools/list") send({ id, result: { tools } });
  else if (method === "tools/call") send({ id, result: { content: [{ type: "text", text: "pong" }] } });
  else if (method === "ping") send({ id, result: {} });
  else send({ id, error: { code: -32601, message: `method not found: ${method}` } });
}

let pending = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => {
  pending += chunk;
  for (let newline = pending.indexOf("\n"); newline !== -1; newline = pending.indexOf("\n")) {
    const line = pending.slice(0, newline).trim();
    pending = pending.slice(newline + 1);
    if (line) handle(JSON.parse(line));
  }
});
process.stdin.on("end", () => process.exit(0));
