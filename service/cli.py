"""Command line: render, score and check articles. Each command calls the library once."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import click
from werkzeug.security import generate_password_hash

from . import coverage, errors, output, qa, qa_html
from .api import valid_rate_limit
from .app import database_url as default_url
from .article import Article, read_articles
from .engine import DataPaths, Engine, Result, check_all
from .errors import InputError, Problem
from .server import serve
from .store import KeyNameTaken, Store

EXIT_OK, EXIT_MISS, EXIT_BAD_INPUT = 0, 1, 2


class BadInput(click.ClickException):
    """Problems in the user's files: one line each, exit code 2, no traceback."""

    exit_code = EXIT_BAD_INPUT

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(str(p) for p in problems))

    def show(self, file=None) -> None:
        click.echo(self.format_message(), err=True)
        count = self.message.count("\n") + 1
        click.echo(
            f"{count} problem{'s' if count > 1 else ''} found; nothing was written.", err=True
        )


def _engine(ctx: click.Context) -> Engine:
    if "engine" not in ctx.obj:
        try:
            ctx.obj["engine"] = Engine.load(ctx.obj["paths"])
        except InputError as exc:
            raise BadInput(exc.problems) from None
    return ctx.obj["engine"]


def _article_paths(paths: tuple[str, ...]) -> Iterator[Path]:
    for name in paths:
        path = Path(name)
        if path.is_dir():
            yield from sorted(path.glob("*.md"))
        else:
            yield path


def _load_articles(engine: Engine, paths: tuple[str, ...]) -> list[Article]:
    return _checked_articles(*read_articles(_article_paths(paths), engine.markdown))


def _checked_articles(articles: list[Article], problems: list[Problem]) -> list[Article]:
    """Warnings shown, and every file's problems raised together."""
    for article in articles:
        for warning in article.warnings:
            click.echo(f"warning: {warning}", err=True)
    if problems:
        raise BadInput(problems)
    return articles


def _load_some_articles(engine: Engine, folder: Path) -> list[Article]:
    return _some(_load_articles(engine, (str(folder),)), folder)


def _some(articles: list[Article], folder: Path) -> list[Article]:
    """A report over no articles is a mistake in the path, not a pass."""
    if not articles:
        raise BadInput([errors.problem(errors.NO_ARTICLES, str(folder))])
    return articles


@click.group()
@click.option(
    "--glossaries",
    type=click.Path(file_okay=False, path_type=Path),
    envvar="MEDRENDER_GLOSSARIES",
    help="Folder of glossary YAML files (default: the project's glossaries/).",
)
@click.option(
    "--audiences",
    type=click.Path(file_okay=False, path_type=Path),
    envvar="MEDRENDER_AUDIENCES",
    help="Folder of audience YAML files (default: the project's audiences/).",
)
@click.pass_context
def cli(ctx: click.Context, glossaries: Path | None, audiences: Path | None) -> None:
    """Render one canonical clinician article for each reader.

    Exit codes: 0 fine, 1 a rendition misses its reading-level target or loses
    a fact, 2 bad input.
    """
    defaults = DataPaths.from_env()
    ctx.obj = {
        "paths": DataPaths(glossaries or defaults.glossaries, audiences or defaults.audiences)
    }


@cli.command("render")
@click.argument("article", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--audience", "-a", default="patient", show_default=True,
              help="Audience id, or 'all'.")  # fmt: skip
@click.option("--format", "fmt", type=click.Choice(output.FORMATS), default="text",
              show_default=True)  # fmt: skip
@click.pass_context
def render_command(ctx: click.Context, article: Path, audience: str, fmt: str) -> None:
    """Render ARTICLE for one audience (or all).

    Example: medrender render articles/ra-after-methotrexate.md --audience patient
    """
    engine = _engine(ctx)
    (loaded,) = _load_articles(engine, (str(article),))
    names = None if audience == "all" else [audience]
    results = _evaluate(engine, loaded, names)
    if fmt == "json":
        data = [output.result_data(r) for r in results]
        click.echo(json.dumps(data if names is None else data[0], indent=2, ensure_ascii=False))
    else:
        writer = {"text": output.as_text, "markdown": output.as_markdown, "html": output.as_html}
        click.echo("\n".join(writer[fmt](r.rendition) for r in results), nl=False)
    _report_problems(results)
    ctx.exit(EXIT_OK if all(r.ok for r in results) else EXIT_MISS)


