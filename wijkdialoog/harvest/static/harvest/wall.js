// The harvest wall polls its cards with If-None-Match. A 304 Not Modified has no body: keep the
// wall as it is instead of letting htmx swap in the empty answer.
document.addEventListener("htmx:beforeSwap", (event) => {
  if (event.detail.xhr.status === 304) {
    event.detail.shouldSwap = false;
    event.detail.isError = false;
  }
});
