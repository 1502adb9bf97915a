// A small deny-list for the shell tool: commands no coding agent should run on its own.

interface DeniedPattern {
  pattern: RegExp;
  reason: string;
}

const DENIED: DeniedPattern[] = [
  { pattern: /(^|[\s;&|(])sudo(\s|$)/, reason: "sudo runs commands as root" },
  {
    pattern:
      /(^|[\s;&|(])rm\s+(-[a-zA-Z]*\s+)*-[a-zA-Z]*[rR][a-zA-Z]*\s+(-[a-zA-Z]+\s+)*(\/|\/\*|~|~\/|\$HOME)(\s|$)/,
    reason: "it recursively deletes the root or home directory",
  },
  {
    pattern: /(^|[\s;&|(])(shutdown|reboot|halt|poweroff)(\s|$)/,
    reason: "it shuts down or restarts the machine",
  },
  { pattern: /(^|[\s;&|(])mkfs(\.\w+)?(\s|$)/, reason: "it formats a filesystem" },
  { pattern: /\bof=\/dev\/(sd|nvme|hd|vd|xvd|disk|mmcblk)/, reason: "it writes to a raw disk device" },
  { pattern: />\s*\/dev\/(sd|nvme|hd|vd|xvd|disk|mmcblk)/, reason: "it writes to a raw disk device" },
  { pattern: /:\(\)\s*\{\s*:\s*\|\s*:\s*&\s*\}\s*;\s*:/, reason: "it is a fork bomb" },
];

/** Returns why `command` is refused, or undefined when it may run. */
export function deniedReason(command: string): string | undefined {
  const found = DENIED.find((entry) => entry.pattern.test(command));
  return found?.reason;
}
