from __future__ import annotations

import pytest

from service import publish

SLUG = "ra-after-methotrexate"


def test_a_rendition_is_served_from_the_cache_the_second_time(app) -> None:
    publisher = app.extensions["medrender.publisher"]
    stored = publisher.store.article(SLUG)
    first = publisher.rendition(stored, "patient")
    again = publisher.rendition(stored, "patient")
    assert (first.cached, again.cached) == (False, True)
    assert again.data == first.data


def test_a_new_release_renders_again_instead_of_serving_the_old_cache(
    app, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A release that renders differently must not show readers what an older one cached,
    though neither the article nor the data files changed."""
    publisher = app.extensions["medrender.publisher"]
    stored = publisher.store.article(SLUG)
    old = publisher.rendition(stored, "patient")
    monkeypatch.setattr(publish, "renderer_version", lambda: "a-new-release")
    new = publisher.rendition(stored, "patient")
    assert new.cached is False
    assert new.key.audience_version != old.key.audience_version
    assert new.key.etag != old.key.etag


def test_the_renderer_version_follows_the_libraries_that_render(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    now = publish.renderer_version.__wrapped__()
    assert now == publish.renderer_version.__wrapped__()
    real = publish.metadata.version
    monkeypatch.setattr(
        publish.metadata, "version", lambda name: "9.9.9" if name == "textstat" else real(name)
    )
    assert publish.renderer_version.__wrapped__() != now


def test_the_renderer_version_is_recorded_with_the_data_versions(app) -> None:
    recorded = app.extensions["medrender.store"].data_versions()
    assert ("renderer", "service", publish.renderer_version()) in recorded
