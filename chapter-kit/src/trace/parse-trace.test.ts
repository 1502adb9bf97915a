// Reading a trace back: records kept in order, blank lines and CRLF tolerated, every bad line named.
import { describe, expect, it } from "vitest";
import { parseTrace } from "./parse-trace.ts";

const start = '{"type":"trace_start","format":1,"time":"t","pid":1,"source":"s"}';
const event = '{"type":"event","time":"t","event":{"type":"notice","source":"x","text":"y"}}';

describe("parseTrace", () => {
  it("keeps the records in order and skips blank lines and CRLF endings", () => {
    const { records, problems } = parseTrace(`${start}\r\n\r\n${event}\n`);

    expect(problems).toEqual([]);
    expect(records.map((record) => record.type)).toEqual(["trace_start", "event"]);
  });

  it("names each line it skips and why", () => {
    const { records, problems } = parseTrace(
      [
        start,
        "{oops",
        "[1,2]",
        '{"type":"tool","time":"t","name":"bash","output":"x"}',
        '{"type":"later"}',
      ].join("\n"),
    );

    expect(records).toHaveLength(1);
    expect(problems).toEqual([
      { line: 2, message: expect.stringMatching(/^not JSON \(/) },
      { line: 3, message: "not a JSON object" },
      { line: 4, message: 'tool record: "isError" should be a boolean, not undefined' },
      { line: 5, message: 'unknown record type "later" (skipped)' },
    ]);
  });
});
