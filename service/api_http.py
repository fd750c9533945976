"""What every partner API response shares: problem details, keys, rate limits, caching, CORS.

Errors are `application/problem+json` (RFC 9457) with the field that failed and
the stable message code from `errors`; keys come as `Authorization: Bearer`;
limits are counted per key (or per address without one) by `api_limits` and
sent back as `RateLimit-*` headers.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from threading import Lock
from typing import Any

from flask import Flask, Response, current_app, g, request
from werkzeug.http import parse_accept_header

from . import api_limits, errors
from .api_limits import RateLimits, valid_rate_limit
from .errors import Problem
from .store import PartnerKey, Store, key_digest

API_PREFIX = "/api/"
PROBLEM_TYPE = "application/problem+json"
EXPOSED = (
    "ETag, Content-Language, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset"
)


class ApiError(Exception):
    """A request the API refuses: its status and every problem, shown as problem details."""

    def __init__(self, status: int, problems: list[Problem], headers: dict[str, str] | None = None):
        super().__init__(problems[0].message if problems else str(status))
        self.status = status
        self.problems = problems
        self.headers = headers or {}


TITLES = {
    400: "Bad request", 401: "Partner key needed", 404: "Not found", 405: "Method not allowed",
    413: "Request body too large", 422: "Invalid request", 429: "Too many requests",
    500: "Internal error", 503: "Unavailable",
}  # fmt: skip


def problem_response(
    status: int, problems: list[Problem], headers: dict[str, str] | None = None
) -> Response:
    """The first problem is the headline (detail, code, field); `errors` lists them all."""
    first = problems[0]
    body = {
        "type": "about:blank",
        "title": TITLES.get(status, "Error"),
        "status": status,
        "detail": first.message,
        "code": first.code,
        "field": first.field,
        "errors": [p.as_dict() for p in problems],
    }
    response = Response(json.dumps(body, ensure_ascii=False), status, mimetype=PROBLEM_TYPE)
    response.headers["Content-Language"] = "en"
    response.headers["Cache-Control"] = "no-store"
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def field_problems(messages: Any, source: str, prefix: str = "") -> list[Problem]:
    """marshmallow's nested error dict, flattened to one problem per field path."""
    if isinstance(messages, dict):
        found: list[Problem] = []
        for key, value in messages.items():
            name = prefix if key == "_schema" else f"{prefix}.{key}" if prefix else str(key)
            found += field_problems(value, source, name)
        return found
    texts = messages if isinstance(messages, list) else [messages]
    problems: list[Problem] = []
    for text in texts:
        if isinstance(text, dict | list):
            problems += field_problems(text, source, prefix)
        else:
            problems.append(
                errors.problem(errors.INVALID_FIELD, source, field=prefix or None, detail=text)
            )
    return problems


def request_problems(messages: dict[str, Any]) -> list[Problem]:
    """webargs groups errors by where they were (json, query): that is the problem's source."""
    problems: list[Problem] = []
    for location, fields in messages.items():
        source = "body" if location == "json" else location
        problems += field_problems(fields, source)
    return problems or [errors.problem(errors.INVALID_FIELD, "request", detail="invalid request")]


# Partner keys


@dataclass(frozen=True)
class Caller:
    key: PartnerKey | None
    address: str

    @property
    def limit_key(self) -> str:
        return f"key:{self.key.name}" if self.key else f"address:{self.address}"


def caller() -> Caller:
    """Who is asking, from the Authorization header; a wrong or revoked key is refused."""
    found: Caller | None = g.get("medrender_caller")
    if found is None:
        found = g.medrender_caller = _identify()
    return found


def require_key() -> PartnerKey:
    key = caller().key
    if key is None:
        raise ApiError(401, [_key_problem(errors.KEY_NEEDED)], _CHALLENGE)
    return key


_CHALLENGE = {"WWW-Authenticate": 'Bearer realm="medrender"'}


def _identify() -> Caller:
    environ = request.environ  # what request.remote_addr and .headers read, in one look-up
    address = environ.get("REMOTE_ADDR") or "unknown"
    header = environ.get("HTTP_AUTHORIZATION")
    if header is None:
        return Caller(None, address)
    scheme, _, secret = header.strip().partition(" ")
    if scheme.lower() != "bearer" or not secret.strip():
        raise ApiError(401, [_key_problem(errors.KEY_NEEDED)], _CHALLENGE)
    key = _key_for(secret.strip())
    if key is None:
        raise ApiError(401, [_key_problem(errors.KEY_UNKNOWN)], _CHALLENGE)
    if key.revoked_at is not None:
        problem = _key_problem(
            errors.KEY_REVOKED, prefix=key.prefix, date=f"{key.revoked_at:%Y-%m-%d}"
        )
        raise ApiError(401, [problem], _CHALLENGE)
    return Caller(key, address)


def _key_for(secret: str) -> PartnerKey | None:
    """The store's answer, kept for API_LOOKUP_CACHE_SECONDS (only keys that exist)."""
    seen: RecentCache = current_app.extensions["medrender.api_keys"]
    digest = key_digest(secret)
    key = seen.get(digest)
    if key is None:
        store: Store = current_app.extensions["medrender.store"]
        key = store.key_for(secret)
        if key is not None:
            seen.put(digest, key)
    return key


def _key_problem(message: errors.Message, **values: object) -> Problem:
    return errors.problem(message, "request", field="Authorization", **values)


# Rate limits


def limit_of(who: Caller) -> str:
    """The key's own limit, else the configured one for keys, else the anonymous one."""
    if who.key is None:
        return current_app.config["API_ANONYMOUS_LIMIT"]
    return who.key.rate_limit or current_app.config["API_KEY_LIMIT"]


