// The one error kind of the lane manager: a message for the model and the user that says what was refused
// and what to do. It is a ToolError, so the worktree_* tools (later) throw it as it is.
import { ToolError } from "@lcc/s02";

/** A lane operation was refused or failed; nothing the message does not mention was changed. */
export class WorktreeError extends ToolError {
  override name = "WorktreeError";
}
