// The quiet timer of facilitator mode: keeps "about N minutes left" current without reloading.
// It never makes a sound and never flashes; the page works the same without it. A paused timer
// stands still, and a timer that htmx puts in place (a new phase, five more minutes) is picked
// up at the next tick.
(function () {
  "use strict";
  // Per timer element: the difference between the server's clock and this phone's.
  var offsets = new WeakMap();

  function words(texts, minutes) {
    if (minutes > 1) {
      return texts.textMany.replace("%(minutes)s", String(minutes));
    }
    if (minutes === 1) {
      return texts.textOne;
    }
    if (minutes === 0) {
      return texts.textUp;
    }
    if (minutes === -1) {
      return texts.textOverOne;
    }
    return texts.textOverMany.replace("%(minutes)s", String(-minutes));
  }

  function update() {
    var timer = document.getElementById("phase-timer");
    if (!timer || timer.dataset.paused === "yes") {
      return;
    }
    // Both in seconds since 1970, as the server saw them when it made the timer.
    var endsAt = Number(timer.dataset.endsAt) * 1000;
    var serverNow = Number(timer.dataset.now) * 1000;
    if (isNaN(endsAt) || isNaN(serverNow)) {
      return;
    }
    if (!offsets.has(timer)) {
      // The server's clock counts, not a phone's clock that may be a few minutes off.
      offsets.set(timer, serverNow - Date.now());
    }
    var left = (endsAt - (Date.now() + offsets.get(timer))) / 60000;
    // Rounded up while time remains, down once it is over (as the server does).
    var minutes = left > 0 ? Math.ceil(left) : -Math.floor(-left);
    var text = words(timer.dataset, minutes === 0 ? 0 : minutes);
    if (timer.textContent.trim() !== text) {
      timer.textContent = text;
    }
  }

  update();
  window.setInterval(update, 15000);
  document.addEventListener("htmx:afterSettle", update);
})();
