from __future__ import annotations

import csv
import io
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from service import qa, qa_html
from service.engine import PROJECT_ROOT, DataPaths
from service.qa import build_report, report_csv

from .conftest import ARTICLE_PATHS, AUDIENCE_IDS, GOLDEN


@pytest.fixture(scope="module")
def report(engine):
    """The example articles, loaded by their paths relative to the project as the CLI does."""
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(PROJECT_ROOT)
        articles = [engine.load_article(Path("articles") / p.name) for p in ARTICLE_PATHS]
    return build_report(articles, engine)


NAILS = (
    "---\ntitle: Nail changes on methotrexate\nslug: nail-changes\n---\n"
    "In a small number of patients who have been taking weekly methotrexate for several years, "
    "onycholysis, in which the nail slowly lifts away from the nail bed, can appear without "
    "any pain and is usually noticed first on the thumbs.\n"
)


@pytest.fixture(scope="module")
def gap_report(engine):
    """One example article and one with a word that no glossary covers (onycholysis)."""
    ra = engine.load_article(PROJECT_ROOT / "articles" / "ra-after-methotrexate.md")
    return build_report([ra, engine.parse_article(NAILS, "nail-changes.md")], engine)


def rendition(report, slug, audience):
    article = next(a for a in report.articles if a.slug == slug)
    return article.rendition(audience)


def test_golden_json_report(report, request):
    """Reviewed in diffs: `./test.sh --update-golden` rewrites tests/golden/qa.json."""
    text = json.dumps(report.as_dict(), indent=2, ensure_ascii=False) + "\n"
    golden = GOLDEN / "qa.json"
    if request.config.getoption("--update-golden"):
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), "no golden qa.json; run ./test.sh --update-golden"
    assert text == golden.read_text(encoding="utf-8")


def test_every_article_and_audience_is_reported_with_its_facts(report):
    assert {a.slug for a in report.articles} == {p.stem for p in ARTICLE_PATHS}
    for article in report.articles:
        assert [r.audience for r in article.renditions] == AUDIENCE_IDS
        for r in article.renditions:
            assert r.facts_kept and r.facts_checked > 0
            assert r.meets_target == (r.target is None or r.grade <= r.target)
            assert len(r.hardest) == 5
            grades = [s.grade for s in r.hardest]
            assert grades == sorted(grades, reverse=True)


def test_a_known_hard_sentence_is_listed_with_why(report):
    clinician = rendition(report, "ra-after-methotrexate", "clinician")
    hardest = clinician.hardest[0]
    assert hardest.text.startswith("Before adding a second agent, the clinician should document")
    assert hardest.line == 19 and hardest.words > 60
    assert hardest.reasons[0] == f"long: {hardest.words} words (over 20)"
    assert "recombinant" in hardest.long_words
    patient = rendition(report, "ra-after-methotrexate", "patient")
    assert any(s.line == 39 and s.text.startswith("In ADACTA, tocilizumab") for s in
               patient.hardest)  # fmt: skip


def test_an_uncovered_word_is_found_and_a_covered_one_is_not(gap_report):
    patient = rendition(gap_report, "nail-changes", "patient")
    assert "onycholysis" in patient.uncovered
    assert "methotrexate" not in patient.uncovered
    assert "MTX" not in rendition(gap_report, "ra-after-methotrexate", "patient").uncovered
    sentence = next(s for s in patient.hardest if "onycholysis" in s.uncovered)
    assert "not in any glossary: onycholysis" in sentence.reasons
    everywhere = {w.key for w in gap_report.coverage.words}
    assert "onycholysis" in everywhere and "cytopenia" not in everywhere
    top = [w.key for w in gap_report.top_uncovered]
    assert top == [w.key for w in gap_report.coverage.words][:25]


def test_uncovered_words_in_a_small_article(renderer, small_engine):
    article = renderer.article(
        "Refractory cytopenias were treated, and an integrin screen came back clear for integrins."
    )
    (found,) = build_report([article], small_engine).articles
    patient = found.rendition("patient")
    assert patient.uncovered == ("integrin",)
    assert found.coverage.keys() == {"integrin"}


def test_ranked_worst_first_and_histogram_counts_every_rendition(report):
    ranked = report.ranked
    keys = [(-a.problems, -a.worst_gap) for a in ranked]
    assert keys == sorted(keys)
    for summary in report.audiences:
        bins = summary.histogram()
        assert sum(count for _, _, count in bins) == len(report.articles)
        if summary.target is not None:
            assert bins[-1][1] > summary.target
    totals = report.totals()
    assert totals["renditions"] == len(report.articles) * len(AUDIENCE_IDS)
    assert totals["misses"] == sum(s.misses for s in report.audiences)


def test_csv_has_one_row_per_rendition(report):
    rows = list(csv.DictReader(io.StringIO(report_csv(report))))
    assert len(rows) == len(ARTICLE_PATHS) * len(AUDIENCE_IDS)
    wanted = ("ra-after-methotrexate", "patient")
    row = next(r for r in rows if (r["slug"], r["audience"]) == wanted)
    assert row["target"] == "7" and row["meets_target"] in ("yes", "no")
    assert row["uncovered"] == "" or row["uncovered"].split("; ")