@cli.command("score")
@click.argument("articles", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)  # fmt: skip
@click.option("--audience", "-a", multiple=True, help="Only these audiences (repeatable).")
@click.pass_context
def score_command(
    ctx: click.Context, articles: tuple[Path, ...], fmt: str, audience: tuple[str, ...]
) -> None:
    """Score every rendition of ARTICLES (files or folders) against its target.

    Example: medrender score articles/ --format json
    """
    engine = _engine(ctx)
    loaded = _load_articles(engine, tuple(str(a) for a in articles))
    results = [r for a in loaded for r in _evaluate(engine, a, list(audience) or None)]
    if fmt == "json":
        click.echo(json.dumps([score_data(r) for r in results], indent=2, ensure_ascii=False))
    else:
        click.echo(score_table(results))
    _report_problems(results)
    ctx.exit(EXIT_OK if all(r.ok for r in results) else EXIT_MISS)


@cli.command("check")
@click.option("--articles", "articles_dir", type=click.Path(path_type=Path),
              default=Path("articles"), show_default=True,
              help="Folder (or file) of articles to validate too.")  # fmt: skip
@click.pass_context
def check_command(ctx: click.Context, articles_dir: Path) -> None:
    """Validate every glossary, audience and article file; list every problem.

    Example: medrender check --articles articles/
    """
    report = check_all(ctx.obj["paths"], _article_paths((str(articles_dir),)))
    for warning in report.warnings:
        click.echo(f"warning: {warning}", err=True)
    if report.problems:
        raise BadInput(list(report.problems))
    click.echo(
        f"ok: {report.entries} glossary entries, {report.audiences} audiences, "
        f"{report.articles} articles"
    )


@cli.command("import")
@click.argument("folder", type=click.Path(path_type=Path))
@click.option("--database-url", envvar="MEDRENDER_DATABASE_URL",
              help="Store URL (default: SQLite in instance/medrender.db).")  # fmt: skip
def import_command(folder: Path, database_url: str | None) -> None:
    """Import every article of FOLDER into the store, in one transaction.

    A bad file aborts the whole import and leaves the store as it was.

    Example: medrender import articles/
    """
    store = Store(default_url(database_url))
    try:
        store.migrate()
        summary = store.import_folder(folder)
    except InputError as exc:
        raise BadInput(exc.problems) from None
    finally:
        store.dispose()
    click.echo(f"imported {folder}: {summary}")


@cli.command("editor-hash")
@click.password_option("--password", prompt="Editor's password",
                       help="Read from a prompt if not given.")  # fmt: skip
def editor_hash_command(password: str) -> None:
    """Print the hash of an editor's password, for the EDITORS setting of the site.

    Example: medrender editor-hash
    """
    click.echo(generate_password_hash(password))


@cli.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
@click.option("--workers", type=int, help="Worker processes (default: one per core).")
@click.option("--threads", default=4, show_default=True,
              help="Threads per worker (API-heavy: 1, with twice the workers).")  # fmt: skip
def serve_command(host: str, port: int, workers: int | None, threads: int) -> None:
    """Serve the article pages with gunicorn (first start imports the examples).

    Example: medrender serve --port 5000
    """
    click.echo(f"medrender: starting the site at http://{host}:{port}/ ...")
    serve(host, port, workers, threads)


class BadKeyRequest(click.ClickException):
    """A key command that cannot be done as asked: exit code 2, one sentence."""

    exit_code = EXIT_BAD_INPUT


@cli.group("keys")
def keys_group() -> None:
    """Partner API keys: create (the key is shown once), list, revoke.

    Example: medrender keys create clinic-portal --rate-limit 600/minute
    """


_DATABASE_URL = click.option(
    "--database-url", envvar="MEDRENDER_DATABASE_URL",
    help="Store URL (default: SQLite in instance/medrender.db).",
)  # fmt: skip


