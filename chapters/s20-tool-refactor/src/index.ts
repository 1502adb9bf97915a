// Public surface of s20 (groundwork so far): the parallel dispatch for s02's dispatch seam.
export {
  createParallelDispatch,
  DEFAULT_MAX_CONCURRENCY,
  type ParallelDispatchOptions,
  runsInParallel,
} from "./parallel-dispatch.ts";
