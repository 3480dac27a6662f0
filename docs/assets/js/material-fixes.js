/* Keyboard fixes to Material for MkDocs, found by tests/site/test_accessibility.py. The site works
   without this file. */

/* The menu drawer on phones and tablets. While it is open it behaves as a dialog: focus moves
   into it, the page behind it cannot be reached with Tab, Escape closes it, and focus goes back
   to the menu button. */
(function () {
  "use strict";
  var drawer = document.getElementById("__drawer");
  if (!drawer || !window.matchMedia) return;
  var small = window.matchMedia("(max-width: 76.234375em)");
  var behind = "[data-md-component=skip], [data-md-component=announce], .md-header, .md-content, " +
    ".md-sidebar--secondary, .md-footer, .md-top";
  var focusable = "a[href], button, input:not([type=hidden]), [tabindex]:not([tabindex^='-'])";
  var opener = null;

  function visible(el) {
    return el.getClientRects().length > 0 &&
      (!el.checkVisibility || el.checkVisibility({ visibilityProperty: true }));
  }

  function focusFirst(root) {
    var first = Array.prototype.filter.call(root.querySelectorAll(focusable), visible)[0];
    if (first) first.focus();
  }

  function update() {
    var open = drawer.checked && small.matches;
    document.querySelectorAll(behind).forEach(function (el) { el.inert = open; });
    if (open) {
      focusFirst(document.querySelector(".md-sidebar--primary"));
    } else if (opener && document.contains(opener)) {
      opener.focus();
      opener = null;
    }
  }

  drawer.addEventListener("change", function () {
    if (drawer.checked) opener = document.activeElement;
    update();
  });
  if (small.addEventListener) small.addEventListener("change", update);

  /* Moving between the drawer's panels: focus goes into a panel that opens, and back to the
     button that opened a panel that closes (it would otherwise stay on a hidden element). */
  document.addEventListener("change", function (event) {
    var toggle = event.target;
    if (!toggle.classList || !toggle.classList.contains("md-nav__toggle") || !drawer.checked || !small.matches) return;
    var item = toggle.parentElement;
    var panel = item.querySelector(":scope > .md-nav");
    if (toggle.checked && panel) {
      focusFirst(panel);
    } else {
      var button = item.querySelector("label[for='" + toggle.id + "']:not(.md-nav__title)");
      if (button && visible(button)) button.focus();
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && drawer.checked && small.matches) {
      event.preventDefault();
      drawer.click();
    }
  });
})();
