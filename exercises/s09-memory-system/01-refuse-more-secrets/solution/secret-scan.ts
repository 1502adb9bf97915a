// SOLUTION (s09 01), a copy of chapters/s09-memory-system/src/secret-scan.ts: text that looks like a secret
// must never be saved to memory (memories go into every future prompt). Pure. Adds a database URL with a
// password (a ${VAR} or <placeholder> in its place is not one) and a JSON Web Token.

interface SecretPattern {
  kind: string;
  pattern: RegExp;
}

const SECRET_PATTERNS: readonly SecretPattern[] = [
  { kind: "an Anthropic API key", pattern: /\bsk-ant-[A-Za-z0-9_-]{8,}/ },
  { kind: "an OpenAI API key", pattern: /\bsk-(?:proj-)?[A-Za-z0-9_-]{32,}/ },
  { kind: "a private key", pattern: /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/ },
  { kind: "an AWS access key id", pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { kind: "a GitHub token", pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,})/ },
  { kind: "a Slack token", pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/ },
  { kind: "a Google API key", pattern: /\bAIza[0-9A-Za-z_-]{35}\b/ },
  { kind: "a Stripe secret key", pattern: /\b(?:sk|rk)_live_[0-9A-Za-z]{16,}/ },
  // scheme://user:password@host — but not scheme://user:${DB_PASSWORD}@host, which names where the secret is.
  {
    kind: "a database URL with a password",
    pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:@/]+:[^\s@/$<{][^\s@/]*@/i,
  },
  { kind: "a JSON Web Token", pattern: /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/ },
  {
    kind: "a password or token assignment",
    pattern:
      /(?:password|passwd|secret|api[_-]?key|access[_-]?token|auth[_-]?token)[A-Za-z_]*\s*[:=]\s*["']?[^\s"']{12,}/i,
  },
];

/** What kind of secret `text` seems to contain ("an Anthropic API key"), or undefined. */
export function findSecret(text: string): string | undefined {
  return SECRET_PATTERNS.find(({ pattern }) => pattern.test(text))?.kind;
}
