/* Råd's mobile menu: DKFDS's drawer (.mobile-drawer, .js-menu-open, .js-menu-close, .overlay), as progressive
   enhancement. Without JavaScript the main menu is a plain list under the header on every width. With it,
   below DKFDS's lg breakpoint the list is hidden (html.raad-js, raad.css) and the "Menu" button opens the
   drawer, which holds a copy of the same links. DKFDS's own Navigation script is not used because it also
   folds the desktop menu into a "Mere" dropdown; the classes it toggles are the same. */
(function () {
  "use strict";
  document.documentElement.classList.add("raad-js");

  function setup() {
    var source = document.querySelector(".raad-navigation .mainmenu");
    var drawer = document.querySelector(".mobile-drawer");
    var openButton = document.querySelector(".js-menu-open");
    if (!source || !drawer || !openButton) return;
    var target = drawer.querySelector(".mainmenu");
    Array.prototype.forEach.call(source.children, function (item) { target.appendChild(item.cloneNode(true)); });
    var overlay = document.querySelector(".overlay");
    var closeButton = drawer.querySelector(".js-menu-close");

    function focusable() {
      return Array.prototype.filter.call(drawer.querySelectorAll("a[href], button:not([disabled])"), function (el) {
        return el.offsetWidth > 0 || el.offsetHeight > 0;
      });
    }
    function onKey(event) {
      if (event.key === "Escape") { toggle(false); return; }
      if (event.key !== "Tab") return;
      var items = focusable();
      if (!items.length) return;
      var first = items[0], last = items[items.length - 1];
      if (event.shiftKey && document.activeElement === first) { event.preventDefault(); last.focus(); }
      else if (!event.shiftKey && document.activeElement === last) { event.preventDefault(); first.focus(); }
    }
    function toggle(open) {
      document.body.classList.toggle("mobile-nav-active", open);
      drawer.classList.toggle("is-visible", open);
      if (overlay) overlay.classList.toggle("is-visible", open);
      openButton.setAttribute("aria-expanded", open ? "true" : "false");
      if (open) { document.addEventListener("keydown", onKey); closeButton.focus(); }
      else { document.removeEventListener("keydown", onKey); openButton.focus(); }
    }
    openButton.addEventListener("click", function () { toggle(true); });
    closeButton.addEventListener("click", function () { toggle(false); });
    if (overlay) overlay.addEventListener("click", function () { toggle(false); });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
