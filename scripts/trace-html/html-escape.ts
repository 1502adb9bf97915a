// Escaping for the HTML trace page: every text that comes from a trace (model output, tool output, paths)
// goes through one of these before it reaches the page, so a trace can never add markup or script.

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text made safe for element content and for quoted attribute values. Pure. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character] ?? character);
}

/**
 * JSON for an inline `<script type="application/json">`: `<`, `>` and `&` become `\u003c`… escapes, so no
 * `</script>` or `<!--` inside a string can end the element; the value parses back unchanged. Pure.
 */
export function jsonForScript(value: unknown): string {
  return (JSON.stringify(value) ?? "null").replace(
    /[<>&\u2028\u2029]/g,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/**
 * An href the page may link to: http(s), file URLs and paths without a scheme pass; anything else
 * (`javascript:`, `data:`…) gives undefined. The result still needs {@link escapeHtml}.
 */
export function safeHref(href: string): string | undefined {
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(href.trim())?.[1]?.toLowerCase();
  if (scheme === undefined || scheme === "http" || scheme === "https" || scheme === "file") return href;
  return undefined;
}

/** An element id made of letters, digits, `-` and `_` only (other characters become `_`). Pure. */
export function safeId(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]/g, "_");
}
