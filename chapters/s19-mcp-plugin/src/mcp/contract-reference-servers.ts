// The client contract against two more reference servers a user is likely to configure: server-filesystem
// on a temp folder (list, read, a path outside refused) and server-memory with its graph in a temp file.
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, realpath, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type StartSubject, useSharedSubject } from "./contract-subject.ts";
import type { McpCallResult } from "./mcp-client.ts";
import type { StdioServerCommand } from "./server-process.ts";
import { filesystemCommand, memoryCommand } from "./test-servers.ts";

type StartStdio = (
  server: StdioServerCommand,
  options: Parameters<StartSubject>[0],
) => ReturnType<StartSubject>;

function textOf(result: McpCallResult): string {
  return result.content.map((block) => (block.type === "text" ? block.text : `[${block.type}]`)).join("\n");
}

/** Registers the filesystem and memory blocks for a stdio client. */
export function describeReferenceServersContract(startStdio: StartStdio): void {
  let folder = "";
  beforeAll(async () => {
    folder = await realpath(await mkdtemp(join(tmpdir(), "lcc-mcp-reference-")));
    await mkdir(join(folder, "shared", "sub"), { recursive: true });
    await writeFile(join(folder, "shared", "notes.txt"), "hello from the filesystem\n");
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  describe("against server-filesystem", () => {
    const subject = useSharedSubject(() => startStdio(filesystemCommand(join(folder, "shared")), {}));

    it("lists a directory and reads a text file in the allowed folder", async () => {
      const { client } = subject();
      const names = (await client.listTools()).map((tool) => tool.name);
      expect(names).toEqual(expect.arrayContaining(["list_directory", "read_text_file"]));
      const listing = await client.callTool("list_directory", { path: join(folder, "shared") });
      expect(listing.isError).toBe(false);
      expect(textOf(listing)).toContain("[FILE] notes.txt");
      expect(textOf(listing)).toContain("[DIR] sub");
      const file = await client.callTool("read_text_file", { path: join(folder, "shared", "notes.txt") });
      expect(textOf(file)).toBe("hello from the filesystem\n");
    });

    it("reports a path outside the allowed folder as an error result", async () => {
      const result = await subject().client.callTool("list_directory", { path: folder });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/denied|outside/i);
    });
  });

  describe("against server-memory", () => {
    const memoryFile = () => join(folder, "memory.jsonl");
    const subject = useSharedSubject(() => startStdio(memoryCommand(memoryFile()), {}));

    it("stores entities and reads them back from the graph, in the file it was given", async () => {
      const { client } = subject();
      const created = await client.callTool("create_entities", {
        entities: [{ name: "lcc", entityType: "project", observations: ["teaches coding agents"] }],
      });
      expect(created.isError).toBe(false);
      const graph = await client.callTool("read_graph", {});
      expect(textOf(graph)).toContain("teaches coding agents");
      expect(existsSync(memoryFile())).toBe(true);
    });
  });
}
