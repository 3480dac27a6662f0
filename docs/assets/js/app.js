/* Small enhancements. The site works without this file: the guide's plain-text version is
   complete, and every glossary term is explained on the glossary page. */
(function () {
  "use strict";

  /* assets/glossary.json sits beside assets/js/; found from this script's own address. */
  var glossaryUrl = document.currentScript ? new URL("../glossary.json", document.currentScript.src).href : null;

  /* Hip-or-back guide: show the form, narrow and sort the list of conditions by the answers. */
  function setUpGuide(root) {
    var form = root.querySelector("form");
    var list = root.querySelector("[data-app-guide-list]");
    var status = root.querySelector("[data-app-guide-status]");
    var pointer = root.querySelector("[data-app-guide-pointer]");
    var items = Array.prototype.slice.call(list.children);
    var sourceNames = {};
    root.querySelectorAll("[data-app-guide-sources] li").forEach(function (li) {
      sourceNames[li.getAttribute("data-key")] = li.textContent;
    });
    items.forEach(function (li, index) { li.dataset.order = String(index); });

    function chosen(name) {
      return Array.prototype.map.call(form.querySelectorAll("input[name=" + name + "]:checked"), function (i) {
        return i.value;
      });
    }
    function overlap(values, attr) {
      var have = (attr || "").split(" ");
      return values.filter(function (v) { return have.indexOf(v) !== -1; }).length;
    }

    function update() {
      var regions = chosen("region"), triggers = chosen("trigger"), feelings = chosen("feeling");
      var answered = regions.length + triggers.length + feelings.length > 0;
      var points = {};
      var shown = 0;
      items.forEach(function (li) {
        var score = 3 * overlap(regions, li.dataset.regions) + 2 * overlap(triggers, li.dataset.triggers) +
          overlap(feelings, li.dataset.feelings);
        li.dataset.score = String(score);
        var match = !answered || score > 0;
        li.hidden = !match;
        if (match) {
          shown += 1;
          if (answered) {
            (li.dataset.points || "").split(" ").forEach(function (p) {
              if (p) { points[p] = (points[p] || 0) + score; }
            });
          }
        }
      });
      items.slice().sort(function (a, b) {
        return (Number(b.dataset.score) - Number(a.dataset.score)) || (Number(a.dataset.order) - Number(b.dataset.order));
      }).forEach(function (li) { list.appendChild(li); });

      if (!answered) {
        status.textContent = "Showing all " + items.length + " conditions. Tick what fits to narrow the list.";
        pointer.textContent = "";
      } else if (shown === 0) {
        status.textContent = "No condition on this site matches all of that. Try fewer answers, or see a health professional.";
        pointer.textContent = "";
      } else {
        status.textContent = shown + " of " + items.length + " conditions can cause pain like this, closest first.";
        var best = Object.keys(points).sort(function (a, b) { return points[b] - points[a]; });
        pointer.textContent = best.length
          ? "Pain like this often comes from: " + sourceNames[best[0]].toLowerCase() + ". Only an examination can tell."
          : "";
      }
    }

    root.hidden = false;
    form.addEventListener("change", update);
    form.addEventListener("reset", function () { window.setTimeout(update, 0); });
    update();
  }

  /* Glossary terms: the build marks them <abbr>term</abbr> and leaves their meanings out of the
     page. Each term becomes reachable by keyboard and tap; on hover, focus or tap its meaning is
     shown in a tooltip and read out (aria-describedby). The meanings come from one file, fetched
     the first time a reader asks and then cached, so pages stay small. The tooltip stays while
     the pointer is over it and closes with Escape (WCAG 1.4.13). */
  function setUpTerms() {
    /* Not inside links, buttons or headings: those already do something, or are explained by
       the page itself. */
    var terms = Array.prototype.filter.call(document.querySelectorAll(".md-content abbr:not([title])"), function (abbr) {
      return !abbr.closest("a, button, summary, label, h1, h2, h3, h4, h5, h6");
    });
    if (!terms.length || !glossaryUrl) { return; }
    terms.forEach(function (abbr) {
      abbr.classList.add("app-term");
      abbr.setAttribute("tabindex", "0");
    });
    var meanings = null, loading = null, wanted = null, current = null, hideTimer = 0, hoverTimer = 0;
    var tip = document.createElement("div");
    tip.id = "app-term-tip";
    tip.className = "app-term-tip";
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;
    document.body.appendChild(tip);

    function load() {
      if (!loading) {
        loading = fetch(glossaryUrl)
          .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
          .then(function (glossary) {
            meanings = {};
            glossary.terms.forEach(function (t) {
              [t[0]].concat(t[2]).forEach(function (form) {
                var key = form.toLowerCase();
                if (!(key in meanings)) { meanings[key] = { term: t[0], meaning: t[1] }; }
              });
            });
          });
        loading.catch(function () { loading = null; /* offline: try again next time */ });
      }
      return loading;
    }
    function show(abbr) {
      window.clearTimeout(hideTimer);
      wanted = abbr;
      load().then(function () { if (wanted === abbr) { place(abbr); } }, function () {});
    }
    function place(abbr) {
      var found = meanings[abbr.textContent.toLowerCase()];
      if (!found || (current === abbr && !tip.hidden)) { return; }
      if (current) { current.removeAttribute("aria-describedby"); }
      tip.textContent = "";
      var name = document.createElement("strong");
      name.textContent = found.term + ": ";
      tip.appendChild(name);
      tip.appendChild(document.createTextNode(found.meaning));
      tip.hidden = false;
      var page = document.documentElement.clientWidth;
      var box = abbr.getBoundingClientRect();
      var left = Math.max(8, Math.min(box.left, page - tip.offsetWidth - 8));
      var top = box.bottom + 6;
      if (top + tip.offsetHeight > window.innerHeight && box.top - tip.offsetHeight - 6 > 0) {
        top = box.top - tip.offsetHeight - 6;
      }
      tip.style.left = left + window.scrollX + "px";
      tip.style.top = top + window.scrollY + "px";
      abbr.setAttribute("aria-describedby", tip.id);
      current = abbr;
    }
    function hide() {
      window.clearTimeout(hideTimer);
      wanted = null;
      tip.hidden = true;
      if (current) { current.removeAttribute("aria-describedby"); }
      current = null;
    }
    function hideSoon() {
      window.clearTimeout(hideTimer);
      hideTimer = window.setTimeout(hide, 300);
    }
    function termOf(target) {
      return target && target.closest ? target.closest("abbr.app-term") : null;
    }

    /* A pointer passing over a term does not open it: it has to rest there a moment. */
    document.addEventListener("mouseover", function (event) {
      var abbr = termOf(event.target);
      window.clearTimeout(hoverTimer);
      if (abbr) {
        window.clearTimeout(hideTimer);
        hoverTimer = window.setTimeout(function () { show(abbr); }, 150);
      } else if (tip.contains(event.target)) {
        window.clearTimeout(hideTimer);
      }
    });
    document.addEventListener("mouseout", function (event) {
      if (termOf(event.target) || tip.contains(event.target)) {
        window.clearTimeout(hoverTimer);
        hideSoon();
      }
    });
    document.addEventListener("focusin", function (event) {
      var abbr = termOf(event.target);
      if (abbr) { show(abbr); } else if (!tip.contains(event.target)) { hide(); }
    });
    document.addEventListener("focusout", function (event) {
      if (termOf(event.target)) { hideSoon(); }
    });
    document.addEventListener("click", function (event) {
      var abbr = termOf(event.target);
      if (abbr) { show(abbr); } else if (!tip.contains(event.target)) { hide(); }
    });
    /* A reader moving through the page with Tab will probably reach a term: fetch the meanings
       then, so the first term focused is described at once. */
    document.addEventListener("keydown", function prefetch(event) {
      if (event.key === "Tab") {
        document.removeEventListener("keydown", prefetch);
        load().catch(function () {});
      }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && (current || wanted)) {
        hide();
      } else if ((event.key === "Enter" || event.key === " ") && termOf(event.target)) {
        event.preventDefault();
        show(event.target);
      }
    });
  }

  function start() {
    document.querySelectorAll("[data-app-guide]").forEach(setUpGuide);
    setUpTerms();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
