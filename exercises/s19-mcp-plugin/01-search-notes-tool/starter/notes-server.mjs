// EXERCISE (s19 01): a tiny MCP server (plain JSON-RPC over stdio, no SDK) that keeps notes in memory. It has
// add_note; add a read-only `search_notes {query}` tool: listed by tools/list, answered by tools/call.
const tools = [
  {
    name: "add_note",
    description: "Saves a short note for later in this session.",
    inputSchema: {
      type: "object",
      properties: { text: { type: "string", description: "The note." } },
      required: ["text"],
    },
  },
];

/** The notes saved so far, in order (#1 is the first). */
const notes = [];

const send = (message) => process.stdout.write(`${JSON.stringify({ jsonrpc: "2.0", ...message })}\n`);
const text = (value) => ({ content: [{ type: "text", text: value }] });

/** The result of tools/call for `name` with `args`, or undefined for a tool this server does not have. */
function callTool(name, args) {
  if (name === "add_note") {
    notes.push(String(args.text));
    return text(`Saved note #${notes.length}.`);
  }
  return undefined;
}

function handle({ id, method, params = {} }) {
  if (id === undefined) return; // a notification: nothing to answer
  if (method === "initialize")
    send({
      id,
      result: {
        protocolVersion: params.protocolVersion ?? "2025-06-18",
        capabilities: { tools: {} },
        serverInfo: { name: "notes", version: "1.0.0" },
      },
    });
  else if (method === "tools/list") send({ id, result: { tools } });
  else if (method === "tools/call") {
    const result = callTool(params.name, params.arguments ?? {});
    if (result) send({ id, result });
    else send({ id, error: { code: -32602, message: `unknown tool: ${params.name}` } });
  } else if (method === "ping") send({ id, result: {} });
  else send({ id, error: { code: -32601, message: `method not found: ${method}` } });
}

// One JSON-RPC message per line (MCP's stdio transport).
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
