import { describe, expect, it } from "vitest";
import { canonicalJson, type EntryOrigin, fingerprintOf, parseServerEntry } from "./server-config.ts";

function setup(variables: Record<string, string> = {}) {
  const origin: EntryOrigin = { scope: "project", source: ".mcp.json", variables };
  return { parse: (name: string, raw: unknown) => parseServerEntry(name, raw, origin) };
}

describe("parseServerEntry", () => {
  it("reads an entry with a command and no type as a stdio server, args and env defaulting to empty", () => {
    const { parse } = setup();
    const server = parse("everything", { command: "npx" });
    expect(server).toMatchObject({
      name: "everything",
      scope: "project",
      source: ".mcp.json",
      config: { type: "stdio", command: "npx", args: [], env: {} },
    });
    expect(server.problem).toBeUndefined();
    expect(server.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it("keeps args, env and cwd of a stdio server and ignores fields it does not know", () => {
    const { parse } = setup();
    const server = parse("fs", {
      type: "stdio",
      command: "node",
      args: ["server.js"],
      env: { DEBUG: "1" },
      cwd: "/srv",
      description: "files",
    });
    expect(server.config).toEqual({
      type: "stdio",
      command: "node",
      args: ["server.js"],
      env: { DEBUG: "1" },
      cwd: "/srv",
    });
  });

  it('reads "http" and "streamable-http" as an http server with headers', () => {
    const { parse } = setup();
    const expected = { type: "http", url: "https://mcp.example.test/mcp", headers: { "X-Key": "k" } };
    expect(parse("a", { ...expected }).config).toEqual(expected);
    expect(parse("b", { ...expected, type: "streamable-http" }).config).toEqual(expected);
    expect(parse("c", { type: "http", url: "http://localhost:3000/mcp" }).config).toMatchObject({
      headers: {},
    });
  });

  it("says SSE is not supported", () => {
    const { parse } = setup();
    const server = parse("old", { type: "sse", url: "https://example.test/sse" });
    expect(server.problem).toMatch(/SSE transport is not supported/);
    expect(server.config).toBeUndefined();
  });

  it("names the missing command, a missing url and an unknown type", () => {
    const { parse } = setup();
    expect(parse("a", { args: [] }).problem).toBe('"command": required');
    expect(parse("b", { command: "" }).problem).toBe('"command": must not be empty');
    expect(parse("c", { type: "http" }).problem).toBe('"url": required');
    expect(parse("d", { url: "https://example.test" }).problem).toBe(
      'a server with a "url" needs "type": "http"',
    );
    expect(parse("e", { type: "ws", url: "ws://x" }).problem).toBe(
      'unsupported "type": "ws" (use "stdio" or "http")',
    );
  });

  it("names each field of the wrong type", () => {
    const { parse } = setup();
    expect(parse("a", { command: "x", args: ["ok", 3] }).problem).toBe(
      '"args.1": expected string, received number',
    );
    expect(parse("b", { command: "x", env: { A: true } }).problem).toMatch(/^"env.A": expected string/);
    expect(parse("c", { command: 42 }).problem).toBe('"command": expected string, received number');
    expect(parse("d", "npx server").problem).toMatch(/must be an object/);
    expect(parse("e", ["npx"]).problem).toMatch(/must be an object/);
  });

  it("refuses an empty name", () => {
    expect(setup().parse("", { command: "npx" }).problem).toBe("the server name is empty");
  });

  it("refuses a url that is not http or https after expansion", () => {
    const { parse } = setup({ BASE: "file:///etc" });
    expect(parse("a", { type: "http", url: "${BASE}/x" }).problem).toBe(
      '"url" must be http or https: file:///etc/x',
    );
    expect(parse("b", { type: "http", url: "not a url" }).problem).toBe('"url" is not a URL: not a url');
  });

  it("expands variables and names the ones without a value", () => {
    const { parse } = setup({ TOKEN: "t" });
    expect(
      parse("a", { type: "http", url: "https://x.test", headers: { A: "${TOKEN}" } }).config,
    ).toMatchObject({
      headers: { A: "t" },
    });
    expect(parse("b", { command: "${GITHUB_TOKEN}" }).problem).toBe(
      "missing environment variable GITHUB_TOKEN",
    );
    expect(parse("c", { command: "${A}", args: ["${B}"] }).problem).toBe(
      "missing environment variables A, B",
    );
  });

  it("never expands lcc's credentials into a workspace's server; the user's own config may use them", () => {
    const variables = { ANTHROPIC_API_KEY: "sk-ant-secret", ANTHROPIC_AUTH_TOKEN: "tok", HOME_DIR: "/h" };
    const entry = {
      command: "x",
      env: { KEY: "${ANTHROPIC_API_KEY}", TOKEN: "${ANTHROPIC_AUTH_TOKEN:-none}" },
    };
    const workspace: EntryOrigin = { scope: "project", source: ".mcp.json", variables, fromWorkspace: true };
    const refused = parseServerEntry("leak", entry, workspace);
    expect(refused.config).toBeUndefined();
    expect(refused.problem).toBe(
      "refers to ANTHROPIC_API_KEY, lcc's own credential: a server the workspace configures never gets it",
    );
    expect(JSON.stringify(refused)).not.toContain("sk-ant-secret");
    const ownTokenDefault = parseServerEntry(
      "quiet",
      { command: "x", env: { T: "${ANTHROPIC_AUTH_TOKEN:-none}" } },
      workspace,
    );
    expect(ownTokenDefault.config).toMatchObject({ env: { T: "none" } });
    const user: EntryOrigin = { scope: "user", source: "~/.claude.json", variables };
    expect(parseServerEntry("mine", entry, user).config).toMatchObject({
      env: { KEY: "sk-ant-secret", TOKEN: "tok" },
    });
  });

  it("marks an entry from the workspace only when its origin says so", () => {
    const origin: EntryOrigin = { scope: "plugin", source: "p", variables: {}, fromWorkspace: true };
    expect(parseServerEntry("a", { command: "x" }, origin).fromWorkspace).toBe(true);
    expect(setup().parse("a", { command: "x" }).fromWorkspace).toBeUndefined();
  });
});

describe("fingerprint", () => {
  it("is the same for the same expanded config whatever the key order", () => {
    const { parse } = setup({ DIR: "/d" });
    const one = parse("a", { command: "node", args: ["${DIR}"], env: { A: "1", B: "2" } });
    const two = parse("b", { env: { B: "2", A: "1" }, args: ["/d"], command: "node" });
    expect(one.fingerprint).toBe(two.fingerprint);
  });

  it("changes when the command, an argument or an expanded value changes", () => {
    const base = setup({ DIR: "/d" }).parse("a", { command: "node", args: ["${DIR}"] }).fingerprint;
    expect(setup({ DIR: "/d" }).parse("a", { command: "nodejs", args: ["${DIR}"] }).fingerprint).not.toBe(
      base,
    );
    expect(setup({ DIR: "/e" }).parse("a", { command: "node", args: ["${DIR}"] }).fingerprint).not.toBe(base);
  });

  it("is the sha256 of canonical JSON with sorted keys", () => {
    expect(canonicalJson({ b: [1, { d: 1, c: "x" }], a: null })).toBe('{"a":null,"b":[1,{"c":"x","d":1}]}');
    expect(fingerprintOf({})).toBe("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
  });
});
