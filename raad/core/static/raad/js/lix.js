/* The LIX readability figure under a Danish text area, updated while the editor types (progressive
   enhancement: the server renders the same figure, so it shows without JavaScript). A text area names its
   <output> in data-lix; the output carries the translated words (data-empty, data-bands, data-meets,
   data-misses) and, for easy-read Danish, the target (data-target). The counting mirrors
   raad/core/readability.py: keep the two in step (raad/core/tests/test_browser_lix.py compares them). */
(function () {
  "use strict";
  if (window.raadLix) return;  // the include may load this file more than once on a page
  window.raadLix = true;

  var LONG = 6;
  var ABBREVIATIONS = ("bl.a. f.eks. fx. m.fl. m.m. mv. osv. jf. jvf. ca. dvs. pkt. nr. kl. hhv. evt. inkl. ekskl. " +
    "ift. i.f.t. mht. m.h.t. pga. p.g.a. stk. vedr. tlf. mia. mio. o.l. s. e.l. el. dr. hr. fr. cand. ang. iflg. " +
    "ifm. iht. i.h.t. vha. v.h.a. gl. jan. feb. mar. apr. jun. jul. aug. sep. sept. okt. nov. dec. adm. afd. alm. " +
    "forv. kbh. kommunalbest.").split(" ");
  var BULLET = /^\s*(?:[-*•–—]|\d{1,3}[.)])\s+/;
  var TERMINATORS = ".!?:…";
  var NUMBER = /^\d+(?:[.,:]\d+)*$/;
  var WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;
  var CLOSERS = "\"'”’»)]";
  var OPENERS = "\"'“‘«([";

  function stripChars(text, chars, left, right) {
    var start = 0, end = text.length;
    while (left && start < end && chars.indexOf(text[start]) >= 0) start++;
    while (right && end > start && chars.indexOf(text[end - 1]) >= 0) end--;
    return text.slice(start, end);
  }

  function chunks(text) {
    var found = [], current = [];
    (text || "").replace(/\r\n/g, "\n").split("\n").forEach(function (line) {
      if (!line.trim()) {
        if (current.length) { found.push(current.join(" ")); current = []; }
        return;
      }
      if (BULLET.test(line)) {
        if (current.length) { found.push(current.join(" ")); current = []; }
        found.push(line.replace(BULLET, ""));
        return;
      }
      current.push(line.trim());
    });
    if (current.length) found.push(current.join(" "));
    return found;
  }

  function letters(word) {
    var count = 0;
    for (var character of word) { if (/\p{L}/u.test(character)) count++; }
    return count;
  }

  function analyse(text) {
    var words = 0, sentences = 0, long = 0;
    chunks(text).forEach(function (chunk) {
      var tokens = chunk.split(/\s+/).map(function (raw) {
        return stripChars(stripChars(raw, OPENERS, true, false), CLOSERS, false, true);
      }).filter(function (token) { return token; });
      var open = false;
      tokens.forEach(function (token, index) {
        var ends = TERMINATORS.indexOf(token[token.length - 1]) >= 0;
        var bare = stripChars(token, TERMINATORS + CLOSERS + ",;", false, true);
        var following = tokens[index + 1] || "";
        var found;
        var lower = token.toLowerCase();
        if (ABBREVIATIONS.indexOf(lower) >= 0 || (token.endsWith(".") && ABBREVIATIONS.indexOf(bare.toLowerCase() + ".") >= 0)) {
          found = [bare];
          ends = false;
        } else if (NUMBER.test(bare)) {
          found = [bare];
          var first = following.charAt(0);
          if (token.endsWith(".") && first && first !== first.toUpperCase() && first === first.toLowerCase()) ends = false;
        } else {
          found = bare.match(WORD) || [];
        }
        found.forEach(function (word) { words++; if (letters(word) > LONG) long++; });
        if (found.length) open = true;
        if (ends && open) { sentences++; open = false; }
      });
      if (open) sentences++;
    });
    return { words: words, sentences: sentences, long: long };
  }

  function value(figures) {
    if (!figures.words) return 0;
    var exact = figures.words / Math.max(figures.sentences, 1) + 100 * figures.long / figures.words;
    return Math.floor(exact + 0.5);
  }

  function bandLabel(output, lix) {
    var bands = (output.getAttribute("data-bands") || "").split("|");
    for (var i = 0; i < bands.length; i++) {
      var parts = bands[i].split("=");
      if (parts[0] === "" || lix < Number(parts[0])) return parts.slice(1).join("=");
    }
    return "";
  }

  function render(output, text) {
    var figures = analyse(text);
    if (!figures.words) { output.textContent = output.getAttribute("data-empty"); return; }
    var lix = value(figures);
    var label = "LIX " + lix + " (" + bandLabel(output, lix) + ")";
    var target = output.getAttribute("data-target");
    if (target) {
      label += ": " + (lix <= Number(target) ? output.getAttribute("data-meets") : output.getAttribute("data-misses"));
    }
    if (output.textContent !== label) output.textContent = label;
  }

  function setup() {
    Array.prototype.forEach.call(document.querySelectorAll("textarea[data-lix]"), function (area) {
      var output = document.getElementById(area.getAttribute("data-lix"));
      if (!output) return;
      var timer = null;
      area.addEventListener("input", function () {
        window.clearTimeout(timer);
        timer = window.setTimeout(function () { render(output, area.value); }, 250);
      });
    });
  }

  window.raadLixAnalyse = analyse;  // for the browser test that compares it with the server's counting
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
