"""The production WSGI server: gunicorn, preloading the app once and forking workers.

Rendering is CPU-bound Python, so worker processes (one per core) rather than
threads are what use the machine; preloading builds the spaCy pipeline and
migrates the store once, in the parent, and the workers share its memory.
"""

from __future__ import annotations

import os
from typing import Any

from gunicorn.app.base import BaseApplication

from .app import create_app


class Server(BaseApplication):
    def __init__(self, options: dict[str, Any], config: dict[str, Any] | None = None):
        self.options = options
        self.config_overrides = config
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        app = create_app(self.config_overrides)
        app.extensions["medrender.publisher"].engine.settle()  # once, before the fork
        return app


def _ready(server: Any) -> None:
    for address in server.cfg.bind:
        print(f"medrender: the site is ready at http://{address}/ (Ctrl+C stops it)", flush=True)


def _after_fork(_server: Any, worker: Any) -> None:
    """A forked worker must not share the parent's database connections."""
    store = worker.app.callable.extensions["medrender.store"]
    store.dispose()


def serve(host: str = "127.0.0.1", port: int = 5000, workers: int | None = None,
          threads: int = 4, config: dict[str, Any] | None = None) -> None:  # fmt: skip
    Server(
        {
            "bind": f"{host}:{port}",
            "workers": workers or os.cpu_count() or 1,
            "worker_class": "gthread",
            "threads": threads,
            "preload_app": True,
            "post_fork": _after_fork,
            "when_ready": _ready,
            "timeout": 60,
            "accesslog": "-",
            "errorlog": "-",
            "loglevel": "info",
        },
        config,
    ).run()
