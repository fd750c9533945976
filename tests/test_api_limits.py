"""The rate-limit counter storage: limits hold, counters expire, no thread per request."""

from __future__ import annotations

import threading
import time

from limits import parse
from limits.storage import storage_from_string
from limits.strategies import FixedWindowRateLimiter

from service.api_limits import SCHEME, SweptMemoryStorage


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
