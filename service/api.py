"""The partner API (/api/v1): published renditions, on-demand rendering, audiences, glossary.

flask-smorest builds the routes and the OpenAPI document from the schemas in
`api_schemas`; `api_http` owns what every response shares (problem details,
keys, limits, caching, CORS). A cached rendition is dumped through its schema
once per process and then served as bytes, so the cache is as fast as the
framework allows.
"""

from __future__ import annotations

import gzip
import json
import re
from datetime import date
from http import HTTPStatus
from typing import Any

import yaml
from flask import Flask, Response, current_app, render_template, request, url_for
from flask_smorest import Api, Blueprint
from flask_smorest.utils import prepare_response
from werkzeug.exceptions import HTTPException

from . import errors, output
from .api_http import (
    PROBLEM_TYPE,
    ApiError,
    RecentCache,
    accepts_gzip,
    cacheable,
    caller,
    cors_origins,
    count_request,
    etag_of,
    finish,
    json_response,
    make_limits,
    problem_response,
    rate_headers,
    request_problems,
    require_key,
)
from .api_limits import valid_rate_limit
from .api_schemas import (
    ArticlePageSchema,
    ArticleQuerySchema,
    ArticleSchema,
    AudienceListSchema,
    GlossaryQuerySchema,
    GlossaryTermListSchema,
    HealthSchema,
    ProblemSchema,
    RenderRequestSchema,
    RenderResponseSchema,
    RenditionSchema,
)
from .article import Article
from .engine import Engine, Result
from .errors import InputError, Problem
from .publish import Publisher, audience_version
from .store import RenditionKey, Store, StoredArticle

__all__ = ["init_app", "valid_rate_limit"]

# Bump when the JSON a rendition is served as changes shape, so partners' ETags change too.
WIRE_VERSION = "1"
CLASS_PREFIX = "mr-"
ERROR_CODES = (400, 401, 404, 405, 413, 415, 422, 429, 500)
OPTIONAL_KEY = [{}, {"partnerKey": []}]
REQUIRED_KEY = [{"partnerKey": []}]

bp = Blueprint(
    "api", __name__, url_prefix="/api/v1",
    description="Renditions of our articles for partner sites, and rendering on demand.",
)  # fmt: skip
health = Blueprint("health", __name__, description="Liveness and readiness for the operators.")


class Config:
    API_TITLE = "medrender partner API"
    API_VERSION = "1.0"
    OPENAPI_VERSION = "3.0.3"
    OPENAPI_URL_PREFIX = "/api/v1"
    OPENAPI_JSON_PATH = "openapi.json"
    # Rate limits (`limits` notation, e.g. "600/minute"); a key's own limit beats API_KEY_LIMIT.
    API_KEY_LIMIT = "600/minute"
    API_ANONYMOUS_LIMIT = "30/minute"
    API_MAX_BODY = 256 * 1024
    API_MAX_AGE = 300
    # How long a worker trusts what it looked up: a key (so a revocation takes effect within
    # this time) and an article's version (an import shows within this time; partners may
    # cache responses for API_MAX_AGE anyway). 0 looks both up on every request.
    API_LOOKUP_CACHE_SECONDS = 5.0
    # Partner origins allowed to call us from a browser (a list, or a space-separated string).
    API_CORS_ORIGINS: tuple[str, ...] = ()


NOT_MODIFIED = "Not modified (If-None-Match matched)"
ALSO = {
    304: {"description": NOT_MODIFIED},
    401: {"response": "UNAUTHORIZED"},
    404: {"response": "NOT_FOUND"},
    413: {"response": "REQUEST_ENTITY_TOO_LARGE"},
    422: {"response": "UNPROCESSABLE_ENTITY"},
    429: {"response": "TOO_MANY_REQUESTS"},
}


def also_documents(*statuses: int) -> Any:
    """flask-smorest's alt_response, for the document only.

    Each alt_response wraps the view in one more call at run time; here the
    documentation it records (`_apidoc`) is kept and the wrappers are dropped,
    since our views build their error responses themselves.
    """

    def decorate(view: Any) -> Any:
        documented = view
        for status in statuses:
            documented = bp.alt_response(status, **ALSO[status])(documented)
        view._apidoc = documented._apidoc
        return view

    return decorate


