// Never lose a card. Each card gets an id made on this device and is kept in the browser's
// storage before it is sent. It is sent again until the server has it: when the connection
// comes back, on a timer that waits longer after each failure, and when the page opens again.
// The server answers 201 (new) or 200 (had it already), so sending twice never makes two cards.
// Without this script the form is a plain form that works the same, one card at a time.
(function () {
  "use strict";
  var form = document.querySelector("form[data-capture]");
  var status = document.getElementById("capture-status");
  if (!form || !status || !window.fetch || !window.URLSearchParams || !window.JSON) {
    return;
  }
  var KEY = "wijkdialoog.capture." + (form.dataset.queueKey || form.action);
  try {
    window.localStorage.setItem(KEY + ".check", "1");
    window.localStorage.removeItem(KEY + ".check");
  } catch (error) {
    return; // no storage on this device: the plain form keeps working
  }

  var texts = status.dataset;
  var summary = document.getElementById("capture-summary");
  var list = document.getElementById("capture-queue");
  var FIRST_DELAY = 1000;
  var MAX_DELAY = 30000;
  var MAX_SAVED_SHOWN = 10;
  var delay = FIRST_DELAY;
  var timer = null;
  var sending = false;
  var loggedOut = false;
  var saved = []; // cards saved while this page is open, newest first

  function load() {
    try {
      var queue = JSON.parse(window.localStorage.getItem(KEY) || "[]");
      return Array.isArray(queue) ? queue : [];
    } catch (error) {
      return [];
    }
  }

  function store(queue) {
    window.localStorage.setItem(KEY, JSON.stringify(queue));
  }

  // Read, change and write at once, so two open tabs do not undo each other's changes.
  function change(update) {
    var queue = update(load());
    store(queue);
    return queue;
  }

  function newId() {
    if (window.crypto && typeof window.crypto.randomUUID === "function") {
      return window.crypto.randomUUID();
    }
    var bytes = window.crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) {
      return (b + 256).toString(16).slice(1);
    }).join("");
    return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20),
      hex.slice(20)].join("-");
  }

  function csrfToken() {
    var field = form.querySelector("input[name=csrfmiddlewaretoken]");
    return field ? field.value : "";
  }

  function item(card) {
    var li = document.createElement("li");
    li.className = "wd-capture-queue__item wd-capture-queue__item--" + card.state;
    li.setAttribute("data-client-id", card.id);
    li.setAttribute("data-state", card.state);
    var state = document.createElement("span");
    state.className = "wd-capture-queue__state";
    state.textContent = {
      waiting: texts.textStateWaiting,
      saved: texts.textStateSaved,
      failed: texts.textStateFailed
    }[card.state];
    var text = document.createElement("span");
    text.className = "wd-capture-queue__text";
    text.textContent = card.text;
    li.appendChild(state);
    li.appendChild(document.createTextNode(" "));
    li.appendChild(text);
    if (card.state === "failed") {
      if (card.errors) {
        var errors = document.createElement("span");
        errors.className = "wd-capture-queue__errors";
        errors.textContent = card.errors;
        li.appendChild(errors);
      }
      var remove = document.createElement("button");
      remove.type = "button";
      remove.className = "utrecht-button utrecht-button--subtle wd-capture-queue__remove";
      remove.textContent = texts.textRemove;
      remove.addEventListener("click", function () {
        change(function (queue) {
          return queue.filter(function (other) { return other.id !== card.id; });
        });
        render();
        form.querySelector("[name=text]").focus();
      });
      li.appendChild(remove);
    }
    return li;
  }

  function render() {
    var queue = load();
    var waiting = queue.filter(function (card) { return card.state === "waiting"; });
    var failed = queue.filter(function (card) { return card.state === "failed"; });
    var message = "";
    if (waiting.length === 1) {
      message = texts.textWaitingOne;
    } else if (waiting.length > 1) {
      message = texts.textWaitingMany.replace("%(count)s", String(waiting.length));
    } else if (failed.length) {
      message = texts.textFailed;
    } else if (saved.length) {
      message = texts.textAllSaved;
    }
    if (waiting.length && loggedOut) {
      message += " " + texts.textLogin;
    }
    status.setAttribute("data-waiting", String(waiting.length));
    // Only a changed sentence is written, so a screen reader hears each change once.
    if (summary.textContent !== message) {
      summary.textContent = message;
    }
    var shown = queue.map(function (card) {
      return {id: card.id, text: card.fields.text, state: card.state, errors: card.errors};
    }).concat(saved.slice(0, MAX_SAVED_SHOWN));
    while (list.firstChild) {
      list.removeChild(list.firstChild);
    }
    shown.forEach(function (card) { list.appendChild(item(card)); });
    list.hidden = shown.length === 0;
  }

  function retryLater() {
    window.clearTimeout(timer);
    timer = window.setTimeout(send, delay);
    delay = Math.min(delay * 2, MAX_DELAY);
  }

  function errorsText(answer) {
    var errors = (answer && answer.errors) || {};
    return Object.keys(errors).map(function (name) { return errors[name].join(" "); }).join(" ");
  }

  // One card at a time, oldest first. The outcome: "saved", "failed" (the server will never
  // take it as it is) or "retry" (no connection, a server error, a busy server, logged out).
  function post(card) {
    return window.fetch(form.action, {
      method: "POST",
      body: new URLSearchParams(card.fields),
      credentials: "same-origin",
      redirect: "manual",
      headers: {"Accept": "application/json", "X-CSRFToken": csrfToken()}
    }).then(function (response) {
      if (response.type === "opaqueredirect" || response.status === 401 ||
          response.status === 403) {
        loggedOut = true;
        return {outcome: "retry"};
      }
      loggedOut = false;
      if (response.status === 200 || response.status === 201 || response.status === 400) {
        return response.json().then(function (answer) {
          if (answer.client_id !== card.id) {
            return {outcome: "retry"};
          }
          if (response.status === 400) {
            return {outcome: "failed", errors: errorsText(answer)};
          }
          return {outcome: answer.saved ? "saved" : "retry"};
        }, function () {
          return {outcome: "retry"};
        });
      }
      // Gone or refused for good (an expired link, a card far too long): trying again will not
      // help, so it is shown as not saved, with its text, instead of waiting forever.
      if (response.status >= 400 && response.status < 500 && response.status !== 408 &&
          response.status !== 429) {
        return {outcome: "failed", errors: ""};
      }
      return {outcome: "retry"};
    }, function () {
      return {outcome: "retry"};
    });
  }

  function send() {
    if (sending) {
      return;
    }
    var next = load().filter(function (card) { return card.state === "waiting"; })[0];
    if (!next) {
      render();
      return;
    }
    sending = true;
    window.clearTimeout(timer);
    post(next).then(function (result) {
      sending = false;
      if (result.outcome === "saved") {
        change(function (queue) {
          return queue.filter(function (card) { return card.id !== next.id; });
        });
        saved.unshift({id: next.id, text: next.fields.text, state: "saved"});
        delay = FIRST_DELAY;
        render();
        send();
      } else if (result.outcome === "failed") {
        change(function (queue) {
          return queue.map(function (card) {
            if (card.id === next.id) {
              card.state = "failed";
              card.errors = result.errors;
            }
            return card;
          });
        });
        render();
        send();
      } else {
        render();
        retryLater();
      }
    });
  }

  form.addEventListener("submit", function (event) {
    var text = form.querySelector("[name=text]");
    if (!text || !text.value.trim()) {
      return; // an empty card: the server shows what is missing, next to the field
    }
    event.preventDefault();
    var fields = {};
    new FormData(form).forEach(function (value, name) {
      if (name !== "csrfmiddlewaretoken" && typeof value === "string") {
        fields[name] = value;
      }
    });
    fields.client_id = newId();
    change(function (queue) {
      queue.push({id: fields.client_id, fields: fields, state: "waiting"});
      return queue;
    });
    // Ready for the next card: the text and name go, the kind and publication stay.
    ["text", "first_name"].forEach(function (name) {
      var field = form.querySelector("[name=" + name + "]");
      if (field) {
        field.value = "";
      }
    });
    var noName = form.querySelector("input[type=radio][name=person][value='']");
    if (noName) {
      noName.checked = true;
    }
    text.focus();
    delay = FIRST_DELAY;
    render();
    send();
  });

  window.addEventListener("online", function () {
    delay = FIRST_DELAY;
    send();
  });
  // Another tab may have added or sent cards.
  window.addEventListener("storage", function (event) {
    if (event.key === KEY) {
      render();
    }
  });

  render();
  send();
})();
