// Piped stdin for `lcc -p`: a slow producer is read to the end once it starts; an open, silent stdin
// is given up on after the first-byte wait.
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { PIPED_FIRST_BYTE_WAIT_MS, readStdin } from "./read-stdin.ts";

describe("readStdin", () => {
  it("reads a producer that starts after a few hundred milliseconds to the end", async () => {
    const stdin = new PassThrough();
    setTimeout(() => stdin.write("diff --git a/x b/x\n"), 300);
    setTimeout(() => stdin.end("+added line\n"), 1500);
    const text = await readStdin(stdin, { firstByteTimeoutMs: PIPED_FIRST_BYTE_WAIT_MS });
    expect(text).toBe("diff --git a/x b/x\n+added line\n");
  });

  it("goes on without input when an open stdin stays silent past the first-byte wait", async () => {
    const stdin = new PassThrough();
    const started = Date.now();
    expect(await readStdin(stdin, { firstByteTimeoutMs: 100 })).toBe("");
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("without a first-byte wait, reads everything until end of input", async () => {
    const stdin = new PassThrough();
    setTimeout(() => stdin.end("whole prompt"), 200);
    expect(await readStdin(stdin)).toBe("whole prompt");
  });
});