def documented_only(*decorators: Any) -> Any:
    """flask-smorest's doc and response decorators, for the document only (as above).

    For the hot path: a cached rendition is already a finished Response, which
    the response wrapper would hand back untouched after two more calls.
    """

    def decorate(view: Any) -> Any:
        documented = view
        for decorator in reversed(decorators):
            documented = decorator(documented)
        view._apidoc = documented._apidoc
        return view

    return decorate


class PartnerApi(Api):
    """flask-smorest's Api whose errors, and their documentation, are problem details."""

    ERROR_SCHEMA = ProblemSchema

    def _register_responses(self) -> None:
        for status in HTTPStatus:
            response: dict[str, Any] = {"description": status.phrase}
            if status >= 400:
                response["schema"] = self.ERROR_SCHEMA
            prepare_response(response, self.spec, PROBLEM_TYPE)
            self.spec.components.response(status.name, response, lazy=True)
        default = {"description": "Any other error", "schema": self.ERROR_SCHEMA}
        prepare_response(default, self.spec, PROBLEM_TYPE)
        self.spec.components.response("DEFAULT_ERROR", default, lazy=True)

    def handle_http_exception(self, error: HTTPException) -> Response:
        """Problem details under /api/; anywhere else, the plain response the pages had."""
        if not request.path.startswith("/api/"):
            return error.get_response()
        return http_problem(error)


def init_app(app: Flask) -> PartnerApi:
    for name in dir(Config):
        if name.isupper():
            app.config.setdefault(name, getattr(Config, name))
    app.extensions["medrender.api_limits"] = make_limits(app)
    app.extensions["medrender.api_origins"] = cors_origins(app)
    app.extensions["medrender.api_dumps"] = RecentCache(512)
    app.extensions["medrender.api_versions"] = RecentCache(
        4096, app.config["API_LOOKUP_CACHE_SECONDS"]
    )
    app.extensions["medrender.api_keys"] = RecentCache(1024, app.config["API_LOOKUP_CACHE_SECONDS"])
    engine = app.extensions["medrender.publisher"].engine
    app.extensions["medrender.api_audience_versions"] = {
        profile.id: audience_version(profile) for profile in engine.audiences
    }
    api = PartnerApi(app)
    api.spec.components.security_scheme(
        "partnerKey",
        {"type": "http", "scheme": "bearer", "description": "a key from 'medrender keys create'"},
    )
    api.register_blueprint(bp)
    api.register_blueprint(health)
    app.register_error_handler(ApiError, api_error)
    app.before_request(_unknown_api_path)
    app.add_url_rule("/api/v1/docs", "api_docs", docs_page)
    app.extensions["medrender.api"] = api
    return api


def _store() -> Store:
    return current_app.extensions["medrender.store"]


def _publisher() -> Publisher:
    return current_app.extensions["medrender.publisher"]


def _engine() -> Engine:
    return _publisher().engine


# Errors


def api_error(error: ApiError) -> Response:
    return problem_response(error.status, error.problems, error.headers)


def http_problem(error: HTTPException) -> Response:
    status = error.code or 500
    data = getattr(error, "data", None) or {}
    if "messages" in data:
        problems = request_problems(data["messages"])
    elif status == 413:
        problems = [_too_large(request.content_length)]
    elif status >= 500:
        problems = [errors.problem(errors.INTERNAL, "server")]
    else:
        problems = [errors.problem(errors.HTTP_ERROR, "request", detail=error.description)]
    headers = dict(data.get("headers") or {})
    if status == 405 and error.valid_methods:  # type: ignore[attr-defined]
        headers["Allow"] = ", ".join(error.valid_methods)  # type: ignore[attr-defined]
    return problem_response(status, problems, headers)


def _too_large(size: int | None) -> Problem:
    limit = current_app.config["API_MAX_BODY"]
    return errors.problem(
        errors.BODY_TOO_LARGE, "request", field="body", size=size or "over", limit=limit
    )


for _code in ERROR_CODES:
    bp.register_error_handler(_code, http_problem)
    health.register_error_handler(_code, http_problem)


@bp.errorhandler(InputError)
def _stored_article_broken(error: InputError) -> Response:
    """A stored article that no longer parses is our fault, not the partner's."""
    current_app.logger.error("stored article does not parse: %s", error)
    return problem_response(500, [errors.problem(errors.INTERNAL, "server")])


