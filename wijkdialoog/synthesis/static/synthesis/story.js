// Progressive enhancement for the neighbourhood story. Without JavaScript the buttons stay
// hidden: organisers type the codes by hand and visitors print with the browser's menu.

// "Insert" puts a code at the cursor of the story part used last (the first part otherwise).
const parts = Array.from(document.querySelectorAll("[data-story-part]"));
let lastPart = parts[0];
parts.forEach((part) => part.addEventListener("focus", () => { lastPart = part; }));

function insertCode(part, code) {
  const start = part.selectionStart ?? part.value.length;
  const end = part.selectionEnd ?? start;
  const before = part.value.slice(0, start);
  const after = part.value.slice(end);
  // Themes and quotes stand on their own line; the figures belong in a sentence.
  const alone = !code.startsWith("[cijfers");
  const lead = alone && before && !before.endsWith("\n") ? "\n\n" : "";
  const tail = alone && !after.startsWith("\n") ? "\n\n" : "";
  part.value = before + lead + code + tail + after;
  const cursor = (before + lead + code + tail).length;
  part.focus();
  part.setSelectionRange(cursor, cursor);
}

document.querySelectorAll("[data-insert-code]").forEach((button) => {
  if (!lastPart) {
    return;
  }
  button.hidden = false;
  button.addEventListener("click", () => insertCode(lastPart, button.dataset.insertCode));
});

document.querySelectorAll("[data-print]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});
