"""The load mix (run by `benchmarks/load/run.py`, which sets LOAD_PLAN, LOAD_WRITES and LOAD_LOG).

Citizens browse the public pages, search, read agendas (the stored PDF), register for events and write to the
council; members read their meeting papers and send and withdraw apologies (afbud); the secretariat adds items
to an agenda. Every write is recorded in LOAD_WRITES (one JSON line: kind, its unique key or user, whether the
server accepted it) for `django_side verify`; every request in LOAD_LOG (time, name, status, milliseconds,
whether a 503 was the database-outage page). LOAD_PACE picks the think times (PACES, docs/load.md)."""

from __future__ import annotations

import itertools
import json
import os
import random
import re
import time
import uuid

from locust import HttpUser, between, events, task

PLAN = json.loads(open(os.environ["LOAD_PLAN"]).read())  # noqa: SIM115 (read once at import)
SLUG = PLAN["council"]
WRITES = open(os.environ["LOAD_WRITES"], "a", buffering=1)  # noqa: SIM115 (line-buffered, open for the run)
LOG = open(os.environ["LOAD_LOG"], "a", buffering=1)  # noqa: SIM115
SEARCHES = ["integration", "bolig", "sprog", "beskæftigelse", "foreninger", "høring", "budget", "børn"]
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
OUTAGE_MARKS = ("Tjenesten er midlertidigt utilgængelig", "Service temporarily unavailable")
ACCEPTED = (301, 302, 303)
# Seconds a simulated person waits between two tasks. "reading": the time it takes to read the page just fetched
# (an agenda, a meeting's papers, a form filled in); the goal p95 < 200 ms is measured at this pace. "stress": the
# first runs' pace, a click every 1-4 s without reading, three to four times the requests of "reading" from the same
# users: it finds what the installation serves at saturation (its capacity), not what 200 people ask for.
PACES = {
    "reading": {"citizen": (5, 20), "member": (10, 40), "secretariat": (10, 30)},
    "stress": {"citizen": (1, 4), "member": (2, 6), "secretariat": (3, 8)},
}
PACE = PACES[os.environ.get("LOAD_PACE", "reading")]
# Each (member, upcoming meeting) pair is given to one simulated member at a time, so two never race on one
# attendance row: the second member of a pair only reads.
_pairs = itertools.cycle([(member, meeting) for meeting in PLAN["upcoming_meetings"][:3] for member in PLAN["members"]])
_pair_count = len(PLAN["members"]) * len(PLAN["upcoming_meetings"][:3])
_taken = itertools.count()


@events.request.add_listener
def _log(request_type, name, response_time, response_length, response=None, exception=None, **kwargs):
    status = getattr(response, "status_code", 0) or 0
    outage = status == 503 and any(mark in (response.text or "") for mark in OUTAGE_MARKS)
    LOG.write(
        json.dumps({"t": time.time(), "name": name, "status": status, "ms": response_time, "outage_page": outage})
        + "\n"
    )


def _record(kind: str, status: int, **detail) -> None:
    WRITES.write(json.dumps({"kind": kind, "ok": status in ACCEPTED, "status": status, **detail}) + "\n")


def _token(response) -> str | None:
    match = CSRF.search(response.text or "")
    return match.group(1) if match else None


_LETTERS = str.maketrans("0123456789", "ghijklmnop")


def _unique() -> str:
    """A unique key without digits. Free text is CPR-masked on the way in (raad.core.redaction), and a run of ten
    digits in a hex uuid looks like a CPR number: the first 200-user run stored one inquiry masked, so the check
    could not find it by its key and counted a write as lost that was not."""
    return uuid.uuid4().hex.translate(_LETTERS)


class Citizen(HttpUser):
    weight = 12
    wait_time = between(*PACE["citizen"])

    @task(6)
    def front_and_council(self):
        self.client.get("/", name="/")
        self.client.get(f"/raad/{SLUG}/", name="/raad/[slug]/")

    @task(4)
    def meetings(self):
        self.client.get(f"/raad/{SLUG}/moeder/", name="/raad/[slug]/moeder/")
        if PLAN["public_meetings"]:
            pk = random.choice(PLAN["public_meetings"])
            self.client.get(f"/raad/{SLUG}/moeder/{pk}/", name="/raad/[slug]/moeder/[pk]/")
            self.client.get(f"/raad/{SLUG}/moeder/{pk}/dagsorden.pdf", name="/raad/[slug]/moeder/[pk]/dagsorden.pdf")

    @task(4)
    def search(self):
        self.client.get(f"/soeg/?q={random.choice(SEARCHES)}", name="/soeg/?q=")

    @task(2)
    def members_and_events(self):
        self.client.get(f"/raad/{SLUG}/medlemmer/", name="/raad/[slug]/medlemmer/")
        self.client.get(f"/raad/{SLUG}/arrangementer/", name="/raad/[slug]/arrangementer/")

    @task(1)
    def register_for_an_event(self):
        if not PLAN["events"]:
            return
        pk = random.choice(PLAN["events"])
        form = self.client.get(f"/raad/{SLUG}/arrangementer/{pk}/", name="/raad/[slug]/arrangementer/[pk]/")
        token = _token(form)
        if token is None:
            return
        email = f"load-{_unique()}@test.invalid"
        response = self.client.post(
            f"/raad/{SLUG}/arrangementer/{pk}/tilmeld/",
            {
                "csrfmiddlewaretoken": token,
                "name": "Lastprøve Borger",
                "email": email,
                "seats": "1",
                "waiting_list": "on",
            },
            allow_redirects=False,
            name="POST /raad/[slug]/arrangementer/[pk]/tilmeld/",
        )
        _record("registration", response.status_code, key=email)

    @task(1)
    def write_to_the_council(self):
        form = self.client.get(f"/raad/{SLUG}/skriv/", name="/raad/[slug]/skriv/")
        token = _token(form)
        if token is None:
            return
        key = f"lastprøve-{_unique()}"
        response = self.client.post(
            f"/raad/{SLUG}/skriv/",
            {
                "csrfmiddlewaretoken": token,
                "kind": "question",
                "text": f"Hvornår behandler rådet boligsociale tilbud? ({key})",
                "reply_by": "none",
            },
            allow_redirects=False,
            name="POST /raad/[slug]/skriv/",
        )
        _record("inquiry", response.status_code, key=key)