def _unknown_api_path() -> Response | None:
    """Unmatched /api/ paths answer in problem details too, not with the site's HTML page."""
    failed = request.routing_exception
    if failed is None or not request.path.startswith("/api/"):
        return None
    if isinstance(failed, HTTPException) and failed.code == 405:
        return finish(http_problem(failed))
    problem = errors.problem(
        errors.NO_SUCH_PATH, "request", method=request.method, path=request.path[:200]
    )
    return finish(problem_response(404, [problem]))


@bp.before_request
def _admit() -> None:
    """One hook for both checks: each hook is a call Flask makes on every API request."""
    count_request()
    _limit_body()


@bp.after_request
def _finish(response: Response) -> Response:
    return rate_headers(finish(response))


@health.after_request
def _finish_health(response: Response) -> Response:
    response.headers["Cache-Control"] = "no-store"
    return finish(response)


# Articles and renditions


@bp.route("/articles")
@bp.doc(security=OPTIONAL_KEY)
@bp.arguments(ArticleQuerySchema, location="query", as_kwargs=True)
@bp.response(200, ArticlePageSchema)
@also_documents(304, 401, 429)
def list_articles(limit: int, offset: int, q: str | None = None,
                  updated_since: date | None = None) -> Response:  # fmt: skip
    """Published articles, newest first; filter by title words or by update date."""
    caller()
    store = _store()
    query = (q or "").strip() or None
    total = store.count_articles(query, updated_since)
    found = store.articles(query, updated_since, limit=limit, offset=offset)
    following = offset + limit < total
    body = {
        "items": [_summary(stored) for stored in found],
        "total": total,
        "limit": limit,
        "offset": offset,
        "next": _page_url(query, updated_since, limit, offset + limit) if following else None,
    }
    data = json.dumps(ArticlePageSchema().dump(body), ensure_ascii=False)
    return cacheable(json_response(data), etag_of([WIRE_VERSION, data]))


@bp.route("/articles/<slug>")
@bp.doc(security=OPTIONAL_KEY)
@bp.response(200, ArticleSchema)
@also_documents(304, 401, 404, 429)
def get_article(slug: str) -> Response:
    """One article and a link to each audience's rendition."""
    caller()
    stored = _found(slug)
    body = _summary(stored) | {
        "imported_at": stored.imported_at,
        "renditions": [
            {"audience": a.id, "label": a.label, "url": _rendition_url(stored.slug, a.id)}
            for a in _engine().audiences
        ],
    }
    data = json.dumps(ArticleSchema().dump(body), ensure_ascii=False)
    return cacheable(json_response(data), etag_of([WIRE_VERSION, data]))


@bp.route("/articles/<slug>/renditions/<audience>")
@documented_only(bp.doc(security=OPTIONAL_KEY), bp.response(200, RenditionSchema))
@also_documents(304, 401, 404, 429)
def get_rendition(slug: str, audience: str) -> Response:
    """The article for one audience, from the rendition cache (rendered once per version)."""
    caller()
    etag = _rendition_etag(slug, audience)
    environ = request.environ  # plain dict look-ups: this is the API's hot path
    gzipped = accepts_gzip(environ.get("HTTP_ACCEPT_ENCODING", ""))
    tag = f"{etag}-gzip" if gzipped else etag
    if "HTTP_IF_NONE_MATCH" in environ and request.if_none_match.contains(tag):
        return _rendition_response(b"", tag, gzipped, 304)
    dumps: RecentCache = current_app.extensions["medrender.api_dumps"]
    bodies = dumps.get(etag)
    if bodies is None:
        published = _publisher().rendition(_found(slug), audience)
        plain = rendition_json(published.data)
        bodies = (plain, gzip.compress(plain, compresslevel=6, mtime=0))
        fresh = etag_of([WIRE_VERSION, published.key.etag])
        if fresh != etag:  # the article changed since its version was looked up
            etag, tag = fresh, f"{fresh}-gzip" if gzipped else fresh
        dumps.put(etag, bodies)
    return _rendition_response(bodies[1] if gzipped else bodies[0], tag, gzipped, 200)


