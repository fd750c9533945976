"""The web application: the article pages for readers and the partner API (/api/v1).

`create_app` only wires: configuration from `Config`, then `MEDRENDER_*`
environment variables, then the `config` mapping; then the store, the
publisher, the pages and the API, each through its own `init_app`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any, ClassVar

from flask import Flask

from . import api, editor, publish, store, web
from .engine import PROJECT_ROOT

INSTANCE = PROJECT_ROOT / "instance"


class Config:
    # None: one SQLite file in the instance folder (instance/medrender.db).
    DATABASE_URL: str | None = None
    # On a first start with an empty store, import the example articles (off in production).
    IMPORT_EXAMPLES = True
    EXAMPLES_DIR = str(PROJECT_ROOT / "articles")
    GLOSSARIES = str(PROJECT_ROOT / "glossaries")
    AUDIENCES = str(PROJECT_ROOT / "audiences")
    DEFAULT_AUDIENCE = "clinician"
    AUDIENCE_COOKIE = "medrender_audience"
    AUDIENCE_COOKIE_SECURE = False
    PAGE_MAX_AGE = 300
    # Editors who may open /qa and ?qa=1: {"name": "<hash from medrender editor-hash>"}.
    EDITORS: ClassVar[Mapping[str, str]] = MappingProxyType({})


def database_url(configured: str | None = None, instance: str | None = None) -> str:
    """The configured URL, else `MEDRENDER_DATABASE_URL`, else SQLite in the instance folder."""
    if configured:
        return configured
    if os.environ.get("MEDRENDER_DATABASE_URL"):
        return os.environ["MEDRENDER_DATABASE_URL"]
    folder = Path(instance or os.environ.get("MEDRENDER_INSTANCE", str(INSTANCE)))
    return f"sqlite:///{folder / 'medrender.db'}"


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    app = Flask(__name__, instance_path=os.environ.get("MEDRENDER_INSTANCE", str(INSTANCE)))
    app.config.from_object(Config)
    app.config.from_prefixed_env("MEDRENDER")
    app.config.update(config or {})
    app.config["DATABASE_URL"] = database_url(app.config["DATABASE_URL"], app.instance_path)
    store.init_app(app)
    publish.init_app(app)
    web.init_app(app)
    editor.init_app(app)
    api.init_app(app)
    return app
