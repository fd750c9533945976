"""Per-caller rate limits for the partner API, counted with `limits`.

Why not Flask-Limiter (which the API used before): it resolves a request's
limits afresh every time (walks the blueprint's limit definitions, calls the
limit callable and re-parses its text, builds limit objects) and its hooks run
on every route of the site, limited or not. Measured in process, that was
about half of what a cached rendition cost, and half of what even a
hello-world page cost. The API has one rule (one budget per key, or per
address without a key, across the whole API), so counting it needs only
`limits` itself: the limit text parsed once, then per limit one counter
increment (which also says what is left) and one expiry read. Counter keys
are the ones Flask-Limiter used (`LIMITER/<who>/api/...`), so a shared Redis
keeps its counts across the change.

`limits`' own `memory://` storage starts a short-lived timer thread to sweep
expired counters whenever the previous one has finished: under steady traffic
that is a thread start (about a millisecond) on most requests, more than all
our other work for a cached rendition. `SweptMemoryStorage` sweeps inline
instead, at most once a second; reads already check expiry themselves, so the
sweep only frees memory. Counters are per process, like `memory://`: use a
shared store (Redis, memcached) through RATELIMIT_STORAGE_URI when limits must
hold across workers exactly.
"""

from __future__ import annotations

import time
from typing import NamedTuple

from limits import RateLimitItem, parse_many
from limits.storage import MemoryStorage, Storage, storage_from_string

SCHEME = "medrender-memory"
SWEEP_SECONDS = 1.0
SCOPE = "api"
PARSED_TEXTS = 1024


class SweptMemoryStorage(MemoryStorage):
    """Registered with `limits` under `medrender-memory://` when this module is imported."""

    STORAGE_SCHEME = [SCHEME]  # noqa: RUF012 (the name limits reads)

    def __init__(self, uri: str | None = None, wrap_exceptions: bool = False, **options: str):
        super().__init__(uri, wrap_exceptions=wrap_exceptions, **options)
        self._next_sweep = time.monotonic() + SWEEP_SECONDS

    # The parent calls this (name-mangled) hook on every counter update.
    def _MemoryStorage__schedule_expiry(self) -> None:
        now = time.monotonic()
        if now >= self._next_sweep:
            self._next_sweep = now + SWEEP_SECONDS
            self._MemoryStorage__expire_events()


class Count(NamedTuple):
    """One request counted: whether it may go on, and what the RateLimit-* headers say.

    `limit` is the limit that refused the request, else the one with the
    shortest window (the one a caller meets first).
    """

    limit: RateLimitItem
    allowed: bool
    remaining: int
    reset_at: int  # when the window ends, in epoch seconds (rounded up)


def valid_rate_limit(text: str) -> bool:
    """'600/minute', '10 per second; 1000/day': what `limits` accepts."""
    try:
        return bool(parse_many(text))
    except ValueError:
        return False


class RateLimits:
    """Fixed windows, one counter per caller and limit, in the storage at `storage_uri`.

    The fixed-window strategy of `limits` (Flask-Limiter's default), counted
    through the storage's own `incr` so that one call both counts the request
    and says how many are left.
    """

    def __init__(self, storage_uri: str):
        self.storage: Storage = storage_from_string(storage_uri)
        self._parsed: dict[str, list[RateLimitItem]] = {}

    def items(self, text: str) -> list[RateLimitItem]:
        """The limits in `text`, shortest window first; parsed once per distinct text."""
        found = self._parsed.get(text)
        if found is None:
            found = sorted(parse_many(text))
            if len(self._parsed) < PARSED_TEXTS:  # keys' own limits: a handful of texts
                self._parsed[text] = found
        return found

    def hit(self, text: str, who: str) -> Count | None:
        """Count one request by `who` against every limit in `text` (None: no limit).

        Counting stops at the first limit refused, so a refused request does not
        use up the longer windows' budgets. The headers describe the refusing
        limit, else the shortest one.
        """
        items = self.items(text) if text else []
        shown: Count | None = None
        for item in items:
            key = item.key_for(who, SCOPE)
            used = self.storage.incr(key, item.get_expiry())
            reset_at = int(self.storage.get_expiry(key) + 1)
            count = Count(item, used <= item.amount, max(0, item.amount - used), reset_at)
            if not count.allowed:
                return count
            shown = shown or count
        return shown