def limit_exceeded_problem(limit: str) -> Problem:
    who = "key" if caller().key else "address (send a partner key for a higher limit)"
    return errors.problem(errors.RATE_LIMITED, "request", who=who, limit=limit)


def make_limits(app: Flask) -> RateLimits:
    """Counters live in RATELIMIT_STORAGE_URI: by default in process memory (see api_limits)."""
    app.config.setdefault("RATELIMIT_STORAGE_URI", f"{api_limits.SCHEME}://")
    for name in ("API_KEY_LIMIT", "API_ANONYMOUS_LIMIT"):
        text = app.config[name]
        if not valid_rate_limit(text):
            raise ValueError(
                f"{name}: {text!r} is not a rate limit; write it as a count per period, "
                "like '600/minute' or '10/second; 1000/day'"
            )
    return RateLimits(app.config["RATELIMIT_STORAGE_URI"])


def count_request() -> None:
    """Before every API view: count the request against the caller's limit; over it, a 429.

    Preflight requests (OPTIONS) are not counted: browsers send them on their own.
    """
    who = caller()
    if request.method == "OPTIONS":
        return
    limits: RateLimits = current_app.extensions["medrender.api_limits"]
    count = limits.hit(limit_of(who), who.limit_key)
    g.medrender_count = count
    if count is not None and not count.allowed:
        raise ApiError(429, [limit_exceeded_problem(str(count.limit))])


def rate_headers(response: Response) -> Response:
    """RateLimit-* as the IETF draft has them (Reset in seconds from now); 429s get Retry-After."""
    count: api_limits.Count | None = g.get("medrender_count")
    if count is None:
        return response
    headers = response.headers  # only this sets them: added without looking for old ones
    headers.add("RateLimit-Limit", str(count.limit.amount))
    headers.add("RateLimit-Remaining", str(count.remaining))
    headers.add("RateLimit-Reset", str(max(0, count.reset_at - int(time.time()))))
    if not count.allowed:
        headers.add("Retry-After", str(int(count.reset_at - time.time())))
    return response


# Caching and CORS


class RecentCache:
    """Most recently used values, at most `size`, each for at most `seconds` (None: no expiry).

    Per process and thread-safe: gunicorn's threads share one, each worker has its own.
    """

    def __init__(self, size: int, seconds: float | None = None,
                 clock: Callable[[], float] = time.monotonic):  # fmt: skip
        self.size = size
        self.seconds = seconds
        self.clock = clock
        self._items: OrderedDict[str, tuple[float, Any]] = OrderedDict()
        self._lock = Lock()

    def get(self, name: str) -> Any:
        if self.seconds is not None and self.seconds <= 0:
            return None
        with self._lock:
            found = self._items.get(name)
            if found is None:
                return None
            if self.seconds is not None and self.clock() - found[0] > self.seconds:
                del self._items[name]
                return None
            self._items.move_to_end(name)
            return found[1]

    def put(self, name: str, value: Any) -> None:
        if self.seconds is not None and self.seconds <= 0:
            return
        with self._lock:
            self._items[name] = (self.clock(), value)
            self._items.move_to_end(name)
            while len(self._items) > self.size:
                self._items.popitem(last=False)


def etag_of(parts: Iterable[str]) -> str:
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:32]


def cacheable(response: Response, etag: str) -> Response:
    """ETag and Cache-Control; a matching If-None-Match turns it into a 304 without a body."""
    response.set_etag(etag)
    response.headers["Cache-Control"] = f"public, max-age={current_app.config['API_MAX_AGE']}"
    return response.make_conditional(request)


def json_response(body: bytes | str, status: int = 200) -> Response:
    return Response(body, status, mimetype="application/json")


def cors_origins(app: Flask) -> frozenset[str]:
    configured = app.config["API_CORS_ORIGINS"]
    if isinstance(configured, str):
        configured = configured.replace(",", " ").split()
    return frozenset(origin.rstrip("/") for origin in configured)


def finish(response: Response) -> Response:
    """Every API response: English, and CORS headers only for a configured partner origin.

    One look at the headers present, then appends: this runs on every API response, and
    each werkzeug `headers[name] = value` (or the parsed `response.vary`) searches them all.
    """
    headers = response.headers
    present = {name.lower(): value for name, value in headers.items()}
    if "content-language" in present:
        headers["Content-Language"] = "en"
    else:
        headers.add("Content-Language", "en")
    if "x-content-type-options" not in present:
        headers.add("X-Content-Type-Options", "nosniff")
    vary = present.get("vary")
    if vary is None:
        headers.add("Vary", "Origin")
    elif "origin" not in (name.strip().lower() for name in vary.split(",")):
        headers["Vary"] = f"{vary}, Origin" if vary.strip() else "Origin"
    origin = request.environ.get("HTTP_ORIGIN")
    if origin and origin in current_app.extensions["medrender.api_origins"]:
        headers["Access-Control-Allow-Origin"] = origin
        headers["Access-Control-Expose-Headers"] = EXPOSED
        if request.method == "OPTIONS":
            headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
            headers["Access-Control-Allow-Headers"] = "Authorization, Content-Type, If-None-Match"
            headers["Access-Control-Max-Age"] = "600"
    return response


@lru_cache(maxsize=256)
def accepts_gzip(accept_encoding: str) -> bool:
    """Whether this Accept-Encoding takes gzip (q above 0), parsed once per distinct header."""
    return parse_accept_header(accept_encoding).quality("gzip") > 0
