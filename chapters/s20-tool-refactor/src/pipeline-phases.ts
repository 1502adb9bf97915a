// The phases every tool call passes, in the order s02's runToolCall runs them: one constant, so /tools, the
// docs and a test that drives the real pipeline all name the same order.

/** One phase: what it is called, the seam (AgentHooks field or step) that runs it, who fills it, what it decides. */
export interface PipelinePhase {
  name: string;
  /** The AgentHooks field a chapter plugs into, or the pipeline's own step ("validate", "run"). */
  seam: "validate" | "preToolUse" | "permission" | "run" | "postToolUse" | "shapeResult";
  /** The chapter that fills it in the lead's setup. */
  chapter: string;
  does: string;
}

/**
 * validate → PreToolUse hooks → permission → run → PostToolUse hooks → shape output (s02's tool-pipeline.ts).
 * A deny in validate, PreToolUse or permission ends the call with an is_error result; after run, a failing
 * hook keeps the tool's result and says so. A forwarded call (use_tool) passes them under its target's name.
 */
export const PIPELINE_PHASES: readonly PipelinePhase[] = [
  {
    name: "validate",
    seam: "validate",
    chapter: "s02",
    does: "the zod schema parses the input once; a bad field is answered with what to fix",
  },
  {
    name: "PreToolUse hooks",
    seam: "preToolUse",
    chapter: "s08",
    does: "command hooks may block, rewrite the input or allow (never past a deny rule)",
  },
  {
    name: "permission",
    seam: "permission",
    chapter: "s07",
    does: "deny rules → ask rules → mode → allow rules → ask the user",
  },
  {
    name: "run",
    seam: "run",
    chapter: "s02",
    does: "the tool runs with the turn's AbortSignal and its own timeout; a throw becomes an is_error result",
  },
  {
    name: "PostToolUse hooks",
    seam: "postToolUse",
    chapter: "s08",
    does: "hooks see the result and may add context",
  },
  {
    name: "shape output",
    seam: "shapeResult",
    chapter: "s06",
    does: "a long output is saved under .lcc/tool-results and previewed; every output is capped",
  },
];

/** "validate → PreToolUse hooks → … → shape output". */
export function describePipeline(phases: readonly PipelinePhase[] = PIPELINE_PHASES): string {
  return phases.map((phase) => phase.name).join(" → ");
}
