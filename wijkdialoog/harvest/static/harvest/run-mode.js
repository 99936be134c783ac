// Facilitator mode with htmx: a new phase or a changed timer replaces the phase in place, and
// the page stays where it was. htmx gives focus back to a button that is there again; when it is
// gone (the last phase has no "next"), focus goes to the new phase so a screen reader reads it.
// Without a connection a tap would do nothing at all, so the page says so.
(function () {
  "use strict";
  var connection = document.getElementById("run-connection");

  function say(text) {
    if (connection && connection.textContent !== text) {
      connection.textContent = text;
    }
  }

  document.addEventListener("htmx:sendError", function () {
    say(connection ? connection.dataset.textOffline : "");
  });
  document.addEventListener("htmx:afterSettle", function (event) {
    say("");
    if (!event.detail || !event.detail.target || event.detail.target.id !== "phase") {
      return;
    }
    var active = document.activeElement;
    if (!active || active === document.body || !document.body.contains(active)) {
      var phase = document.getElementById("phase");
      if (phase) {
        phase.focus({preventScroll: true});
      }
    }
  });
})();
