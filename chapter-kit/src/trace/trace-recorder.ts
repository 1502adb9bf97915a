// Appends trace records to a JSONL file, one synchronous write per record, so a crash loses nothing
// already recorded. Never throws into the agent: a failed write turns tracing off with one warning.

import { closeSync, constants, mkdirSync, openSync, writeSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { TRACE_FORMAT_VERSION, type TraceRecord, traceTime } from "./trace-format.ts";

/** Options of {@link createTraceRecorder}. */
export interface TraceRecorderOptions {
  /** Who writes the trace ("@lcc/s02", "lcc"); goes into `trace_start`. */
  source: string;
  /** The command-line arguments to record (default none). */
  argv?: string[];
  /** The working directory to record (default `process.cwd()`). */
  cwd?: string;
  /**
   * Called once, when a write fails and tracing turns off. Must not throw. Default: one line on stderr.
   */
  onError?: (error: Error) => void;
}

/** Where traced requests, responses, tools and events go. */
export interface TraceRecorder {
  /** Absolute path of the trace file. */
  readonly path: string;
  /** False once a write failed: later records are dropped silently. */
  readonly active: boolean;
  /** Appends one record as one line. Never throws. */
  record(record: TraceRecord): void;
  /** The next request number of this session: 1, 2, 3… */
  nextSeq(): number;
}

/**
 * Append, create, never through a symlink (a repository's `trace.jsonl -> ~/.bashrc` must not get the
 * records) and never blocking (a FIFO without a reader fails at once instead of hanging the agent).
 */
const APPEND_FLAGS =
  constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW | constants.O_NONBLOCK;

/**
 * Opens `path` for appending (the parent folder is created if missing, a new file gets mode 0600; an
 * existing file keeps its mode and its earlier sessions) and writes a `trace_start` record. Never
 * throws: if the file cannot be written, the recorder starts inactive and `onError` has been called.
 */
export function createTraceRecorder(path: string, options: TraceRecorderOptions): TraceRecorder {
  const absolutePath = resolve(path);
  const onError = options.onError ?? ((error: Error) => warnOnStderr(absolutePath, error));
  let active = true;
  let seq = 0;

  function write(line: string): void {
    if (!active) return;
    try {
      const descriptor = openSync(absolutePath, APPEND_FLAGS, 0o600);
      try {
        writeSync(descriptor, line);
      } finally {
        closeSync(descriptor);
      }
    } catch (error) {
      active = false;
      reportSafely(onError, asError(error));
    }
  }

  const recorder: TraceRecorder = {
    path: absolutePath,
    get active() {
      return active;
    },
    record(record) {
      write(`${serializeRecord(record)}\n`);
    },
    nextSeq() {
      seq += 1;
      return seq;
    },
  };

  try {
    mkdirSync(dirname(absolutePath), { recursive: true });
  } catch {
    // The append below reports the real problem (or succeeds if the folder appeared meanwhile).
  }
  recorder.record({
    type: "trace_start",
    format: TRACE_FORMAT_VERSION,
    time: traceTime(),
    pid: process.pid,
    source: options.source,
    ...(options.argv ? { argv: options.argv } : {}),
    cwd: options.cwd ?? process.cwd(),
  });
  return recorder;
}

/**
 * One JSON line. Errors become their message and bigints their digits; a record that still cannot be
 * serialized (a cycle in a tool's details) is replaced by an `event` saying so, never dropped silently.
 */
function serializeRecord(record: TraceRecord): string {
  try {
    return JSON.stringify(record, jsonSafeValue);
  } catch (error) {
    return JSON.stringify({
      type: "event",
      time: traceTime(),
      event: { type: "trace_error", recordType: record.type, error: asError(error).message },
    });
  }
}

function jsonSafeValue(_key: string, value: unknown): unknown {
  if (value instanceof Error) return value.message;
  if (typeof value === "bigint") return value.toString();
  return value;
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

function reportSafely(onError: (error: Error) => void, error: Error): void {
  try {
    onError(error);
  } catch {
    // A failing warning must not reach the agent either.
  }
}

function warnOnStderr(path: string, error: Error): void {
  process.stderr.write(`trace: cannot write ${path}, tracing is off (${error.message})\n`);
}
