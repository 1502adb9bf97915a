import { defineConfig } from "vitest/config";

// Runs exercise tests: a learner's copy under work/, and `pnpm exercise --verify`'s starter and solution
// copies under verify-runs/ (both gitignored). The exercises' own runner is tested by the root config.
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ["work/**/*.test.ts", "verify-runs/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: "forks",
    maxWorkers: 2,
  },
});
