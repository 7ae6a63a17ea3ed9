"""Demo: the integration council follows the municipality's integration effort. The strategy's goals are
INVENTED for the demo (worded after the kind of goals Danish integration strategies have); the national figures
are the real ones of Det nationale integrationsbarometer shipped in data/ with their source; Holbæk's municipal
values for 2019–2023 are INVENTED, stored with `is_demo=True`, and every page showing them says
"Demoværdi (opdigtet)". Idempotent: does nothing when the council has indicators."""

from __future__ import annotations

from django.contrib.auth import get_user_model

from raad.councils.demo import DemoContext
from raad.dialogue.models import Topic
from raad.effort import services
from raad.effort.models import Indicator

GOALS = [
    ("Flere i job", "Flere flygtninge og indvandrere i ordinær beskæftigelse, så beskæftigelsesgabet mindskes."),
    ("Uddannelse til alle unge", "Flere unge med indvandrerbaggrund gennemfører en ungdomsuddannelse."),
    ("Dansk fra første dag", "Danskundervisning tidligt og tæt på arbejdspladsen."),
]

DEMO_SOURCE = "Demoværdi (opdigtet) – ikke Holbæk Kommunes rigtige tal"
# (indicator, goal_area, unit, {year: invented value}); the name is the barometer's
MUNICIPAL = [
    ("1.1", "Arbejde", "procentpoint", {2019: "24", 2020: "23", 2021: "21", 2022: "19", 2023: "18"}),
    ("1.2", "Arbejde", "procent", {2019: "55", 2020: "56", 2021: "58", 2022: "61", 2023: "62"}),
    ("2.2", "Uddannelse", "procent", {2019: "61", 2020: "63", 2021: "64", 2022: "66", 2023: "67"}),
]


def _csv_line(*fields: str) -> str:
    return ",".join('"' + f.replace('"', '""') + '"' for f in fields)


def load(context: DemoContext) -> None:
    council = context.council
    if Indicator.objects.filter(council=council).exists():
        return
    secretary = get_user_model().objects.filter(username="sekretariat").first()
    goals = [
        services.goal_create(council=council, title=title, text=text, order=n, by=secretary)
        for n, (title, text) in enumerate(GOALS, start=1)
    ]
    services.barometer_national_load(council=council, by=secretary)
    names = {i.code: i.name for i in Indicator.objects.filter(council=council)}
    lines = ["indicator,goal_area,measure_da,unit,year,value,source"]
    for code, area, unit, values in MUNICIPAL:
        for year, value in values.items():
            lines.append(_csv_line(code, area, names[code], unit, str(year), value, DEMO_SOURCE))
    services.indicator_values_import(
        council=council,
        data="\n".join(lines).encode(),
        scope="municipality",
        by=secretary,
        is_demo=True,
    )
    indicators = {i.code: i for i in Indicator.objects.filter(council=council)}
    for code, goal in (("1.1", goals[0]), ("1.2", goals[0]), ("2.1", goals[1]), ("2.2", goals[1]), ("3.1", goals[2])):
        if code in indicators:
            services.indicator_update(
                indicator=indicators[code], description=indicators[code].description, goal=goal, by=secretary
            )
    topic = Topic.objects.filter(council=council).order_by("number").first()
    if topic is not None:
        services.indicator_link_add(indicator=indicators["1.1"], topic=topic, by=secretary)
    context.notes.append(
        "Integrationsindsatsen: barometerets tal for hele landet; kommunens tal 2019–2023 er opdigtede demoværdier."
    )
