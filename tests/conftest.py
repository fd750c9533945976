from __future__ import annotations

import os
from pathlib import Path

import pytest
import sqlalchemy as sa

from service.app import create_app
from service.audience import load_audiences
from service.engine import PROJECT_ROOT, DataPaths, Engine
from service.glossary import load_glossary
from service.render import render

DATA = Path(__file__).parent / "data"
GOLDEN = Path(__file__).parent / "golden"
ARTICLE_PATHS = sorted((PROJECT_ROOT / "articles").glob("*.md"))
# Articles the sentence rules were not written against, checked for form and facts only:
# their grade depends on glossary coverage of words no example article uses.
PROBE_PATHS = sorted((DATA / "probes").glob("*.md"))
AUDIENCE_IDS = load_audiences(PROJECT_ROOT / "audiences").ids()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="Rewrite tests/golden/ from the current renditions instead of comparing.",
    )


@pytest.fixture(scope="session")
def engine() -> Engine:
    """The engine on the project's own glossaries and audiences."""
    return Engine.load(DataPaths(PROJECT_ROOT / "glossaries", PROJECT_ROOT / "audiences"))


@pytest.fixture(scope="session")
def small_engine() -> Engine:
    """The real audiences with a small glossary whose every entry tests one rule."""
    audiences = load_audiences(PROJECT_ROOT / "audiences")
    return Engine(audiences, load_glossary(DATA / "glossaries", audiences.ids()))


def evaluate_all(engine: Engine, paths: list[Path]) -> dict:
    found = {}
    for path in paths:
        article = engine.load_article(path)
        for result in engine.evaluate(article):
            found[(path.stem, result.audience.id)] = result
    return found


@pytest.fixture(scope="session")
def results(engine: Engine) -> dict:
    """Every example article x audience, evaluated once for the whole session."""
    return evaluate_all(engine, ARTICLE_PATHS)


@pytest.fixture(scope="session")
def probe_results(engine: Engine) -> dict:
    """Every probe article x audience (see `PROBE_PATHS`)."""
    return evaluate_all(engine, PROBE_PATHS)


class Renderer:
    """Renders a small Markdown body for one audience with the small glossary."""

    def __init__(self, engine: Engine):
        self.engine = engine

    def article(self, body: str, references: str = "", title: str = "Test article"):
        refs = f"references:\n{references}" if references else ""
        text = f"---\ntitle: {title}\nslug: test\n{refs}\n---\n{body}\n"
        return self.engine.parse_article(text, "test.md")

    def result(self, body: str, audience: str = "patient", **kwargs):
        """Rendered, scored and checked, with the engine's fallback to a stronger style."""
        (result,) = self.engine.evaluate(self.article(body, **kwargs), [audience])
        return result

    def rendition(self, body: str, audience: str = "patient", **kwargs):
        """Rendered in the audience's own style, nothing else."""
        analysis = self.engine.analyse(self.article(body, **kwargs))
        return render(analysis, self.engine.audiences.get(audience))

    def text(self, body: str, audience: str = "patient", **kwargs) -> str:
        blocks = self.rendition(body, audience, **kwargs).blocks
        return "\n".join(block.text for block in blocks)


@pytest.fixture(scope="session")
def renderer(small_engine: Engine) -> Renderer:
    return Renderer(small_engine)


def write_file(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


POSTGRES_URL = os.environ.get("MEDRENDER_TEST_POSTGRES_URL")
REQUIRED = {name.strip() for name in os.environ.get("MEDRENDER_TEST_REQUIRE", "").split(",")}


def skip_or_fail(what: str, reason: str) -> None:
    """Skip with the reason, or fail where CI says this part must run (never a silent pass)."""
    if what in REQUIRED:
        pytest.fail(f"{what} is required here (MEDRENDER_TEST_REQUIRE) but {reason}")
    pytest.skip(f"{what}: {reason}")


def fresh_postgres(url: str) -> str:
    engine = sa.create_engine(url)
    try:
        with engine.begin() as connection:
            connection.execute(sa.text("DROP SCHEMA IF EXISTS public CASCADE"))
            connection.execute(sa.text("CREATE SCHEMA public"))
    except sa.exc.OperationalError as exc:
        skip_or_fail("postgresql", f"cannot connect to {url}: {exc.orig}")
    finally:
        engine.dispose()
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty store on SQLite, and again on the PostgreSQL server CI starts."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    if not POSTGRES_URL:
        skip_or_fail(
            "postgresql",
            "no server: set MEDRENDER_TEST_POSTGRES_URL (scripts/postgres.sh starts one and "
            "prints it; .ci/run does both)",
        )
    return fresh_postgres(POSTGRES_URL)


@pytest.fixture
def app(engine: Engine, tmp_path: Path):
    """The site on a fresh SQLite store with the example articles imported."""
    return create_app(
        {"TESTING": True, "DATABASE_URL": f"sqlite:///{tmp_path / 'site.db'}", "ENGINE": engine}
    )


@pytest.fixture
def client(app):
    return app.test_client()
