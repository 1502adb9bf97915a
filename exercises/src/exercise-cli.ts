// Entry of `pnpm exercise` (root script): runs the exercise command on the real exercises/ folder.
// See exercise-command.ts for the commands and exercises/README.md for how exercises work.
import { runExerciseCommand } from "./exercise-command.ts";
import { createLayout } from "./exercises-layout.ts";

process.exitCode = await runExerciseCommand(process.argv.slice(2), { layout: createLayout() });
