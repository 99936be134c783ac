// Progressive enhancement for `select[data-person-picker]`: a search box above the select that
// narrows its options to those containing every typed word (name, neighbourhood, email), and
// in a multiple select a plain click or tap toggles one person instead of replacing the choice.
// Without JavaScript the select works as it is.
document.querySelectorAll("select[data-person-picker]").forEach((select) => {
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
