// The s13 demo and end-to-end scenario: the model starts the build in the background and answers at
// once; the build's result arrives at the idle prompt and wakes the agent; /bg shows the finished build.
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DemoScenario } from "@lcc/chapter-kit";
import { type FakeReply, type RecordedRequest, reply, text, toolUse } from "@lcc/testkit";
import type { BackgroundSetupOptions } from "./agent.ts";

/** No real ~/.claude or ~/.lcc in the demo; the build runs without a question (the demo has no terminal; background_run is judged as bash). */
export const s13DemoOptions: BackgroundSetupOptions = {
  home: join(tmpdir(), "lcc-s13-demo-home"),
  permissions: { mode: "acceptEdits", allowedTools: ["Bash(sh build.sh)"] },
};

export const DEMO_PROMPT = "Build the project in the background and tell me when it is done.";

/** A build that takes about a second and writes dist/app.js. */
const buildScript = `#!/bin/sh
echo "compiling src/app.ts"
sleep 1
mkdir -p dist
echo 'console.log("hello")' > dist/app.js
echo "wrote dist/app.js (1 module)"
`;

/** The result the woken turn's request carries, as the scripted model reads it. */
function backgroundResultOf(request: RecordedRequest): string | undefined {
  const last = JSON.stringify(request.body.messages.at(-1)?.content ?? "");
  return /<result id=\\"b1\\" status=\\"(\w+)\\" exit_code=\\"(\d+)\\"/.exec(last)?.slice(1).join(" · exit ");
}

/** A fresh scenario (its scripted model keeps a position, so each run needs its own). */
export function createS13Scenario(): DemoScenario {
  const steps: Array<(request: RecordedRequest) => FakeReply> = [
    () =>
      reply(
        text("Starting the build in the background."),
        toolUse("background_run", { command: "sh build.sh" }),
      ),
    () => reply(text("The build runs as b1. I will tell you when it finishes; ask me anything meanwhile.")),
    (request) => {
      const result = backgroundResultOf(request);
      return reply(
        text(
          result
            ? `The build finished (b1 ${result}): it wrote dist/app.js.`
            : "(the scripted model expected the build's result here)",
        ),
      );
    },
  ];
  let position = 0;
  return {
    files: { "build.sh": buildScript },
    prompts: [DEMO_PROMPT, { waitForWake: true }, "/bg"],
    script: (request) =>
      steps[position++]?.(request) ?? reply(text("(the scripted model has nothing more to say)")),
  };
}
