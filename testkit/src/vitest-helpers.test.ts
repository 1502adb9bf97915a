// The vitest helpers: cleanups run after each test in reverse order, output is captured, and the fake
// model's client reaches the fake with the settings it was given.

import { access } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { reply, text } from "./builders.ts";
import {
  abortWhen,
  captureOutput,
  createFakeClient,
  isCommandAvailable,
  startFakeModel,
  useCleanups,
} from "./vitest-helpers.ts";

const addCleanup = useCleanups();
const ran: string[] = [];

describe("useCleanups", () => {
  it("collects cleanups during a test", () => {
    addCleanup(
      () => ran.push("first"),
      async () => {
        ran.push("second");
      },
    );
    addCleanup(() => ran.push("third"));
    expect(ran).toEqual([]);
  });

  it("ran them after the previous test, last added first", () => {
    expect(ran).toEqual(["third", "second", "first"]);
  });
});

describe("captureOutput", () => {
  it("keeps strings and buffers written to it, in order", () => {
    const output = captureOutput();
    output.write("héllo ");
    output.write(Buffer.from("wörld", "utf8"));
    expect(output.text()).toBe("héllo wörld");
  });
});

describe("abortWhen", () => {
  it("aborts once the condition holds, after the delay", async () => {
    let ready = false;
    const signal = abortWhen(() => ready, 30);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(signal.aborted).toBe(false);
    ready = true;
    const started = Date.now();
    await new Promise((resolve) => signal.addEventListener("abort", resolve));
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  });
});

describe("createFakeClient and startFakeModel", () => {
  it("point a retry-free client at the fake with the given model settings", async () => {
    const model = await startFakeModel({
      script: [reply(text("hi"))],
      files: { "a.txt": "a\n" },
      model: "claude-other",
      maxTokens: 99,
    });
    addCleanup(model.cleanup);
    expect(model.config).toEqual({
      apiKey: "test-key",
      baseURL: model.fake.baseURL,
      model: "claude-other",
      maxTokens: 99,
    });
    expect(model.client.maxRetries).toBe(0);
    await access(`${model.workspace}/a.txt`);
    const answer = await model.client.messages.create({
      model: model.config.model,
      max_tokens: model.config.maxTokens,
      messages: [{ role: "user", content: "hello" }],
    });
    expect(answer.content).toEqual([{ type: "text", text: "hi" }]);
    expect(model.fake.messageRequests()[0]?.headers.authorization).toBe("Bearer test-key");
  });

  it("closes the fake and removes the workspace on cleanup", async () => {
    const model = await startFakeModel({ script: [] });
    await model.cleanup();
    await expect(access(model.workspace)).rejects.toThrow();
    await expect(createFakeClient(model.fake).client.models.list()).rejects.toThrow();
  });
});

describe("isCommandAvailable", () => {
  it("tells a command that runs from one that does not exist", () => {
    expect(isCommandAvailable(process.execPath)).toBe(true);
    expect(isCommandAvailable("lcc-no-such-command")).toBe(false);
  });
});
