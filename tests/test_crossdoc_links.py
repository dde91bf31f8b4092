"""Reports of one event across articles (pactwatch.link), on articles written for these tests."""
from __future__ import annotations

from pathlib import Path

import pytest

from pactwatch import link
from pactwatch.pipeline import ingest_paths
from pactwatch.store import Store

ARTICLES = {
    # one past agreement recalled by two later articles in their own words
    "r1_recall": " date 2031-06-10 OSLO, June 10 -- Norway on Tuesday opened a polar data centre. Norway agreed in "
                 "March 2031 to deepen cooperation with Chile on satellite research, officials noted.",
    "r2_recall": " date 2031-06-12 SANTIAGO, June 12 -- Chile hosted a mining fair on Thursday. In March 2031, "
                 "Norway and Chile agreed to bolster the joint development of next-generation spacecraft and "
                 "affirmed the need for resilient launch supply chains.",
    # the same parties agreed on something else in another month: another event
    "r3_other": " date 2031-06-14 OSLO, June 14 -- In January 2031, Norway and Chile agreed to widen student "
                "exchanges in satellite research, the ministry recalled.",
}


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Store:
    d = tmp_path_factory.mktemp("crossdoc_links")
    (d / "docs").mkdir()
    for name, text in ARTICLES.items():
        (d / "docs" / f"{name}.txt").write_text(text, encoding="utf-8")
    s = Store(str(d / "all.db"))
    ingest_paths([str(d / "docs")], s)
    return s


def test_one_past_agreement_recalled_by_two_articles_is_one_event(store) -> None:
    recalled = [r for r in link.canonical_events(store)
                if r["event_type"] == "AGREE" and {"r1_recall", "r2_recall"} & set(r["documents"])]
    assert [r["documents"] for r in recalled] == [["r1_recall", "r2_recall"]], recalled
    assert recalled[0]["date"] == "2031-03"


def test_an_agreement_of_another_month_stays_apart(store) -> None:
    other = [r for r in link.canonical_events(store) if "r3_other" in r["documents"] and r["event_type"] == "AGREE"]
    assert other and all(r["documents"] == ["r3_other"] for r in other)
