import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["testkit/src/**/*.test.ts", "chapters/*/src/**/*.test.ts", "full/src/**/*.test.ts", "scripts/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: "forks",
  },
});
