"""Danish-looking text for generated data: words, sentences, paragraphs, titles and fictional names.

Pure Python (no Django), shared by the scale generator (`raad.testing.scale`) and the benchmarks
(`benchmarks/bench_compare.py`, `benchmarks/test_search.py`). Every function takes its own `random.Random`,
so what it returns follows from the seed alone.
"""

from __future__ import annotations

import random

# Words of a council's papers, in the forms they are written (bench_compare's list, issue 5).
WORDS = [
    "rådet",
    "integration",
    "kommunen",
    "borgere",
    "sprogundervisning",
    "beskæftigelse",
    "boligplacering",
    "foreningsliv",
    "frivillige",
    "dialog",
    "udvalget",
    "høringen",
    "anbefaler",
    "forslaget",
    "indsats",
    "børn",
    "unge",
    "familier",
    "skole",
    "uddannelse",
    "arbejdsmarked",
    "virksomheder",
    "praktik",
    "danskuddannelse",
    "sprogcenter",
    "budget",
    "midler",
    "prioritering",
    "samarbejde",
    "lige",
    "muligheder",
    "fællesskab",
    "kultur",
    "idræt",
    "sundhed",
    "tolkning",
    "vejledning",
    "netværk",
    "mentor",
    "ordning",
    "evaluering",
    "opfølgning",
]

# Stems, endings and suffixes of a larger vocabulary with many word forms (the search benchmark's, issue 13).
STEMS = ["rådet", "integration", "kommunen", "borger", "sprog", "beskæftigelse", "bolig", "forening", "frivillig"]
STEMS += ["dialog", "udvalg", "høring", "forslag", "indsats", "børn", "unge", "familie", "skole", "uddannelse"]
STEMS += ["arbejde", "virksomhed", "praktik", "budget", "midler", "samarbejde", "fællesskab", "kultur", "idræt"]
ENDINGS = ["", "en", "et", "er", "erne", "s", "ens", "ets", "ernes", "ing", "ingen", "inger", "ning", "else"]
SUFFIXES = ["plan", "tilbud", "center", "hus", "råd", "svar", "politik", "arbejde", "forløb", "ordning", "indsats"]


def vocabulary(size: int = 4000, seed: int = 13) -> list[str]:
    """`size` distinct Danish-looking words (stem + suffix + ending), sorted."""
    rng = random.Random(seed)
    words = {s + e for s in STEMS for e in ENDINGS}
    while len(words) < size:
        words.add(rng.choice(STEMS) + rng.choice(SUFFIXES) + rng.choice(ENDINGS))
    return sorted(words)[:size]


def sentence(rng: random.Random, words: int, vocabulary: list[str] = WORDS) -> str:
    text = " ".join(rng.choice(vocabulary) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random, words: int = 80, vocabulary: list[str] = WORDS) -> str:
    """About `words` words in sentences of 8 to 24 words."""
    sentences, left = [], words
    while left > 0:
        n = min(left, rng.randint(8, 24))
        sentences.append(sentence(rng, n, vocabulary))
        left -= n
    return " ".join(sentences)


# Titles: a subject and what is to be done with it, as agenda items and consultations read.
SUBJECTS = [
    "Budget {year}",
    "Handleplan for integration",
    "Ældrepolitik",
    "Handicappolitik",
    "Ungepolitik",
    "Boligsocial helhedsplan",
    "Sprogcentrets tilbud",
    "Tilgængelighed i kommunens bygninger",
    "Frivillighedsstrategi",
    "Kulturpulje",
    "Beskæftigelsesplan {year}",
    "Skolestruktur",
    "Sundhedspolitik",
    "Kollektiv trafik og flextrafik",
    "Foreningslivets vilkår",
    "Årsberetning {year}",
    "Mentorordning",
    "Praktikpladser for unge",
    "Danskuddannelse for voksne",
    "Demensstrategi",
    "Hjælpemidler og hjemmepleje",
    "Lokalplan for bymidten",
    "Klimaplan",
    "Den Dialogbaserede Kommune",
]
DOINGS = [
    "drøftelse",
    "høring",
    "orientering",
    "status",
    "godkendelse",
    "forslag til udtalelse",
    "opfølgning",
    "temadrøftelse",
]


def title(rng: random.Random, year: int) -> str:
    return f"{rng.choice(SUBJECTS).format(year=year)}: {rng.choice(DOINGS)}"


# Fictional people: Danish first and last names mixed with names from the languages spoken in Danish
# municipalities (the style of raad/testing/cast.py). Any likeness to a real person is chance.
FIRST_NAMES = [
    "Anne",
    "Mette",
    "Hanne",
    "Sofie",
    "Ida",
    "Camilla",
    "Lars",
    "Jens",
    "Mikkel",
    "Jonas",
    "Henrik",
    "Peter",
    "Amina",
    "Fatima",
    "Zainab",
    "Mariam",
    "Nour",
    "Ahmad",
    "Abdi",
    "Omar",
    "Yusuf",
    "Hassan",
    "Olena",
    "Tomasz",
    "Agnieszka",
    "Deniz",
    "Elif",
    "Mehmet",
    "Thi Lan",
    "Minh",
    "Priya",
    "Ravi",
]
LAST_NAMES = [
    "Nielsen",
    "Jensen",
    "Hansen",
    "Pedersen",
    "Andersen",
    "Christensen",
    "Larsen",
    "Sørensen",
    "Rasmussen",
    "Jørgensen",
    "Madsen",
    "Kristensen",
    "Holt",
    "Bach",
    "Lindholm",
    "Yusuf",
    "Rahimi",
    "Al-Sayed",
    "Hussein",
    "Haddad",
    "Warsame",
    "Kowalski",
    "Shevchenko",
    "Yılmaz",
    "Nguyen",
    "Khalil",
    "Demir",
    "Ali",
    "Mohamed",
    "Sharma",
]


def person_name(rng: random.Random) -> tuple[str, str]:
    return rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
