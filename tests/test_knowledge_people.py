"""Well-known people in the knowledge base: look-up by name or alias, office by year, user extensions."""
from __future__ import annotations

from pathlib import Path

import pytest

from pactwatch.knowledge import NON_STATE_CODES, Knowledge, Person, load_knowledge

SECTORS = set("GOV LEG JUD MIL COP SPY PTY OPP REB PRM UAF UNK BUS EDU MED JRN LAB AGR CVL ELI REF REL SOC "
              "CRM PRE".split())
HEADER = "name\taliases\tcountry\trole\tsector\tstart\tend"


@pytest.fixture(scope="module")
def kb() -> Knowledge:
    return Knowledge.load()


# ---------------------------------------------------------------------------------------- look-up

def test_exact_canonical_name(kb):
    p = kb.person("Vladimir Putin")
    assert isinstance(p, Person)
    assert (p.name, p.country, p.sector) == ("Vladimir Putin", "RUS", "GOV")


def test_bare_surname_alias(kb):
    assert kb.person("Putin").name == "Vladimir Putin"
    assert kb.person("Macron").country == "FRA"
    assert kb.person("Zelenskyy").name == kb.person("Zelensky").name == "Volodymyr Zelensky"


def test_office_by_year(kb):
    assert kb.person("Putin", 2010).role == "Prime Minister"
    assert kb.person("Putin", 2020).role == "President"
    p = kb.person("Putin", 2005)
    assert (p.role, p.start, p.end) == ("President", 2000, 2008)


def test_without_a_year_the_latest_office(kb):
    p = kb.person("Vladimir Putin")
    assert p.role == "President" and p.end is None
    assert kb.person("Merkel").end == 2021


def test_year_outside_every_office_gives_the_nearest(kb):
    p = kb.person("Merkel", 2024)                  # after she left: callers can call her "former"
    assert (p.country, p.role, p.end) == ("DEU", "Chancellor", 2021)
    assert kb.person("Netanyahu", 2005).start == 2009     # 4 years to 2009, 6 since 1999
    assert kb.person("Putin", 1990).start == 1999


def test_unknown_names(kb):
    assert kb.person("John Q. Nobody") is None
    assert kb.person("") is None
    assert kb.person("President") is None


def test_shared_surname_matches_nobody(kb):
    assert kb.person("Bush") is None
    assert kb.person("George Bush") is None
    assert kb.person("George W. Bush", 2003).country == "USA"
    assert kb.person("Kim") is None
    assert kb.person("Kim Jong-un").country == "PRK"


def test_normalisation(kb):
    assert kb.person("PUTIN").name == "Vladimir Putin"
    assert kb.person("Putin's").name == "Vladimir Putin"
    assert kb.person("Erdogan").name == kb.person("Erdoğan").name
    assert kb.person("Walesa").name == kb.person("Wałęsa").name     # ł has no Unicode decomposition
    assert kb.person("Bashar Assad").name == kb.person("al-Assad").name == "Bashar al-Assad"


def test_leading_titles_are_ignored(kb):
    assert kb.person("Mr. Putin").name == "Vladimir Putin"
    assert kb.person("Russian President Vladimir Putin").name == "Vladimir Putin"
    assert kb.person("OpenAI CEO Sam Altman").name == "Sam Altman"
    assert kb.person("the late King Hussein").country == "JOR"


def test_business_leaders_carry_the_home_state(kb):
    p = kb.person("Sam Altman")
    assert (p.country, p.role, p.sector) == ("USA", "CEO", "BUS")
    assert kb.person("C. C. Wei").country == "TWN"


def test_international_offices(kb):
    assert kb.person("Ban Ki-moon", 2010).country == "UNO"
    assert kb.person("Ban Ki-moon", 2005).country == "KOR"
    assert kb.person("Stoltenberg", 2020).country == "IGO"
    assert kb.person("von der Leyen", 2022).country == "EUR"


# ---------------------------------------------------------------------------------------- extension

def _write(path: Path, *rows: str) -> None:
    path.write_text("# user additions\n" + HEADER + "\n" + "\n".join(rows) + "\n", encoding="utf-8")


def test_extra_dir_overrides(tmp_path):
    _write(tmp_path / "people.tsv",
           "Ada Quantum\tQuantum\tCHE\tCEO\tBUS\t2021\t",                  # a new person
           "Vladimir Putin\tVVP|-Wladimir Putin\t\t\t\t\t",                 # aliases only
           "Angela Merkel\t\t\tChancellor\t\t2005\t2022",                   # update one office
           "Angela Merkel\t\tEUR\tSpecial Envoy\tGOV\t2023\t",               # add an office
           "Olaf Scholz\t\t\t-\t\t\t")                                      # delete a person
    base = Knowledge.load()
    kb = Knowledge.load(extra_dirs=[tmp_path])
    assert base.person("Ada Quantum") is None
    assert kb.person("Quantum") == Person("Ada Quantum", "CHE", "CEO", "BUS", 2021, None)
    assert kb.person("VVP", 2010).role == "Prime Minister"
    assert base.person("Wladimir Putin") is not None and kb.person("Wladimir Putin") is None
    assert kb.person("Merkel", 2022) == Person("Angela Merkel", "DEU", "Chancellor", "GOV", 2005, 2022)
    assert kb.person("Merkel").role == "Special Envoy"
    assert base.person("Scholz") is not None and kb.person("Scholz") is None


def test_environment_variable_names_extra_folders(tmp_path, monkeypatch):
    _write(tmp_path / "people.tsv", "Nora Northwind\tNorthwind\tNOR\tForeign Minister\tGOV\t2030\t")
    monkeypatch.setenv("PACTWATCH_DATA", str(tmp_path))
    assert load_knowledge().person("Northwind").country == "NOR"
    monkeypatch.delenv("PACTWATCH_DATA")
    assert load_knowledge().person("Northwind") is None


# ---------------------------------------------------------------------------------------- data

def test_people_rows_are_well_formed(kb):
    states = {c.code for c in kb.iter_countries()} | set(NON_STATE_CODES)
    rows = list(kb.iter_people())
    assert len(rows) >= 700
    for r in rows:
        assert r.name and r.role, r
        assert r.country in states, r
        assert r.sector in SECTORS, r
        for y in (r.start, r.end):
            assert y is None or 1900 < y <= 2030, r
        if r.start is not None and r.end is not None:
            assert r.start <= r.end, r


@pytest.mark.parametrize("code", "USA RUS CHN GBR FRA DEU JPN KOR PRK IND PAK IRN ISR TUR BRA MEX ARG "
                                 "ZAF NGA EGY SAU AUS CAN IDN UKR".split())
def test_current_leaders_are_known(kb, code):
    assert any(r.country == code and r.end is None and r.sector == "GOV" for r in kb.iter_people()), code
