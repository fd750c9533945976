"""The reader's pages through Flask's test client: every route, choice and error."""

from __future__ import annotations

import json
import logging
import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest

from service.app import create_app
from service.engine import Engine
from service.publish import Published
from service.web import reading_badge

from .conftest import ARTICLE_PATHS, AUDIENCE_IDS

RA = "/articles/ra-after-methotrexate"
COOKIE = "medrender_audience"


class Page(HTMLParser):
    """The parts of a page a reader or a test cares about."""

    def __init__(self, text: str):
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_ld = False
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_ld = tag == "script" and dict(attrs).get("type") == "application/ld+json"

    def handle_data(self, data: str) -> None:
        if self._in_ld:
            self.scripts.append(data)

    def handle_endtag(self, tag: str) -> None:
        self._in_ld = False

    def all(self, tag: str, **attrs: str) -> list[dict[str, str | None]]:
        return [
            found for name, found in self.tags
            if name == tag and all(found.get(k) == v for k, v in attrs.items())
        ]  # fmt: skip

    def checked_audience(self) -> str | None:
        radios = [a for a in self.all("input", type="radio", name="for") if "checked" in a]
        return radios[0]["value"] if radios else None

    def json_ld(self) -> dict:
        (script,) = self.scripts
        return json.loads(script)


def page(client, url: str, **kwargs) -> tuple[int, Page, str]:
    response = client.get(url, **kwargs)
    text = response.get_data(as_text=True)
    return response.status_code, Page(text), text


def test_index_lists_every_article_newest_first(client) -> None:
    status, parsed, text = page(client, "/")
    assert status == 200
    links = [a["href"] for a in parsed.all("a") if a["href"].startswith("/articles/")]
    assert sorted(links) == sorted(f"/articles/{p.stem}" for p in ARTICLE_PATHS)
    dates = re.findall(r'<time datetime="([0-9-]+)"', text)
    assert dates == sorted(dates, reverse=True)


def test_index_searches_titles(client) -> None:
    _, parsed, _ = page(client, "/?q=iron+ANEMIA")
    links = [a["href"] for a in parsed.all("a") if a["href"].startswith("/articles/")]
    assert links == ["/articles/iron-deficiency-anemia-workup"]
    _, _, none = page(client, "/?q=zebra")
    assert 'No article has "zebra" in its title' in unescape(none)


def test_first_visit_reads_the_canonical_clinician_text(client) -> None:
    status, parsed, text = page(client, RA)
    assert status == 200
    assert parsed.checked_audience() == "clinician"
    assert "rheumatoid arthritis" in text
    assert "Which best describes you?" in text
    assert parsed.all("html", lang="en")


@pytest.mark.parametrize("audience", AUDIENCE_IDS)
def test_each_audience_gets_its_version_with_badge_and_cookie(client, audience: str) -> None:
    response = client.get(f"{RA}?for={audience}")
    text = response.get_data(as_text=True)
    parsed = Page(text)
    assert response.status_code == 200
    assert parsed.checked_audience() == audience
    assert re.search(r"Grade \d+\.\d - [a-z ]+", text)
    assert f"{COOKIE}={audience}" in response.headers["Set-Cookie"]
    assert "Last updated" in text
    assert "References" in text
    assert 'class="disclaimer"' in text


def test_patient_page_marks_swapped_terms_with_the_clinical_word(client) -> None:
    _, parsed, text = page(client, f"{RA}?for=patient")
    terms = parsed.all("dfn") + parsed.all("abbr")
    assert terms, "no marked-up term on the patient page"
    titles = [t["title"] for t in terms]
    assert any(title.startswith("rheumatoid arthritis") for title in titles)
    assert all(t.get("tabindex") == "0" for t in terms)
    assert "Plain wording pending editor review" in text


def test_the_chosen_audience_is_remembered_for_the_next_article(client) -> None:
    client.get(f"{RA}?for=caregiver")
    _, parsed, _ = page(client, "/articles/migraine-prevention")
    assert parsed.checked_audience() == "caregiver"


def test_an_unknown_audience_shows_the_default_with_a_note(client) -> None:
    response = client.get(f"{RA}?for=astronaut")
    text = response.get_data(as_text=True)
    assert response.status_code == 200
    assert Page(text).checked_audience() == "clinician"
    assert 'There is no version for "astronaut"' in unescape(text)
    assert "Set-Cookie" not in response.headers


def test_an_unknown_article_is_a_friendly_404(client) -> None:
    status, _, text = page(client, "/articles/no-such-thing?for=patient")
    assert status == 404
    assert "We could not find that page" in text
    assert 'href="/"' in text


