// s16's protocol record over the team transport: a request (shutdown or plan approval) is a key
// "request:<id>" holding JSON, moved out of "pending" exactly once by compare-and-set.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { checkTeamName } from "./team-names.ts";
import type { TeamTransport } from "./transport/team-transport.ts";

export type RequestKind = "shutdown" | "plan";
export type RequestState = "pending" | "approved" | "rejected" | "expired";
export type RequestEvent = "approve" | "reject" | "expire";

/** One protocol request as stored. */
export interface TeamRequest {
  id: string;
  kind: RequestKind;
  from: string;
  to: string;
  /** What is asked (the plan, the reason to shut down). */
  body: string;
  state: RequestState;
  createdAt: string;
  /** Set when the request left "pending". */
  decidedAt?: string;
  /** The answer's reason or feedback, when given. */
  reason?: string;
}

/** A request that does not exist, is malformed, or was already decided. */
export class RequestError extends Error {
  override name = "RequestError";
}

/**
 * The request state machine; undefined when `event` cannot happen in `state`.
 *
 * | state    | approve  | reject   | expire  |
 * |----------|----------|----------|---------|
 * | pending  | approved | rejected | expired |
 * | approved | —        | —        | —       |
 * | rejected | —        | —        | —       |
 * | expired  | —        | —        | —       |
 */
export function nextState(state: RequestState, event: RequestEvent): RequestState | undefined {
  if (state !== "pending") return undefined;
  return event === "approve" ? "approved" : event === "reject" ? "rejected" : "expired";
}

export interface Requests {
  /** Stores a new pending request and returns its id ("req_" + 16 hex). Rejects for bad names. */
  create(request: { kind: RequestKind; from: string; to: string; body: string }): Promise<string>;
  /** Approves or rejects a pending request. RequestError when it is unknown or already decided. */
  answer(id: string, answer: { approve: boolean; reason?: string }): Promise<TeamRequest>;
  /** Expires a pending request (nobody answered in time). RequestError when unknown or already decided. */
  expire(id: string): Promise<TeamRequest>;
  /** The request `id`. RequestError when there is none. */
  get(id: string): Promise<TeamRequest>;
}

const REQUEST_ID_PATTERN = /^req_[0-9a-f]{16}$/;
const requestSchema = z.object({
  id: z.string(),
  kind: z.enum(["shutdown", "plan"]),
  from: z.string(),
  to: z.string(),
  body: z.string(),
  state: z.enum(["pending", "approved", "rejected", "expired"]),
  createdAt: z.string(),
  decidedAt: z.string().optional(),
  reason: z.string().optional(),
});

/** The protocol requests of the team on `transport`. */
export function createRequests(transport: TeamTransport): Requests {
  const load = async (id: string) => {
    if (!REQUEST_ID_PATTERN.test(id))
      throw new RequestError(
        `${JSON.stringify(id)} is not a request id (they look like req_0123456789abcdef)`,
      );
    const raw = await transport.get(`request:${id}`);
    if (raw === undefined) throw new RequestError(`no request ${id}`);
    return { raw, request: parseRequest(id, raw) };
  };

  const decide = async (id: string, event: RequestEvent, reason: string | undefined) => {
    // A lost compare-and-set means someone else decided first; the re-read then reports their decision.
    for (;;) {
      const { raw, request } = await load(id);
      const state = nextState(request.state, event);
      if (!state) throw new RequestError(`request ${id} is already ${request.state}; cannot ${event} it`);
      const next: TeamRequest = {
        ...request,
        state,
        decidedAt: new Date().toISOString(),
        ...(reason !== undefined ? { reason } : {}),
      };
      if (await transport.compareAndSet(`request:${id}`, raw, JSON.stringify(next))) return next;
    }
  };

  return {
    create: async ({ kind, from, to, body }) => {
      checkTeamName(from);
      checkTeamName(to);
      for (;;) {
        const id = `req_${randomBytes(8).toString("hex")}`;
        const request: TeamRequest = {
          id,
          kind,
          from,
          to,
          body,
          state: "pending",
          createdAt: new Date().toISOString(),
        };
        if (await transport.compareAndSet(`request:${id}`, undefined, JSON.stringify(request))) return id;
      }
    },
    answer: (id, { approve, reason }) => decide(id, approve ? "approve" : "reject", reason),
    expire: (id) => decide(id, "expire", undefined),
    get: async (id) => (await load(id)).request,
  };
}

/** The stored value `raw` of request `id`; RequestError when it is not JSON or not a request record. */
export function parseRequest(id: string, raw: string): TeamRequest {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new RequestError(`request ${id} is stored as something other than JSON`);
  }
  const parsed = requestSchema.safeParse(json);
  if (!parsed.success || parsed.data.id !== id)
    throw new RequestError(`request ${id} is not a request record`);
  const { decidedAt, reason, ...rest } = parsed.data;
  return {
    ...rest,
    ...(decidedAt !== undefined ? { decidedAt } : {}),
    ...(reason !== undefined ? { reason } : {}),
  };
}
