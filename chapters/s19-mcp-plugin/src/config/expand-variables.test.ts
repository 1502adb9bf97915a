import { describe, expect, it } from "vitest";
import { expandServerVariables, expandVariables } from "./expand-variables.ts";

describe("expandVariables", () => {
  it("replaces ${NAME} with the variable's value", () => {
    expect(expandVariables("Bearer ${TOKEN}!", { TOKEN: "abc" })).toEqual({
      text: "Bearer abc!",
      missing: [],
    });
  });

  it("uses the default of ${NAME:-default} only when the variable is unset", () => {
    expect(expandVariables("${PORT:-8080}", {}).text).toBe("8080");
    expect(expandVariables("${PORT:-8080}", { PORT: "9000" }).text).toBe("9000");
    expect(expandVariables("[${EMPTY:-x}]", { EMPTY: "" }).text).toBe("[]");
  });

  it("keeps everything after the first :- as the default", () => {
    expect(expandVariables("${URL:-http://a:-b}", {}).text).toBe("http://a:-b");
    expect(expandVariables("${EMPTY_DEFAULT:-}", {}).text).toBe("");
  });

  it("lists a variable with no value and no default and leaves it as written", () => {
    expect(expandVariables("${A} ${B} ${C:-c}", { A: "a" })).toEqual({ text: "a ${B} c", missing: ["B"] });
  });

  it("leaves $NAME and other text alone", () => {
    expect(expandVariables("$HOME and ${ and }", { HOME: "/h" }).text).toBe("$HOME and ${ and }");
  });
});

describe("expandServerVariables", () => {
  it("expands the command, args and env values of a stdio server, never keys or cwd", () => {
    const variables = { BIN: "/usr/bin/node", DIR: "/data", KEY: "secret" };
    const result = expandServerVariables(
      {
        type: "stdio",
        command: "${BIN}",
        args: ["--root", "${DIR}"],
        env: { "${KEY}": "${KEY}" },
        cwd: "${DIR}",
      },
      variables,
    );
    expect(result).toEqual({
      config: {
        type: "stdio",
        command: "/usr/bin/node",
        args: ["--root", "/data"],
        env: { "${KEY}": "secret" },
        cwd: "${DIR}",
      },
      missing: [],
    });
  });

  it("expands the url and header values of an http server", () => {
    const result = expandServerVariables(
      {
        type: "http",
        url: "${BASE:-https://example.test}/mcp",
        headers: { Authorization: "Bearer ${TOKEN}" },
      },
      { TOKEN: "t0k" },
    );
    expect(result.config).toEqual({
      type: "http",
      url: "https://example.test/mcp",
      headers: { Authorization: "Bearer t0k" },
    });
  });

  it("names each missing variable once", () => {
    const result = expandServerVariables(
      { type: "stdio", command: "${A}", args: ["${A}", "${B}"], env: { X: "${C}" } },
      {},
    );
    expect(result.missing).toEqual(["A", "B", "C"]);
  });
});