def _rendition_etag(slug: str, audience: str) -> str:
    """The ETag of what the rendition is now; a worker looks it up every few seconds at most."""
    seen: RecentCache = current_app.extensions["medrender.api_versions"]
    name = f"{slug}\0{audience}"
    etag = seen.get(name)
    if etag is None:
        version = _store().article_version(slug) if len(slug) <= 200 else None
        if version is None:
            _found(slug)
        versions: dict[str, str] = current_app.extensions["medrender.api_audience_versions"]
        if audience not in versions:
            raise ApiError(404, [_unknown_audience(audience, "path")])
        glossary = _publisher().engine.glossary.version
        key = RenditionKey(version, glossary, audience, versions[audience])
        etag = etag_of([WIRE_VERSION, key.etag])
        seen.put(name, etag)
    return etag


def _rendition_response(body: bytes, tag: str, gzipped: bool, status: int) -> Response:
    """Headers given as one list: this is the API's hot path, and the 304 check is done.

    The body is compressed once per cached rendition: ~90 KB of JSON, ~16 KB gzipped.
    """
    headers = [
        ("Content-Type", "application/json"),
        ("ETag", f'"{tag}"'),
        ("Cache-Control", f"public, max-age={current_app.config['API_MAX_AGE']}"),
        ("Vary", "Accept-Encoding, Origin"),  # Origin: see finish
    ]
    if gzipped and status == 200:
        headers.append(("Content-Encoding", "gzip"))
    return Response(body, status, headers)


def _found(slug: str) -> StoredArticle:
    stored = _store().article(slug) if len(slug) <= 200 else None
    if stored is None:
        problem = errors.problem(errors.NO_SUCH_ARTICLE, "path", field="slug", slug=slug[:200])
        raise ApiError(404, [problem])
    return stored


def _unknown_audience(name: str, source: str) -> Problem:
    return errors.problem(
        errors.UNKNOWN_AUDIENCE_NAME, source, field="audience", name=name[:100],
        choices=", ".join(_engine().audiences.ids()),
    )  # fmt: skip


def _summary(stored: StoredArticle) -> dict[str, Any]:
    return {
        "slug": stored.slug,
        "title": stored.title,
        "updated": stored.updated,
        "version": stored.content_hash,
        "url": url_for("api.get_article", slug=stored.slug),
    }


def _rendition_url(slug: str, audience: str) -> str:
    return url_for("api.get_rendition", slug=slug, audience=audience)


def _page_url(query: str | None, since: date | None, limit: int, offset: int) -> str:
    args: dict[str, Any] = {"limit": limit, "offset": offset}
    if query:
        args["q"] = query
    if since:
        args["updated_since"] = since.isoformat()
    return url_for("api.list_articles", **args)


def rendition_json(data: dict[str, Any]) -> bytes:
    return json.dumps(partner_rendition(data), ensure_ascii=False).encode("utf-8")


def partner_rendition(data: dict[str, Any]) -> dict[str, Any]:
    dumped = RenditionSchema().dump(data)
    dumped["html"] = prefixed_classes(data["html"])
    return dumped


_CLASS_ATTRIBUTE = re.compile(r'class="([^"]*)"')


def prefixed_classes(fragment: str) -> str:
    """Our class names under a prefix, so a partner's own CSS cannot collide with them.

    A regex is safe here because the fragment is ours: `output` escapes every
    quote in the text, so `class="` only ever occurs inside our own tags.
    """
    return _CLASS_ATTRIBUTE.sub(
        lambda m: 'class="' + " ".join(CLASS_PREFIX + name for name in m[1].split()) + '"',
        fragment,
    )


# Rendering on demand


@bp.route("/render", methods=["POST"])
@bp.doc(security=REQUIRED_KEY)
@bp.arguments(RenderRequestSchema)
@bp.response(200, RenderResponseSchema)
@also_documents(401, 413, 422, 429)
def render_article(body: dict[str, Any]) -> Response:
    """Render an article you send, for one audience or all; nothing is stored.

    Send `markdown` (a whole article file: front matter, then Markdown) or
    `article` (title, slug, references and blocks). Invalid articles get the
    same messages as `medrender render` on the command line.
    """
    require_key()
    engine = _engine()
    names = None if body["audience"] == "all" else [body["audience"]]
    if names and names[0] not in engine.audiences:
        raise ApiError(422, [_unknown_audience(names[0], "body")])
    article = _parsed(engine, body)
    results = engine.evaluate(article, names)
    response = {
        "slug": article.slug,
        "warnings": [warning.as_dict() for warning in article.warnings],
        "renditions": [partner_rendition(_rendered(result, article)) for result in results],
    }
    return json_response(json.dumps(RenderResponseSchema().dump(response), ensure_ascii=False))


