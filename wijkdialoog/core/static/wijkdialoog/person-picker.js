// Progressive enhancement for `select[data-person-picker]`: a search box above the select that
// narrows its options to those containing every typed word (name, neighbourhood, email), and
// in a multiple select a plain click or tap toggles one person instead of replacing the choice.
// Without JavaScript the select works as it is. Only a list of ten or more gets the search box.
// A short list needs no search box.
const SEARCH_FROM = 10;

document.querySelectorAll("select[data-person-picker]").forEach((select) => {
  if (select.options.length < SEARCH_FROM) {
    return;
  }
  const search = document.createElement("input");
  search.type = "search";
  search.id = `${select.id}_search`;
  search.className = "utrecht-textbox utrecht-textbox--html-input wd-person-search";
  search.autocomplete = "off";
  search.setAttribute("aria-controls", select.id);
  const label = document.createElement("label");
  label.className = "utrecht-form-label wd-person-search-label";
  label.htmlFor = search.id;
  label.textContent = select.dataset.searchLabel;
  // Two pickers on one form must not sound the same: the name starts with the field's label.
  const fieldLabel = select.labels.length ? select.labels[0].textContent.replace(/\s+/g, " ").trim() : "";
  if (fieldLabel) {
    search.setAttribute("aria-label", `${fieldLabel}: ${select.dataset.searchLabel}`);
  }
  select.before(label, search);

  const options = Array.from(select.options);
  search.addEventListener("input", () => {
    const words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    options.forEach((option) => {
      const text = option.textContent.toLowerCase();
      // The empty choice and what is chosen stay in view.
      option.hidden = !(option.value === "" || option.selected || words.every((w) => text.includes(w)));
    });
  });

  if (select.multiple) {
    select.addEventListener("mousedown", (event) => {
      const option = event.target.closest("option");
      if (!option) {
        return;
      }
      event.preventDefault();
      option.selected = !option.selected;
      select.focus();
      select.dispatchEvent(new Event("change", { bubbles: true }));
    });
  }
});
