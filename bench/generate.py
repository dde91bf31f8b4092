"""Deterministic synthetic news corpus for the pactwatch benchmark.

Every article is built from templates written for this benchmark (no third-party
text): two countries drawn from the project's ``countries.tsv`` (name, demonym,
capital), invented officials with titles, ministries, technologies, and one of
several story kinds (visit, talks, MoU signing, pledge, aid, export controls,
accusation, joint lab, summit announcement, setback). Dates are both absolute
("on March 4", "by the end of June") and relative ("on Tuesday", "next month").

    python bench/generate.py OUT_DIR [--docs 320] [--seed 20260101] [--days 540]

writes OUT_DIR/bench_0000.txt ... with the `` date YYYY-MM-DD `` header followed
by the article on the same line, like ``src/pactwatch/data/demo/*.txt``.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import re
from importlib import resources
from pathlib import Path

DEFAULT_SEED = 20260101
DEFAULT_DAYS = 540      # the articles' dates fall in this many days from 2025-01-01
MIN_WORDS, MAX_WORDS = 180, 400
MIN_SENTS, MAX_SENTS = 8, 15

# ------------------------------------------------------------------ countries

# Countries that plausibly appear in science-and-technology diplomacy stories.
_CODES = ("USA KOR JPN GBR IND FRA DEU CHN AUS CAN ITA BRA SGP ISR NLD SWE FIN TWN VNM IDN SAU ARE "
          "ZAF MEX POL ESP NOR NZL CHE EGY KEN NGA TUR PHL MYS THA CHL ARG DNK AUT IRL EST CZE QAT").split()
_THE = {"USA", "GBR", "NLD", "PHL", "ARE"}
_CAPITAL_FIX = {"SGP": "Singapore", "BEL": "Brussels"}
# Second (non-capital) cities for visits to labs, campuses and ports.
_SECOND_CITY = {
    "USA": "Boston", "KOR": "Daejeon", "JPN": "Osaka", "GBR": "Cambridge", "IND": "Bengaluru",
    "FRA": "Grenoble", "DEU": "Munich", "CHN": "Shenzhen", "AUS": "Sydney", "CAN": "Toronto",
    "ITA": "Milan", "BRA": "Sao Paulo", "SGP": "Singapore", "ISR": "Haifa", "NLD": "Eindhoven",
    "SWE": "Gothenburg", "FIN": "Espoo", "TWN": "Hsinchu", "VNM": "Ho Chi Minh City", "IDN": "Surabaya",
    "SAU": "Jeddah", "ARE": "Dubai", "ZAF": "Cape Town", "MEX": "Monterrey", "POL": "Krakow",
    "ESP": "Barcelona", "NOR": "Trondheim", "NZL": "Auckland", "CHE": "Zurich", "EGY": "Alexandria",
    "KEN": "Mombasa", "NGA": "Lagos", "TUR": "Istanbul", "PHL": "Cebu", "MYS": "Penang",
    "THA": "Chiang Mai", "CHL": "Valparaiso", "ARG": "Cordoba", "DNK": "Aarhus", "AUT": "Graz",
    "IRL": "Cork", "EST": "Tartu", "CZE": "Brno", "QAT": "Al Wakrah",
}


def load_countries() -> list[dict]:
    """(code, name, demonym, capital) for the benchmark countries, from countries.tsv."""
    path = resources.files("pactwatch") / "data" / "countries.tsv"
    rows = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#") or line.startswith("code\t"):
                continue
            cells = (line.rstrip("\n").split("\t") + [""] * 5)[:5]
            rows[cells[0]] = cells
    out = []
    for code in _CODES:
        if code not in rows:
            continue
        _, name, _aliases, demonyms, capitals = rows[code]
        capital = _CAPITAL_FIX.get(code) or (capitals.split("|")[0] if capitals else name)
        demonym = demonyms.split("|")[0] if demonyms else name
        out.append({
            "code": code,
            "name": ("the " + name) if code in _THE else name,
            "short": {"USA": "US", "GBR": "UK", "ARE": "UAE"}.get(code, name),
            "dem": demonym,
            "cap": capital,
            "city2": _SECOND_CITY.get(code, capital),
        })
    return out


# ------------------------------------------------------------------ people and bodies

_GIVEN = ("Anna Marco Lena Tomas Priya Kenji Aiko Daniel Sofia Rafael Ingrid Omar Leila Samuel Mei "
          "Hana Viktor Elena Arjun Nadia Jonas Carmen Felix Yara Lucas Amara Henrik Rosa Tariq Clara "
          "Mateo Ines Kofi Ayesha Oliver Petra Diego Selin Nikhil Marta Emil Zara Hugo Noor").split()
_FAMILY = ("Varga Holloway Nakamura Okonkwo Lindqvist Ferreira Castellan Rahimi Dorsey Kowal Albrecht "
           "Marchetti Sato Delacroix Brennan Haddad Oyelaran Petrov Moreau Iyer Whitcombe Zielinski "
          "Takeda Lavigne Mbeki Solberg Quintero Hartmann Novak Adeyemi Rinaldi Strand Vasquez "
           "Kimura Bergström Mensah Okafor Danforth Aalto Reyes Caldwell Ishikawa Pereira").split()

_MINISTRIES = (
    ("Science Minister", "Ministry of Science and Technology"),
    ("Foreign Minister", "Ministry of Foreign Affairs"),
    ("Trade Minister", "Ministry of Trade and Industry"),
    ("Digital Affairs Minister", "Ministry of Digital Affairs"),
    ("Industry Minister", "Ministry of Industry"),
    ("Research Minister", "Ministry of Education and Research"),
    ("Economy Minister", "Ministry of Economy"),
)
_OTHER_TITLES = ("deputy foreign minister", "vice minister for science", "chief scientific adviser",
                 "ambassador", "special envoy for technology", "national security adviser")

_COMPANY_A = ("Norvale", "Kestrel", "Brightwater", "Aurelion", "Tessaract", "Halcyon", "Meridian",
              "Corvid", "Silverline", "Northgate", "Pellucid", "Orison")
_COMPANY_B = ("Semiconductor", "Quantum", "Photonics", "Systems", "Microelectronics", "Robotics",
              "Biologics", "Networks", "Space")

# (short name, long name, topic phrase for "cooperation on ...")
_TECH = (
    ("AI", "artificial intelligence", "artificial intelligence"),
    ("quantum", "quantum technology", "quantum computing and quantum sensing"),
    ("chips", "semiconductors", "semiconductor design and manufacturing"),
    ("6G", "next-generation mobile networks", "6G telecommunications"),
    ("space", "space technology", "satellite launches and Earth observation"),
    ("biotech", "biotechnology", "biotechnology and vaccine research"),
    ("batteries", "battery technology", "battery materials and clean energy storage"),
    ("minerals", "critical minerals", "critical minerals processing"),
    ("cyber", "cybersecurity", "cybersecurity and secure networks"),
    ("robotics", "robotics", "industrial robotics"),
    ("nuclear", "civil nuclear energy", "small modular nuclear reactors"),
    ("supercomputing", "high-performance computing", "supercomputing and AI infrastructure"),
)

_MONTHS = ("January February March April May June July August September October November "
           "December").split()
_MON_ABBR = ("Jan. Feb. March April May June July Aug. Sept. Oct. Nov. Dec.").split()
_WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
_NUM_WORDS = "two three four five six seven eight nine ten".split()


def _person(rng: random.Random, used: set) -> tuple[str, str]:
    while True:
        g, f = rng.choice(_GIVEN), rng.choice(_FAMILY)
        if f not in used:
            used.add(f)
            return f"{g} {f}", f


# ------------------------------------------------------------------ templates
# Slots: {A} {B} country names (may start with "the"), {Ad} {Bd} demonyms, {Ac} {Bc} capitals,
# {Bc2} second city, {As}/{Bs} short names, {p1} {p1l} {t1} person/last name/title of A,
# {p2} {p2l} {t2} of B, {m1} {m2} ministries, {tech} {techl} {techp}, {tech2l}, {day} event weekday,
# {ev_date} "March 4", {fut} a future time, {past} a past time, {amt} money, {n} a count,
# {co} a company, {inst} an institute. Sentences are capitalised after filling.

_LEADS = {
    "visit": [
        "{t1} {p1} arrived in {Bc} on {day} for a {nw}-day visit aimed at deepening {Ad}-{Bd} cooperation in {techl}, the {m1} said.",
        "{A} and {B} agreed on {day} to expand joint research in {techp} as {t1} {p1} met {p2} in {Bc}.",
        "{Ad} {t1} {p1} held talks with {Bd} {t2} {p2} in {Bc} on {day}, the first visit by a senior {Ad} official this year.",
    ],
    "mou": [
        "{A} and {B} signed a memorandum of understanding on {techl} in {Bc} on {day}, committing to joint projects and researcher exchanges.",
        "{Ad} and {Bd} officials on {day} signed an agreement to cooperate on {techp}, the {m2} said in a statement.",
        "{t1} {p1} and {t2} {p2} signed a {techs} cooperation pact in {Ac} on {day}, capping months of negotiations.",
    ],
    "pledge": [
        "{A} promised on {day} to share research facilities for {techl} with {B}, {t1} {p1} said after talks in {Ac}.",
        "{A} pledged on {day} to help {B} build capacity in {techp}, in a move officials said would take years to complete.",
        "{Ad} officials vowed on {day} to speed up work on a joint {techs} programme with {B} that has fallen behind schedule.",
    ],
    "aid": [
        "{A} will provide {amt} to {B} to support research in {techp}, the {m1} announced on {day}.",
        "{A} on {day} announced a grant of {amt} for {Bd} universities working on {techl}, the largest such package in a decade.",
        "{A} offered {B} {amt} in technical assistance for {techp}, {t1} {p1} told reporters in {Bc} on {day}.",
    ],
    "controls": [
        "{A} on {day} announced new restrictions on exports of {techl} equipment to {B}, citing national security concerns.",
        "{A} tightened export controls on advanced {techl} products bound for {B} on {day}, widening a campaign to limit {Bd} access to sensitive technology.",
        "{Ad} authorities said on {day} that companies will need a licence to ship {techl} components to {B}, starting {fut}.",
    ],
    "accuse": [
        "{A} on {day} accused {B} of stealing {techl} secrets from {Ad} companies and research institutes.",
        "{Ad} {t1} {p1} accused {B} on {day} of using cyberattacks to obtain {techl} research, an allegation {Bc} denied.",
        "{A} criticised {B} on {day} over its treatment of foreign {techl} firms, saying the rules were designed to force technology transfers.",
    ],
    "lab": [
        "{A} and {B} opened a joint research centre for {techp} in {Bc2} on {day}, officials from both countries said.",
        "A {Ad}-{Bd} laboratory dedicated to {techl} began work in {Bc2} on {day}, more than a year after the two governments announced it.",
        "{Ad} and {Bd} scientists launched a shared testbed for {techl} in {Bc2} on {day}, the {m2} said.",
    ],
    "summit": [
        "The leaders of {A} and {B} will meet in {Ac} {fut} to discuss cooperation on {techl}, the {m1} said on {day}.",
        "{A} said on {day} that it would host {Bd} officials for a technology dialogue {fut}, with {techl} at the top of the agenda.",
        "{Ad} and {Bd} negotiators will hold the first round of talks on a {techs} agreement {fut}, officials said on {day}.",
    ],
    "setback": [
        "{A} and {B} postponed the launch of a joint {techs} programme on {day}, citing disagreements over funding.",
        "A planned {Ad}-{Bd} research facility for {techl} has been called off, the {m2} said on {day}.",
        "{A} on {day} suspended talks with {B} on a {techs} partnership, the {m1} said, without giving a reason.",
    ],
    "talks": [
        "Officials from {A} and {B} met in {Ac} on {day} to review progress on their cooperation in {techp}.",
        "{Ad} and {Bd} delegations held two days of talks in {Ac} ending on {day}, focusing on {techl} and research security.",
        "{t1} {p1} hosted {Bd} counterpart {p2} in {Ac} on {day} for talks on {techl} and supply chains.",
    ],
}

_DETAILS = {
    "visit": [
        "During the visit, {p1l} is expected to tour laboratories in {Bc2} and meet executives from {co}.",
        "{p1l} was accompanied by a delegation of about {n} researchers and business leaders.",
        "The two officials discussed joint funding calls, exchanges of doctoral students and common standards for {techl}.",
        "{p2l} said {B} welcomed closer ties and proposed setting up a working group to follow up on the talks.",
    ],
    "mou": [
        "Under the memorandum, the two sides will fund joint projects, share access to national testbeds and exchange researchers.",
        "The agreement runs for five years and can be extended, according to a statement from the {m1}.",
        "The deal was first proposed when {p1l} visited {Bc} {past}, officials said.",
        "It also commits both governments to coordinate their rules on research security and intellectual property.",
    ],
    "pledge": [
        "{p1l} said the first projects would be selected {fut}, with calls for proposals open to universities and companies.",
        "The commitment was made during a meeting between {p1l} and {p2l}, who praised it as a sign of trust.",
        "Details of the funding will be set out in a joint plan that officials aim to finish {fut}.",
        "{B} had asked for the support {past}, according to people familiar with the discussions.",
    ],
    "aid": [
        "The money will pay for equipment, training and scholarships for {n} young researchers, the ministry said.",
        "Part of the package will go to {inst}, which has been working with {Ad} partners since 2019.",
        "{p2l} thanked {A} and said the support would help {B} train its own engineers.",
        "The first tranche is expected to be released {fut}, with the rest spread over three years.",
    ],
    "controls": [
        "The rules add {n} {Bd} companies and research institutes to a list of entities that cannot buy {Ad} technology without a permit.",
        "{co} and other {Ad} suppliers said they were studying the measures and their possible effect on sales.",
        "The {m2} condemned the decision and said {B} would take measures to protect the interests of its companies.",
        "Officials in {Ac} said the controls would take effect {fut} and would be reviewed every six months.",
    ],
    "accuse": [
        "{p1l} said investigators had found evidence that hackers linked to {Bd} state agencies targeted at least {n} laboratories.",
        "The {m2} rejected the accusation as groundless and urged {A} to stop politicising scientific exchanges.",
        "{A} summoned the {Bd} ambassador to protest, the {m1} said.",
        "The dispute threatens a research partnership that the two countries launched {past}.",
    ],
    "lab": [
        "The centre will employ about {n} scientists from both countries and is funded by {amt} over five years.",
        "{p1l} and {p2l} attended the opening ceremony along with university presidents and executives from {co}.",
        "Researchers plan to publish their first joint results {fut}, according to the project's director.",
        "The lab was agreed {past}, when the two governments signed a framework deal on {techl}.",
    ],
    "summit": [
        "Officials said the meeting was expected to produce a joint statement on {techl} and a new funding programme.",
        "Preparations are being handled by the {m1} and the {m2}, which met {past} to draft an agenda.",
        "{p1l} said the talks would build on an agreement reached {past}.",
        "A date for a follow-up meeting of experts has not been set, the ministry said.",
    ],
    "setback": [
        "The programme had been due to start {past} but was delayed several times as the two sides argued over costs.",
        "{p2l} said {B} remained committed to cooperation and hoped the project could be revived {fut}.",
        "Researchers involved in the plan said they were disappointed and would look for other partners.",
        "The decision follows a dispute over access to data generated by the project, officials said.",
    ],
    "talks": [
        "The two sides agreed to meet again {fut} and to prepare a list of joint projects before then.",
        "{p1l} said the talks had been productive and that both countries wanted to move quickly.",
        "They also discussed cooperation on {tech2l} and the security of supply chains.",
        "{p2l} proposed creating a joint fund for start-ups working on {techl}.",
    ],
}

_QUOTES = {
    "good": [
        "\"{techu} is moving too fast for any country to go it alone,\" {p1l} told reporters.",
        "\"This is a partnership built on trust and on shared interests in {techl},\" {p2l} said.",
        "\"We want results that our scientists and companies can see within a year,\" {p1l} said at a news conference.",
        "\"Today we turn promises into projects,\" {p1l} said, according to the {m1}.",
        "\"{Bs} brings talent and ambition, and we bring long experience in {techl},\" {p1l} said.",
    ],
    "bad": [
        "\"Our door remains open, but cooperation must be fair to both sides,\" {p2l} said in a statement.",
        "\"We will respond to any measure that harms our companies,\" a spokesperson for the {m2} said.",
        "\"We cannot ignore what has happened to our researchers,\" {p1l} told reporters in {Ac}.",
        "\"These steps are narrow and aimed only at the most sensitive technology,\" {p1l} said.",
    ],
}
_MOOD = {"visit": "good", "mou": "good", "pledge": "good", "aid": "good", "lab": "good", "summit": "good",
         "talks": "good", "controls": "bad", "accuse": "bad", "setback": "bad"}

# Introduces the officials when the lead did not name them.
_INTRO = [
    "{t1} {p1} led the {Ad} side, while {B} was represented by {t2} {p2}.",
    "The announcement was made by {t1} {p1}, who spoke after a call with {Bd} {t2} {p2}.",
    "{Ad} {t1} {p1} and {Bd} {t2} {p2} had already discussed the issue {past}.",
]
_INTRO_B = [
    "{B} was represented by {t2} {p2}, who travelled with a small delegation.",
    "{p1l} later spoke by phone with {Bd} {t2} {p2}, the {m1} said.",
]

_BACKGROUND = [
    "{A} has made {techl} one of its national strategic technologies and plans to double public spending on it by 2030.",
    "{B} is home to a fast-growing {techs} industry and has been seeking partners to fund its research.",
    "Governments around the world have stepped up efforts to secure supply chains for {techl} since the pandemic.",
    "{Ad} and {Bd} trade in high-technology goods reached a record last year, according to official figures.",
    "The two countries first signed a science and technology cooperation agreement more than two decades ago.",
    "Competition over {techl} has become a central theme in relations between major economies.",
    "Analysts say the talks reflect a broader push by {A} to diversify its technology partnerships.",
    "{B} announced a national {techs} strategy {past}, setting targets for talent, infrastructure and investment.",
    "Both governments have also been discussing cooperation on {tech2l}.",
    "The {m1} said more than {n} joint research projects were already under way.",
    "{Bd} universities sent more than {n} doctoral students to {A} last year, many of them in engineering and computer science.",
    "Industry groups in both countries have called for clearer rules on data sharing, export licensing and the protection of intellectual property.",
    "{co}, which employs engineers in both countries, has said it would take part in any joint programme.",
    "The European Union, Japan and the United States have all announced large public programmes for {techl} in recent years, raising the stakes for smaller partners.",
]

_CLOSERS = [
    "The {m1} said further details would be released {fut}.",
    "Neither side disclosed the total value of the planned projects.",
    "A joint committee will review progress {fut}, officials said.",
    "{p1l} is scheduled to return to {Ac} on {next_day}.",
    "The next round of talks is expected {fut}.",
]


def _future(rng: random.Random, pub: dt.date) -> str:
    later = pub + dt.timedelta(days=rng.randint(20, 200))
    return rng.choice([
        "next month", "later this year", "by the end of {}".format(_MONTHS[later.month - 1]),
        "in {} {}".format(_MONTHS[later.month - 1], later.year), "on {} {}".format(_MONTHS[later.month - 1], later.day),
        "next week", "early next year", "within 90 days", "in the second half of the year",
    ])


def _past(rng: random.Random, pub: dt.date) -> str:
    earlier = pub - dt.timedelta(days=rng.randint(30, 400))
    return rng.choice([
        "last year", "in {}".format(_MONTHS[earlier.month - 1]),
        "in {} {}".format(_MONTHS[earlier.month - 1], earlier.year), "two weeks ago", "earlier this year",
        "on {} {}, {}".format(_MONTHS[earlier.month - 1], earlier.day, earlier.year), "last month",
    ])


def _cap(s: str) -> str:
    s = re.sub(r"  +", " ", s.strip())
    if s.startswith("\""):
        return s[0] + s[1:2].upper() + s[2:]
    return s[:1].upper() + s[1:]


def make_article(rng: random.Random, countries: list[dict], kind: str | None = None,
                 days: int = DEFAULT_DAYS) -> tuple[str, str]:
    """(publication date, article text) for one synthetic story."""
    a, b = rng.sample(countries, 2)
    if kind is None:
        kind = rng.choice(sorted(_LEADS))
    pub = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randint(0, days))
    ev = pub - dt.timedelta(days=rng.choice((0, 1, 1, 2)))
    used: set = set()
    p1, p1l = _person(rng, used)
    p2, p2l = _person(rng, used)
    (t1, m1), (t2, m2) = rng.sample(_MINISTRIES, 2)
    if rng.random() < 0.3:
        t2 = rng.choice(_OTHER_TITLES)
    tech, tech2 = rng.sample(_TECH, 2)
    slots = {
        "A": a["name"], "B": b["name"], "Ad": a["dem"], "Bd": b["dem"], "Ac": a["cap"], "Bc": b["cap"],
        "Bc2": b["city2"], "As": a["short"], "Bs": b["short"],
        "p1": p1, "p1l": p1l, "t1": t1, "p2": p2, "p2l": p2l, "t2": t2,
        "m1": f"{a['dem']} {m1}" if rng.random() < 0.5 else m1, "m2": f"{b['dem']} {m2}",
        "tech": tech[0], "techs": tech[0] if tech[0] in ("AI", "quantum", "6G", "space", "biotech") else tech[1],
        "techl": tech[1], "techp": tech[2], "techu": tech[1][:1].upper() + tech[1][1:], "tech2l": tech2[1],
        "day": _WEEKDAYS[ev.weekday()], "next_day": _WEEKDAYS[(pub.weekday() + rng.randint(1, 4)) % 7],
        "nw": rng.choice(_NUM_WORDS[:3]), "n": rng.choice((12, 18, 23, 30, 40, 55, 80, 120, 200)),
        "amt": rng.choice(("$25 million", "$120 million", "50 million euros", "$1.2 billion", "$300 million",
                           "15 million pounds", "$75 million")),
        "co": f"{rng.choice(_COMPANY_A)} {rng.choice(_COMPANY_B)}",
        "inst": f"the {b['dem']} Institute of {rng.choice(('Advanced Science', 'Technology', 'Applied Physics', 'Information Research'))}",
    }

    def fill(t: str) -> str:
        d = dict(slots, fut=_future(rng, pub), past=_past(rng, pub))
        return _cap(t.format(**d))

    for _ in range(50):
        lead_t = rng.choice(_LEADS[kind])
        lead = fill(lead_t)
        if "{p1}" in lead_t:
            intro = [] if "{p2}" in lead_t else [fill(_INTRO_B[1] if _MOOD[kind] == "bad" else rng.choice(_INTRO_B))]
        else:
            intro = [fill(rng.choice(_INTRO))]
        details = [fill(t) for t in rng.sample(_DETAILS[kind], rng.randint(2, 4))]
        other = rng.choice([k for k in _DETAILS if k != kind and _MOOD[k] == _MOOD[kind]])
        details += [fill(t) for t in rng.sample(_DETAILS[other], rng.randint(0, 2))]
        quotes = [fill(t) for t in rng.sample(_QUOTES[_MOOD[kind]], rng.randint(1, 2))]
        background = [fill(t) for t in rng.sample(_BACKGROUND, rng.randint(2, 5))]
        closer = [fill(rng.choice(_CLOSERS))] if rng.random() < 0.7 else []
        body = intro + details[:2] + quotes[:1] + details[2:] + quotes[1:] + background + closer
        sents = [lead] + body
        words = sum(len(s.split()) for s in sents)
        if MIN_SENTS <= len(sents) <= MAX_SENTS and MIN_WORDS <= words <= MAX_WORDS:
            break
    else:  # pragma: no cover - the template mix always gets there well before
        raise RuntimeError("could not build an article within the size bounds")

    # Dateline, then paragraphs of 1-3 sentences separated by blank lines.
    city = a["cap"] if rng.random() < 0.6 else b["cap"]
    mon = _MON_ABBR[pub.month - 1] if rng.random() < 0.5 else _MONTHS[pub.month - 1]
    dateline = f"{city.upper() if rng.random() < 0.6 else city}, {mon} {pub.day} -- "
    paras, i = [dateline + sents[0]], 1
    while i < len(sents):
        k = rng.choice((1, 2, 2, 3))
        paras.append(" ".join(sents[i:i + k]))
        i += k
    return pub.isoformat(), "\n\n".join(paras) + "\n"


def generate(out_dir: str | Path, n_docs: int = 320, seed: int = DEFAULT_SEED, days: int = DEFAULT_DAYS) -> list[Path]:
    """Write `n_docs` articles into `out_dir`, dated over `days` days; the same seed gives the same files."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    countries = load_countries()
    kinds = sorted(_LEADS)
    paths = []
    for i in range(n_docs):
        rng = random.Random(seed * 1_000_003 + i)
        date, text = make_article(rng, countries, kinds[i % len(kinds)], days)
        p = out / f"bench_{i:04d}.txt"
        p.write_text(f" date {date} {text}", encoding="utf-8")
        paths.append(p)
    return paths


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out_dir")
    ap.add_argument("--docs", type=int, default=320)
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--days", type=int, default=DEFAULT_DAYS, help=f"the articles' dates span (default {DEFAULT_DAYS})")
    args = ap.parse_args(argv)
    paths = generate(args.out_dir, args.docs, args.seed, args.days)
    print(f"wrote {len(paths)} articles to {args.out_dir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
