// A PreToolUse command hook in Claude Code's protocol: refuses writes and edits to protected paths (`.env`
// files anywhere, anything under `migrations/`) with a reason the model reads. Run as `node protect-paths.mjs`.
import { readFileSync } from "node:fs";

const event = JSON.parse(readFileSync(0, "utf8"));
// TODO: read event.tool_input.file_path; when it is a protected path, print a PreToolUse permissionDecision
// "deny" (with a permissionDecisionReason) as JSON on stdout. Printing nothing and exiting 0 allows the call.
void event;
