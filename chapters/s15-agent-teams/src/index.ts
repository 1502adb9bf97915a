// Public surface of s15 so far: the team transport (one interface, a file and a Redis backend) that the
// team's mailboxes, roster, requests and claims go through.

export { type FileTransportOptions, openFileTransport } from "./transport/file-transport.ts";
export {
  type OpenTeamTransportOptions,
  openTeamTransport,
  parseTeamBackend,
  TEAM_BACKEND_VARIABLE,
  type TeamBackend,
} from "./transport/open-team-transport.ts";
export {
  openRedisTransport,
  type RedisTransportOptions,
  redisNamespace,
} from "./transport/redis-transport.ts";
export { teamFolderPaths } from "./transport/team-folder.ts";
export {
  compareStreamIds,
  DEFAULT_READ_LIMIT,
  MAX_MESSAGE_BYTES,
  MAX_READ_LIMIT,
  type StreamEntry,
  type TeamTransport,
  TeamTransportError,
} from "./transport/team-transport.ts";