def _limit_body() -> None:
    """Refuse a large body before reading it; a body without a length is cut at the limit."""
    if request.method != "POST":
        return
    limit = current_app.config["API_MAX_BODY"]
    if request.content_length is not None and request.content_length > limit:
        raise ApiError(413, [_too_large(request.content_length)])
    request.max_content_length = limit


def _parsed(engine: Engine, body: dict[str, Any]) -> Article:
    if "markdown" in body:
        try:
            return engine.parse_article(body["markdown"], "markdown")
        except InputError as exc:
            raise ApiError(422, exc.problems) from None
    text, fields = blocks_markdown(body["article"])
    try:
        return engine.parse_article(text, "article")
    except InputError as exc:
        raise ApiError(422, [_block_problem(p, fields) for p in exc.problems]) from None


def _rendered(result: Result, article: Article) -> dict[str, Any]:
    data = output.result_data(result)
    data["updated"] = article.updated.isoformat() if article.updated else None
    data["html"] = output.as_html(result.rendition)
    return data


_BLOCK_START = re.compile(r"^(#|>|[-+*]\s|\d{1,9}[.)]|=|`{3}|~{3}|\s)")


def blocks_markdown(article: dict[str, Any]) -> tuple[str, dict[int, str]]:
    """JSON blocks as the article file they stand for, and which block each line came from.

    Going through the same parser as a file keeps one set of rules and messages.
    """
    meta: dict[str, Any] = {"title": article["title"], "slug": article["slug"]}
    if article.get("updated"):
        meta["updated"] = article["updated"]
    if article.get("references"):
        meta["references"] = {int(n): text for n, text in article["references"].items()}
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    lines = ["---", *front.splitlines(), "---", ""]
    fields: dict[int, str] = {}
    indents: list[int] = []
    for index, block in enumerate(article["blocks"]):
        text = " ".join(block["text"].split())
        if block["kind"] == "list_item":
            del indents[block["level"] - 1 :]
            indents += [indents[-1] if indents else 0] * (block["level"] - 1 - len(indents))
            marker = "1. " if block["ordered"] else "- "
            pad = sum(indents)
            indents.append(len(marker))
            line = " " * pad + marker + text
        else:
            indents.clear()
            if _BLOCK_START.match(text):
                text = "\\" + text if not text[0].isspace() else text.lstrip()
            line = "#" * block["level"] + " " + text if block["kind"] == "heading" else text
            lines.append("")
        fields[len(lines) + 1] = f"article.blocks.{index}"
        lines.append(line)
    return "\n".join(lines) + "\n", fields


def _block_problem(problem: Problem, fields: dict[int, str]) -> Problem:
    """A line of the generated file means nothing to the partner: name the block instead."""
    if problem.line in fields:
        return Problem(problem.source, problem.message, problem.code, None, fields[problem.line])
    if problem.field and not problem.field.startswith("article."):
        return Problem(problem.source, problem.message, problem.code, None, problem.field)
    return problem


# Audiences and glossary


@bp.route("/audiences")
@bp.doc(security=OPTIONAL_KEY)
@bp.response(200, AudienceListSchema)
@also_documents(304, 401, 429)
def list_audiences() -> Response:
    """Every audience we render for, with its reading-grade target."""
    caller()
    items = [
        {
            "id": a.id, "label": a.label, "description": a.description, "lang": a.lang,
            "formula": a.target.formula if a.target else None,
            "target_grade": a.target.max_grade if a.target else None,
        }
        for a in _engine().audiences
    ]  # fmt: skip
    data = json.dumps(AudienceListSchema().dump({"items": items}), ensure_ascii=False)
    return cacheable(json_response(data), etag_of([WIRE_VERSION, data]))


