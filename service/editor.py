"""The editorial team's page: the content QA report over every stored article, at `/qa`.

Editors sign in with HTTP Basic: names and password hashes come from the
`EDITORS` setting (`medrender editor-hash` makes a hash), so nothing about
editors lives in the store. The report is built once per set of article texts
and data versions, and kept in the process until one of them changes.
"""

from __future__ import annotations

import hashlib
import threading
from base64 import b64encode
from typing import Any

from flask import Blueprint, Flask, Response, current_app, request, url_for
from werkzeug.security import check_password_hash

from . import qa_html
from .publish import Publisher
from .qa import QAReport, build_report
from .store import Store

bp = Blueprint("editor", __name__)
REALM = "medrender editors"


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
    app.extensions["medrender.qa_reports"] = ReportCache()


def is_editor() -> bool:
    """True when the request carries the name and password of a configured editor."""
    auth = request.authorization
    if auth is None or auth.type != "basic" or not auth.username or auth.password is None:
        return False
    stored = current_app.config["EDITORS"].get(auth.username)
    return bool(stored) and check_password_hash(stored, auth.password)


class ReportCache:
    """One report per (article texts, glossary version, audience versions)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._key: str | None = None
        self._report: QAReport | None = None

    def get(self, store: Store, publisher: Publisher) -> QAReport:
        articles = store.articles()
        key = _report_key(articles, publisher)
        with self._lock:
            if key != self._key or self._report is None:
                engine = publisher.engine
                parsed = [engine.parse_article(a.source, a.origin) for a in articles]
                self._report = build_report(parsed, engine)
                self._key = key
            return self._report


@bp.get("/qa")
def report() -> Response:
    if not current_app.config["EDITORS"]:
        return _plain(
            403,
            "No editor is configured, so the QA report is closed. Set MEDRENDER_EDITORS "
            "(see the README, 'QA reports').",
        )
    if not is_editor():
        response = _plain(401, "Sign in with an editor's name and password to see this report.")
        response.headers["WWW-Authenticate"] = f'Basic realm="{REALM}", charset="UTF-8"'
        return response
    store: Store = current_app.extensions["medrender.store"]
    publisher: Publisher = current_app.extensions["medrender.publisher"]
    built = current_app.extensions["medrender.qa_reports"].get(store, publisher)
    page = qa_html.report_page(built, _drill_down, title="Content QA report")
    response = Response(page, mimetype="text/html")
    response.headers["Cache-Control"] = "private, no-store"
    response.headers["Content-Language"] = "en"
    response.headers["Content-Security-Policy"] = (
        f"default-src 'none'; style-src '{_style_hash()}'; img-src 'self' data:; "
        "base-uri 'none'; form-action 'self'"
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


def _drill_down(slug: str, audience: str) -> str:
    return url_for("web.article", slug=slug, **{"for": audience, "qa": "1"})


def _report_key(articles: list[Any], publisher: Publisher) -> str:
    digest = hashlib.sha256()
    for article in articles:
        digest.update(f"{article.slug}\0{article.content_hash}\0".encode())
    for kind, name, version in publisher.data_versions():
        digest.update(f"{kind}\0{name}\0{version}\0".encode())
    return digest.hexdigest()


def _style_hash() -> str:
    """The report's own inline style, allowed by its hash and nothing else."""
    digest = hashlib.sha256(qa_html.STYLE.encode()).digest()
    return "sha256-" + b64encode(digest).decode()


def _plain(status: int, message: str) -> Response:
    return Response(message + "\n", status=status, mimetype="text/plain")
