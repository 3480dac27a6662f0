/* Small enhancements. The site works without this file: the guide's plain-text version is
   complete, and every glossary term is explained on the glossary page. */
(function () {
  "use strict";

  /* assets/glossary.json sits beside assets/js/; found from this script's own address. */
  var glossaryUrl = document.currentScript ? new URL("../glossary.json", document.currentScript.src).href : null;

  /* Hip-or-back guide: show the form; after each answer, list the conditions that fit every
     answer, so another answer never makes the list longer. The lists come common first (the
     build's order); rare conditions are kept apart as less common but important. */
  function setUpGuide(root) {
    /* The questions are in root; the warning cards and the results follow it (outside it, so
       the cards' Markdown is rendered). */
    var page = root.parentNode;
    var form = root.querySelector("form");
    var groups = Array.prototype.slice.call(page.querySelectorAll("[data-app-guide-group]"));
    var items = Array.prototype.slice.call(page.querySelectorAll("[data-app-guide-list] > li"));
    var status = root.querySelector("[data-app-guide-status]");
    var pointer = page.querySelector("[data-app-guide-pointer]");
    var jump = root.querySelector("[data-app-guide-jump]");
    var results = page.querySelector(".app-guide__results");
    var warnings = Array.prototype.slice.call(page.querySelectorAll("[data-app-guide-warning]"));
    var sources = Array.prototype.map.call(page.querySelectorAll("[data-app-guide-sources] li"), function (li) {
      return { key: li.getAttribute("data-key"), name: li.textContent, regions: li.dataset.regions, triggers: li.dataset.triggers };
    });

    function chosen(name) {
      return Array.prototype.map.call(form.querySelectorAll("input[name=" + name + "]:checked"), function (i) {
        return i.value;
      });
    }
    function has(values, attr) {
      var have = (attr || "").split(" ");
      return values.filter(function (v) { return have.indexOf(v) !== -1; }).length;
    }
    /* A condition fits when it has every place and feeling chosen, and every "worse with"
       chosen unless it names none (nothing makes it reliably worse, as with cauda equina). Each
       answer can only make this stricter, so another answer never makes the list longer. */
    function fitsAll(li, answers) {
      return has(answers.region, li.dataset.regions) === answers.region.length &&
        (!li.dataset.triggers || has(answers.trigger, li.dataset.triggers) === answers.trigger.length) &&
        has(answers.feeling, li.dataset.feelings) === answers.feeling.length;
    }
    /* Where pain like this often comes from: of the places a condition points to, the one that
       best matches the answers. Named only when every condition listed agrees on it, so the
       line never contradicts the list. */
    function placeOf(li, answers) {
      var points = (li.dataset.points || "").split(" ");
      var best = null, bestScore = 0;
      sources.forEach(function (src) {
        if (points.indexOf(src.key) === -1) { return; }
        var score = 3 * has(answers.region, src.regions) + 2 * has(answers.trigger, src.triggers);
        if (score > bestScore) { best = src; bestScore = score; }
      });
      return best;
    }
    function likelySource(shown, answers) {
      var places = shown.map(function (li) { return placeOf(li, answers); });
      return places.every(function (p) { return p && p === places[0]; }) ? places[0] : null;
    }

    function update() {
      var answers = { region: chosen("region"), trigger: chosen("trigger"), feeling: chosen("feeling") };
      var count = answers.region.length + answers.trigger.length + answers.feeling.length;
      var shown = [];
      items.forEach(function (li) {
        li.hidden = !(count && fitsAll(li, answers));
        if (!li.hidden) { shown.push(li); }
      });
      groups.forEach(function (group) {
        group.hidden = !group.querySelector("li:not([hidden])");
      });
      results.hidden = !shown.length;
      jump.hidden = !shown.length;
      var warned = false;
      warnings.forEach(function (box) {
        box.hidden = !form.querySelector("input[value=" + box.dataset.appGuideWarning + "]:checked");
        warned = warned || !box.hidden;
      });
      pointer.textContent = "";
      /* the words are the page's own (components/guide.html), not the script's */
      if (!count) {
        status.textContent = status.dataset.start;
      } else if (!shown.length) {
        status.textContent = status.dataset.none;
      } else {
        status.textContent = shown.length === 1 ? status.dataset.one : status.dataset.many.replace("{count}", shown.length);
        var source = likelySource(shown, answers);
        pointer.textContent = source
          ? pointer.dataset.onePlace.replace("{place}", source.name.charAt(0).toLowerCase() + source.name.slice(1))
          : pointer.dataset.manyPlaces;
      }
      if (warned) {
        status.textContent += " " + status.dataset.warned;
      }
    }

    root.hidden = false;
    form.addEventListener("change", update);
    form.addEventListener("reset", function () { window.setTimeout(update, 0); });
    jump.addEventListener("click", function (event) {
      event.preventDefault();
      results.scrollIntoView({ block: "start" });
      results.focus({ preventScroll: true });
    });
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
