// A PreToolUse command hook in Claude Code's protocol: refuses writes and edits to protected paths (`.env`
// files anywhere, anything under `migrations/`) with a reason the model reads. Run as `node protect-paths.mjs`.
import { readFileSync } from "node:fs";
import { relative, resolve, sep } from "node:path";

/** Workspace-relative paths (forward slashes) that the agent may not write. */
const PROTECTED = [/(^|\/)\.env(\.[\w.-]+)?$/, /^migrations\//];

const event = JSON.parse(readFileSync(0, "utf8"));
const file = event.tool_input?.file_path;
if (typeof file === "string") {
  // Judge the path as the tool will resolve it: `./migrations/../migrations/x.sql` is `migrations/x.sql`.
  const path = relative(event.cwd, resolve(event.cwd, file)).split(sep).join("/");
  if (PROTECTED.some((pattern) => pattern.test(path))) {
    const output = {
      hookSpecificOutput: {
        hookEventName: "PreToolUse",
        permissionDecision: "deny",
        permissionDecisionReason: `${path} is protected: migrations and .env files are changed by people, not by the agent.`,
      },
    };
    process.stdout.write(JSON.stringify(output));
  }
}
