// What memory_save refuses as a secret, and ordinary text it lets through.
import { describe, expect, it } from "vitest";
import { findSecret } from "./secret-scan.ts";

describe("findSecret", () => {
  it.each([
    ["the key is sk-ant-api03-abcdefghijklmnop", "an Anthropic API key"],
    ["-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXk=", "a private key"],
    ["aws AKIAIOSFODNN7EXAMPLE", "an AWS access key id"],
    [`token ghp_${"a".repeat(36)}`, "a GitHub token"],
    ["DB_PASSWORD=hunter2hunter2hunter2", "a password or token assignment"],
  ])("names %j as %s", (text, kind) => {
    expect(findSecret(text)).toBe(kind);
  });

  it.each([
    "Run docker compose up -d db before the integration tests.",
    "The API key lives in 1Password, vault Shop, item 'Stripe live'.",
    "password rotation happens every 90 days",
  ])("lets %j through", (text) => {
    expect(findSecret(text)).toBeUndefined();
  });
});
