"""The store on SQLite and on PostgreSQL: migrations, imports all-or-nothing, the cache."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from service import store as store_module
from service.cli import cli
from service.engine import PROJECT_ROOT
from service.errors import InputError
from service.store import KeyNameTaken, RenditionKey, Store, key_digest

EXAMPLES = PROJECT_ROOT / "articles"
SLUGS = sorted(path.stem for path in EXAMPLES.glob("*.md"))


def article_text(slug: str, title: str, updated: str = "2026-01-02", body: str = "") -> str:
    body = body or "Methotrexate 15mg weekly is not enough for some patients [1]."
    return (
        f"---\ntitle: {title}\nslug: {slug}\nupdated: {updated}\n"
        f"references:\n  1: A trial report.\n---\n{body}\n"
    )


@pytest.fixture
def store(database_url: str) -> Store:
    opened = Store(database_url)
    opened.migrate()
    yield opened
    opened.dispose()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    copy = tmp_path / "articles"
    shutil.copytree(EXAMPLES, copy)
    return copy


def test_migrate_creates_the_tables_and_runs_again_harmlessly(store: Store) -> None:
    store.migrate()
    tables = set(sa.inspect(store.engine).get_table_names())
    assert {"articles", "article_revisions", "data_versions", "renditions"} <= tables
    assert "alembic_version" in tables


def test_import_adds_every_article_then_finds_them_unchanged(store: Store, folder: Path) -> None:
    first = store.import_folder(folder)
    assert sorted(first.added) == SLUGS
    again = store.import_folder(folder)
    assert again.added == () and again.changed == ()
    assert sorted(again.unchanged) == SLUGS
    assert store.count_articles() == len(SLUGS)


def test_a_changed_file_becomes_a_new_revision(store: Store, folder: Path) -> None:
    store.import_folder(folder)
    path = folder / "migraine-prevention.md"
    path.write_text(path.read_text().replace("title:", "title: Revised -", 1))
    summary = store.import_folder(folder)
    assert summary.changed == ("migraine-prevention",)
    stored = store.article("migraine-prevention")
    assert stored.title.startswith("Revised -")
    assert stored.source == path.read_text()
    assert [number for number, _, _ in store.revisions("migraine-prevention")] == [1, 2]


def test_a_bad_file_aborts_the_import_and_leaves_the_store_as_it_was(
    store: Store, folder: Path
) -> None:
    store.import_folder(folder)
    before = {a.slug: a.content_hash for a in store.articles()}
    good = folder / "migraine-prevention.md"
    good.write_text(good.read_text().replace("title:", "title: Changed -", 1))
    (folder / "zz-new.md").write_text(article_text("zz-new", "A new one"))
    (folder / "broken.md").write_text("---\ntitle: Broken\n---\nText.\n")
    (folder / "drafts.md").mkdir()
    with pytest.raises(InputError) as caught:
        store.import_folder(folder)
    assert "broken.md" in str(caught.value)
    assert "slug" in str(caught.value)
    assert "drafts.md: cannot read it (Is a directory)" in str(caught.value)
    assert {a.slug: a.content_hash for a in store.articles()} == before


def test_a_database_error_mid_import_rolls_everything_back(
    store: Store, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    written = []
    real = store_module._write_current

    def fail_on_third(row, canonical, now):
        written.append(canonical.article.slug)
        if len(written) == 3:
            raise sa.exc.OperationalError("INSERT", {}, Exception("disk full"))
        real(row, canonical, now)

    monkeypatch.setattr(store_module, "_write_current", fail_on_third)
    with pytest.raises(sa.exc.OperationalError):
        store.import_folder(folder)
    assert store.count_articles() == 0


def test_two_files_with_one_slug_are_refused_naming_both(store: Store, tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(article_text("same", "First"))
    (tmp_path / "b.md").write_text(article_text("same", "Second"))
    with pytest.raises(InputError) as caught:
        store.import_folder(tmp_path)
    message = str(caught.value)
    assert "b.md" in message and "a.md" in message and "'same'" in message
    assert store.count_articles() == 0


def test_articles_are_newest_first_and_searchable_by_title(store: Store, tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(article_text("old-anemia", "Anemia in 2020", "2020-05-01"))
    (tmp_path / "b.md").write_text(article_text("new-gout", "Gout flares", "2026-03-01"))
    (tmp_path / "c.md").write_text(article_text("mid-anemia", "Iron and anemia", "2024-01-01"))
    store.import_folder(tmp_path)
    assert [a.slug for a in store.articles()] == ["new-gout", "mid-anemia", "old-anemia"]
    assert [a.slug for a in store.articles("ANEMIA")] == ["mid-anemia", "old-anemia"]
    assert [a.slug for a in store.articles("iron anemia")] == ["mid-anemia"]
    assert store.articles("100%_") == []
    assert [a.slug for a in store.articles(updated_since=date(2024, 1, 1))] == [
        "new-gout", "mid-anemia",
    ]  # fmt: skip
    assert [a.slug for a in store.articles(limit=1, offset=1)] == ["mid-anemia"]
    assert store.count_articles("anemia") == 2


def test_renditions_are_cached_by_every_part_of_their_key(store: Store) -> None:
    key = RenditionKey("a" * 64, "g1", "patient", "p1")
    assert store.cached_rendition(key) is None
    store.save_rendition(key, {"title": "First", "grade": 6.5})
    store.save_rendition(key, {"title": "Second"})
    assert store.cached_rendition(key) == {"title": "First", "grade": 6.5}
    assert store.cached_rendition(RenditionKey("a" * 64, "g2", "patient", "p1")) is None
    assert store.cached_rendition(RenditionKey("a" * 64, "g1", "caregiver", "p1")) is None
    assert store.count_renditions() == 1


def test_data_versions_are_recorded_once(store: Store) -> None:
    versions = [("glossary", "all", "abc"), ("audience", "patient", "123")]
    store.record_versions(versions)
    store.record_versions(versions)
    store.record_versions([("glossary", "all", "def")])
    assert store.data_versions() == [*versions, ("glossary", "all", "def")]


def test_the_embedded_sqlite_store_runs_in_wal_mode(tmp_path: Path) -> None:
    embedded = Store(f"sqlite:///{tmp_path / 'nested' / 'store.db'}")
    embedded.migrate()
    with embedded.engine.connect() as connection:
        assert connection.execute(sa.text("PRAGMA journal_mode")).scalar() == "wal"
    assert (tmp_path / "nested" / "store.db").exists()
    embedded.dispose()


def test_import_command_reports_and_refuses_bad_folders(database_url: str, folder: Path) -> None:
    runner = CliRunner()
    done = runner.invoke(cli, ["import", str(folder), "--database-url", database_url])
    assert done.exit_code == 0, done.output
    assert f"{len(SLUGS)} added" in done.output
    (folder / "broken.md").write_text("---\nslug: broken\n---\n<div>raw</div>\n")
    refused = runner.invoke(cli, ["import", str(folder), "--database-url", database_url])
    assert refused.exit_code == 2
    assert "broken.md" in refused.output
    assert "nothing was written" in refused.output
    assert "Traceback" not in refused.output
    store = Store(database_url)
    assert store.count_articles() == len(SLUGS)
    store.dispose()


def test_partner_keys_are_stored_hashed_found_by_secret_and_revoked(store: Store) -> None:
    key, secret = store.create_key("clinic-portal", "100/minute")
    assert secret.startswith("mr_") and len(secret) > 40
    assert key.prefix == secret[:10] and not key.revoked
    with store.engine.connect() as connection:
        stored = connection.execute(sa.text("SELECT key_hash FROM partner_keys")).scalar_one()
    assert stored == key_digest(secret) and secret not in stored
    assert store.key_for(secret) == key
    assert store.key_for(secret + "x") is None
    revoked = store.revoke_key("clinic-portal")
    assert revoked is not None and revoked.revoked
    assert store.key_for(secret).revoked
    assert store.revoke_key("clinic-portal").revoked_at == revoked.revoked_at
    assert store.revoke_key("nobody") is None


def test_partner_key_names_are_unique_and_listed_in_order(store: Store) -> None:
    store.create_key("pharmacy")
    store.create_key("clinic")
    with pytest.raises(KeyNameTaken):
        store.create_key("clinic")
    listed = [(k.name, k.rate_limit) for k in store.partner_keys()]
    assert listed == [("clinic", None), ("pharmacy", None)]


def test_keys_command_creates_shows_the_key_once_lists_and_revokes(database_url: str) -> None:
    runner = CliRunner()
    url = ["--database-url", database_url]
    created = runner.invoke(cli, ["keys", "create", "clinic", "--rate-limit", "50/minute", *url])
    assert created.exit_code == 0, created.output
    secret = created.output.split("key: ", 1)[1].split()[0]
    listed = runner.invoke(cli, ["keys", "list", *url])
    assert "clinic" in listed.output and "50/minute" in listed.output and "active" in listed.output
    assert secret not in listed.output
    again = runner.invoke(cli, ["keys", "create", "clinic", *url])
    assert again.exit_code == 2 and "already" in again.output
    bad = runner.invoke(cli, ["keys", "create", "other", "--rate-limit", "lots", *url])
    assert bad.exit_code == 2 and "rate limit" in bad.output and "Traceback" not in bad.output
    revoked = runner.invoke(cli, ["keys", "revoke", "clinic", *url])
    assert revoked.exit_code == 0 and "revoked" in revoked.output
    missing = runner.invoke(cli, ["keys", "revoke", "nobody", *url])
    assert missing.exit_code == 2 and "no key named 'nobody'" in missing.output
    store = Store(database_url)
    assert store.key_for(secret).revoked
    store.dispose()
