// The voting page without a page load per vote. The vote goes out in the background and the
// same view answers with the vote area alone (progress and the next statement, or why the vote
// was refused), asked for with htmx's request headers. Without this script, or after a failed
// connection, the form posts and the page reloads as before.
(() => {
  // A double tap's second tap must not vote on the statement that just came in: its buttons
  // wait this long before they take a tap.
  const SETTLE_MS = 350;
  // Answers that carry a vote area: the next statement or the reason for a refusal.
  const ANSWERS = new Set([200, 400, 403, 409, 429]);
  const notice = document.getElementById("vote-notice");
  let plain = false;

  const buttons = (form) => form.querySelectorAll("button");

  // aria-disabled, not disabled: the buttons stay in the tab order while they wait.
  function setSending(form, sending) {
    if (sending) form.setAttribute("aria-busy", "true");
    else form.removeAttribute("aria-busy");
    for (const button of buttons(form)) {
      if (sending) button.setAttribute("aria-disabled", "true");
      else button.removeAttribute("aria-disabled");
    }
  }

  async function fetchArea(form, submitter) {
    const data = new FormData(form);
    data.append(submitter.name, submitter.value);
    const response = await fetch(form.action, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "HX-Request": "true", "HX-Target": "vote-area" },
    });
    if (!ANSWERS.has(response.status)) throw new Error(`HTTP ${response.status}`);
    const template = document.createElement("template");
    template.innerHTML = await response.text();
    const area = template.content.getElementById("vote-area");
    if (!area) throw new Error("The answer holds no vote area");
    return area;
  }

  function show(area) {
    document.getElementById("vote-area").replaceWith(area);
    notice.hidden = true;
    const form = area.querySelector("[data-vote-form]");
    if (form) {
      setSending(form, true);
      setTimeout(() => setSending(form, false), SETTLE_MS);
    }
    const focus = area.querySelector("[data-vote-focus]");
    if (focus) focus.focus();
  }

  async function vote(form, submitter) {
    setSending(form, true);
    try {
      show(await fetchArea(form, submitter));
    } catch {
      // Keep the buttons working: the next tap sends the form the usual way.
      plain = true;
      notice.hidden = false;
      setSending(form, false);
    }
  }

  document.addEventListener("submit", (event) => {
    const form = event.target;
    const submitter = event.submitter;
    if (plain || !form.matches("[data-vote-form]") || !submitter || !submitter.name) return;
    event.preventDefault();
    if (form.hasAttribute("aria-busy")) return;
    vote(form, submitter);
  });

  // A page restored from the back-forward cache must not keep its buttons disabled.
  window.addEventListener("pageshow", (event) => {
    if (!event.persisted) return;
    const form = document.querySelector("[data-vote-form]");
    if (form) setSending(form, false);
  });
})();
