"""Rate limits: counted per caller and limit, parsed once; counters expire without threads."""

from __future__ import annotations

import threading
import time

from limits import parse
from limits.storage import storage_from_string
from limits.strategies import FixedWindowRateLimiter

from service.api_limits import SCHEME, RateLimits, SweptMemoryStorage, valid_rate_limit


def test_the_scheme_is_registered_with_limits() -> None:
    assert isinstance(storage_from_string(f"{SCHEME}://"), SweptMemoryStorage)


def test_counters_limit_expire_and_start_no_threads() -> None:
    storage = SweptMemoryStorage(f"{SCHEME}://")
    time.sleep(0.05)  # the parent's one start-up sweep thread ends
    threads = threading.active_count()
    limiter = FixedWindowRateLimiter(storage)
    limit = parse("3/second")
    assert [limiter.hit(limit, "partner") for _ in range(4)] == [True, True, True, False]
    assert limiter.hit(limit, "other")
    for _ in range(200):
        storage.incr("busy", expiry=1)
    assert threading.active_count() == threads
    storage.incr("short", expiry=0.01)
    time.sleep(0.02)
    assert storage.get("short") == 0


def test_a_request_counts_against_every_limit_and_shows_the_shortest() -> None:
    limits = RateLimits(f"{SCHEME}://")
    first = limits.hit("5/minute; 2/hour", "key:clinic")
    assert first is not None and first.allowed
    assert (first.limit.amount, first.remaining) == (5, 4)
    assert 0 < first.reset_at - time.time() <= 61
    assert limits.hit("5/minute; 2/hour", "key:clinic").remaining == 3
    refused = limits.hit("5/minute; 2/hour", "key:clinic")
    assert refused is not None and not refused.allowed
    assert str(refused.limit) == "2 per 1 hour" and refused.remaining == 0
    assert limits.hit("5/minute; 2/hour", "key:other").allowed
    assert limits.hit("", "key:unlimited") is None


def test_a_refused_request_does_not_use_up_the_longer_windows() -> None:
    limits = RateLimits(f"{SCHEME}://")
    for _ in range(3):
        limits.hit("2/minute; 10/day", "address:1.2.3.4")
    day = parse("10/day")
    assert limits.storage.get(day.key_for("address:1.2.3.4", "api")) == 2


def test_counters_keep_the_keys_flask_limiter_gave_them() -> None:
    """A shared Redis keeps counting the same budgets across the change from Flask-Limiter."""
    limits = RateLimits(f"{SCHEME}://")
    limits.hit("600/minute", "key:clinic")
    assert limits.storage.get("LIMITER/key:clinic/api/600/1/minute") == 1


def test_limit_texts_are_parsed_once_and_checked() -> None:
    limits = RateLimits(f"{SCHEME}://")
    assert limits.items("10/day; 1/second") is limits.items("10/day; 1/second")
    assert [str(item) for item in limits.items("10/day; 1/second")] == [
        "1 per 1 second", "10 per 1 day",
    ]  # fmt: skip
    assert valid_rate_limit("10 per second; 1000/day")
    assert not valid_rate_limit("lots") and not valid_rate_limit("")