@bp.route("/glossary/terms")
@bp.doc(security=OPTIONAL_KEY)
@bp.arguments(GlossaryQuerySchema, location="query", as_kwargs=True)
@bp.response(200, GlossaryTermListSchema)
@also_documents(304, 401, 404, 422, 429)
def glossary_terms(limit: int, q: str | None = None, audience: str | None = None) -> Response:
    """Glossary entries whose term, variants, brands or abbreviations contain `q`."""
    caller()
    engine = _engine()
    chain: list[str] | None = None
    if audience is not None:
        if audience not in engine.audiences:
            raise ApiError(404, [_unknown_audience(audience, "query")])
        chain = [audience, *engine.audiences.get(audience).wording_fallback]
    wanted = (q or "").strip().lower()
    matches = [
        entry for entry in sorted(engine.glossary.entries.values(), key=lambda e: e.term.lower())
        if not wanted or any(wanted in surface.lower() for surface in entry.all_surfaces())
    ]  # fmt: skip
    items = [_term(entry, audience, chain) for entry in matches[:limit]]
    body = {"items": items, "total": len(matches)}
    data = json.dumps(GlossaryTermListSchema().dump(body), ensure_ascii=False)
    return cacheable(json_response(data), etag_of([WIRE_VERSION, data]))


def _term(entry: Any, audience: str | None, chain: list[str] | None) -> dict[str, Any]:
    if chain is None:
        wording = {name: vars(w) for name, w in entry.wording.items()}
    else:
        found = entry.wording_for(chain)
        wording = {audience: vars(found)} if found else {}
    return {
        "id": entry.id, "kind": entry.kind, "term": entry.term,
        "variants": list(entry.variants), "abbreviations": list(entry.abbreviations),
        "brands": list(entry.brands), "review_status": entry.review_status, "wording": wording,
    }  # fmt: skip


# Documentation and health


def docs_page() -> Response:
    """The API reference as one plain page, generated from our own OpenAPI document."""
    spec = current_app.extensions["medrender.api"].spec.to_dict()
    page = render_template(
        "api_docs.html", spec=spec, operations=list(_operations(spec)), type_of=_type_of
    )
    response = Response(page, mimetype="text/html")
    response.headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    response.headers["Content-Language"] = "en"
    return response


def _type_of(fragment: dict[str, Any]) -> str:
    """'string (date)', 'array of Term', 'Rendition': a schema fragment as a reader says it."""
    if "$ref" in fragment:
        return fragment["$ref"].rsplit("/", 1)[-1]
    if fragment.get("allOf"):
        return _type_of(fragment["allOf"][0])
    kind = fragment.get("type", "")
    if kind == "array":
        return f"array of {_type_of(fragment.get('items', {}))}"
    return f"{kind} ({fragment['format']})" if fragment.get("format") else kind


def _operations(spec: dict[str, Any]) -> Any:
    """Each operation with its path's parameters too, and its responses in status order."""
    named = spec.get("components", {}).get("responses", {})
    for path, methods in spec["paths"].items():
        shared = methods.get("parameters", [])
        for method, operation in methods.items():
            if method not in {"get", "post", "put", "delete", "patch"}:
                continue
            responses = []
            for status, response in sorted(operation["responses"].items()):
                if "$ref" in response:
                    response = named.get(response["$ref"].rsplit("/", 1)[-1], response)
                responses.append((status, response.get("description", "")))
            about = dict(operation, parameters=shared + operation.get("parameters", []))
            yield path, method.upper(), about | {"responses": responses}


@health.route("/healthz")
@health.response(200, HealthSchema)
def healthz() -> Response:
    """The process answers (for a liveness probe: restart it if this fails)."""
    return json_response(json.dumps({"status": "ok", "checks": {"process": "ok"}}))


@health.route("/readyz")
@health.response(200, HealthSchema)
@health.alt_response(503, schema=HealthSchema, description="Not ready: see checks")
def readyz() -> Response:
    """Ready for traffic: the store answers and the glossaries and audiences are loaded."""
    engine = _engine()
    checks = {
        "store": "ok" if _store().ping() else "unreachable",
        "glossary": f"{len(engine.glossary)} entries" if len(engine.glossary) else "empty",
        "audiences": f"{len(engine.audiences)} audiences" if len(engine.audiences) else "none",
    }
    ready = checks["store"] == "ok" and len(engine.glossary) > 0 and len(engine.audiences) > 0
    body = {"status": "ok" if ready else "unavailable", "checks": checks}
    return json_response(json.dumps(body), 200 if ready else 503)
