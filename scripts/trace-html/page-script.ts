// The trace page's script, inlined into the page: keyboard navigation between turns (j/k, ↓/↑), folding the
// current turn (Enter/space), the key help (?), and unfolding everything while printing. No network, no data.

/** The page's JavaScript (plain ES2020, no modules, works from file://). */
export const PAGE_SCRIPT = `
(() => {
  "use strict";
  const allTurns = Array.from(document.querySelectorAll("section.turn"));
  const help = document.getElementById("keys");
  let current = null;
  const visibleTurns = () => allTurns.filter((turn) => !turn.parentElement.closest(".turn.folded"));
  function mark(turn) {
    current = turn;
    for (const other of allTurns) other.classList.toggle("current", other === turn);
  }
  function reveal(turn) {
    for (let node = turn.parentElement; node; node = node.parentElement) {
      if (node.tagName === "DETAILS") node.open = true;
    }
  }
  function move(step) {
    const turns = visibleTurns();
    if (turns.length === 0) return;
    const index = current === null ? -1 : turns.indexOf(current);
    const next = turns[Math.max(0, Math.min(turns.length - 1, index === -1 && step < 0 ? 0 : index + step))];
    reveal(next);
    mark(next);
    next.focus({ preventScroll: true });
    next.scrollIntoView({ block: "start" });
  }
  function toggleHelp(show) {
    if (help) help.hidden = show === undefined ? !help.hidden : !show;
  }
  document.addEventListener("focusin", (event) => {
    const turn = event.target instanceof Element ? event.target.closest("section.turn") : null;
    if (turn) mark(turn);
  });
  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    const target = event.target instanceof Element ? event.target : null;
    if (target && target.closest("input, textarea, select, [contenteditable]")) return;
    switch (event.key) {
      case "j":
      case "ArrowDown":
        move(1);
        break;
      case "k":
      case "ArrowUp":
        move(-1);
        break;
      case "Enter":
      case " ":
        if (target && target.closest("summary, a, button")) return;
        if (current === null) return;
        current.classList.toggle("folded");
        break;
      case "?":
        toggleHelp();
        break;
      case "Escape":
        toggleHelp(false);
        break;
      default:
        return;
    }
    event.preventDefault();
  });
  const helpButton = document.getElementById("help-button");
  if (helpButton) helpButton.addEventListener("click", () => toggleHelp());
  const openedForPrint = [];
  window.addEventListener("beforeprint", () => {
    for (const details of document.querySelectorAll("details:not([open])")) {
      details.open = true;
      openedForPrint.push(details);
    }
  });
  window.addEventListener("afterprint", () => {
    for (const details of openedForPrint.splice(0)) details.open = false;
  });
})();
`;
