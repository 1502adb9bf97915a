// Public surface of s20: the chapter (s19's setup on one router), the router and its table, the parallel
// dispatch, the pipeline's phases, the deferred built-ins, /tools.
export {
  createRouterSetup,
  createS20Chapter,
  LISTED_MCP_BYTES_MAX,
  type RouterSetup,
  type RouterSetupOptions,
} from "./agent.ts";
export { DEFERRED_BUILT_IN_TOOLS, deferBuiltIns, describeDeferredNames } from "./deferred-built-ins.ts";
export {
  createParallelDispatch,
  DEFAULT_MAX_CONCURRENCY,
  type ParallelDispatchOptions,
  runsInParallel,
} from "./parallel-dispatch.ts";
export { describePipeline, PIPELINE_PHASES, type PipelinePhase } from "./pipeline-phases.ts";
export { ROUTER_SECTION } from "./router-section.ts";
export {
  createToolRouter,
  type RouterEntry,
  type ToolRouter,
  type ToolRouterOptions,
  type ToolTraitFlags,
  TRAIT_NAMES,
  traitsOf,
} from "./tool-router.ts";
export {
  AGENT_TOOLS,
  BUILT_IN_TOOL_CHAPTERS,
  type SourceLookup,
  sourceLabel,
  type ToolSource,
  toolSourceOf,
} from "./tool-sources.ts";
export {
  createToolsCommand,
  describeRouterEntry,
  describeRouterTable,
  describeTraits,
  type LateToolsState,
} from "./tools-command.ts";
