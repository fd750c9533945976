"""The editors' QA page: closed by default, Basic sign-in, drill-down links, cached report."""

from __future__ import annotations

import base64
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from werkzeug.security import check_password_hash, generate_password_hash

from service import editor
from service.app import create_app
from service.cli import cli
from service.engine import Engine

from .conftest import ARTICLE_PATHS

PASSWORD = "correct horse battery staple"


def basic(name: str, password: str) -> dict[str, str]:
    token = base64.b64encode(f"{name}:{password}".encode()).decode()
    return {"Authorization": f"Basic {token}"}


EDITOR = basic("ana", PASSWORD)


SOME = [p for p in ARTICLE_PATHS if p.stem in ("ra-after-methotrexate", "migraine-prevention")]


@pytest.fixture
def editor_app(engine: Engine, tmp_path: Path):
    """The site with one editor, on two example articles (a report renders every article)."""
    examples = tmp_path / "examples"
    examples.mkdir()
    for path in SOME:
        shutil.copy(path, examples)
    return create_app(
        {"TESTING": True, "DATABASE_URL": f"sqlite:///{tmp_path / 'site.db'}", "ENGINE": engine,
         "EXAMPLES_DIR": str(examples), "EDITORS": {"ana": generate_password_hash(PASSWORD)}}
    )  # fmt: skip


class Links(HTMLParser):
    def __init__(self, text: str):
        super().__init__()
        self.hrefs: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.hrefs.append(dict(attrs).get("href") or "")


def test_the_report_is_closed_when_no_editor_is_configured(client) -> None:
    response = client.get("/qa")
    assert response.status_code == 403
    assert "No editor is configured" in response.get_data(as_text=True)


@pytest.mark.parametrize("headers", [{}, basic("ana", "wrong"), basic("bob", PASSWORD)])
def test_the_report_asks_for_an_editor_sign_in(editor_app, headers) -> None:
    response = editor_app.test_client().get("/qa", headers=headers)
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith("Basic realm=")


def test_an_editor_sees_the_report_with_charts_and_drill_down_links(editor_app) -> None:
    response = editor_app.test_client().get("/qa", headers=EDITOR)
    text = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "<svg" in text and "Content QA report" in text
    drill = [h for h in Links(text).hrefs if h.startswith("/articles/")]
    assert "/articles/ra-after-methotrexate?for=patient&qa=1" in drill
    assert {h.split("?")[0] for h in drill} == {f"/articles/{p.stem}" for p in SOME}
    policy = response.headers["Content-Security-Policy"]
    assert "style-src 'sha256-" in policy and "script-src" not in policy
    assert response.headers["Cache-Control"] == "private, no-store"


def test_the_report_is_built_once_until_an_article_changes(
    editor_app, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    built = []
    real = editor.build_report

    def counting(articles, engine):
        built.append(len(articles))
        return real(articles, engine)

    monkeypatch.setattr(editor, "build_report", counting)
    client = editor_app.test_client()
    client.get("/qa", headers=EDITOR)
    client.get("/qa", headers=EDITOR)
    assert built == [len(SOME)]
    (tmp_path / "more").mkdir()
    new = "---\ntitle: New\nslug: new\n---\nRest helps most colds.\n"
    (tmp_path / "more" / "new.md").write_text(new)
    editor_app.extensions["medrender.store"].import_folder(tmp_path / "more")
    client.get("/qa", headers=EDITOR)
    assert built == [len(SOME), len(SOME) + 1]


def test_the_drill_down_highlights_hard_sentences_for_editors_only(editor_app) -> None:
    client = editor_app.test_client()
    url = "/articles/ra-after-methotrexate?for=patient&qa=1"
    shown = client.get(url, headers=EDITOR).get_data(as_text=True)
    assert '<mark class="hard">' in shown
    assert "Editor view: sentences above the target" in shown
    anonymous = client.get(url).get_data(as_text=True)
    assert '<mark class="hard">' not in anonymous and "Editor view" not in anonymous


def test_editor_hash_prints_a_hash_of_the_password() -> None:
    result = CliRunner().invoke(cli, ["editor-hash"], input=f"{PASSWORD}\n{PASSWORD}\n")
    assert result.exit_code == 0
    assert check_password_hash(result.output.strip().splitlines()[-1], PASSWORD)
