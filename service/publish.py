"""Stored articles rendered for readers and partners, from the rendition cache when it can.

A rendition is cached under everything it depends on: the article's content
hash, the glossary version, and the audience profile's own version together with
the renderer's (this package's code and the libraries it reads words with).
Editing any of them, or deploying a new release, renders again; nothing needs to
be invalidated by hand.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from . import output
from .audience import Audience
from .engine import DataPaths, Engine, Result
from .store import RenditionKey, Store, StoredArticle


@dataclass(frozen=True)
class Published:
    """One rendition as a page or a partner receives it."""

    key: RenditionKey
    data: dict[str, Any]
    cached: bool

    @property
    def facts_kept(self) -> bool:
        return bool(self.data["facts"]["kept"])


# libraries whose output a rendition holds: tokens, syllable counts, word forms
RENDERING_LIBRARIES = ("spacy", "textstat", "pyphen", "lemminflect", "wordfreq")


def audience_version(audience: Audience) -> str:
    """A digest of the profile itself, so editing one audience re-renders only its pages,
    and of the renderer, so a release that renders differently never serves what an
    older one cached."""
    profile = dataclasses.replace(audience, file="")
    digest = hashlib.sha256(repr(profile).encode())
    digest.update(renderer_version().encode())
    return digest.hexdigest()[:16]


@cache
def renderer_version() -> str:
    """A digest of every module of this package and the versions of the libraries that
    render, read once per process."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    for library in RENDERING_LIBRARIES:
        digest.update(f"{library}=={metadata.version(library)}".encode())
    return digest.hexdigest()[:16]


class Publisher:
    def __init__(self, engine: Engine, store: Store):
        self.engine = engine
        self.store = store

    def data_versions(self) -> list[tuple[str, str, str]]:
        versions = [("glossary", "all", self.engine.glossary.version)]
        versions += [("renderer", "service", renderer_version())]
        versions += [("audience", a.id, audience_version(a)) for a in self.engine.audiences]
        return versions

    def key(self, stored: StoredArticle, audience: str) -> RenditionKey:
        profile = self.engine.audiences.get(audience)
        return RenditionKey(
            stored.content_hash, self.engine.glossary.version, profile.id,
            audience_version(profile),
        )  # fmt: skip

    def rendition(self, stored: StoredArticle, audience: str) -> Published:
        key = self.key(stored, audience)
        cached = self.store.cached_rendition(key)
        if cached is not None:
            return Published(key, cached, cached=True)
        data = rendition_data(self.evaluate(stored, audience), stored)
        self.store.save_rendition(key, data)
        return Published(key, data, cached=False)

    def evaluate(self, stored: StoredArticle, audience: str) -> Result:
        """Render afresh, bypassing the cache (an editor's drill-down needs the objects)."""
        article = self.engine.parse_article(stored.source, stored.origin)
        (result,) = self.engine.evaluate(article, [audience])
        return result


def rendition_data(result: Result, stored: StoredArticle) -> dict[str, Any]:
    data = output.result_data(result)
    data["updated"] = stored.updated.isoformat() if stored.updated else None
    data["html"] = output.as_html(result.rendition)
    data["body_html"] = output.body_html(result.rendition)
    data["references_html"] = (
        output.references_html(result.rendition) if result.rendition.references else ""
    )
    return data


def init_app(app: Any) -> Publisher:
    """Build the engine once per process (or take the one given) and note the data versions."""
    engine = app.config.get("ENGINE") or Engine.load(
        DataPaths(Path(app.config["GLOSSARIES"]), Path(app.config["AUDIENCES"]))
    )
    publisher = Publisher(engine, app.extensions["medrender.store"])
    publisher.store.record_versions(publisher.data_versions())
    engine.warm_up()
    app.extensions["medrender.publisher"] = publisher
    return publisher
