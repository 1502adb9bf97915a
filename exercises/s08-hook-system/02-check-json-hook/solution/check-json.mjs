// A PostToolUse command hook in Claude Code's protocol: after a Write or Edit of a `.json` file, parses the
// file and, when it is not valid JSON, gives the model the parse error so that it fixes the file next.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";

const event = JSON.parse(readFileSync(0, "utf8"));
const file = event.tool_input?.file_path;
// A failed write changed nothing: only judge what the tool really wrote.
if (typeof file === "string" && file.endsWith(".json") && event.tool_response?.is_error === false) {
  try {
    JSON.parse(readFileSync(resolve(event.cwd, file), "utf8"));
  } catch (error) {
    const reason = `${file} is not valid JSON now (${error.message}). Fix it before anything else.`;
    process.stdout.write(JSON.stringify({ decision: "block", reason }));
  }
}
