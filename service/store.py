"""The store: canonical articles, their revisions, data versions and cached renditions.

SQLAlchemy 2 with Alembic migrations (`service/migrations/`). The embedded
default is one SQLite file in WAL mode, so a reader's page and an import can
run at the same time; PostgreSQL works through the same URL setting. An
import parses every file before it opens its one transaction, so a bad file
leaves the store exactly as it was.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config as AlembicConfig
from markdown_it import MarkdownIt
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship

from . import errors
from .article import Article, markdown_parser, parse_article
from .errors import InputError, Problem

MIGRATIONS = Path(__file__).parent / "migrations"


class Base(DeclarativeBase):
    pass


class ArticleRow(Base):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(sa.String(200), unique=True)
    title: Mapped[str] = mapped_column(sa.String(500))
    updated: Mapped[date | None] = mapped_column(sa.Date, index=True)
    content_hash: Mapped[str] = mapped_column(sa.String(64))
    source: Mapped[str] = mapped_column(sa.Text)
    origin: Mapped[str] = mapped_column(sa.String(500))
    imported_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))
    revisions: Mapped[list[RevisionRow]] = relationship(
        back_populates="article", order_by="RevisionRow.number"
    )


class RevisionRow(Base):
    """Every distinct text an article has had, so an editor can see what changed when."""

    __tablename__ = "article_revisions"
    __table_args__ = (sa.UniqueConstraint("article_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(sa.ForeignKey("articles.id", ondelete="CASCADE"))
    number: Mapped[int]
    content_hash: Mapped[str] = mapped_column(sa.String(64))
    title: Mapped[str] = mapped_column(sa.String(500))
    updated: Mapped[date | None] = mapped_column(sa.Date)
    source: Mapped[str] = mapped_column(sa.Text)
    imported_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))
    article: Mapped[ArticleRow] = relationship(back_populates="revisions")


class DataVersionRow(Base):
    """Which glossary and audience versions the service has run with, and since when."""

    __tablename__ = "data_versions"
    __table_args__ = (sa.UniqueConstraint("kind", "name", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(sa.String(20))
    name: Mapped[str] = mapped_column(sa.String(100))
    version: Mapped[str] = mapped_column(sa.String(64))
    first_seen: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))


class RenditionRow(Base):
    """A rendition, valid for as long as its article text and data versions are unchanged."""

    __tablename__ = "renditions"
    __table_args__ = (
        sa.UniqueConstraint("article_hash", "glossary_version", "audience", "audience_version"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    article_hash: Mapped[str] = mapped_column(sa.String(64))
    glossary_version: Mapped[str] = mapped_column(sa.String(64))
    audience: Mapped[str] = mapped_column(sa.String(100))
    audience_version: Mapped[str] = mapped_column(sa.String(64))
    payload: Mapped[dict[str, Any]] = mapped_column(sa.JSON)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))


class PartnerKeyRow(Base):
    """A partner's API key: only its SHA-256 is kept, so a leaked database leaks no key."""

    __tablename__ = "partner_keys"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(100), unique=True)
    key_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    prefix: Mapped[str] = mapped_column(sa.String(16))
    rate_limit: Mapped[str | None] = mapped_column(sa.String(100))
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))
    revoked_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))


@dataclass(frozen=True)
class StoredArticle:
    slug: str
    title: str
    updated: date | None
    content_hash: str
    source: str
    origin: str
    imported_at: datetime


@dataclass(frozen=True)
class RenditionKey:
    """What a rendition depends on: change any part and it is rendered again."""

    article_hash: str
    glossary_version: str
    audience: str
    audience_version: str

    @property
    def etag(self) -> str:
        joined = "|".join(
            (self.article_hash, self.glossary_version, self.audience, self.audience_version)
        )
        return hashlib.sha256(joined.encode()).hexdigest()[:32]


