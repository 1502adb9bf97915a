// Model access settings read from the environment (and `.env`), shared by every chapter.
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import dotenv from "dotenv";
import { ModelClient } from "./model-client.ts";
import { readConfigFileSync } from "./read-config-file.ts";
import { createRetryWaitFetch, DEFAULT_MAX_RETRY_WAIT_MS } from "./retry-wait-fetch.ts";
import type { Fetch } from "./trace/tracing-fetch.ts";

/** A current Claude model; override with MODEL_ID. */
export const DEFAULT_MODEL = "claude-sonnet-5-5";
/** Output tokens per response; override with MAX_TOKENS. */
export const DEFAULT_MAX_TOKENS = 8192;

export interface ModelConfig {
  apiKey?: string;
  authToken?: string;
  baseURL?: string;
  model: string;
  maxTokens: number;
}

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** The `.env` files read, in order of precedence (the first that defines a variable wins). */
export function dotenvPaths(options: { home?: string; envFile?: string } = {}): string[] {
  const home = options.home ?? homedir();
  return [
    ...(options.envFile ? [resolve(options.envFile)] : []),
    join(home, ".lcc", ".env"),
    join(repositoryRoot, ".env"),
  ];
}

/**
 * Loads `.env` files into `env`: an explicit `envFile`, then `~/.lcc/.env`, then this project's own
 * root. Never the workspace the agent is pointed at: a repository's `.env` must not choose where the
 * user's key is sent (ANTHROPIC_BASE_URL) or swap the key. Real environment variables win over every
 * file. Only regular files up to 1 MB are read (a FIFO or device is skipped, never waited on); each
 * skipped file is returned as a warning. A missing file is no warning. Never throws.
 */
export function loadDotenv(
  env: NodeJS.ProcessEnv = process.env,
  options: { home?: string; envFile?: string } = {},
): string[] {
  const warnings: string[] = [];
  const defined = new Set(Object.keys(env));
  for (const path of dotenvPaths(options)) {
    const read = readConfigFileSync(path);
    if (!read.ok) {
      if (read.skip.kind !== "missing" || path === options.envFile)
        warnings.push(`Skipped ${path}: ${read.reason}`);
      continue;
    }
    for (const [name, value] of Object.entries(dotenv.parse(read.text))) {
      if (defined.has(name)) continue;
      env[name] = value;
      defined.add(name);
    }
  }
  return warnings;
}

/** Reads ANTHROPIC_API_KEY / ANTHROPIC_AUTH_TOKEN / ANTHROPIC_BASE_URL / MODEL_ID / MAX_TOKENS. */
export function readModelConfig(env: NodeJS.ProcessEnv = process.env): ModelConfig {
  const maxTokens = Number.parseInt(env.MAX_TOKENS ?? "", 10);
  const config: ModelConfig = {
    model: env.MODEL_ID?.trim() || DEFAULT_MODEL,
    maxTokens: Number.isFinite(maxTokens) && maxTokens > 0 ? maxTokens : DEFAULT_MAX_TOKENS,
  };
  if (env.ANTHROPIC_API_KEY?.trim()) config.apiKey = env.ANTHROPIC_API_KEY.trim();
  if (env.ANTHROPIC_AUTH_TOKEN?.trim()) config.authToken = env.ANTHROPIC_AUTH_TOKEN.trim();
  if (env.ANTHROPIC_BASE_URL?.trim()) config.baseURL = env.ANTHROPIC_BASE_URL.trim();
  return config;
}

/** True when a key or a bearer token is set (whether it is valid is the endpoint's call). */
export function hasCredentials(config: ModelConfig): boolean {
  return Boolean(config.apiKey || config.authToken);
}

/** The official SDK client. `maxRetries` stays at the SDK default unless a chapter owns retries. */
export interface ModelClientOptions {
  maxRetries?: number;
  /** The fetch underneath (tracing wraps it); default the global fetch. */
  fetch?: Fetch;
  /** Told about every automatic retry wait, and about waits refused for being longer than the cap. */
  onRetryWait?: (text: string) => void;
  /** Longest wait the client does on its own (default 60 s, or LCC_MAX_RETRY_WAIT_SECONDS). */
  maxRetryWaitMs?: number;
}

/** The SDK's own retry count when none is given. */
const SDK_DEFAULT_MAX_RETRIES = 2;

/**
 * The official SDK client (model-client.ts: Messages only). `maxRetries` stays at the SDK default unless a chapter owns retries. Retry
 * waits are announced through `onRetryWait` and capped (retry-wait-fetch.ts), never silent.
 */
export function createModelClient(config: ModelConfig, options: ModelClientOptions = {}): ModelClient {
  const maxRetries = options.maxRetries ?? SDK_DEFAULT_MAX_RETRIES;
  const fetch = createRetryWaitFetch(
    {
      maxRetries,
      maxWaitMs: options.maxRetryWaitMs ?? DEFAULT_MAX_RETRY_WAIT_MS,
      onWait: options.onRetryWait ?? (() => {}),
    },
    options.fetch,
  );
  return new ModelClient({
    apiKey: config.apiKey ?? null,
    authToken: config.authToken ?? null,
    ...(config.baseURL ? { baseURL: config.baseURL } : {}),
    maxRetries,
    fetch,
    // The SDK's own log lines (a raw SSE chunk it could not parse) would mix into our output; ANTHROPIC_LOG opts back in.
    logLevel: process.env.ANTHROPIC_LOG ? undefined : "off",
  });
}

/** LCC_MAX_RETRY_WAIT_SECONDS as milliseconds, when set to a positive number. */
export function maxRetryWaitFromEnv(env: NodeJS.ProcessEnv): number | undefined {
  const seconds = Number.parseFloat(env.LCC_MAX_RETRY_WAIT_SECONDS ?? "");
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

/** The one banner `start` prints when no key is set, before it plays the chapter's offline demo. */
export function noKeyBanner(chapter: { id: string; title: string }): string {
  return [
    `${chapter.id} · ${chapter.title} · no API key found, so this is the offline demo (a scripted model).`,
    `To work with a real model, set ANTHROPIC_API_KEY (or ANTHROPIC_AUTH_TOKEN for a bearer-token endpoint) in`,
    `your environment, in .env at the repository root or in ~/.lcc/.env (copy .env.example), and run`,
    `pnpm --filter ${chapter.id} start again. ANTHROPIC_BASE_URL points the agent at any Anthropic-compatible`,
    `endpoint; MODEL_ID picks the model (default ${DEFAULT_MODEL}).`,
  ].join("\n");
}