@keys_group.command("create")
@click.argument("name")
@click.option("--rate-limit", help="This key's limit, e.g. '600/minute' (default: API_KEY_LIMIT).")
@_DATABASE_URL
def keys_create(name: str, rate_limit: str | None, database_url: str | None) -> None:
    """Create a key for partner NAME and print it; only its SHA-256 is stored.

    Example: medrender keys create clinic-portal --rate-limit 600/minute
    """
    if rate_limit is not None and not valid_rate_limit(rate_limit):
        raise BadKeyRequest(
            f"'{rate_limit}' is not a rate limit; write it as a count per period, "
            "e.g. '600/minute' or '10/second'"
        )
    store = _key_store(database_url)
    try:
        _, secret = store.create_key(name, rate_limit)
    except KeyNameTaken:
        raise BadKeyRequest(
            f"a key named '{name}' already exists; revoke it or choose another name"
        ) from None
    finally:
        store.dispose()
    click.echo(f"created key '{name}'; give it to the partner now, it is not shown again:")
    click.echo(f"key: {secret}")


@keys_group.command("revoke")
@click.argument("name")
@_DATABASE_URL
def keys_revoke(name: str, database_url: str | None) -> None:
    """Revoke partner NAME's key at once; its requests get 401 from now on.

    Example: medrender keys revoke clinic-portal
    """
    store = _key_store(database_url)
    try:
        key = store.revoke_key(name)
    finally:
        store.dispose()
    if key is None:
        raise BadKeyRequest(f"there is no key named '{name}'; 'medrender keys list' shows them")
    click.echo(f"revoked key '{name}' ({key.prefix}...)")


@keys_group.command("list")
@_DATABASE_URL
def keys_list(database_url: str | None) -> None:
    """List every key: name, first characters, rate limit, created, active or revoked.

    Example: medrender keys list
    """
    store = _key_store(database_url)
    try:
        keys = store.partner_keys()
    finally:
        store.dispose()
    if not keys:
        click.echo("no keys yet; 'medrender keys create NAME' makes one")
    for key in keys:
        state = f"revoked {key.revoked_at:%Y-%m-%d}" if key.revoked_at else "active"
        click.echo(
            f"{key.name}\t{key.prefix}...\t{key.rate_limit or 'default limit'}\t"
            f"created {key.created_at:%Y-%m-%d}\t{state}"
        )


def _key_store(database_url: str | None) -> Store:
    store = Store(default_url(database_url))
    store.migrate()
    return store


