// Choosing the backend from LCC_TEAM_BACKEND: files by default, Redis for a redis:// URL, and a clear error
// naming the variable for anything else (a typo must not split a team between two backends).
import { describe, expect, it } from "vitest";
import { parseTeamBackend } from "./open-team-transport.ts";

describe("parseTeamBackend", () => {
  it("picks files when LCC_TEAM_BACKEND is unset, empty or file", () => {
    expect(parseTeamBackend({})).toEqual({ kind: "file" });
    expect(parseTeamBackend({ LCC_TEAM_BACKEND: " " })).toEqual({ kind: "file" });
    expect(parseTeamBackend({ LCC_TEAM_BACKEND: "file" })).toEqual({ kind: "file" });
  });

  it("picks Redis for redis:// and rediss:// URLs with an optional database", () => {
    for (const url of [
      "redis://localhost:6379",
      "redis://10.0.0.5:6380/2",
      "rediss://:pw@cache.example:6380/0",
    ])
      expect(parseTeamBackend({ LCC_TEAM_BACKEND: url })).toEqual({ kind: "redis", url });
  });

  it("refuses anything else with an error naming the variable and the reason", () => {
    const cases: Array<[string, RegExp]> = [
      ["redis:/localhost", /LCC_TEAM_BACKEND is invalid \(no host\)/],
      ["localhost:6379", /LCC_TEAM_BACKEND is invalid \(the scheme is localhost, not redis\)/],
      ["http://localhost:6379", /the scheme is http, not redis/],
      ["redis://localhost:6379/cache", /the database cache is not a number/],
      ["redis://localhost:99999", /LCC_TEAM_BACKEND is invalid \(not a URL\)/],
      ["redis://localhost:6379?db=2", /options after \? or # are not supported/],
      ["files", /not a URL.*leave it unset for files under \.lcc\/team/],
    ];
    for (const [value, error] of cases)
      expect(() => parseTeamBackend({ LCC_TEAM_BACKEND: value })).toThrow(error);
  });
});
