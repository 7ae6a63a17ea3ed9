// The live view of a meeting: fetch the changing part every few seconds and put it in place. Without
// JavaScript the page has a reload link; with it, that link stays as a fallback.
(function () {
  "use strict";
  var box = document.getElementById("live");
  if (!box || !window.fetch) {
    return;
  }
  var url = box.getAttribute("data-fragment-url");
  var seconds = parseInt(box.getAttribute("data-seconds"), 10) || 5;
  function refresh() {
    fetch(url, { credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
      .then(function (response) {
        return response.ok ? response.text() : null;
      })
      .then(function (html) {
        if (html !== null && html !== box.innerHTML) {
          box.innerHTML = html;
        }
      })
      .catch(function () {})
      .then(function () {
        window.setTimeout(refresh, seconds * 1000);
      });
  }
  window.setTimeout(refresh, seconds * 1000);
})();
