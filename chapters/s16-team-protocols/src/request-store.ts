// s16's request store: s15's request records (request:<id> keys, decided once by compare-and-set) plus a
// listing, and a bound on what stays: only the newest decided requests are kept, pending ones never go.
import {
  createRequests,
  parseRequest,
  type RequestState,
  type Requests,
  type TeamRequest,
  type TeamTransport,
} from "@lcc/s15";

/** How many decided requests (approved, rejected, expired) stay stored; older ones are deleted. */
export const KEPT_DECIDED_REQUESTS = 100;

const KEY_PREFIX = "request:";

export interface RequestFilter {
  state?: RequestState;
  to?: string;
  from?: string;
  kind?: TeamRequest["kind"];
}

export interface ProtocolRequests extends Requests {
  /** The stored requests matching `filter`, oldest first. A record that is not a request is skipped. */
  list(filter?: RequestFilter): Promise<TeamRequest[]>;
  /**
   * Deletes decided requests beyond the newest `keep` (by decidedAt), each by compare-and-set so a record
   * that changed meanwhile stays. Pending requests are never deleted. Resolves with how many went.
   */
  prune(): Promise<number>;
}

/**
 * The requests of the team on `transport`. `create` prunes first, so kv.json (4 MB at most on the file
 * backend) holds the pending requests plus at most `keepDecided` decided ones (default KEPT_DECIDED_REQUESTS).
 */
export function createProtocolRequests(
  transport: TeamTransport,
  options: { keepDecided?: number } = {},
): ProtocolRequests {
  const keep = options.keepDecided ?? KEPT_DECIDED_REQUESTS;
  const records = createRequests(transport);
  const stored = async () => {
    const found: Array<{ key: string; raw: string; request: TeamRequest }> = [];
    for (const [key, raw] of Object.entries(await transport.list(KEY_PREFIX))) {
      try {
        found.push({ key, raw, request: parseRequest(key.slice(KEY_PREFIX.length), raw) });
      } catch {
        // A record edited by hand is left alone: neither listed nor deleted.
      }
    }
    return found.sort((left, right) => compareTimes(left.request.createdAt, right.request.createdAt));
  };
  const prune = async () => {
    const decided = (await stored())
      .filter(({ request }) => request.state !== "pending")
      .sort((left, right) => compareTimes(right.request.decidedAt, left.request.decidedAt));
    let deleted = 0;
    for (const { key, raw } of decided.slice(keep))
      if (await transport.compareAndSet(key, raw, undefined)) deleted++;
    return deleted;
  };
  return {
    ...records,
    async create(request) {
      await prune();
      return records.create(request);
    },
    async list(filter = {}) {
      return (await stored())
        .map(({ request }) => request)
        .filter(
          (request) =>
            (filter.state === undefined || request.state === filter.state) &&
            (filter.to === undefined || request.to === filter.to) &&
            (filter.from === undefined || request.from === filter.from) &&
            (filter.kind === undefined || request.kind === filter.kind),
        );
    },
    prune,
  };
}

function compareTimes(left: string | undefined, right: string | undefined): number {
  const a = left ?? "";
  const b = right ?? "";
  return a < b ? -1 : a > b ? 1 : 0;
}
