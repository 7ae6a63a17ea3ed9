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
        problems += reflow_problems_here(page, f"{name} ({path})")
    return problems


def reflow_problems_here(page, label: str) -> list[str]:
    """The page as it is now (no reload: also the answer to a POST): sideways scrolling at its width, and axe
    violations at that width."""
    problems = []
    result = page.evaluate(OVERFLOW)
    if result["scrollWidth"] > result["width"]:
        problems.append(f"{label} is {result['scrollWidth']}px wide at {result['width']}px: {result['culprits']}")
    violations = run_axe(page)
    if violations:
        problems.append(format_violations(f"{label} at {result['width']}px", violations))
    return problems
