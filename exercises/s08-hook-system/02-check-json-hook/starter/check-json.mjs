// A PostToolUse command hook in Claude Code's protocol: after a Write or Edit of a `.json` file, parses the
// file and, when it is not valid JSON, gives the model the parse error so that it fixes the file next.
import { readFileSync } from "node:fs";

const event = JSON.parse(readFileSync(0, "utf8"));
// TODO: when event.tool_input.file_path is a .json file the tool wrote (event.tool_response), read it from
// event.cwd and parse it; on a parse error print {"decision": "block", "reason": "…"} as JSON on stdout.
void event;
