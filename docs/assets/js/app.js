/* Small enhancements. The site works without this file: the guide's plain-text version is
   complete and glossary terms keep their title text. */
(function () {
  "use strict";

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

  /* Glossary terms: reachable by keyboard and tap, with the meaning read out. */
  function setUpTerms() {
    document.querySelectorAll(".md-content abbr[title]").forEach(function (abbr) {
      abbr.setAttribute("tabindex", "0");
      abbr.classList.add("app-term");
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
