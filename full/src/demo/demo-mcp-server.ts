// The demo's bundled MCP server (a stdio process on @modelcontextprotocol/sdk's server API): three small
// read-only tools, so the demo tour calls an MCP tool with nothing but Node. JSON-RPC on stdio; run it alone
// with `node --import tsx full/src/demo/demo-mcp-server.ts` (the build makes it dist/demo-mcp-server.mjs).
import { createHash } from "node:crypto";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { z } from "zod";

/** The most text a tool reads (characters); longer input is refused with the limit named. */
const MAX_TEXT_CHARS = 1_000_000;

const server = new McpServer(
  { name: "lcc-demo", version: "1.0.0" },
  { instructions: "Small text utilities bundled with lcc's demo: word_count, now, checksum." },
);

const readOnly = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false };
const answer = (text: string) => ({ content: [{ type: "text" as const, text }] });
const refuse = (text: string) => ({ content: [{ type: "text" as const, text }], isError: true });

server.registerTool(
  "word_count",
  {
    title: "Word count",
    description: "Counts the words, lines and characters of a text (words are runs of non-space characters).",
    inputSchema: { text: z.string().describe("The text to count.") },
    annotations: readOnly,
  },
  ({ text }) => {
    if (text.length > MAX_TEXT_CHARS) return refuse(`text is longer than ${MAX_TEXT_CHARS} characters`);
    const words = text.split(/\s+/).filter(Boolean).length;
    const lines = text === "" ? 0 : text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
    const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;
    return answer(
      `${count(words, "word")}, ${count(lines, "line")}, ${count([...text].length, "character")}`,
    );
  },
);

server.registerTool(
  "now",
  {
    title: "Current time",
    description: "The current date and time: ISO 8601 in UTC, and in an IANA time zone when one is given.",
    inputSchema: {
      time_zone: z
        .string()
        .optional()
        .describe('An IANA time zone, e.g. "Europe/Paris" (default: UTC only).'),
    },
    annotations: { ...readOnly, idempotentHint: false },
  },
  ({ time_zone: timeZone }) => {
    const now = new Date();
    if (!timeZone) return answer(now.toISOString());
    try {
      const local = now.toLocaleString("sv-SE", { timeZone, timeZoneName: "short" });
      return answer(`${now.toISOString()} (${timeZone}: ${local})`);
    } catch {
      return refuse(`unknown time zone "${timeZone}" (use an IANA name such as "Asia/Tokyo")`);
    }
  },
);

server.registerTool(
  "checksum",
  {
    title: "Checksum",
    description: "The hex digest of a text's UTF-8 bytes: sha256 (default), sha1 or md5.",
    inputSchema: {
      text: z.string().describe("The text to hash."),
      algorithm: z.enum(["sha256", "sha1", "md5"]).optional().describe("Hash algorithm (default sha256)."),
    },
    annotations: readOnly,
  },
  ({ text, algorithm = "sha256" }) => {
    if (text.length > MAX_TEXT_CHARS) return refuse(`text is longer than ${MAX_TEXT_CHARS} characters`);
    return answer(`${algorithm} ${createHash(algorithm).update(text, "utf8").digest("hex")}`);
  },
);

// The client closing stdin ends the process; so does SIGTERM from a client that shuts servers down.
const transport = new StdioServerTransport();
transport.onclose = () => process.exit(0);
process.stdin.on("end", () => process.exit(0));
process.on("SIGTERM", () => process.exit(0));
await server.connect(transport);
