"""Rate-limit counters in process memory, without a thread per request.

`limits`' own `memory://` storage starts a short-lived timer thread to sweep
expired counters whenever the previous one has finished: under steady traffic
that is a thread start (about a millisecond) on most requests, more than all
our other work for a cached rendition. This storage sweeps inline instead, at
most once a second; reads already check expiry themselves, so the sweep only
frees memory. Counters are per process, like `memory://`: use a shared store
(Redis, memcached) through RATELIMIT_STORAGE_URI when limits must hold across
workers exactly.
"""

from __future__ import annotations

import time

from limits.storage import MemoryStorage

SCHEME = "medrender-memory"
SWEEP_SECONDS = 1.0


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
