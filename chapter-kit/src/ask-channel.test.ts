// The ask channel shows one question at a time, so concurrent askers (s15's teammates) never share a prompt.
import { describe, expect, it } from "vitest";
import { type AskAnswer, type AskRequest, createAskChannel } from "./ask.ts";
import { describeQuestion } from "./repl.ts";

const question = (source: string): AskRequest => ({
  source,
  question: "Allow?",
  choices: [
    { key: "y", label: "yes" },
    { key: "n", label: "no" },
  ],
});

describe("the ask channel", () => {
  it("shows the next question only after the previous one was answered", async () => {
    const channel = createAskChannel();
    const shown: string[] = [];
    const answers: Array<(answer: AskAnswer) => void> = [];
    channel.serve(
      (request) =>
        new Promise((resolve) => {
          shown.push(request.source);
          answers.push(resolve);
        }),
    );
    const signal = new AbortController().signal;
    const first = channel.ask(question("alice"), signal);
    const second = channel.ask(question("bob"), signal);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(shown).toEqual(["alice"]);
    answers[0]?.({ kind: "choice", key: "y" });
    expect(await first).toEqual({ kind: "choice", key: "y" });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(shown).toEqual(["alice", "bob"]);
    answers[1]?.({ kind: "choice", key: "n" });
    expect(await second).toEqual({ kind: "choice", key: "n" });
  });

  it("refuses without showing a question whose signal aborted while it waited", async () => {
    const channel = createAskChannel();
    const shown: string[] = [];
    let answerFirst: (answer: AskAnswer) => void = () => {};
    channel.serve(
      (request) =>
        new Promise((resolve) => {
          shown.push(request.source);
          answerFirst = resolve;
        }),
    );
    const first = channel.ask(question("alice"), new AbortController().signal);
    const interrupted = new AbortController();
    const second = channel.ask(question("bob"), interrupted.signal);
    interrupted.abort();
    await new Promise((resolve) => setTimeout(resolve, 10));
    answerFirst({ kind: "choice", key: "y" });
    await first;
    expect(await second).toEqual({ kind: "unavailable", reason: "the turn was interrupted" });
    expect(shown).toEqual(["alice"]);
  });
});

describe("describeQuestion (the line REPL's question box)", () => {
  const question = {
    source: "permission",
    question: "Allow bash(ls)?",
    choices: [
      { key: "y", label: "yes" },
      { key: "n", label: "no" },
    ],
  };
  it("invites text after the choice only for a question that takes text", () => {
    expect(describeQuestion({ ...question, takesText: true })).toContain("text after it goes along");
    expect(describeQuestion(question)).not.toContain("text after it goes along");
    expect(describeQuestion(question).split("\n").at(-1)).toBe("╰─ answer with a number or a key");
  });
});
