// Public surface of s10.
export { createPromptSetup, createS10Chapter, type PromptSetup, type PromptSetupOptions } from "./agent.ts";