@dataclass(frozen=True)
class ImportSummary:
    added: tuple[str, ...]
    changed: tuple[str, ...]
    unchanged: tuple[str, ...]

    def __str__(self) -> str:
        return (
            f"{len(self.added)} added, {len(self.changed)} changed, {len(self.unchanged)} unchanged"
        )


@dataclass(frozen=True)
class Canonical:
    """A parsed article with the exact text it was parsed from, as the store keeps it."""

    article: Article
    text: str


KEY_PREFIX = "mr_"


@dataclass(frozen=True)
class PartnerKey:
    """A partner key as the API and the command line see it (never the key itself)."""

    name: str
    prefix: str
    rate_limit: str | None
    created_at: datetime
    revoked_at: datetime | None

    @property
    def revoked(self) -> bool:
        return self.revoked_at is not None


class KeyNameTaken(Exception):
    """A key with this name exists already (names identify partners in logs and limits)."""


def key_digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


class StoreUnavailable(Exception):
    """The database cannot be reached or is not at the schema this code expects."""


class Store:
    """One database, opened once per process; every call runs in its own short session."""

    def __init__(self, url: str):
        self.url = url
        self.engine = _create_engine(url)

    def migrate(self) -> None:
        """Bring the schema to the newest Alembic revision (a no-op when it is there)."""
        config = AlembicConfig()
        config.set_main_option("script_location", str(MIGRATIONS))
        with self.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")

    def dispose(self) -> None:
        """Drop pooled connections, e.g. in a worker process after a fork."""
        self.engine.dispose()

    def ping(self) -> bool:
        try:
            with self.engine.connect() as connection:
                connection.execute(sa.text("SELECT 1"))
        except OperationalError:
            return False
        return True

    @contextmanager
    def session(self) -> Iterator[Session]:
        with Session(self.engine) as session, session.begin():
            yield session

    def import_articles(self, canonicals: Sequence[Canonical]) -> ImportSummary:
        """Add or update every article in one transaction: all of them or none."""
        problems = _duplicate_slugs(canonicals)
        if problems:
            raise InputError(problems)
        now = datetime.now(UTC)
        added, changed, unchanged = [], [], []
        with self.session() as session:
            for canonical in canonicals:
                article = canonical.article
                row = session.scalar(sa.select(ArticleRow).where(ArticleRow.slug == article.slug))
                if row is None:
                    row = ArticleRow(slug=article.slug, revisions=[])
                    session.add(row)
                    added.append(article.slug)
                elif row.content_hash == article.digest:
                    unchanged.append(article.slug)
                    continue
                else:
                    changed.append(article.slug)
                _write_current(row, canonical, now)
        return ImportSummary(tuple(added), tuple(changed), tuple(unchanged))

    def import_folder(self, folder: str | Path, md: MarkdownIt | None = None) -> ImportSummary:
        return self.import_articles(read_folder(folder, md))

    def articles(
        self,
        query: str | None = None,
        updated_since: date | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[StoredArticle]:
        """Newest first; `query` matches words of the title, case-insensitively."""
        statement = _filtered(sa.select(ArticleRow), query, updated_since)
        statement = statement.order_by(
            ArticleRow.updated.desc().nulls_last(), ArticleRow.title
        ).offset(offset)
        if limit is not None:
            statement = statement.limit(limit)
        with self.session() as session:
            return [_stored(row) for row in session.scalars(statement)]

    def count_articles(self, query: str | None = None, updated_since: date | None = None) -> int:
        statement = _filtered(sa.select(sa.func.count(ArticleRow.id)), query, updated_since)
        with self.session() as session:
            return session.scalar(statement) or 0

    def article(self, slug: str) -> StoredArticle | None:
        with self.session() as session:
            row = session.scalar(sa.select(ArticleRow).where(ArticleRow.slug == slug))
            return _stored(row) if row else None

    def article_version(self, slug: str) -> str | None:
        """Only the content hash: enough to find a cached rendition without loading the text."""
        with self.engine.connect() as connection:
            return connection.scalar(
                sa.select(ArticleRow.content_hash).where(ArticleRow.slug == slug)
            )

    def revisions(self, slug: str) -> list[tuple[int, str, datetime]]:
        with self.session() as session:
            row = session.scalar(sa.select(ArticleRow).where(ArticleRow.slug == slug))
            if row is None:
                return []
            return [(r.number, r.content_hash, r.imported_at) for r in row.revisions]

    def record_versions(self, versions: Iterable[tuple[str, str, str]]) -> None:
        """Remember each (kind, name, version) the first time it is seen."""
        now = datetime.now(UTC)
        with self.session() as session:
            for kind, name, version in versions:
                seen = session.scalar(
                    sa.select(DataVersionRow.id).where(
                        DataVersionRow.kind == kind,
                        DataVersionRow.name == name,
                        DataVersionRow.version == version,
                    )
                )
                if seen is None:
                    session.add(
                        DataVersionRow(kind=kind, name=name, version=version, first_seen=now)
                    )

    def data_versions(self) -> list[tuple[str, str, str]]:
        with self.session() as session:
            rows = session.scalars(sa.select(DataVersionRow).order_by(DataVersionRow.id))
            return [(row.kind, row.name, row.version) for row in rows]

    def cached_rendition(self, key: RenditionKey) -> dict[str, Any] | None:
        with self.session() as session:
            return session.scalar(sa.select(RenditionRow.payload).where(*_matches(key)))

    def save_rendition(self, key: RenditionKey, payload: dict[str, Any]) -> None:
        """Keep the first copy when two workers render the same thing at once."""
        try:
            with self.session() as session:
                session.add(
                    RenditionRow(
                        article_hash=key.article_hash,
                        glossary_version=key.glossary_version,
                        audience=key.audience,
                        audience_version=key.audience_version,
                        payload=payload,
                        created_at=datetime.now(UTC),
                    )
                )
        except IntegrityError:
            pass

    def count_renditions(self) -> int:
        with self.session() as session:
            return session.scalar(sa.select(sa.func.count(RenditionRow.id))) or 0

    def create_key(self, name: str, rate_limit: str | None = None) -> tuple[PartnerKey, str]:
        """A new random key; the secret is returned once and only its digest is stored."""
        secret = KEY_PREFIX + secrets.token_urlsafe(32)
        row = PartnerKeyRow(
            name=name,
            key_hash=key_digest(secret),
            prefix=secret[:10],
            rate_limit=rate_limit,
            created_at=datetime.now(UTC),
            revoked_at=None,
        )
        try:
            with self.session() as session:
                session.add(row)
                session.flush()
                key = _partner_key(row)
        except IntegrityError:
            raise KeyNameTaken(name) from None
        return key, secret

    def revoke_key(self, name: str) -> PartnerKey | None:
        """Revoke by name; revoking twice keeps the first date. None if there is no such key."""
        with self.session() as session:
            row = session.scalar(sa.select(PartnerKeyRow).where(PartnerKeyRow.name == name))
            if row is None:
                return None
            if row.revoked_at is None:
                row.revoked_at = datetime.now(UTC)
            return _partner_key(row)

    def partner_keys(self) -> list[PartnerKey]:
        with self.session() as session:
            rows = session.scalars(sa.select(PartnerKeyRow).order_by(PartnerKeyRow.name))
            return [_partner_key(row) for row in rows]

    def key_for(self, secret: str) -> PartnerKey | None:
        """The key a partner presented, revoked or not (the API tells the two apart).

        Asked on every API request, so it is one Core query, without an ORM session.
        """
        table = PartnerKeyRow.__table__
        with self.engine.connect() as connection:
            row = connection.execute(
                sa.select(table).where(table.c.key_hash == key_digest(secret))
            ).first()
        return _partner_key(row) if row else None


def read_folder(folder: str | Path, md: MarkdownIt | None = None) -> list[Canonical]:
    """Parse every `*.md` in `folder`; every problem of every file is raised together."""
    folder = Path(folder)
    paths = sorted(folder.glob("*.md"))
    if not folder.is_dir() or not paths:
        raise InputError([errors.problem(errors.NO_ARTICLES, str(folder))])
    md = md or markdown_parser()
    canonicals, problems = [], []
    for path in paths:
        try:
            raw = path.read_bytes()
            article = parse_article(raw, str(path), md)
        except OSError as exc:
            problems += errors.unreadable(str(path), exc).problems
            continue
        except InputError as exc:
            problems += exc.problems
            continue
        canonicals.append(Canonical(article, raw.decode("utf-8").lstrip("\ufeff")))
    if problems:
        raise InputError(problems)
    return canonicals


def _create_engine(url: str) -> sa.Engine:
    if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    engine = sa.create_engine(url)
    if engine.dialect.name == "sqlite":
        sa.event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(connection: Any, _record: Any) -> None:
    """WAL lets readers go on during an import; foreign keys are off by default in SQLite."""
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def _duplicate_slugs(canonicals: Sequence[Canonical]) -> list[Problem]:
    first: dict[str, str] = {}
    problems = []
    for canonical in canonicals:
        article = canonical.article
        if article.slug in first:
            problems.append(
                errors.problem(
                    errors.DUPLICATE_SLUG,
                    article.source,
                    field="slug",
                    slug=article.slug,
                    other=first[article.slug],
                )
            )
        first.setdefault(article.slug, article.source)
    return problems


def _write_current(row: ArticleRow, canonical: Canonical, now: datetime) -> None:
    article = canonical.article
    row.title = article.title
    row.updated = article.updated
    row.content_hash = article.digest
    row.source = canonical.text
    row.origin = Path(article.source).name
    row.imported_at = now
    number = len(row.revisions) + 1
    row.revisions.append(
        RevisionRow(
            number=number,
            content_hash=article.digest,
            title=article.title,
            updated=article.updated,
            source=canonical.text,
            imported_at=now,
        )
    )


def _filtered(statement: sa.Select, query: str | None, updated_since: date | None) -> sa.Select:
    for word in (query or "").split():
        escaped = word.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        statement = statement.where(
            sa.func.lower(ArticleRow.title).like(f"%{escaped}%", escape="\\")
        )
    if updated_since is not None:
        statement = statement.where(ArticleRow.updated >= updated_since)
    return statement


def _matches(key: RenditionKey) -> tuple[sa.ColumnElement[bool], ...]:
    return (
        RenditionRow.article_hash == key.article_hash,
        RenditionRow.glossary_version == key.glossary_version,
        RenditionRow.audience == key.audience,
        RenditionRow.audience_version == key.audience_version,
    )


def _stored(row: ArticleRow) -> StoredArticle:
    return StoredArticle(
        slug=row.slug,
        title=row.title,
        updated=row.updated,
        content_hash=row.content_hash,
        source=row.source,
        origin=row.origin,
        imported_at=row.imported_at,
    )


def _partner_key(row: Any) -> PartnerKey:
    """From an ORM row or a Core row: both have the columns as attributes."""
    return PartnerKey(
        name=row.name,
        prefix=row.prefix,
        rate_limit=row.rate_limit,
        created_at=_utc(row.created_at),
        revoked_at=_utc(row.revoked_at) if row.revoked_at else None,
    )


def _utc(moment: datetime) -> datetime:
    """SQLite hands back naive times; they were written in UTC, so say so."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def init_app(app: Any) -> Store:
    """Open the configured store, migrate it, and on a first start import the examples."""
    store = Store(app.config["DATABASE_URL"])
    store.migrate()
    if app.config["IMPORT_EXAMPLES"] and store.count_articles() == 0:
        store.import_folder(app.config["EXAMPLES_DIR"])
    app.extensions["medrender.store"] = store
    return store
