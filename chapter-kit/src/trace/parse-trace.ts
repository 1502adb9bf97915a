// Reads a trace file's text back into records, for the terminal viewer and the HTML view: every line that
// is not a record of a known type is reported with its line number, and the rest is kept.

import type { TraceRecord, TraceRecordType } from "./trace-format.ts";

/** A line that was skipped, and why ("not JSON (…)", `request record: "seq" should be a number, not undefined`). */
export interface TraceProblem {
  /** 1-based line number in the file. */
  line: number;
  message: string;
}

/** What a trace file holds. */
export interface ParsedTrace {
  records: TraceRecord[];
  problems: TraceProblem[];
}

/** The fields each record type must have, with the JavaScript type they must be. */
const REQUIRED_FIELDS: Record<TraceRecordType, Record<string, string>> = {
  trace_start: { time: "string", source: "string" },
  request: { seq: "number", time: "string", url: "string" },
  response: { seq: "number", time: "string", status: "number", durationMs: "number" },
  tool: { time: "string", name: "string", output: "string", isError: "boolean" },
  event: { time: "string", event: "object" },
};

/**
 * Parses JSONL trace text. Blank lines are skipped silently; a line that is not JSON, not an object, of
 * a record type this reader does not know, or missing a required field becomes a problem. Pure; never
 * throws.
 */
export function parseTrace(text: string): ParsedTrace {
  const records: TraceRecord[] = [];
  const problems: TraceProblem[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    if (raw.trim() === "") return;
    const result = parseRecord(raw);
    if (typeof result === "string") problems.push({ line: index + 1, message: result });
    else records.push(result);
  });
  return { records, problems };
}

/** The record on one line, or what is wrong with it. */
function parseRecord(line: string): TraceRecord | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return `not JSON (${error instanceof Error ? error.message : String(error)})`;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "not a JSON object";
  const record = value as Record<string, unknown>;
  const type = record.type;
  if (typeof type !== "string" || !Object.hasOwn(REQUIRED_FIELDS, type)) {
    return `unknown record type ${JSON.stringify(type)} (skipped)`;
  }
  for (const [field, expected] of Object.entries(REQUIRED_FIELDS[type as TraceRecordType])) {
    const actual = record[field] === null ? "null" : typeof record[field];
    if (actual !== expected) return `${type} record: "${field}" should be a ${expected}, not ${actual}`;
  }
  return record as unknown as TraceRecord;
}