def test_csv_lists_the_uncovered_words_of_a_rendition(gap_report):
    rows = list(csv.DictReader(io.StringIO(report_csv(gap_report))))
    row = next(r for r in rows if (r["slug"], r["audience"]) == ("nail-changes", "caregiver"))
    assert "onycholysis" in row["uncovered"].split("; ")


class Page(HTMLParser):
    """Collects what a reader and a screen reader rely on."""

    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


def test_html_page_is_self_contained_and_accessible(report):
    html = qa_html.report_page(report)
    page = parse(html)
    assert ("html", {"lang": "en"}) in page.attrs
    assert page.tags.count("svg") == len(AUDIENCE_IDS)
    assert {"h1", "h2", "th", "table", "style"} <= set(page.tags)
    assert "script" not in page.tags and "link" not in page.tags and "img" not in page.tags
    assert all(a.get("scope") in ("col", "row") for tag, a in page.attrs if tag == "th")
    svgs = [a for tag, a in page.attrs if tag == "svg"]
    assert all(a["role"] == "img" and a["aria-labelledby"] for a in svgs)
    assert "target 7" in "".join(page.text)
    hrefs = [a["href"] for tag, a in page.attrs if tag == "a"]
    assert hrefs and all(h.startswith("#article-") for h in hrefs)


def test_html_drill_down_links_and_escaping(renderer, small_engine):
    article = renderer.article(
        "An integrin screen & a count < 5 were both reported today.", title="Fish & <chips>"
    )
    report = build_report([article], small_engine)
    html = qa_html.report_page(report, lambda slug, aud: f"/articles/{slug}?for={aud}&qa=1")
    assert "Fish &amp; &lt;chips&gt;" in html and "<chips>" not in html
    assert "screen &amp; a count &lt; 5 were" in html
    hrefs = [a["href"] for tag, a in parse(html).attrs if tag == "a"]
    assert "/articles/test?for=patient&qa=1" in hrefs
    assert 'href="/articles/test?for=patient&amp;qa=1"' in html


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_two_worker_processes_give_the_same_report(engine, report, monkeypatch, method):
    """Forked workers use the caller's engine; spawned ones load their own from `paths`."""
    monkeypatch.setattr(qa, "start_method", lambda: method)
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(PROJECT_ROOT)
        articles = [engine.load_article(Path("articles") / p.name) for p in ARTICLE_PATHS]
    paths = DataPaths(PROJECT_ROOT / "glossaries", PROJECT_ROOT / "audiences")
    seen = []
    parallel = build_report(articles, engine, workers=2, paths=paths, progress=seen.append)
    assert parallel.as_dict() == report.as_dict()
    assert sum(seen) == len(articles)


def test_forked_workers_need_no_data_paths(engine, monkeypatch):
    monkeypatch.setattr(qa, "start_method", lambda: "fork")
    articles = [engine.load_article(path) for path in ARTICLE_PATHS[:3]]
    parallel = build_report(articles, engine, workers=2)
    assert parallel.as_dict() == build_report(articles, engine).as_dict()


def test_spawned_workers_need_the_data_paths(engine, monkeypatch):
    monkeypatch.setattr(qa, "start_method", lambda: "spawn")
    with pytest.raises(ValueError, match="DataPaths"):
        build_report([], engine, workers=2)


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_articles_read_while_the_engine_loads_name_every_bad_file(
    engine, tmp_path, monkeypatch, method
):
    """A long run reads its files in a second process (where it can fork): the same
    articles, in order, and every bad file named, as a read in this process."""
    monkeypatch.setattr(qa, "start_method", lambda: method)
    monkeypatch.setattr(qa, "POOL_FROM", 3)
    for path in ARTICLE_PATHS[:3]:
        (tmp_path / path.name).write_bytes(path.read_bytes())
    (tmp_path / "a-bad.md").write_text("no front matter", encoding="utf-8")
    (tmp_path / "z-bad.md").write_text("---\ntitle: [unclosed\n---\nText.\n", encoding="utf-8")
    files = sorted(tmp_path.glob("*.md"))
    loaded, articles, problems = qa.load_with_articles(lambda: engine, files)
    assert loaded is engine
    assert [a.slug for a in articles] == [engine.load_article(p).slug for p in ARTICLE_PATHS[:3]]
    assert articles[0].blocks == engine.load_article(ARTICLE_PATHS[0]).blocks
    assert [Path(p.source).name for p in problems] == ["a-bad.md", "z-bad.md"]


def test_a_full_analysis_cache_never_loses_a_hit(small_engine, monkeypatch):
    """Long QA runs fill the analyser's cache of recent texts: a text found there must
    still be returned when analysing this call's new texts evicts it."""
    import service.analysis

    analyser = small_engine.analyser
    analyser.forget()
    monkeypatch.setattr(service.analysis, "RECENT_TEXTS", 2)
    analyser.analyse_texts(["Old one.", "Old two."], [0, 1], [None, None])
    found = analyser.analyse_texts(
        ["Old one.", "New three.", "New four."], [0, 2, 3], [None, None, None]
    )
    assert [a.text for a in found] == ["Old one.", "New three.", "New four."]
    analyser.forget()
