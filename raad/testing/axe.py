"""axe-core in a Playwright page: WCAG 2.0/2.1 A and AA rules, violations as a readable report."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# With JavaScript off (a context made with java_script_enabled=False) Chromium runs evaluate()'s code but never
# fires a timer, so axe.run(), which waits on setTimeout between its rules, would never resolve and evaluate()
# (which has no timeout) would hang the test without a word. The page's own scripts do not run in such a page,
# so nothing else uses the timers: they are replaced by microtasks, which do run.
SCRIPTING_OFF = """() => {
  const probe = document.createElement('div');
  probe.innerHTML = '<noscript><p></p></noscript>';
  return probe.querySelector('noscript p') !== null;
}"""
TIMERS_AS_MICROTASKS = """() => {
  window.setTimeout = (callback, delay, ...args) => { Promise.resolve().then(() => callback(...args)); return 0; };
  window.clearTimeout = () => {};
  window.requestAnimationFrame = (callback) => { Promise.resolve().then(() => callback(performance.now())); return 0; };
  window.cancelAnimationFrame = () => {};
}"""


def run_axe(page) -> list[dict]:
    """Run axe-core on the page as it is now; return its violations (empty when there are none)."""
    if not AXE_SCRIPT.exists():
        pytest.fail(f"{AXE_SCRIPT} is missing: run `make install` (npm ci)", pytrace=False)
    if not page.evaluate("() => typeof window.axe === 'object'"):
        if page.evaluate(SCRIPTING_OFF):  # noscript's content is parsed as elements only when scripting is off
            page.evaluate(TIMERS_AS_MICROTASKS)
        # evaluate() runs through the DevTools protocol, so the page's CSP (script-src 'self') does not block it.
        page.evaluate(AXE_SCRIPT.read_text(encoding="utf-8"))
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        AXE_TAGS,
    )
    return result["violations"]


def format_violations(url: str, violations: list[dict]) -> str:
    """One block per rule: id, impact, help and link, then each element's selector and what to fix."""
    lines = [f"axe-core found {len(violations)} WCAG 2.1 A/AA violation(s) on {url}:"]
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation.get('impact') or 'n/a'}): {violation['help']}")
        lines.append(f"  {violation['helpUrl']}")
        for node in violation["nodes"][:10]:
            target = " ".join(str(part) for part in node["target"])
            lines.append(f"    at {target}")
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            if summary:
                lines.append(f"       {summary[:300]}")
        if len(violation["nodes"]) > 10:
            lines.append(f"    … and {len(violation['nodes']) - 10} more")
    return "\n".join(lines)
