"""In Chromium with JavaScript off, on the demo: axe-core finds nothing on the integration effort's pages (the
indicator list, indicator 1.1 with its chart and table and the demo label, the goals, the import form), in Danish
and English, at 1280 and 320 pixels (no sideways scrolling); a malformed CSV uploaded without JavaScript is
refused with the line named, and the page with the error passes axe too."""

from __future__ import annotations

import pytest

from raad.effort.models import IndicatorValue
from raad.testing.browser import login
from raad.testing.reflow import reflow_problems, reflow_problems_here

pytestmark = pytest.mark.browser

SLUG = "integrationsraadet"
W = f"/arbejdsrum/{SLUG}/indsats/"
BAD_CSV = (
    b"indicator,goal_area,measure_da,unit,year,value,change_since_2012,source\n"
    b'1.1,Arbejde,"Besk\xc3\xa6ftigelsesgab",procentpoint,2024,17,,"Test"\n'
    b'1.1,Arbejde,"Besk\xc3\xa6ftigelsesgab",procentpoint,2025,sytten,,"Test"\n'
)
ERROR = {"": "Linje 3: værdien sytten er ikke et tal.", "/en": "Line 3: the value sytten is not a number."}
DEMO = {"": "Demoværdi (opdigtet)", "/en": "Demo value (invented)"}


@pytest.mark.parametrize("width", [1280, 320])
@pytest.mark.parametrize("prefix", ["", "/en"])
def test_effort_pages_pass_axe_and_reflow_and_the_import_names_the_line(
    browser, live_server, demo_data, prefix, width, tmp_path
):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="da-DK", java_script_enabled=False)
    context.set_default_timeout(15_000)
    page = context.new_page()
    before = IndicatorValue.objects.count()
    try:
        login(page, live_server, "sekretariat")
        problems = reflow_problems(
            page,
            live_server.url,
            [
                ("indicators", f"{prefix}{W}"),
                ("goals", f"{prefix}{W}maal/"),
                ("import", f"{prefix}{W}indlaes/"),
                ("indicator", f"{prefix}{W}indikatorer/1.1/"),
            ],
        )
        main = page.inner_text("main")
        assert DEMO[prefix] in main
        assert page.locator("main svg[role=img] title").count() == 1
        assert page.locator("main table#values tbody tr").count() == 5  # 2019–2023; the national 2020 among them
        bad = tmp_path / "tal.csv"
        bad.write_bytes(BAD_CSV)
        page.goto(f"{live_server.url}{prefix}{W}indlaes/")
        page.set_input_files("#id_file", str(bad))
        page.click("main form button[type=submit]")
        page.wait_for_load_state()
        assert ERROR[prefix] in page.inner_text("main")
        problems += reflow_problems_here(page, "import with errors")
    finally:
        context.close()
    assert IndicatorValue.objects.count() == before  # the refused file wrote nothing
    assert not problems, "\n".join(problems)
