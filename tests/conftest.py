from __future__ import annotations

from pathlib import Path

import pytest

from service.audience import load_audiences
from service.engine import PROJECT_ROOT, DataPaths, Engine
from service.glossary import load_glossary
from service.render import render

DATA = Path(__file__).parent / "data"
GOLDEN = Path(__file__).parent / "golden"
ARTICLE_PATHS = sorted((PROJECT_ROOT / "articles").glob("*.md"))
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


@pytest.fixture(scope="session")
def results(engine: Engine) -> dict:
    """Every example article x audience, evaluated once for the whole session."""
    found = {}
    for path in ARTICLE_PATHS:
        article = engine.load_article(path)
        for result in engine.evaluate(article):
            found[(path.stem, result.audience.id)] = result
    return found


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
