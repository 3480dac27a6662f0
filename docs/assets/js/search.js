/* Search: a button in the header opens a dialog that searches the whole site.

   Without JavaScript there is no button, so no search box is offered that cannot work. Nothing
   is downloaded until the reader opens search; then the vendored MiniSearch and Porter stemmer,
   the engine (search-engine.js) and the index the build writes (assets/search/index.json) load
   once. Results show the page's name (a condition's everyday name first, as in every list),
   what kind of page it is, whether it is about urgent care, and a short snippet, with the words
   that matched marked. The number of results is announced.

   Keyboard: "/" opens search from anywhere outside a text box; Enter opens the first result;
   the Down and Up arrows move through the results; Escape closes the dialog and focus goes back
   to the search button. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || typeof HTMLDialogElement !== "function" || !window.fetch) return;
  var root = script.src.replace(/assets\/js\/search\.js(\?.*)?$/, "");
  var LIMIT = 10;
  var engine = null, loading = null, dialog, input, status, list, button, announceTimer;

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (name === "text") node.textContent = attrs[name];
      else node.setAttribute(name, attrs[name]);
    });
    (children || []).forEach(function (child) { node.appendChild(child); });
    return node;
  }

  function icon() {
    var svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    var path = document.createElementNS("http://www.w3.org/2000/svg", "path");
    path.setAttribute("d", "M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79l-.27-.27A6.52 6.52 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5 14 14 12 14 9.5 12 5 9.5 5Z");
    svg.appendChild(path);
    return svg;
  }

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var tag = el("script", { src: src });
      tag.onload = resolve;
      tag.onerror = function () { reject(new Error("could not load " + src)); };
      document.head.appendChild(tag);
    });
  }

  function load() {
    if (!loading) {
      loading = Promise.all([
        loadScript(root + "assets/vendor/minisearch/minisearch.js"),
        loadScript(root + "assets/js/search-engine.js"),
        import(root + "assets/vendor/stemmer/stemmer.js"),
        fetch(root + "assets/search/index.json").then(function (r) {
          if (!r.ok) throw new Error("search index: " + r.status);
          return r.json();
        })
      ]).then(function (parts) {
        engine = window.AppSearchEngine(window.MiniSearch, parts[2].stemmer, parts[3]);
        return engine;
      });
      loading.catch(function () { loading = null; });
    }
    return loading;
  }

  /* The text, with the words whose stem is one the query matched wrapped in <mark>. */
  function marked(text, matched) {
    var span = el("span");
    String(text).split(/([A-Za-z0-9][A-Za-z0-9'\u2019&]*)/).forEach(function (part, i) {
      if (i % 2 && matched.has(engine.normal(part.toLowerCase().replace(/\u2019/g, "'")))) {
        span.appendChild(el("mark", { text: part }));
      } else if (part) {
        span.appendChild(document.createTextNode(part));
      }
    });
    return span;
  }

  function result(hit, matched) {
    var meta = el("span", { class: "app-search__meta" }, [el("span", { class: "app-search__kind", text: hit.doc.kind })]);
    if (hit.doc.urgent) meta.appendChild(el("strong", { class: "app-search__urgent", text: "Urgent help" }));
    var title = marked(hit.doc.label || hit.doc.title, matched);
    title.className = "app-search__title";
    var link = el("a", { href: root + hit.doc.url, class: "app-search__link" }, [meta, title]);
    if (hit.snippet) {
      var snippet = marked(hit.snippet, matched);
      snippet.className = "app-search__snippet";
      link.appendChild(snippet);
    }
    return el("li", { class: "app-search__result" + (hit.doc.urgent ? " app-search__result--urgent" : "") }, [link]);
  }

  function announce(text) {
    clearTimeout(announceTimer);
    /* after a short pause in typing, so a screen reader is not interrupted at every letter */
    announceTimer = setTimeout(function () { status.textContent = text; }, 400);
  }

  function show() {
    var query = input.value.trim();
    list.textContent = "";
    if (!query) {
      clearTimeout(announceTimer);
      status.textContent = "";
      return;
    }
    if (!engine) {
      status.textContent = "Loading search\u2026";
      load().then(show, function () { status.textContent = "Search could not load. Check your connection and try again."; });
      return;
    }
    var hits = engine.search(query);
    hits.slice(0, LIMIT).forEach(function (hit) {
      list.appendChild(result(hit, new Set(hit.terms)));
    });
    var shown = Math.min(hits.length, LIMIT);
    var text = hits.length === 0 ? "No pages found. Try other words, or fewer."
      : hits.length === 1 ? "1 page found."
      : hits.length > LIMIT ? hits.length + " pages found. Showing the best " + shown + "."
      : hits.length + " pages found.";
    announce(text);
  }

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll("a"));
  }

  function onKey(event) {
    var all = links(), at = all.indexOf(document.activeElement);
    if (event.key === "Escape") {
      /* closes at once, also from the search box (where the browser would first clear it) */
      event.preventDefault();
      dialog.close();
    } else if (event.key === "ArrowDown" && all.length) {
      event.preventDefault();
      all[Math.min(at + 1, all.length - 1)].focus();
    } else if (event.key === "ArrowUp" && (at >= 0)) {
      event.preventDefault();
      if (at === 0) input.focus();
      else all[at - 1].focus();
    }
  }

  function build() {
    var label = el("label", { for: "app-search-input", id: "app-search-label", class: "app-search__label", text: "Search this site" });
    input = el("input", {
      id: "app-search-input", class: "app-search__input", type: "search", autocomplete: "off",
      spellcheck: "false", enterkeyhint: "search", "aria-describedby": "app-search-hint",
      "aria-controls": "app-search-results"
    });
    var form = el("form", { class: "app-search__form", role: "search", "aria-labelledby": "app-search-label" }, [label, input]);
    var close = el("button", { type: "button", class: "app-search__close", text: "Close" });
    var hint = el("p", { id: "app-search-hint", class: "app-search__hint", text: "Type what you feel or where it hurts, in your own words." });
    status = el("p", { id: "app-search-status", class: "app-search__status", role: "status", "aria-live": "polite" });
    list = el("ol", { id: "app-search-results", class: "app-search__results", "aria-label": "Results" });
    dialog = el("dialog", { class: "app-search", "aria-labelledby": "app-search-label" }, [
      el("div", { class: "app-search__bar" }, [form, close]), hint, status, list
    ]);
    document.body.appendChild(dialog);

    input.addEventListener("input", show);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var first = links()[0];
      if (first) first.click();
    });
    close.addEventListener("click", function () { dialog.close(); });
    dialog.addEventListener("keydown", onKey);
    dialog.addEventListener("close", function () { button.focus(); });
    /* a click on the backdrop, outside the dialog's box, closes it */
    dialog.addEventListener("click", function (event) {
      if (event.target !== dialog) return;
      var box = dialog.getBoundingClientRect();
      var inside = event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom;
      if (!inside) dialog.close();
    });
  }

  function open() {
    if (!dialog) build();
    if (!dialog.open) dialog.showModal();
    input.focus();
    input.select();
    load().then(function () { if (input.value.trim()) show(); }, function () {});
  }

  function start() {
    var header = document.querySelector(".md-header__inner");
    if (!header) return;
    button = el("button", { type: "button", class: "md-header__button app-search-button", "aria-haspopup": "dialog" }, [
      icon(), el("span", { class: "app-search-button__label", text: "Search" })
    ]);
    button.addEventListener("click", open);
    header.insertBefore(button, header.querySelector(".md-header__source"));
    document.addEventListener("keydown", function (event) {
      var target = event.target;
      var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
      if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey && !(dialog && dialog.open)) {
        event.preventDefault();
        open();
      }
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
