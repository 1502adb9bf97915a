import { defineConfig } from "vitest/config";

// One run covers every package. CI asks for a JSON report too (VITEST_JSON_REPORT) to print its summary line.
const jsonReport = process.env.VITEST_JSON_REPORT;

export default defineConfig({
  test: {
    include: [
      "testkit/src/**/*.test.ts",
      "chapter-kit/src/**/*.test.ts",
      "chapters/*/src/**/*.test.ts",
      "full/src/**/*.test.ts",
      "full/scripts/**/*.test.ts",
      "scripts/**/*.test.ts",
      "exercises/src/**/*.test.ts",
    ],
    // lcc's bundle, built once from the current sources (tests that start lcc run it).
    globalSetup: ["scripts/build-lcc-bundle.setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: "forks",
    isolate: false,
    maxWorkers: 2,
    ...(jsonReport ? { reporters: ["default", "json"], outputFile: { json: jsonReport } } : {}),
  },
});
