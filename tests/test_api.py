"""The partner API through Flask's test client: every endpoint, status and error shape."""

from __future__ import annotations

import gzip
import re
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from service.api import blocks_markdown, prefixed_classes
from service.app import create_app
from service.cli import cli
from service.engine import Engine

from .conftest import ARTICLE_PATHS, AUDIENCE_IDS

API = "/api/v1"
RA = f"{API}/articles/ra-after-methotrexate"
PARTNER = "https://clinic.example"
SMALL_ARTICLE = """---
title: Iron tablets
slug: iron-tablets
updated: 2026-01-05
references:
  1: "Our own note on oral iron, 2026."
---
The patient should take ferrous sulfate 325 mg once daily for 3 months [1].

Do not take it with tea.
"""


def make_app(engine: Engine, tmp_path: Path, **config):
    settings = {"TESTING": True, "DATABASE_URL": f"sqlite:///{tmp_path / 'api.db'}"}
    return create_app(settings | {"ENGINE": engine} | config)


@pytest.fixture
def key(app) -> str:
    _, secret = app.extensions["medrender.store"].create_key("clinic", "1000/minute")
    return secret


def bearer(secret: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {secret}"}


def problem(response, status: int, code: str, field: str | None = None) -> dict:
    """The response is problem details with this status, headline code and field."""
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.content_type == "application/problem+json"
    assert response.headers["Content-Language"] == "en"
    body = response.get_json(force=True)
    assert body["status"] == status and body["code"] == code and body["field"] == field
    assert body["detail"] == body["errors"][0]["message"]
    assert all({"source", "line", "field", "code", "message"} <= set(e) for e in body["errors"])
    return body


# Articles


def test_articles_are_listed_in_pages_with_a_link_to_the_next(client) -> None:
    first = client.get(f"{API}/articles?limit=2")
    assert first.status_code == 200 and first.headers["Content-Language"] == "en"
    page = first.get_json()
    assert page["total"] == len(ARTICLE_PATHS) and len(page["items"]) == 2
    dates = [item["updated"] for item in page["items"]]
    assert dates == sorted(dates, reverse=True)
    assert page["next"] == f"{API}/articles?limit=2&offset=2"
    slugs = [item["slug"] for item in page["items"]]
    offset = 2
    while page["next"]:
        page = client.get(page["next"]).get_json()
        slugs += [item["slug"] for item in page["items"]]
        offset += 2
    assert sorted(slugs) == sorted(path.stem for path in ARTICLE_PATHS)


def test_articles_filter_by_update_date_and_title(client) -> None:
    everything = client.get(f"{API}/articles").get_json()["items"]
    since = sorted(item["updated"] for item in everything)[-2]
    recent = client.get(f"{API}/articles?updated_since={since}").get_json()
    assert recent["total"] == 2 and all(item["updated"] >= since for item in recent["items"])
    found = client.get(f"{API}/articles?q=ANEMIA").get_json()
    assert [item["slug"] for item in found["items"]] == ["iron-deficiency-anemia-workup"]


@pytest.mark.parametrize(
    ("query", "field"),
    [("limit=0", "limit"), ("limit=many", "limit"), ("updated_since=yesterday", "updated_since"),
     ("offset=-1", "offset")],
)  # fmt: skip
def test_bad_query_parameters_are_422_naming_the_field(client, query: str, field: str) -> None:
    body = problem(client.get(f"{API}/articles?{query}"), 422, "R002", field)
    assert body["errors"][0]["source"] == "query"


def test_an_article_links_every_audience_rendition(client) -> None:
    response = client.get(RA)
    assert response.status_code == 200
    article = response.get_json()
    assert article["slug"] == "ra-after-methotrexate" and len(article["version"]) == 64
    assert [r["audience"] for r in article["renditions"]] == AUDIENCE_IDS
    for link in article["renditions"]:
        assert client.get(link["url"]).status_code == 200


def test_an_unknown_article_is_a_404_problem_naming_the_slug(client) -> None:
    body = problem(client.get(f"{API}/articles/no-such-thing"), 404, "R008", "slug")
    assert "no-such-thing" in body["detail"]
    problem(client.get(f"{API}/articles/no-such-thing/renditions/patient"), 404, "R008", "slug")


# Renditions


class Tags(HTMLParser):
    def __init__(self, text: str):
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


@pytest.mark.parametrize("audience", AUDIENCE_IDS)
def test_a_rendition_has_everything_a_partner_shows(client, audience: str) -> None:
    response = client.get(f"{RA}/renditions/{audience}")
    assert response.status_code == 200
    data = response.get_json()
    assert data["audience"] == audience and data["blocks"] and data["disclaimer"]
    assert data["facts"]["kept"] and data["facts"]["checked"] > 0 and not data["facts"]["missing"]
    assert {"grade", "formula", "target", "meets_target"} <= set(data["readability"])
    assert data["review"]["status"] in ("approved", "pending review")
    for term in data["terms"]:
        assert term["original"] and term["replacement"] and term["definition"]
    if audience == "patient":
        assert data["terms"], "the patient version swaps clinical words"
        assert data["readability"]["target"] == 7.0


@pytest.mark.parametrize("audience", AUDIENCE_IDS)
def test_the_html_fragment_is_safe_to_insert_in_a_partner_page(client, audience: str) -> None:
    fragment = client.get(f"{RA}/renditions/{audience}").get_json()["html"]
    tags = Tags(fragment).tags
    assert tags and not [t for t, _ in tags if t in ("script", "style", "iframe", "img")]
    assert not [a for _, attrs in tags for a in attrs if a.startswith("on") or a == "style"]
    classes = [c for _, attrs in tags if attrs.get("class") for c in attrs["class"].split()]
    assert classes and all(c.startswith("mr-") for c in classes)


def test_class_prefixing_leaves_escaped_text_alone() -> None:
    fragment = '<p class="disclaimer">say class=&quot;x&quot; <dfn class="term draft">y</dfn></p>'
    assert prefixed_classes(fragment) == (
        '<p class="mr-disclaimer">say class=&quot;x&quot; <dfn class="mr-term mr-draft">y</dfn></p>'
    )


def test_a_rendition_answers_304_to_its_etag_and_comes_from_the_cache(app, client) -> None:
    store = app.extensions["medrender.store"]
    first = client.get(f"{RA}/renditions/patient")
    assert first.headers["Cache-Control"].startswith("public, max-age=")
    etag = first.headers["ETag"]
    rendered = store.count_renditions()
    again = client.get(f"{RA}/renditions/patient", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.data == b"" and again.headers["ETag"] == etag
    assert client.get(f"{RA}/renditions/patient").data == first.data
    assert store.count_renditions() == rendered
    other = client.get(f"{RA}/renditions/caregiver", headers={"If-None-Match": etag})
    assert other.status_code == 200 and other.headers["ETag"] != etag
    for url in (f"{API}/articles", RA, f"{API}/audiences", f"{API}/glossary/terms?q=iron"):
        tag = client.get(url).headers["ETag"]
        assert client.get(url, headers={"If-None-Match": tag}).status_code == 304


def test_a_rendition_is_gzipped_for_clients_that_accept_it(client) -> None:
    plain = client.get(f"{RA}/renditions/patient")
    zipped = client.get(f"{RA}/renditions/patient", headers={"Accept-Encoding": "gzip, br"})
    assert zipped.headers["Content-Encoding"] == "gzip" and "Content-Encoding" not in plain.headers
    assert gzip.decompress(zipped.data) == plain.data and len(zipped.data) < len(plain.data) / 3
    assert "Accept-Encoding" in zipped.headers["Vary"]
    assert zipped.headers["ETag"] != plain.headers["ETag"]
    again = client.get(
        f"{RA}/renditions/patient",
        headers={"Accept-Encoding": "gzip", "If-None-Match": zipped.headers["ETag"]},
    )
    assert again.status_code == 304
    refused = client.get(f"{RA}/renditions/patient", headers={"Accept-Encoding": "gzip;q=0, br"})
    assert "Content-Encoding" not in refused.headers and refused.data == plain.data


def test_an_article_update_reaches_renditions_once_the_lookup_lapses(
    engine, tmp_path: Path
) -> None:
    app = make_app(engine, tmp_path, IMPORT_EXAMPLES=False)
    store = app.extensions["medrender.store"]
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "iron.md").write_text(SMALL_ARTICLE)
    store.import_folder(folder)
    client = app.test_client()
    url = f"{API}/articles/iron-tablets/renditions/clinician"
    first = client.get(url)
    (folder / "iron.md").write_text(SMALL_ARTICLE.replace("with tea", "with coffee"))
    store.import_folder(folder)
    assert client.get(url).data == first.data
    lapse = app.config["API_LOOKUP_CACHE_SECONDS"] + 1
    app.extensions["medrender.api_versions"].clock = lambda: time.monotonic() + lapse
    fresh = client.get(url)
    assert fresh.headers["ETag"] != first.headers["ETag"]
    assert "with coffee" in fresh.get_data(as_text=True)


def test_an_unknown_audience_is_a_404_listing_the_choices(client) -> None:
    body = problem(client.get(f"{RA}/renditions/toddler"), 404, "R001", "audience")
    assert all(name in body["detail"] for name in AUDIENCE_IDS)


# Rendering on demand


def test_render_returns_one_audience_and_stores_nothing(app, client, key: str) -> None:
    store = app.extensions["medrender.store"]
    before = (store.count_articles(), store.count_renditions())
    response = client.post(
        f"{API}/render", json={"markdown": SMALL_ARTICLE, "audience": "patient"},
        headers=bearer(key),
    )  # fmt: skip
    assert response.status_code == 200, response.get_data(as_text=True)
    body = response.get_json()
    assert body["slug"] == "iron-tablets" and body["warnings"] == []
    (rendition,) = body["renditions"]
    assert rendition["audience"] == "patient" and rendition["facts"]["kept"]
    text = " ".join(block["text"] for block in rendition["blocks"])
    assert "325 mg" in text and "3 months" in text and "[1]" in text and "not" in text
    assert rendition["updated"] == "2026-01-05"
    assert (store.count_articles(), store.count_renditions()) == before
    assert client.get(f"{API}/articles/iron-tablets").status_code == 404


def test_render_all_audiences_from_json_blocks(client, key: str) -> None:
    article = {
        "title": "Iron tablets",
        "slug": "iron-tablets",
        "references": {"1": "Our own note on oral iron, 2026."},
        "blocks": [
            {"kind": "heading", "text": "Dose", "level": 2},
            {"kind": "paragraph", "text": "Take ferrous sulfate 325 mg once daily [1]."},
            {"kind": "list_item", "text": "Not with tea."},
            {"kind": "list_item", "text": "Not with milk.", "level": 2, "ordered": True},
            {"kind": "paragraph", "text": "# not a heading"},
        ],
    }
    response = client.post(f"{API}/render", json={"article": article}, headers=bearer(key))
    assert response.status_code == 200, response.get_data(as_text=True)
    renditions = response.get_json()["renditions"]
    assert [r["audience"] for r in renditions] == AUDIENCE_IDS
    clinician = renditions[0]
    kinds = [(b["kind"], b["level"], b["ordered"]) for b in clinician["blocks"]]
    assert kinds == [("heading", 2, False), ("paragraph", 0, False), ("list_item", 1, False),
                     ("list_item", 2, True), ("paragraph", 0, False)]  # fmt: skip
    assert clinician["blocks"][-1]["text"] == "# not a heading"
    assert all(r["facts"]["kept"] for r in renditions)


def test_json_blocks_become_an_article_file_with_each_line_traced_to_its_block() -> None:
    text, fields = blocks_markdown(
        {"title": "T", "slug": "t", "blocks": [
            {"kind": "paragraph", "text": "One\nline.", "level": 1, "ordered": False},
            {"kind": "list_item", "text": "Item", "level": 1, "ordered": True},
        ]}
    )  # fmt: skip
    lines = text.splitlines()
    assert lines[0] == "---" and "One line." in lines
    assert {lines[n - 1]: name for n, name in fields.items()} == {
        "One line.": "article.blocks.0",
        "1. Item": "article.blocks.1",
    }


def test_render_reports_the_same_problems_as_the_command_line(
    client, key: str, tmp_path: Path
) -> None:
    bad = "---\ntitle: No slug here\n---\nSome text [4].\n"
    path = tmp_path / "bad.md"
    path.write_text(bad)
    cli_run = CliRunner().invoke(cli, ["render", str(path)])
    assert cli_run.exit_code == 2
    body = problem(
        client.post(f"{API}/render", json={"markdown": bad}, headers=bearer(key)),
        422, "A006", "slug",
    )  # fmt: skip
    assert body["errors"][0]["source"] == "markdown"
    assert body["detail"] in cli_run.output


def test_render_names_the_json_block_that_failed(client, key: str) -> None:
    article = {
        "title": "T",
        "slug": "t",
        "blocks": [{"kind": "paragraph", "text": "Fine."},
                   {"kind": "paragraph", "text": "Some <b>bold</b> words."}],
    }  # fmt: skip
    response = client.post(f"{API}/render", json={"article": article}, headers=bearer(key))
    body = problem(response, 422, "A010", "article.blocks.1")
    assert "<b>" in body["detail"]
    shape = client.post(
        f"{API}/render", json={"article": article | {"blocks": [{"kind": "table", "text": "x"}]}},
        headers=bearer(key),
    )  # fmt: skip
    problem(shape, 422, "R002", "article.blocks.0.kind")


@pytest.mark.parametrize(
    ("body", "code", "field"),
    [({}, "R002", "markdown"),
     ({"markdown": SMALL_ARTICLE, "article": {"title": "T", "slug": "t", "blocks": [
         {"kind": "paragraph", "text": "x"}]}}, "R002", "markdown"),
     ({"markdown": SMALL_ARTICLE, "audience": "toddler"}, "R001", "audience"),
     ({"markdown": 12}, "R002", "markdown")],
)  # fmt: skip
def test_render_refuses_a_malformed_request(client, key: str, body, code, field) -> None:
    problem(client.post(f"{API}/render", json=body, headers=bearer(key)), 422, code, field)


def test_render_refuses_a_body_over_256_kb_with_413(client, key: str) -> None:
    big = SMALL_ARTICLE + "More text about iron.\n" * 13_000
    response = client.post(f"{API}/render", json={"markdown": big}, headers=bearer(key))
    body = problem(response, 413, "R006", "body")
    assert "262144 byte limit" in body["detail"]


# Keys


def test_render_needs_a_key(client) -> None:
    response = client.post(f"{API}/render", json={"markdown": SMALL_ARTICLE})
    problem(response, 401, "R003", "Authorization")
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize("header", ["Bearer mr_not-a-real-key", "Bearer ", "Basic abc", "mr_x"])
def test_a_wrong_key_is_refused_even_where_none_is_needed(client, header: str) -> None:
    response = client.get(f"{API}/articles", headers={"Authorization": header})
    assert response.status_code == 401
    assert response.get_json(force=True)["code"] in ("R003", "R004")


def test_a_revoked_key_is_refused_with_the_date(engine, tmp_path: Path) -> None:
    app = make_app(engine, tmp_path, API_LOOKUP_CACHE_SECONDS=0)
    _, key = app.extensions["medrender.store"].create_key("clinic")
    client = app.test_client()
    assert client.get(f"{API}/articles", headers=bearer(key)).status_code == 200
    app.extensions["medrender.store"].revoke_key("clinic")
    response = client.post(f"{API}/render", json={"markdown": SMALL_ARTICLE}, headers=bearer(key))
    body = problem(response, 401, "R005", "Authorization")
    assert key[:10] in body["detail"] and "revoked on" in body["detail"]


def test_a_worker_trusts_a_key_it_looked_up_for_a_few_seconds_only(app, client, key) -> None:
    assert client.get(f"{API}/audiences", headers=bearer(key)).status_code == 200
    app.extensions["medrender.store"].revoke_key("clinic")
    assert client.get(f"{API}/audiences", headers=bearer(key)).status_code == 200
    lapse = app.config["API_LOOKUP_CACHE_SECONDS"] + 1
    app.extensions["medrender.api_keys"].clock = lambda: time.monotonic() + lapse
    problem(client.get(f"{API}/audiences", headers=bearer(key)), 401, "R005", "Authorization")


# Limits


def test_anonymous_reads_stop_at_the_low_limit_with_retry_after(engine, tmp_path: Path) -> None:
    client = make_app(engine, tmp_path, API_ANONYMOUS_LIMIT="3/minute").test_client()
    for left in (2, 1, 0):
        response = client.get(f"{API}/audiences")
        assert response.status_code == 200
        assert response.headers["RateLimit-Limit"] == "3"
        assert response.headers["RateLimit-Remaining"] == str(left)
        assert "Retry-After" not in response.headers
    over = client.get(f"{API}/articles")
    body = problem(over, 429, "R007")
    assert "partner key" in body["detail"]
    assert 0 < int(over.headers["Retry-After"]) <= 61
    assert 0 < int(over.headers["RateLimit-Reset"]) <= 61
    assert over.headers["RateLimit-Remaining"] == "0"


def test_each_key_has_its_own_limit_apart_from_anonymous_callers(engine, tmp_path: Path) -> None:
    app = make_app(engine, tmp_path, API_ANONYMOUS_LIMIT="1/minute", API_KEY_LIMIT="5/minute")
    store = app.extensions["medrender.store"]
    _, small = store.create_key("small", "2/minute")
    _, default = store.create_key("default")
    client = app.test_client()
    assert client.get(f"{API}/audiences").status_code == 200
    assert client.get(f"{API}/audiences").status_code == 429
    assert client.get(f"{API}/audiences", headers=bearer(default)).headers["RateLimit-Limit"] == "5"
    statuses = [client.get(f"{API}/audiences", headers=bearer(small)).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    assert client.get(f"{API}/audiences", headers=bearer(default)).status_code == 200
    assert client.get("/healthz").status_code == 200


def test_a_key_with_several_limits_is_refused_by_whichever_runs_out(engine, tmp_path: Path) -> None:
    app = make_app(engine, tmp_path)
    _, secret = app.extensions["medrender.store"].create_key("burst", "5/minute; 2/hour")
    client = app.test_client()
    first = client.get(f"{API}/audiences", headers=bearer(secret))
    assert first.headers["RateLimit-Limit"] == "5" and first.headers["RateLimit-Remaining"] == "4"
    assert client.get(f"{API}/audiences", headers=bearer(secret)).status_code == 200
    over = client.get(f"{API}/audiences", headers=bearer(secret))
    body = problem(over, 429, "R007")
    assert "2 per 1 hour" in body["detail"]
    assert over.headers["RateLimit-Limit"] == "2" and over.headers["RateLimit-Remaining"] == "0"
    assert 3000 < int(over.headers["Retry-After"]) <= 3601


def test_only_api_requests_are_counted(engine, tmp_path: Path) -> None:
    """Preflights, pages and health checks neither use up a budget nor carry RateLimit-*."""
    app = make_app(engine, tmp_path, API_ANONYMOUS_LIMIT="2/minute", API_CORS_ORIGINS=PARTNER)
    client = app.test_client()
    assert client.get(f"{API}/audiences").headers["RateLimit-Remaining"] == "1"
    preflight = client.options(
        f"{API}/audiences", headers={"Origin": PARTNER, "Access-Control-Request-Method": "GET"}
    )
    for response in (preflight, client.get("/"), client.get("/healthz")):
        assert response.status_code == 200 and "RateLimit-Limit" not in response.headers
    assert client.get(f"{API}/audiences").headers["RateLimit-Remaining"] == "0"


@pytest.mark.parametrize("setting", ["API_KEY_LIMIT", "API_ANONYMOUS_LIMIT"])
def test_a_configured_limit_that_is_not_one_stops_the_start(
    engine, tmp_path: Path, setting: str
) -> None:
    with pytest.raises(ValueError, match=f"{setting}: 'lots' is not a rate limit"):
        make_app(engine, tmp_path, **{setting: "lots"})


# Audiences and glossary


def test_audiences_list_every_profile_with_its_target(client) -> None:
    items = client.get(f"{API}/audiences").get_json()["items"]
    assert [a["id"] for a in items] == AUDIENCE_IDS
    patient = next(a for a in items if a["id"] == "patient")
    assert patient["target_grade"] == 7.0 and patient["formula"] == "flesch_kincaid"


def test_glossary_terms_are_searched_by_any_surface(client) -> None:
    found = client.get(f"{API}/glossary/terms?q=MTX").get_json()
    assert [item["id"] for item in found["items"]] == ["methotrexate"]
    entry = found["items"][0]
    assert "patient" in entry["wording"] and entry["wording"]["patient"]["definition"]
    for_caregiver = client.get(f"{API}/glossary/terms?q=methotrexate&audience=caregiver")
    assert set(for_caregiver.get_json()["items"][0]["wording"]) == {"caregiver"}
    limited = client.get(f"{API}/glossary/terms?limit=3").get_json()
    assert len(limited["items"]) == 3 and limited["total"] > 3
    problem(client.get(f"{API}/glossary/terms?audience=toddler"), 404, "R001", "audience")


# The document, the docs page, HTTP details


def test_the_openapi_document_describes_every_endpoint_and_error(client) -> None:
    spec = client.get(f"{API}/openapi.json").get_json()
    assert spec["openapi"].startswith("3.")
    assert {"/api/v1/articles", "/api/v1/articles/{slug}",
            "/api/v1/articles/{slug}/renditions/{audience}", "/api/v1/render",
            "/api/v1/audiences", "/api/v1/glossary/terms", "/healthz", "/readyz"} <= set(
        spec["paths"])  # fmt: skip
    render = spec["paths"]["/api/v1/render"]["post"]
    assert {"200", "401", "413", "422", "429"} <= set(render["responses"])
    assert render["security"] == [{"partnerKey": []}]
    problem_doc = spec["components"]["responses"]["UNPROCESSABLE_ENTITY"]["content"]
    assert "application/problem+json" in problem_doc
    assert spec["components"]["securitySchemes"]["partnerKey"]["scheme"] == "bearer"


def test_the_docs_page_is_ours_and_lists_every_operation(client) -> None:
    response = client.get(f"{API}/docs")
    assert response.status_code == 200 and response.content_type.startswith("text/html")
    page = response.get_data(as_text=True)
    spec = client.get(f"{API}/openapi.json").get_json()
    for path in spec["paths"]:
        assert path in page
    assert not re.search(r'(src|href)="(https?:)?//', page), "nothing is loaded from elsewhere"
    assert "<script" not in page


def test_cors_headers_go_to_configured_partner_origins_only(engine, tmp_path: Path) -> None:
    client = make_app(engine, tmp_path, API_CORS_ORIGINS=PARTNER).test_client()
    allowed = client.get(f"{API}/audiences", headers={"Origin": PARTNER})
    assert allowed.headers["Access-Control-Allow-Origin"] == PARTNER
    assert "ETag" in allowed.headers["Access-Control-Expose-Headers"]
    assert "Origin" in allowed.headers["Vary"]
    preflight = client.options(
        f"{API}/render",
        headers={"Origin": PARTNER, "Access-Control-Request-Method": "POST",
                 "Access-Control-Request-Headers": "Authorization, Content-Type"},
    )  # fmt: skip
    assert preflight.status_code == 200
    assert "Authorization" in preflight.headers["Access-Control-Allow-Headers"]
    refused = client.get(f"{API}/audiences", headers={"Origin": "https://evil.example"})
    assert refused.status_code == 200
    assert "Access-Control-Allow-Origin" not in refused.headers


def test_unknown_paths_and_methods_under_the_api_are_problems(client) -> None:
    problem(client.get(f"{API}/nothing-here"), 404, "R009")
    wrong = client.get(f"{API}/render")
    problem(wrong, 405, "R010")
    assert "POST" in wrong.headers["Allow"]
    page = client.get("/no-such-page")
    assert page.status_code == 404 and page.content_type.startswith("text/html")


def test_health_and_readiness(app, client, monkeypatch: pytest.MonkeyPatch) -> None:
    assert client.get("/healthz").get_json()["status"] == "ok"
    ready = client.get("/readyz")
    assert ready.status_code == 200 and ready.get_json()["checks"]["store"] == "ok"
    monkeypatch.setattr(app.extensions["medrender.store"], "ping", lambda: False)
    down = client.get("/readyz")
    assert down.status_code == 503
    assert down.get_json() == {
        "status": "unavailable",
        "checks": {"store": "unreachable", "glossary": ready.get_json()["checks"]["glossary"],
                   "audiences": f"{len(AUDIENCE_IDS)} audiences"},
    }  # fmt: skip
