/* Search on demand: load the search index and start the search worker only when the reader
   starts to search, not on every page view.

   The index holds the text of every page (about 130 KiB compressed) and the worker script is
   another 12 KiB; Material for MkDocs fetches both as soon as a page loads. Material already
   waits for the reader when the site is opened from disk (file://); this does the same over
   HTTP. overrides/main.html loads it just before Material's script, so it runs before Material
   sets up search: it can hold back the request for search/search_index.json and hand Material
   a worker that starts on its first message. tests/site/test_page_weight.py measures the result and
   the browser tests check that search still works, by mouse and by keyboard. */
(function () {
  "use strict";
  var wanted = /[?&]h=/.test(location.search); /* a search result was followed: highlight */
  var waiting = [];

  function want() {
    if (wanted) return;
    wanted = true;
    waiting.splice(0).forEach(function (start) { start(); });
  }

  /* Hold the request for the search index until the reader wants search. */
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.appSearchIndex = /\/search\/search_index\.json$/.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this, args = arguments;
    if (request.appSearchIndex && !wanted) {
      waiting.push(function () { send.apply(request, args); });
      return undefined;
    }
    return send.apply(request, args);
  };

  /* The search worker starts on its first message, which Material sends with the index. */
  var RealWorker = window.Worker;
  if (RealWorker && window.EventTarget) {
    window.Worker = function (url, options) {
      if (!/\/workers\/search\.[^/]*\.js$/.test(String(url))) return new RealWorker(url, options);
      var target = new EventTarget(), worker = null;
      function forward(event) {
        target.dispatchEvent(new MessageEvent(event.type, { data: event.data }));
      }
      target.postMessage = function (message) {
        if (!worker) {
          worker = new RealWorker(url, options);
          worker.addEventListener("message", forward);
          worker.addEventListener("messageerror", forward);
          worker.addEventListener("error", function (event) {
            target.dispatchEvent(new ErrorEvent("error", { message: event.message }));
          });
        }
        worker.postMessage(message);
      };
      target.terminate = function () {
        if (worker) worker.terminate();
      };
      return target;
    };
  }

  /* The reader wants search when the search box gets focus (click, Tab, or Material's "/" and
     "s" keys) or the search toggle opens (the magnifier button on small screens). */
  document.addEventListener("focusin", function (event) {
    if (event.target.closest && event.target.closest(".md-search")) want();
  });
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search") want();
  });
})();
