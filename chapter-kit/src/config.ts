// Model access settings read from the environment (and `.env`), shared by every chapter.
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Anthropic from "@anthropic-ai/sdk";
import dotenv from "dotenv";

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

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

/**
 * Loads `.env` from the workspace and from the repository root (workspace wins; real environment
 * variables win over both). Never throws when the files are missing.
 */
export function loadDotenv(workspace: string, env: NodeJS.ProcessEnv = process.env): void {
  const paths = [join(workspace, ".env"), join(repositoryRoot, ".env")].filter((path) => existsSync(path));
  if (paths.length > 0) dotenv.config({ path: paths, processEnv: env, quiet: true });
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
export function createModelClient(config: ModelConfig, options: { maxRetries?: number } = {}): Anthropic {
  return new Anthropic({
    apiKey: config.apiKey ?? null,
    authToken: config.authToken ?? null,
    ...(config.baseURL ? { baseURL: config.baseURL } : {}),
    ...(options.maxRetries === undefined ? {} : { maxRetries: options.maxRetries }),
  });
}

/** The paragraph a chapter prints when no key is set. */
export function missingKeyMessage(chapter: string): string {
  return [
    `No API key found. Set ANTHROPIC_API_KEY (or ANTHROPIC_AUTH_TOKEN for a bearer-token endpoint) in your`,
    `environment or in a .env file at the repository root (copy .env.example). ANTHROPIC_BASE_URL points the`,
    `agent at any Anthropic-compatible endpoint and MODEL_ID picks the model (default ${DEFAULT_MODEL}).`,
    `To see this chapter work without a key, run: pnpm --filter ${chapter} demo (offline, scripted model).`,
  ].join("\n");
}
