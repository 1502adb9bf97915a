// How s15's events look: every teammate line starts with its name in its own colour, so several agents
// working at once stay readable; messages show sender, recipient and a preview.
import { summarizeInput } from "@lcc/chapter-kit";
import type { AgentEvent, EventRenderer } from "@lcc/s02";
import "./team-events.ts";

/** Foreground colours teammates take in turn (by name, so a name keeps its colour across spawns). */
const PALETTE = [36, 35, 33, 32, 34, 91, 96, 95];

/** The colour code of `name`: a stable pick from the palette. */
export function teammateColor(name: string): number {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return PALETTE[hash % PALETTE.length] ?? 36;
}

/** `color` false (NO_COLOR, not a terminal) gives the same lines without escape codes. */
export function createTeamRenderer(options: { color: boolean }): EventRenderer {
  const tag = (name: string) =>
    options.color ? `\u001b[${teammateColor(name)}m[${name}]\u001b[39m` : `[${name}]`;
  return (event) => {
    switch (event.type) {
      case "teammate_spawned":
        return [`${tag(event.name)} joined as ${event.role} · ${event.tools.length} tools`];
      case "teammate_state":
        if (event.state === "working") return [];
        return [`${tag(event.name)} ${event.state}${event.reason ? ` (${event.reason})` : ""}`];
      case "teammate_event":
        return renderTeammateEvent(tag(event.name), event.event);
      case "inbox_queued":
        // Delivery is silent: the message was shown when it was sent, and the model reads it next.
        return [];
      case "team_message": {
        const kind = event.kind === "message" ? "" : ` ${event.kind}`;
        return [`✉ ${event.from} → ${event.to}${kind}: ${preview(event.content, 100)}`];
      }
      default:
        return undefined;
    }
  };
}

function renderTeammateEvent(tag: string, event: AgentEvent): string[] {
  switch (event.type) {
    case "tool_start":
      return [`${tag} ⏺ ${event.name}(${summarizeInput(event.input, 60)})`];
    case "tool_end":
      return event.isError ? [`${tag}   ⎿ error: ${preview(event.output, 100)}`] : [];
    case "notice":
      return [`${tag} ${event.level === "warn" ? "⚠" : "·"} ${event.text}`];
    case "agent_end":
      return event.reason === "error"
        ? [`${tag} ⚠ its run failed: ${String(event.error ?? event.detail)}`]
        : [];
    default:
      return [];
  }
}

/** The first line of `text`, whitespace squeezed, cut at `max` characters. */
function preview(text: string, max: number): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
