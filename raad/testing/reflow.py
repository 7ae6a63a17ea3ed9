"""WCAG 2.1 AA 1.4.10 Reflow, which axe-core does not check: at 320 CSS pixels no page scrolls sideways.
Wide data tables may scroll inside their own box, which axe (run at that width too) checks is keyboard
reachable. Shared by every app's reflow tests."""

from __future__ import annotations

from raad.testing.axe import format_violations, run_axe

OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const culprits = [];
  for (const element of document.querySelectorAll('body *')) {
    const box = element.getBoundingClientRect();
    if (box.width > 0 && box.right > width + 1 && !element.closest('.table--responsive-scroll, .table-responsive')) {
      culprits.push(`${element.tagName.toLowerCase()}.${[...element.classList].join('.')} ends at ${Math.round(box.right)}px: `
        + (element.textContent || '').trim().slice(0, 50));
    }
  }
  return {scrollWidth: document.documentElement.scrollWidth, width, culprits: culprits.slice(0, 5)};
}"""


def reflow_problems(page, base_url: str, pages) -> list[str]:
    """For each (name, path): sideways scrolling at the page's width, and axe violations at that width."""
    problems = []
    for name, path in pages:
        page.goto(f"{base_url}{path}")
        result = page.evaluate(OVERFLOW)
        if result["scrollWidth"] > result["width"]:
            problems.append(f"{name} ({path}) is {result['scrollWidth']}px wide: {result['culprits']}")
        violations = run_axe(page)
        if violations:
            problems.append(format_violations(f"{name} ({path}) at 320px", violations))
    return problems
