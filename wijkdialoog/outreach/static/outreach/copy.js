// Progressive enhancement: a button that copies the text of a textarea to the clipboard.
// Without JavaScript the button stays hidden and people select the text themselves.
document.querySelectorAll("[data-copy-target]").forEach((button) => {
  const source = document.getElementById(button.dataset.copyTarget);
  const status = document.getElementById(button.dataset.copyStatus);
  if (!source || !navigator.clipboard) {
    return;
  }
  button.hidden = false;
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(source.value);
      status.textContent = button.dataset.copied;
    } catch {
      source.select();
      status.textContent = button.dataset.failed;
    }
  });
});
