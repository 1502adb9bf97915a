// Public surface of s09.
export { createMemorySetup, createS09Chapter, type MemorySetup, type MemorySetupOptions } from "./agent.ts";
