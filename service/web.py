"""The reader's pages: the article index and the article with its Personalize prompt.

The audience choice is a plain GET form, so it works without JavaScript; the
choice lives in the URL (`?for=patient`, shareable) and in a cookie for the
next article. A lay rendition that lost a fact is never shown: the page falls
back to the canonical text and says so.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from flask import (
    Blueprint,
    Flask,
    Response,
    abort,
    current_app,
    make_response,
    render_template,
    request,
    url_for,
)
from markupsafe import Markup

from . import output
from .audience import Audience
from .editor import is_editor
from .errors import InputError
from .publish import Published, Publisher
from .store import Store, StoredArticle

bp = Blueprint("web", __name__)

SCHEMA_AUDIENCES = {
    "clinician": {"@type": "MedicalAudience", "audienceType": "Clinician"},
    "patient": {"@type": "MedicalAudience", "audienceType": "Patient"},
}
EASE = ((6.0, "very easy to read"), (8.0, "easy to read"), (10.0, "fairly easy to read"),
        (12.0, "fairly hard to read"))  # fmt: skip


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
    app.extensions["medrender.page_version"] = _page_version(app)


def _store() -> Store:
    return current_app.extensions["medrender.store"]


def _publisher() -> Publisher:
    return current_app.extensions["medrender.publisher"]


@bp.get("/")
def index() -> Response:
    query = request.args.get("q", "").strip()[:200]
    articles = _store().articles(query or None)
    page = render_template("index.html", articles=articles, query=query)
    return _cacheable(make_response(page), [query, *(a.content_hash for a in articles)])


@bp.get("/articles/<slug>")
def article(slug: str) -> Response:
    stored = _store().article(slug)
    if stored is None:
        abort(404)
    publisher = _publisher()
    audience, notes, remember = _chosen_audience()
    published = publisher.rendition(stored, audience.id)
    if not published.facts_kept and audience.id != _default_audience().id:
        _log_lost_facts(stored, audience, published)
        notes.append(
            f"The {audience.label.lower()} version of this article is being checked by our "
            "editors, so you are reading the clinician version for now."
        )
        audience = _default_audience()
        published = publisher.rendition(stored, audience.id)
    qa = request.args.get("qa") == "1" and is_editor()
    body = Markup(published.data["body_html"])
    if qa:
        body = Markup(_highlighted_body(publisher, stored, audience.id))
    page = render_template(
        "article.html",
        stored=stored,
        data=published.data,
        body=body,
        references=Markup(published.data["references_html"]),
        audience=audience,
        audiences=list(publisher.engine.audiences),
        notes=notes,
        badge=reading_badge(published.data["readability"]),
        qa=qa,
        jsonld=json_ld(stored, audience, published),
    )
    response = make_response(page)
    if remember:
        response.set_cookie(
            current_app.config["AUDIENCE_COOKIE"],
            audience.id,
            max_age=365 * 24 * 3600,
            samesite="Lax",
            httponly=True,
            secure=current_app.config["AUDIENCE_COOKIE_SECURE"],
        )
    return _cacheable(response, [published.key.etag, audience.id, *notes, str(qa)])


@bp.app_errorhandler(404)
def not_found(_error: Exception) -> tuple[str, int]:
    return render_template("not_found.html"), 404


@bp.app_errorhandler(500)
def server_error(_error: Exception) -> tuple[str, int]:
    return render_template("error.html"), 500


@bp.app_errorhandler(InputError)
def bad_article(error: InputError) -> tuple[str, int]:
    """A stored article that no longer parses (e.g. after a data change) is our problem."""
    current_app.logger.error("stored article does not parse: %s", error)
    return render_template("error.html"), 500


def reading_badge(readability: dict[str, Any]) -> dict[str, Any]:
    """ "Grade 6.8 - easy to read", and whether the audience's target is met."""
    grade = float(readability["grade"])
    ease = next((label for limit, label in EASE if grade <= limit), "written for clinicians")
    return {
        "grade": grade,
        "text": f"Grade {grade:.1f} - {ease}",
        "target": readability.get("target"),
        "meets_target": readability.get("meets_target", True),
    }


def json_ld(stored: StoredArticle, audience: Audience, published: Published) -> dict[str, Any]:
    """schema.org data for the page; the template escapes it for a script element."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": stored.title,
        "url": url_for("web.article", slug=stored.slug, _external=True, **{"for": audience.id}),
        "inLanguage": audience.lang,
        "audience": SCHEMA_AUDIENCES.get(
            audience.id, {"@type": "PeopleAudience", "audienceType": audience.label}
        ),
        "educationalLevel": published.data["readability"]["grade"],
    }
    if stored.updated:
        data["dateModified"] = stored.updated.isoformat()
        data["lastReviewed"] = stored.updated.isoformat()
    return data


def _chosen_audience() -> tuple[Audience, list[str], bool]:
    """The audience from the URL, else the cookie, else the default; notes for the reader."""
    audiences = _publisher().engine.audiences
    asked = request.args.get("for")
    if asked is not None:
        if asked in audiences.by_id:
            return audiences.get(asked), [], True
        shown = asked[:40]
        return (
            _default_audience(),
            [
                f'There is no version for "{shown}", so you are reading the '
                f"{_default_audience().label.lower()} version. Pick one below."
            ],
            False,
        )
    remembered = request.cookies.get(current_app.config["AUDIENCE_COOKIE"])
    if remembered in audiences.by_id:
        return audiences.get(remembered), [], False
    return _default_audience(), [], False


def _default_audience() -> Audience:
    return _publisher().engine.audiences.get(current_app.config["DEFAULT_AUDIENCE"])


def _highlighted_body(publisher: Publisher, stored: StoredArticle, audience: str) -> str:
    result = publisher.evaluate(stored, audience)
    hard = [sentence.text for sentence in result.hard_sentences]
    return output.body_html(result.rendition, hard)


def _log_lost_facts(stored: StoredArticle, audience: Audience, published: Published) -> None:
    missing = "; ".join(
        f"line {m['line']}: {m['kind']} {m['text']!r}" for m in published.data["facts"]["missing"]
    )
    current_app.logger.error(
        "rendition %s [%s] lost facts, clinician text shown instead: %s",
        stored.slug, audience.id, missing,
    )  # fmt: skip


def _cacheable(response: Response, parts: list[str]) -> Response:
    """ETag over what the page shows; a match answers 304 without a body."""
    version = current_app.extensions["medrender.page_version"]
    digest = hashlib.sha256("\0".join([version, *parts]).encode()).hexdigest()[:32]
    response.set_etag(digest)
    response.headers["Cache-Control"] = f"private, max-age={current_app.config['PAGE_MAX_AGE']}"
    response.vary.add("Cookie")
    response.headers["Content-Language"] = "en"
    response.headers["Content-Security-Policy"] = (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'none'; form-action 'self'"
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response.make_conditional(request)


def _page_version(app: Flask) -> str:
    """Templates and static files change the page, so they are part of every ETag."""
    digest = hashlib.sha256()
    for folder in (app.template_folder, app.static_folder):
        base = Path(app.root_path, folder or "")
        for path in sorted(base.rglob("*")):
            if path.is_file():
                digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:16]