@cli.command("coverage")
@click.argument("articles_dir", type=click.Path(exists=True, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)  # fmt: skip
@click.option(
    "--propose",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="Also write a glossary YAML skeleton of the uncovered words to this file.",
)
@click.option("--threshold", type=float, default=coverage.RARE_ZIPF, show_default=True,
              help="A word is rare below this wordfreq Zipf frequency.")  # fmt: skip
@click.pass_context
def coverage_command(
    ctx: click.Context, articles_dir: Path, fmt: str, propose: Path | None, threshold: float
) -> None:
    """List the hard words of ARTICLES_DIR that no glossary entry covers.

    Example: medrender coverage articles/ --propose proposed.yaml
    """
    engine = _engine(ctx)
    articles = _load_some_articles(engine, articles_dir)
    finder = coverage.CoverageFinder(engine.analyser, threshold)
    report = coverage.coverage_report(finder, articles)
    if fmt == "json":
        click.echo(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(coverage.coverage_table(report))
    if propose is not None:
        text = coverage.proposal_yaml(report, engine.glossary, engine.audiences)
        propose.write_text(text, encoding="utf-8")
        click.echo(f"wrote {len(report.words)} proposed entries to {propose}", err=True)


def _gates(ctx: click.Context, param: click.Parameter, value: str) -> tuple[str, ...]:
    names = tuple(name.strip() for name in value.split(",") if name.strip())
    unknown = [name for name in names if name not in qa.GATES]
    if unknown:
        raise click.BadParameter(
            f"unknown check '{unknown[0]}'; choose from: {', '.join(qa.GATES)}"
        )
    return names


@cli.command("qa")
@click.argument("articles_dir", type=click.Path(exists=True, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["html", "json", "csv"]), default="html",
              show_default=True)  # fmt: skip
@click.option("--out", type=click.Path(dir_okay=False, writable=True, path_type=Path),
              help="File to write the report to (default: standard output).")  # fmt: skip
@click.option(
    "--fail-on",
    "fail_on",
    default="",
    callback=_gates,
    help="Exit 1 and list each problem when a rendition has one: miss, facts.",
)
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Processes (default: 2 on 20 or more articles, else 1).")  # fmt: skip
@click.pass_context
def qa_command(
    ctx: click.Context,
    articles_dir: Path,
    fmt: str,
    out: Path | None,
    fail_on: tuple[str, ...],
    workers: int | None,
) -> None:
    """Content QA report of ARTICLES_DIR for every audience, with an optional gate.

    Example: medrender qa articles/ --format html --out qa.html --fail-on miss,facts
    """
    files = list(_article_paths((str(articles_dir),)))
    engine, articles, problems = qa.load_with_articles(lambda: _engine(ctx), files)
    articles = _some(_checked_articles(articles, problems), articles_dir)
    if workers is None:
        workers = min(2, os.cpu_count() or 1) if len(articles) >= qa.POOL_FROM else 1
    with click.progressbar(length=len(articles), label="QA", file=sys.stderr) as bar:
        try:
            report = qa.build_report(
                articles, engine, workers=workers, paths=ctx.obj["paths"], progress=bar.update
            )
        except InputError as exc:
            raise BadInput(exc.problems) from None
    if fmt == "json":
        text = json.dumps(report.as_dict(), indent=2, ensure_ascii=False) + "\n"
    elif fmt == "csv":
        text = qa.report_csv(report)
    else:
        text = qa_html.report_page(report)
    if out is None:
        click.echo(text, nl=False)
    else:
        out.write_text(text, encoding="utf-8")
        click.echo(f"wrote the {fmt} report of {len(articles)} articles to {out}", err=True)
    problems = report.problems(fail_on) if fail_on else []
    for problem in problems:
        click.echo(str(problem), err=True)
    ctx.exit(EXIT_MISS if problems else EXIT_OK)


def _evaluate(engine: Engine, article: Article, names: list[str] | None) -> list[Result]:
    try:
        return engine.evaluate(article, names)
    except InputError as exc:
        raise BadInput(exc.problems) from None


def _report_problems(results: list[Result]) -> None:
    for result in results:
        where = f"{result.rendition.slug} [{result.audience.id}]"
        if not result.meets_target:
            click.echo(
                f"miss: {where}: grade {result.grade:.1f} is above the target "
                f"{result.target:g} ({result.formula})",
                err=True,
            )
        for missing in result.facts.missing:
            click.echo(f"facts: {where}: {missing}", err=True)


def score_data(result: Result) -> dict[str, object]:
    return {
        "slug": result.rendition.slug,
        "audience": result.audience.id,
        "grade": round(result.scores.flesch_kincaid, 2),
        "formula": result.formula,
        "target": result.target,
        "meets_target": result.meets_target,
        "facts_kept": result.facts.kept,
        "missing_facts": [m.as_dict() for m in result.facts.missing],
        "scores": result.scores.as_dict(),
        "strategies": [run.as_dict() for run in result.strategies],
        "terms_swapped": sum(1 for t in result.rendition.terms if t.original != t.replacement),
        "uses_draft": result.rendition.uses_draft,
        "hard_sentences": [
            {"text": s.text, "grade": s.grade, "words": s.words, "long_words": list(s.long_words)}
            for s in result.hard_sentences
        ],
    }


def score_table(results: list[Result]) -> str:
    header = ("article", "audience", "grade", "target", "meets", "facts", "terms", "draft")
    rows = [
        (
            r.rendition.slug,
            r.audience.id,
            f"{r.scores.flesch_kincaid:.1f}",
            "-" if r.target is None else f"{r.target:g}",
            "yes" if r.meets_target else "NO",
            "kept" if r.facts.kept else f"LOST {len(r.facts.missing)}",
            str(sum(1 for t in r.rendition.terms if t.original != t.replacement)),
            "pending review" if r.rendition.uses_draft else "",
        )
        for r in results
    ]
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()
             for row in [header, *rows]]  # fmt: skip
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def main() -> None:
    cli(prog_name="medrender")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
