// Comments, progressively enhanced: the live counter, posting in place, replies and
// "show more". Without this file every part works through plain forms and links.
(function () {
  "use strict";
  var form = document.querySelector("[data-comment-form]");
  var section = document.querySelector("[data-comments]");

  // The same normalisation and count as newsdesk/comments/text.py, so the counter and
  // the server agree: controls dropped, NFC, edges trimmed, grapheme clusters counted.
  var CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
  var SPACE = "[\\t\\n \\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF]";
  var EDGES = new RegExp("^" + SPACE + "+|" + SPACE + "+$", "g");
  var segmenter = window.Intl && Intl.Segmenter ? new Intl.Segmenter(undefined, { granularity: "grapheme" }) : null;

  function normalise(text) {
    return text.replace(/\r\n?/g, "\n").replace(CONTROLS, "").normalize("NFC").replace(EDGES, "");
  }
  function length(text) {
    if (!segmenter) return Array.from(text).length;
    var n = 0;
    for (var it = segmenter.segment(text)[Symbol.iterator](), s = it.next(); !s.done; s = it.next()) n++;
    return n;
  }

  function setUpForm() {
    var textarea = form.querySelector("textarea[name=text]");
    var counter = form.querySelector("[data-count]");
    var value = form.querySelector("[data-count-value]");
    var max = parseInt(counter.getAttribute("data-max"), 10);
    var message = form.querySelector("[data-form-message]");
    var token = form.querySelector("[data-token]");
    var parent = form.querySelector("[data-parent]");
    var replying = form.querySelector("[data-replying]");
    var submit = form.querySelector("button[type=submit]");
    var tokenRequest = null;

    function count() {
      var n = length(normalise(textarea.value));
      value.textContent = String(n);
      counter.classList.toggle("is-over", n > max);
      return n;
    }
    function fetchToken() {
      tokenRequest = fetch(form.getAttribute("data-token-url"), { credentials: "omit", cache: "no-store" })
        .then(function (r) { return r.ok ? r.json() : {}; })
        .then(function (data) { token.value = data.token || ""; })
        .catch(function () { token.value = ""; });
      return tokenRequest;
    }
    function say(text) { message.textContent = text; }

    textarea.addEventListener("input", count);
    count();
    form.addEventListener("focusin", function () { if (!tokenRequest && !token.value) fetchToken(); });

    form.addEventListener("submit", function (event) {
      var n = count();
      if (n > max) {
        event.preventDefault();
        say("Your comment is " + n + " characters long, " + (n - max) + " over the limit of " + max + ". Please shorten it.");
        textarea.focus();
        return;
      }
      if (!window.fetch || !window.FormData) return;
      event.preventDefault();
      submit.disabled = true;
      (tokenRequest || fetchToken()).then(function () {
        if (!token.value) { form.submit(); return null; }  // no token: the page-based path
        return fetch(form.action, {
          method: "POST", body: new FormData(form), credentials: "omit",
          headers: { Accept: "application/json" }
        }).then(function (response) {
          return response.json().then(function (data) { handle(data); });
        });
      }).catch(function () {
        say("We could not reach the site. Your comment is kept; please try again.");
      }).then(function () { submit.disabled = false; });
    });

    function handle(data) {
      var errors = data.errors || {};
      var details = Object.keys(errors).map(function (k) { return errors[k].join(" "); }).join(" ");
      var stored = data.outcome === "published" || data.outcome === "held";
      say(stored ? "" : data.message + (details ? " " + details : ""));
      if (data.outcome === "confirm") { tokenRequest = null; fetchToken(); return; }
      if (data.outcome !== "published" && data.outcome !== "held") return;
      var status = document.querySelector("[data-comments-status]");
      if (status) status.textContent = data.message;
      if (data.html) insertComment(data);
      textarea.value = "";
      count();
      clearReply();
      tokenRequest = null;
      token.value = "";
      fetchToken();
    }

    function insertComment(data) {
      var list = document.querySelector("[data-comments-list]");
      if (data.parent) {
        var host = document.getElementById("comment-" + data.parent);
        list = host && host.querySelector(".comments__replies");
        if (list) list.hidden = false;
      }
      if (!list) return;
      list.insertAdjacentHTML("beforeend", data.html);
      var empty = document.querySelector("[data-comments-empty]");
      if (empty) empty.remove();
      var total = document.querySelector("[data-comments-count]");
      if (total) total.textContent = String(parseInt(total.textContent, 10) + 1);
    }

    function clearReply() {
      parent.value = "";
      if (replying) replying.hidden = true;
    }
    var cancel = form.querySelector("[data-reply-cancel]");
    if (cancel) cancel.addEventListener("click", function () { clearReply(); textarea.focus(); });

    if (section) {
      section.addEventListener("click", function (event) {
        var link = event.target.closest("[data-reply-to]");
        if (!link) return;
        event.preventDefault();
        parent.value = link.getAttribute("data-reply-to");
        replying.querySelector("[data-replying-name]").textContent = link.getAttribute("data-reply-name");
        replying.hidden = false;
        textarea.focus();
      });
    }
  }

  function setUpMore() {
    section.addEventListener("click", function (event) {
      var more = event.target.closest("[data-comments-more]");
      if (!more || !window.fetch) return;
      event.preventDefault();
      fetch(more.href + "&fragment=1", { credentials: "omit" })
        .then(function (r) { if (!r.ok) throw new Error(r.status); return r.text(); })
        .then(function (html) {
          var template = document.createElement("template");
          template.innerHTML = html;
          var list = section.querySelector("[data-comments-list]");
          template.content.querySelectorAll("[data-items] > li").forEach(function (li) { list.appendChild(li); });
          var next = template.content.querySelector("[data-comments-more]");
          if (next) more.href = next.getAttribute("href"); else more.parentElement.remove();
        })
        .catch(function () { window.location.href = more.href; });
    });
  }

  if (form) setUpForm();
  if (section) setUpMore();
})();
