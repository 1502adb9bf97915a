// What the demo model reads back from a request: the tools it may call (listed, or deferred behind
// use_tool, s20), and the calls of the conversation with their results. Pure functions over the request.
import type { RecordedRequest } from "@lcc/testkit";
import { toolUse } from "@lcc/testkit";

/** The names of the tools listed in the request. */
export function listedTools(request: RecordedRequest): Set<string> {
  return new Set((request.body.tools ?? []).map((tool) => ("name" in tool ? tool.name : "")));
}

/**
 * A call of `name`: directly when the request lists it, else through `use_tool` (a deferred tool, s20)
 * when that is listed; undefined when neither.
 */
export function callTool(
  listed: ReadonlySet<string>,
  name: string,
  input: Record<string, unknown>,
  id: string,
): ReturnType<typeof toolUse> | undefined {
  if (listed.has(name)) return toolUse(name, input, id);
  if (listed.has("use_tool")) return toolUse("use_tool", { name, input }, id);
  return undefined;
}

/** One tool call of the conversation: the tool it reached (use_tool's target), its input and its result. */
export interface DemoCall {
  name: string;
  input: Record<string, unknown>;
  result?: { text: string; isError: boolean };
}

/** Every tool call of the conversation, in order, a forwarded one under its target's name. */
export function callsOf(request: RecordedRequest): DemoCall[] {
  const calls = new Map<string, DemoCall>();
  for (const message of request.body.messages ?? []) {
    if (typeof message.content === "string") continue;
    for (const block of message.content) {
      if (block.type === "tool_use") {
        const input = (block.input ?? {}) as Record<string, unknown>;
        const forwarded = block.name === "use_tool" && typeof input.name === "string";
        calls.set(block.id, {
          name: forwarded ? String(input.name) : block.name,
          input: forwarded ? ((input.input ?? {}) as Record<string, unknown>) : input,
        });
      }
      if (block.type === "tool_result") {
        const call = calls.get(block.tool_use_id);
        if (call) call.result = { text: textOfResult(block.content), isError: block.is_error === true };
      }
    }
  }
  return [...calls.values()];
}

/** Every tool result's text of the conversation, in order. */
export function resultTexts(request: RecordedRequest): string {
  const texts: string[] = [];
  for (const message of request.body.messages ?? []) {
    if (message.role !== "user" || typeof message.content === "string") continue;
    for (const block of message.content)
      if (block.type === "tool_result") texts.push(textOfResult(block.content));
  }
  return texts.join("\n");
}

function textOfResult(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .map((part: { type?: string; text?: string }) => (part.type === "text" ? (part.text ?? "") : ""))
    .join("\n");
}