def test_pages_carry_an_etag_and_answer_304_on_a_match(client) -> None:
    first = client.get(f"{RA}?for=patient")
    assert first.headers["Cache-Control"].startswith("private, max-age=")
    assert "Cookie" in first.headers["Vary"]
    again = client.get(f"{RA}?for=patient", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304
    assert again.get_data() == b""
    other = client.get(f"{RA}?for=caregiver", headers={"If-None-Match": first.headers["ETag"]})
    assert other.status_code == 200


@pytest.mark.parametrize(
    ("audience", "schema_type", "audience_type"),
    [
        ("clinician", "MedicalAudience", "Clinician"),
        ("patient", "MedicalAudience", "Patient"),
        ("caregiver", "PeopleAudience", "Caregiver"),
    ],
)
def test_each_page_describes_its_audience_in_json_ld(
    client, audience: str, schema_type: str, audience_type: str
) -> None:
    _, parsed, _ = page(client, f"{RA}?for={audience}")
    data = parsed.json_ld()
    assert data["@type"] == "MedicalWebPage"
    assert data["audience"] == {"@type": schema_type, "audienceType": audience_type}
    assert data["dateModified"] == "2025-03-14"


def test_a_rendition_that_lost_a_fact_is_never_shown_to_a_lay_reader(
    app, client, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    publisher = app.extensions["medrender.publisher"]
    real = publisher.rendition

    def losing(stored, audience):
        published = real(stored, audience)
        if audience == "clinician":
            return published
        data = dict(published.data)
        missing = [{"line": 12, "kind": "quantity", "text": "15mg"}]
        data["facts"] = {"kept": False, "checked": 1, "missing": missing}
        return Published(published.key, data, cached=False)

    monkeypatch.setattr(publisher, "rendition", losing)
    with caplog.at_level(logging.ERROR):
        _, parsed, text = page(client, f"{RA}?for=patient")
    assert parsed.checked_audience() == "clinician"
    assert "you are reading the clinician version for now" in text
    assert "rheumatoid arthritis" in text
    assert any("lost facts" in r.getMessage() and "15mg" in r.getMessage() for r in caplog.records)


def test_renditions_come_from_the_cache_after_the_first_view(
    app, client, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = app.extensions["medrender.store"]
    before = store.count_renditions()
    first = client.get(f"{RA}?for=patient").get_data()
    assert store.count_renditions() == before + 1

    def no_rendering(*_args, **_kwargs):
        raise AssertionError("rendered again instead of reading the cache")

    monkeypatch.setattr(app.extensions["medrender.publisher"], "evaluate", no_rendering)
    assert client.get(f"{RA}?for=patient").get_data() == first


def test_editor_view_highlights_the_hard_sentences(client) -> None:
    _, _, text = page(client, f"{RA}?for=patient&qa=1")
    assert "Editor view: sentences above the target" in text
    assert '<mark class="hard">' in text
    assert '<input type="hidden" name="qa" value="1">' in text


def test_pages_use_only_our_own_files_and_label_every_choice(client) -> None:
    _, parsed, _ = page(client, f"{RA}?for=patient")
    for tag, attribute in (("script", "src"), ("link", "href"), ("img", "src")):
        for found in parsed.all(tag):
            if found.get(attribute):
                assert found[attribute].startswith("/"), found
    radios = parsed.all("input", type="radio")
    labels = {label["for"] for label in parsed.all("label")}
    assert radios and all(radio["id"] in labels for radio in radios)
    for asset in ("/static/personalize.js", "/static/medrender.css"):
        with client.get(asset) as response:
            assert response.status_code == 200


def test_titles_from_articles_are_escaped(engine: Engine, tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "x.md").write_text(
        '---\ntitle: "Fever <script>alert(1)</script> & chills"\nslug: fever\n---\n'
        "Fever is common after vaccination.\n"
    )
    app = create_app(
        {"DATABASE_URL": f"sqlite:///{tmp_path / 's.db'}", "ENGINE": engine,
         "EXAMPLES_DIR": str(folder)}
    )  # fmt: skip
    for url in ("/", "/articles/fever?for=patient"):
        text = app.test_client().get(url).get_data(as_text=True)
        assert "<script>alert(1)</script>" not in text
        assert "&lt;script&gt;" in text


def test_a_first_start_imports_the_examples_unless_told_not_to(
    engine: Engine, tmp_path: Path
) -> None:
    fresh = create_app({"DATABASE_URL": f"sqlite:///{tmp_path / 'a.db'}", "ENGINE": engine})
    assert fresh.extensions["medrender.store"].count_articles() == len(ARTICLE_PATHS)
    production = create_app(
        {"DATABASE_URL": f"sqlite:///{tmp_path / 'b.db'}", "ENGINE": engine,
         "IMPORT_EXAMPLES": False}
    )  # fmt: skip
    assert production.extensions["medrender.store"].count_articles() == 0
    assert "No article yet" in production.test_client().get("/").get_data(as_text=True)


def test_create_app_with_no_arguments_uses_the_instance_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MEDRENDER_INSTANCE", str(tmp_path / "instance"))
    monkeypatch.delenv("MEDRENDER_DATABASE_URL", raising=False)
    app = create_app()
    assert (tmp_path / "instance" / "medrender.db").exists()
    assert app.test_client().get(RA).status_code == 200


def test_configuration_comes_from_the_environment(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MEDRENDER_DATABASE_URL", f"sqlite:///{tmp_path / 'env.db'}")
    monkeypatch.setenv("MEDRENDER_IMPORT_EXAMPLES", "false")
    app = create_app({"ENGINE": engine})
    assert app.config["DATABASE_URL"].endswith("env.db")
    assert app.extensions["medrender.store"].count_articles() == 0


@pytest.mark.parametrize(
    ("grade", "text"),
    [(5.2, "Grade 5.2 - very easy to read"), (6.8, "Grade 6.8 - easy to read"),
     (11.0, "Grade 11.0 - fairly hard to read"), (17.3, "Grade 17.3 - written for clinicians")],
)  # fmt: skip
def test_reading_badge_words(grade: float, text: str) -> None:
    assert reading_badge({"grade": grade, "target": 7, "meets_target": grade <= 7})["text"] == text


def test_our_own_failure_is_a_friendly_500_page(
    app, client, monkeypatch: pytest.MonkeyPatch
) -> None:
    app.config["PROPAGATE_EXCEPTIONS"] = False

    def broken(*_args, **_kwargs):
        raise RuntimeError("the store went away")

    monkeypatch.setattr(app.extensions["medrender.publisher"], "rendition", broken)
    status, _, text = page(client, f"{RA}?for=patient")
    assert status == 500
    assert "Something went wrong on our side" in text
    assert "RuntimeError" not in text and "Traceback" not in text
