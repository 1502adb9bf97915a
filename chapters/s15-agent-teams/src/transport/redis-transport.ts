// The team transport on Redis, for teams spread across machines: a Redis stream per team stream (XADD /
// XRANGE), a hash of cursors per stream moved forward by a Lua script, and one hash of keys with a Lua CAS.
import { createHash } from "node:crypto";
import { realpath } from "node:fs/promises";
import { createClient } from "@redis/client";
import {
  checkConsumerName,
  checkKey,
  checkKeyPrefix,
  checkStreamName,
  readLimit,
  type StreamEntry,
  serializeMessage,
  type TeamTransport,
  TeamTransportError,
} from "./team-transport.ts";

export interface RedisTransportOptions {
  /** The workspace: its real path names the team's namespace, so one server can hold many teams. */
  workspace: string;
  /** `redis://[user:password@]host:port[/db]` (or `rediss://`), already checked by parseRedisUrl. */
  url: string;
  /** How long connecting may take (default 5 s). */
  connectTimeoutMs?: number;
  /** The first pause before reconnecting (default 100 ms), doubled for each of the 5 retries, at most 2 s. */
  reconnectDelayMs?: number;
}

/** Moves a cursor forward only: HSET when the new id is above the saved one (ids "ms-seq"). */
const ACKNOWLEDGE_SCRIPT = `
local function parts(id)
  local major, minor = string.match(id, "^(%d+)-(%d+)$")
  return tonumber(major), tonumber(minor)
end
local current = redis.call("HGET", KEYS[1], ARGV[1])
if current then
  local currentMajor, currentMinor = parts(current)
  local nextMajor, nextMinor = parts(ARGV[2])
  if nextMajor < currentMajor or (nextMajor == currentMajor and nextMinor <= currentMinor) then return 0 end
end
redis.call("HSET", KEYS[1], ARGV[1], ARGV[2])
return 1`;

/** Writes ARGV[3] (or deletes when ARGV[4] is "delete") only when the field is ARGV[2] ("absent" by ARGV[5]). */
const COMPARE_AND_SET_SCRIPT = `
local current = redis.call("HGET", KEYS[1], ARGV[1])
if ARGV[5] == "absent" then
  if current then return 0 end
elseif current ~= ARGV[2] then
  return 0
end
if ARGV[4] == "delete" then redis.call("HDEL", KEYS[1], ARGV[1]) else redis.call("HSET", KEYS[1], ARGV[1], ARGV[3]) end
return 1`;

const REDIS_ID = /^\d{1,20}-\d{1,20}$/;

/** `lcc:team:<first 16 hex of sha256(real path of workspace)>:`, the prefix of every key of one team. */
export async function redisNamespace(workspace: string): Promise<string> {
  const real = await realpath(workspace);
  return `lcc:team:${createHash("sha256").update(real).digest("hex").slice(0, 16)}:`;
}

/**
 * Connects to Redis and returns the transport of `workspace`'s team. Throws TeamTransportError naming the
 * server (never its password) when it cannot be reached. A lost connection is retried a few times; after
 * that, calls reject until the server is back. One connection sends commands in call order, so one
 * transport's appends keep their order even when not awaited one by one.
 */
export async function openRedisTransport(options: RedisTransportOptions): Promise<TeamTransport> {
  const namespace = await redisNamespace(options.workspace);
  const server = describeServer(options.url);
  let lastError: Error | undefined;
  const client = createClient({
    url: options.url,
    socket: {
      connectTimeout: options.connectTimeoutMs ?? 5_000,
      reconnectStrategy: (retries: number) =>
        retries >= 5 ? false : Math.min((options.reconnectDelayMs ?? 100) * 2 ** retries, 2_000),
    },
  });
  // Without a listener an "error" event would end the process; the rejected command reports it instead.
  client.on("error", (error: Error) => {
    lastError = error;
  });
  try {
    await client.connect();
  } catch (error) {
    const cause = lastError ?? error;
    const reason = cause instanceof Error ? cause.message : String(cause);
    client.destroy();
    throw new TeamTransportError(`cannot reach the Redis team backend at ${server} (${reason})`);
  }
  const streamKey = (stream: string) => `${namespace}stream:${stream}`;
  const cursorsKey = (stream: string) => `${namespace}cursors:${stream}`;
  const keysKey = `${namespace}keys`;
  let closed = false;

  return {
    kind: "redis",
    append: async (stream, message) => {
      checkStreamName(stream);
      return client.xAdd(streamKey(stream), "*", { m: serializeMessage(message) });
    },
    read: async (stream, after, limit) => {
      checkStreamName(stream);
      const count = readLimit(limit);
      const start = after === undefined ? "-" : `(${checkRedisId(after)}`;
      const replies = await client.xRange(streamKey(stream), start, "+", { COUNT: count });
      const entries: StreamEntry<unknown>[] = [];
      for (const reply of replies ?? []) {
        const json = reply.message.m;
        if (typeof json !== "string") continue; // not written by a transport: skipped like a torn line
        try {
          entries.push({ id: reply.id, message: JSON.parse(json) });
        } catch {
          // not JSON: skipped
        }
      }
      return entries;
    },
    cursor: async (stream, consumer) => {
      checkStreamName(stream);
      checkConsumerName(consumer);
      return (await client.hGet(cursorsKey(stream), consumer)) ?? undefined;
    },
    acknowledge: async (stream, consumer, id) => {
      checkStreamName(stream);
      checkConsumerName(consumer);
      await client.eval(ACKNOWLEDGE_SCRIPT, {
        keys: [cursorsKey(stream)],
        arguments: [consumer, checkRedisId(id)],
      });
    },
    compareAndSet: async (key, expected, next) => {
      checkKey(key);
      const reply = await client.eval(COMPARE_AND_SET_SCRIPT, {
        keys: [keysKey],
        arguments: [
          key,
          expected ?? "",
          next ?? "",
          next === undefined ? "delete" : "set",
          expected === undefined ? "absent" : "value",
        ],
      });
      return reply === 1;
    },
    get: async (key) => {
      checkKey(key);
      return (await client.hGet(keysKey, key)) ?? undefined;
    },
    list: async (prefix) => {
      checkKeyPrefix(prefix);
      const all = await client.hGetAll(keysKey);
      const found: Record<string, string> = {};
      for (const key of Object.keys(all).sort()) {
        const value = all[key];
        if (key.startsWith(prefix) && typeof value === "string") found[key] = value;
      }
      return found;
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await client.close().catch(() => client.destroy());
    },
  };
}

/** `redis://host:6379/2`, with any password replaced by "***", for messages. */
export function describeServer(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "an unparsable URL";
  }
}

function checkRedisId(id: string): string {
  if (!REDIS_ID.test(id))
    throw new TeamTransportError(`${JSON.stringify(id)} is not an id of a Redis stream`);
  return id;
}
