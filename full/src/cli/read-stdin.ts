// Reads piped stdin for `lcc -p`; with a prompt argument it stops waiting when nothing arrives quickly,
// so `lcc -p "hi"` under a harness that leaves stdin open never hangs.

/** With a prompt argument, how long `lcc -p` waits for piped stdin's first byte before going without it. */
export const PIPED_FIRST_BYTE_WAIT_MS = 1000;

/**
 * Resolves with everything read until EOF. With `firstByteTimeoutMs`, resolves with "" if no byte
 * arrived in that time (and stops reading). Never rejects: a read error ends the input.
 */
export function readStdin(
  stream: NodeJS.ReadableStream,
  options: { firstByteTimeoutMs?: number } = {},
): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let timer: NodeJS.Timeout | undefined;
    const finish = () => {
      clearTimeout(timer);
      stream.off("data", onData);
      stream.off("end", finish);
      stream.off("error", finish);
      stream.pause();
      if ("destroy" in stream && typeof stream.destroy === "function") stream.destroy();
      resolve(Buffer.concat(chunks).toString("utf8"));
    };
    const onData = (chunk: Buffer | string) => {
      clearTimeout(timer);
      chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
    };
    stream.on("data", onData);
    stream.once("end", finish);
    stream.once("error", finish);
    if (options.firstByteTimeoutMs !== undefined) {
      timer = setTimeout(() => {
        if (chunks.length === 0) finish();
      }, options.firstByteTimeoutMs);
    }
  });
}
