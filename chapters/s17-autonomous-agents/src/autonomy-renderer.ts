// How s17's event looks: "[alice] ⚑ claimed #3 Write the parser (while idle)", the name in its s15 colour.
import type { EventRenderer } from "@lcc/s02";
import { teammateColor } from "@lcc/s15";
import "./autonomy-events.ts";

/** `color` false (NO_COLOR, not a terminal) gives the same line without escape codes. */
export function createAutonomyRenderer(options: { color: boolean }): EventRenderer {
  return (event) => {
    if (event.type !== "task_claimed") return undefined;
    const tag = options.color
      ? `\u001b[${teammateColor(event.name)}m[${event.name}]\u001b[39m`
      : `[${event.name}]`;
    const how = event.via === "idle" ? " (while idle)" : "";
    return [`${tag} ⚑ claimed #${event.id} ${event.subject}${how}`];
  };
}
