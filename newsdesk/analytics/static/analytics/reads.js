// Count this read once, then refresh the byline's view count. No cookie, no storage:
// the page carries a per-article signed token; the server de-duplicates readers.
(function () {
  "use strict";
  var node = document.querySelector("[data-read-token]");
  if (!node) return;
  var body = JSON.stringify({ token: node.getAttribute("data-read-token") });
  var readUrl = node.getAttribute("data-read-url");
  var sent = false;

  function send() {
    if (sent || document.visibilityState !== "visible") return;
    sent = true;
    var blob = new Blob([body], { type: "text/plain" });
    if (!(navigator.sendBeacon && navigator.sendBeacon(readUrl, blob))) {
      fetch(readUrl, {
        method: "POST", body: body, keepalive: true, credentials: "same-origin",
        headers: { "Content-Type": "text/plain" }
      }).catch(function () {});
    }
    window.setTimeout(refresh, 2000);
  }

  function refresh() {
    fetch(node.getAttribute("data-views-url"), { credentials: "omit" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data || typeof data.views !== "number") return;
        node.querySelector("[data-views-count]").textContent = data.views.toLocaleString("en-GB");
        node.lastChild.textContent = data.views === 1 ? " view" : " views";
      })
      .catch(function () {});
  }

  // A page opened in a background tab counts when the reader first looks at it.
  if (document.visibilityState === "visible") send();
  else document.addEventListener("visibilitychange", send);
})();
