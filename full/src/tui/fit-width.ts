// One row cut to the terminal's width: pi-tui's truncateToWidth, without the reset codes it adds to text
// that had none (NO_COLOR output carries no escape codes at all).
import { truncateToWidth, visibleWidth } from "@mariozechner/pi-tui";

/** `text` when it fits in `width` columns, else cut with "…"; text without escape codes gets none. Pure. */
export function fitWidth(text: string, width: number): string {
  if (visibleWidth(text) <= width) return text;
  const cut = truncateToWidth(text, width, "…");
  return text.includes("\u001b") ? cut : cut.replace(/\u001b\[[0-9;]*m/g, "");
}