class Member(HttpUser):
    weight = 6
    wait_time = between(*PACE["member"])

    def on_start(self):
        self.pair = next(_pairs) if next(_taken) < _pair_count else None
        member = self.pair[0] if self.pair else random.choice(PLAN["members"])
        self.username = member["username"]
        self.client.cookies.set("sessionid", member["session"])
        self.meeting = self.pair[1] if self.pair else random.choice(PLAN["upcoming_meetings"] or [None])
        self.apologised = False

    @task(4)
    def read_papers(self):
        self.client.get("/arbejdsrum/", name="/arbejdsrum/")
        if self.meeting:
            self.client.get(f"/arbejdsrum/{SLUG}/moeder/{self.meeting}/", name="/arbejdsrum/[slug]/moeder/[pk]/")

    @task(1)
    def read_the_packet(self):
        if self.meeting:
            self.client.get(
                f"/arbejdsrum/{SLUG}/moeder/{self.meeting}/dagsorden.pdf",
                name="/arbejdsrum/[slug]/moeder/[pk]/dagsorden.pdf",
            )

    @task(2)
    def apology(self):
        if self.pair is None:
            return
        base = f"/arbejdsrum/{SLUG}/moeder/{self.meeting}/"
        if not self.apologised:
            page = self.client.get(base + "afbud/", name="/arbejdsrum/[slug]/moeder/[pk]/afbud/")
            token = _token(page)
            if token is None:
                return
            response = self.client.post(
                base + "afbud/",
                {"csrfmiddlewaretoken": token, "confirm": "yes"},
                allow_redirects=False,
                name="POST /arbejdsrum/[slug]/moeder/[pk]/afbud/",
            )
            _record("apology", response.status_code, user=self.username, meeting=self.meeting)
            self.apologised = response.status_code in ACCEPTED
        else:
            page = self.client.get(base, name="/arbejdsrum/[slug]/moeder/[pk]/")
            token = _token(page)
            if token is None:
                return
            response = self.client.post(
                base + "afbud/tilbage/",
                {"csrfmiddlewaretoken": token},
                allow_redirects=False,
                name="POST /arbejdsrum/[slug]/moeder/[pk]/afbud/tilbage/",
            )
            _record("apology_withdrawn", response.status_code, user=self.username, meeting=self.meeting)
            self.apologised = response.status_code not in ACCEPTED


class Secretariat(HttpUser):
    weight = 1
    wait_time = between(*PACE["secretariat"])

    def on_start(self):
        self.client.cookies.set("sessionid", PLAN["secretariat_session"])
        self.meeting = PLAN["upcoming_meetings"][-1] if PLAN["upcoming_meetings"] else None

    @task(3)
    def desk(self):
        self.client.get(f"/arbejdsrum/{SLUG}/", name="/arbejdsrum/[slug]/")
        self.client.get(f"/arbejdsrum/{SLUG}/henvendelser/", name="/arbejdsrum/[slug]/henvendelser/")

    @task(2)
    def edit_the_agenda(self):
        if self.meeting is None:
            return
        base = f"/arbejdsrum/{SLUG}/moeder/{self.meeting}/"
        form = self.client.get(base + "punkter/nyt/", name="/arbejdsrum/[slug]/moeder/[pk]/punkter/nyt/")
        token = _token(form)
        if token is None:
            return
        key = f"Lastprøve {_unique()}"
        response = self.client.post(
            base + "punkter/nyt/",
            {"csrfmiddlewaretoken": token, "kind": "discussion", "title": key, "case_presentation": "Til drøftelse."},
            allow_redirects=False,
            name="POST /arbejdsrum/[slug]/moeder/[pk]/punkter/nyt/",
        )
        _record("item", response.status_code, key=key)
        if response.status_code in ACCEPTED:
            self.client.get(base, name="/arbejdsrum/[slug]/moeder/[pk]/")
