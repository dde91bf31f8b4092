import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from pactwatch.model import Location  # noqa: E402
from pactwatch.places import Gazetteer, normalize_place  # noqa: E402


@pytest.fixture(scope="module")
def gaz():
    return Gazetteer.default()


def test_default_is_a_singleton():
    assert Gazetteer.default() is Gazetteer.default()


def test_incheon(gaz):
    loc = gaz.lookup("Incheon")
    assert isinstance(loc, Location)
    assert loc.name == "Incheon"
    assert loc.country == "KOR"
    assert loc.geonames_id == 1843564
    assert loc.lat == pytest.approx(37.456, abs=0.01)
    assert loc.lon == pytest.approx(126.705, abs=0.01)


def test_gyeongju_and_romanisation(gaz):
    loc = gaz.lookup("Gyeongju")
    assert (loc.country, loc.geonames_id) == ("KOR", 1841603)
    assert gaz.lookup("Kyongju").geonames_id == 1841603   # ASCII alternate name


def test_washington_prefers_the_capital(gaz):
    loc = gaz.lookup("Washington")
    assert (loc.name, loc.country, loc.geonames_id) == ("Washington", "USA", 4140963)
    assert gaz.lookup("Washington", "USA").geonames_id == 4140963
    assert gaz.lookup("Washington", "GBR").country == "GBR"   # the hint filters first


@pytest.mark.parametrize("mention", [
    "the White House", "White House", "the State Department", "the Pentagon", "Capitol Hill",
    "Washington, D.C.", "Washington DC", "D.C.",
])
def test_seats_of_government_in_washington(gaz, mention):
    loc = gaz.lookup(mention)
    assert loc is not None, mention
    assert (loc.name, loc.country, loc.geonames_id) == ("Washington", "USA", 4140963)


@pytest.mark.parametrize("mention,name,country", [
    ("the Kremlin", "Moscow", "RUS"),
    ("Downing Street", "London", "GBR"),
    ("the Elysee Palace", "Paris", "FRA"),
    ("the Élysée Palace", "Paris", "FRA"),
    ("Cheong Wa Dae", "Seoul", "KOR"),
    ("the Blue House", "Seoul", "KOR"),
    ("Zhongnanhai", "Beijing", "CHN"),
    ("the Great Hall of the People", "Beijing", "CHN"),
    ("Palais des Nations", "Geneva", "CHE"),
    ("UN headquarters", "New York City", "USA"),
])
def test_landmark_aliases(gaz, mention, name, country):
    loc = gaz.lookup(mention)
    assert loc is not None and (loc.name, loc.country) == (name, country)


@pytest.mark.parametrize("mention,country", [
    ("Geneva", "CHE"), ("Paris", "FRA"), ("Birmingham", "GBR"), ("New York", "USA"), ("Bam", "IRN"),
    ("Seoul", "KOR"), ("Peking", "CHN"), ("Kiev", "UKR"), ("Busan", "KOR"), ("Pusan", "KOR"),
    ("The Hague", "NLD"), ("Zurich", "CHE"), ("Sejong", "KOR"), ("St. Petersburg", "RUS"),
])
def test_cities(gaz, mention, country):
    loc = gaz.lookup(mention)
    assert loc is not None and loc.country == country, (mention, loc)


def test_country_hint_disambiguates(gaz):
    assert gaz.lookup("Geneva").country == "CHE"
    assert gaz.lookup("Geneva", "USA").country == "USA"
    # a hint with no match in that country falls back to the best candidate
    assert gaz.lookup("Seoul", "USA").country == "KOR"


@pytest.mark.parametrize("mention,iso3", [
    ("Iran", "IRN"), ("South Korea", "KOR"), ("Korea", "KOR"), ("the United States", "USA"),
    ("U.S.", "USA"), ("US", "USA"), ("Britain", "GBR"), ("the Netherlands", "NLD"), ("North Korea", "PRK"),
    ("DPRK", "PRK"), ("Türkiye", "TUR"), ("China", "CHN"),
])
def test_countries(gaz, mention, iso3):
    loc = gaz.lookup(mention)
    assert loc is not None and loc.country == iso3, (mention, loc)
    assert loc.geonames_id is not None and loc.lat is not None


def test_country_record(gaz):
    iran = gaz.lookup("Iran")
    assert iran.name == "Iran" and iran.geonames_id == 130758
    assert iran.lat == pytest.approx(35.69, abs=0.1)          # Tehran's coordinates


def test_mention_forms(gaz):
    assert gaz.lookup("Seoul's").name == "Seoul"
    assert gaz.lookup("Geneva, Switzerland").country == "CHE"
    assert gaz.lookup("Portland, Oregon").country == "USA"
    assert gaz.lookup("Busan Metropolitan City").name == "Busan"
    assert gaz.lookup("  Incheon ").geonames_id == 1843564


@pytest.mark.parametrize("mention", ["Nowhereville", "Xqzzyvill", "", "said", "incheon", "Of", "University",
                                     "North", "Asia"])
def test_unknown_or_not_a_place(gaz, mention):
    assert gaz.lookup(mention) is None
    assert not gaz.is_place(mention)


def test_is_place(gaz):
    assert gaz.is_place("Incheon")
    assert gaz.is_place("the White House")


def test_iso3(gaz):
    assert gaz.iso3("KR") == "KOR"
    assert gaz.iso3("us") == "USA"


def test_normalize_place():
    assert normalize_place("Washington, D.C.") == normalize_place("washington, dc")
    assert normalize_place("The  Hague") == "hague"
    assert normalize_place("Élysée") == "elysee"
    assert normalize_place("Port-au-Prince") == "port au prince"


def test_extra_alias_dir(tmp_path):
    d = tmp_path / "aliases"
    d.mkdir()
    (d / "mine.tsv").write_text(
        "alias\tplace\tcountry\n"
        "# a comment\n"
        "Songdo Convensia\tIncheon\tKOR\n"
        "Hwabaek Convention Center\tGyeongju\tKOR\n"
        "Test Station Alpha\tAlpha Base\tATA\t-75.1\t123.3\t\n"
        "Broken Row\tNo Such Place\tKOR\n", encoding="utf-8")
    g = Gazetteer(extra_alias_files=[d])
    assert g.lookup("Songdo Convensia").geonames_id == 1843564
    assert g.lookup("the Hwabaek Convention Center").geonames_id == 1841603
    alpha = g.lookup("Test Station Alpha")
    assert (alpha.name, alpha.country, alpha.lat, alpha.geonames_id) == ("Alpha Base", "ATA", -75.1, None)
    assert g.lookup("Broken Row") is None
    assert g.lookup("Incheon").geonames_id == 1843564             # the rest still works
    assert g.lookup("the White House").name == "Washington"        # bundled aliases too
    assert Gazetteer.default().lookup("Songdo Convensia") is None   # the shared one is untouched


def test_extra_alias_file_overrides(tmp_path):
    f = tmp_path / "over.tsv"
    f.write_text("alias\tplace\tcountry\nPentagon\tArlington\tUSA\n", encoding="utf-8")
    g = Gazetteer(extra_alias_files=[str(f)])
    assert g.lookup("the Pentagon").name == "Arlington"
