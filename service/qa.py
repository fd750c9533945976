"""Content QA: what in a set of articles needs the editorial team's work, and where.

For each article and audience the report keeps the grade against the target,
the facts check, the five hardest sentences with what makes each hard, the
hard words no glossary covers, the draft glossary entries the rendition used
and the plain-language strategies that ran. Over the whole set it ranks the
articles worst first, counts grades per audience for a histogram against the
target, and lists the uncovered words that most articles would gain from.

The input is any iterable of `Article`s (a folder now, the store later). Large
sets run on a pool of worker processes, each loading the engine once; within a
worker, articles are analysed in batches through one `nlp.pipe` call.
"""

from __future__ import annotations

import csv
import gc
import io
import math
import multiprocessing
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from .analysis import TITLE, Analysis
from .article import Article, read_articles
from .audience import Audience
from .coverage import ArticleCoverage, CoverageFinder, CoverageReport, UncoveredWord
from .engine import DataPaths, Engine, Result
from .errors import Problem
from .readability import FRAGMENT_WORDS, SentenceScore

HARDEST = 5
TOP_UNCOVERED = 25
BATCH = 8
GATES = ("miss", "facts")
POOL_FROM = 20  # fewer articles finish before a second process pays for its start


@dataclass(frozen=True)
class HardSentence:
    """One of a rendition's hardest sentences, with what makes it hard."""

    text: str
    grade: float
    line: int
    words: int
    long_words: tuple[str, ...]
    uncovered: tuple[str, ...]
    reasons: tuple[str, ...]

    def as_dict(self) -> dict[str, object]:
        return {
            "text": self.text,
            "grade": self.grade,
            "line": self.line,
            "words": self.words,
            "long_words": list(self.long_words),
            "uncovered": list(self.uncovered),
            "reasons": list(self.reasons),
        }


@dataclass(frozen=True)
class MissingFactRow:
    kind: str
    text: str
    line: int

    def as_dict(self) -> dict[str, object]:
        return {"kind": self.kind, "text": self.text, "line": self.line}

    def describe(self) -> str:
        label = "number" if self.kind == "quantity" else self.kind
        return f"{label} '{self.text}' is missing"


@dataclass(frozen=True)
class RenditionQA:
    """One article for one audience, as the editorial team needs to see it."""

    slug: str
    audience: str
    formula: str
    grade: float
    target: float | None
    meets_target: bool
    facts_checked: int
    missing_facts: tuple[MissingFactRow, ...]
    hardest: tuple[HardSentence, ...]
    uncovered: tuple[str, ...]
    draft_entries: tuple[str, ...]
    strategies: tuple[dict, ...]

    @property
    def facts_kept(self) -> bool:
        return not self.missing_facts

    @property
    def gap(self) -> float:
        """How far above its target (negative: below); 0 without a target."""
        return 0.0 if self.target is None else round(self.grade - self.target, 2)

    def as_dict(self) -> dict[str, object]:
        return {
            "audience": self.audience,
            "formula": self.formula,
            "grade": self.grade,
            "target": self.target,
            "meets_target": self.meets_target,
            "gap": self.gap,
            "facts_kept": self.facts_kept,
            "facts_checked": self.facts_checked,
            "missing_facts": [m.as_dict() for m in self.missing_facts],
            "hardest_sentences": [s.as_dict() for s in self.hardest],
            "uncovered": list(self.uncovered),
            "draft_entries": list(self.draft_entries),
            "strategies": list(self.strategies),
        }


@dataclass(frozen=True)
class ArticleQA:
    slug: str
    title: str
    source: str
    renditions: tuple[RenditionQA, ...]
    coverage: ArticleCoverage

    @property
    def problems(self) -> int:
        """Renditions that miss their target or lose a fact."""
        return sum(not r.meets_target or not r.facts_kept for r in self.renditions)

    @property
    def worst_gap(self) -> float:
        return max((r.gap for r in self.renditions), default=0.0)

    def rendition(self, audience: str) -> RenditionQA | None:
        return next((r for r in self.renditions if r.audience == audience), None)

    def as_dict(self) -> dict[str, object]:
        return {
            "slug": self.slug,
            "title": self.title,
            "source": self.source,
            "problems": self.problems,
            "worst_gap": self.worst_gap,
            "uncovered": [w.key for w in self.coverage.words],
            "renditions": [r.as_dict() for r in self.renditions],
        }


@dataclass(frozen=True)
class AudienceSummary:
    """One audience over the whole set: its target and how grades spread around it."""

    id: str
    label: str
    formula: str
    target: float | None
    grades: tuple[float, ...]
    misses: int
    facts_lost: int
    drafts: int

    @property
    def mean_grade(self) -> float:
        return round(sum(self.grades) / len(self.grades), 2) if self.grades else 0.0

    def histogram(self) -> list[tuple[int, int, int]]:
        """(from, to, count) in one-grade bins from 0 to past the target and the highest
        grade; below 0 counts in the first bin."""
        top = max([*self.grades, self.target or 0.0, 1.0])
        edges = range(0, math.floor(top) + 1)
        counts = Counter(min(max(math.floor(g), 0), edges[-1]) for g in self.grades)
        return [(low, low + 1, counts[low]) for low in edges]

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "label": self.label,
            "formula": self.formula,
            "target": self.target,
            "renditions": len(self.grades),
            "mean_grade": self.mean_grade,
            "misses": self.misses,
            "facts_lost": self.facts_lost,
            "uses_draft": self.drafts,
            "histogram": [{"from": a, "to": b, "count": n} for a, b, n in self.histogram()],
        }


@dataclass(frozen=True)
class GateProblem:
    """One line of the publishing gate: which article, audience, what, where."""

    slug: str
    audience: str
    what: str
    source: str
    line: int
    detail: str

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}"
        return f"{where}: {self.slug} [{self.audience}]: {self.what}: {self.detail}"


@dataclass(frozen=True)
class QAReport:
    articles: tuple[ArticleQA, ...]
    audiences: tuple[AudienceSummary, ...]
    coverage: CoverageReport

    @property
    def ranked(self) -> list[ArticleQA]:
        """Worst first: most failing renditions, then furthest above a target."""
        return sorted(self.articles, key=lambda a: (-a.problems, -a.worst_gap, a.slug))

    @property
    def top_uncovered(self) -> tuple[UncoveredWord, ...]:
        return self.coverage.words[:TOP_UNCOVERED]

    def totals(self) -> dict[str, int]:
        renditions = [r for a in self.articles for r in a.renditions]
        return {
            "articles": len(self.articles),
            "renditions": len(renditions),
            "misses": sum(not r.meets_target for r in renditions),
            "facts_lost": sum(not r.facts_kept for r in renditions),
            "uses_draft": sum(bool(r.draft_entries) for r in renditions),
            "articles_with_problems": sum(a.problems > 0 for a in self.articles),
            "uncovered_words": len(self.coverage.words),
            "uncovered_uses": sum(w.count for w in self.coverage.words),
        }

    def problems(self, gates: Iterable[str] = GATES) -> list[GateProblem]:
        """What the publishing gate reports, in ranked order."""
        chosen = set(gates)
        found: list[GateProblem] = []
        for article in self.ranked:
            for r in article.renditions:
                if "miss" in chosen and not r.meets_target:
                    where = r.hardest[0].line if r.hardest else 1
                    found.append(
                        GateProblem(
                            article.slug, r.audience, "miss", article.source, where,
                            f"grade {r.grade:.1f} is above the target {r.target:g} "
                            f"({r.formula}); the hardest sentence is here",
                        )
                    )  # fmt: skip
                if "facts" in chosen:
                    found += [
                        GateProblem(
                            article.slug, r.audience, "facts", article.source, m.line, m.describe()
                        )
                        for m in r.missing_facts
                    ]
        return found

    def as_dict(self) -> dict[str, object]:
        return {
            "totals": self.totals(),
            "audiences": [a.as_dict() for a in self.audiences],
            "ranked": [a.slug for a in self.ranked],
            "top_uncovered": [
                {
                    "word": w.key,
                    "kind_guess": w.kind,
                    "articles": len(w.articles),
                    "count": w.count,
                    "example": w.occurrences[0].sentence,
                }
                for w in self.top_uncovered
            ],
            "coverage_threshold_zipf": self.coverage.threshold,
            "articles": [a.as_dict() for a in self.ranked],
        }


# Building the report ------------------------------------------------------------------


class Inspector:
    """Evaluates articles for every audience and gathers what QA shows; one per process."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self.coverage = CoverageFinder(engine.analyser)

    def inspect(self, articles: Sequence[Article]) -> list[ArticleQA]:
        """QA rows of a batch. What the engine remembers of recent texts and sentences
        serves the strategy steps and audiences within an article; it is emptied after
        each article, since articles rarely share a sentence, so that a long run holds no
        more than one article's Docs (and a benchmark made of recombined sentences gains
        nothing from repeats)."""
        found = []
        for analysis in self._analyse(articles):
            found.append(self._article(analysis))
            self.engine.forget()
        return found

    def _analyse(self, articles: Sequence[Article]) -> list[Analysis]:
        """Several articles through one `nlp.pipe` call, split back per article."""
        texts: list[str] = []
        sources: list[int] = []
        for article in articles:
            texts += [article.title, *(block.text for block in article.blocks)]
            sources += [TITLE, *range(len(article.blocks))]
        blocks = [b for a in articles for b in (None, *a.blocks)]
        analysed = iter(self.engine.analyser.analyse_texts(texts, sources, blocks))
        found = []
        for article in articles:
            title = next(analysed)
            found.append(Analysis(article, title, tuple(islice(analysed, len(article.blocks)))))
        return found

    def _article(self, analysis: Analysis) -> ArticleQA:
        article = analysis.article
        coverage = self.coverage.find(analysis)
        # lower case: a split sentence or a definition may start with the word
        forms = {form.lower(): word.key for word in coverage.words for form in word.forms}
        renditions = tuple(
            self._rendition(analysis, self.engine.evaluate_for(analysis, audience), forms)
            for audience in self.engine.audiences
        )
        return ArticleQA(article.slug, article.title, article.source, renditions, coverage)

    def _rendition(self, analysis: Analysis, result: Result, forms: dict[str, str]) -> RenditionQA:
        sentences = list(self._sentences(analysis, result, forms))
        uncovered = tuple(dict.fromkeys(key for _, _, keys in sentences for key in keys))
        hardest = sorted(
            (s for s in sentences if s[0].words >= FRAGMENT_WORDS), key=lambda s: -s[0].grade
        )[:HARDEST]
        missing = tuple(
            MissingFactRow(m.fact.kind, m.fact.text, m.line) for m in result.facts.missing
        )
        return RenditionQA(
            slug=result.rendition.slug,
            audience=result.audience.id,
            formula=result.formula,
            grade=round(result.grade, 2),
            target=result.target,
            meets_target=result.meets_target,
            facts_checked=result.facts.checked,
            missing_facts=missing,
            hardest=tuple(
                _hard_sentence(score, line, keys, result.audience) for score, line, keys in hardest
            ),
            uncovered=uncovered,
            draft_entries=tuple(result.rendition.draft_entries),
            strategies=tuple(run.as_dict() for run in result.strategies),
        )

    def _sentences(
        self, analysis: Analysis, result: Result, forms: dict[str, str]
    ) -> Iterator[tuple[SentenceScore, int, tuple[str, ...]]]:
        """Each scored sentence of the rendition with its source line and uncovered words,
        in the order `Engine.score` counts them."""
        rendition = result.rendition
        analysed = self.engine.analyse_rendition(analysis, rendition)
        lang = result.audience.lang
        for item, block in zip(analysed, rendition.blocks, strict=True):
            if block.kind == "heading":
                continue
            for (_, words), score in zip(item.sentences, item.sentence_scores(lang), strict=True):
                lowered = (w.lower() for w in words)
                keys = tuple(dict.fromkeys(forms[w] for w in lowered if w in forms))
                yield score, block.line, keys


def _hard_sentence(
    score: SentenceScore, line: int, uncovered: tuple[str, ...], audience: Audience
) -> HardSentence:
    reasons = []
    if score.words > audience.max_sentence_words:
        reasons.append(f"long: {score.words} words (over {audience.max_sentence_words})")
    if score.long_words:
        reasons.append(f"{len(score.long_words)} words of 3+ syllables")
    if uncovered:
        reasons.append("not in any glossary: " + ", ".join(uncovered))
    return HardSentence(
        score.text.strip(), score.grade, line, score.words, score.long_words, uncovered,
        tuple(reasons),
    )  # fmt: skip


def build_report(
    articles: Iterable[Article],
    engine: Engine,
    *,
    workers: int = 1,
    paths: DataPaths | None = None,
    progress: Callable[[int], None] | None = None,
) -> QAReport:
    """The QA report over `articles`.

    With `workers` > 1, a pool of processes does the work. Where processes can
    fork, each worker starts as a copy of this one and uses `engine` as it is,
    warmed up here once; elsewhere each loads the engine again from `paths` (which
    must be the data `engine` was loaded from). `progress` is called with the number
    of articles each step finished.
    """
    done: list[ArticleQA] = []
    batches = _batches(articles, BATCH)
    if workers > 1:
        pool_setup = _pool_setup(engine, paths)
        with multiprocessing.get_context(pool_setup[0]).Pool(workers, *pool_setup[1:]) as pool:
            for found in pool.imap(_inspect_in_worker, batches):
                done += found
                if progress:
                    progress(len(found))
    else:
        inspector = Inspector(engine)
        for batch in batches:
            found = inspector.inspect(batch)
            done += found
            if progress:
                progress(len(found))
    return summarise(done, engine)


def summarise(articles: Sequence[ArticleQA], engine: Engine) -> QAReport:
    """Site-wide figures from per-article findings."""
    by_audience: dict[str, list[RenditionQA]] = defaultdict(list)
    for article in articles:
        for rendition in article.renditions:
            by_audience[rendition.audience].append(rendition)
    summaries = []
    for audience in engine.audiences:
        rows = by_audience.get(audience.id, [])
        summaries.append(
            AudienceSummary(
                id=audience.id,
                label=audience.label,
                formula=audience.target.formula if audience.target else "flesch_kincaid",
                target=audience.target.max_grade if audience.target else None,
                grades=tuple(r.grade for r in rows),
                misses=sum(not r.meets_target for r in rows),
                facts_lost=sum(not r.facts_kept for r in rows),
                drafts=sum(bool(r.draft_entries) for r in rows),
            )
        )
    coverage = CoverageReport.of([a.coverage for a in articles])
    return QAReport(tuple(articles), tuple(summaries), coverage)


READERS = 2


def load_with_articles(
    load: Callable[[], Engine], files: Sequence[Path]
) -> tuple[Engine, list[Article], list[Problem]]:
    """The engine `load` makes, the articles of `files` that parse, and the problems of
    those that do not. For a run long enough to use a pool, two processes read the files,
    half each, while this one loads the engine: on 1,000 articles the reading takes about
    1.5 s of CPU and the engine 0.7 s. The readers, forked before the engine exists, stay
    small."""
    if len(files) < POOL_FROM or start_method() != "fork":
        engine = load()
        return engine, *read_articles(files, engine.markdown)
    size = math.ceil(len(files) / READERS)
    parts = [files[at : at + size] for at in range(0, len(files), size)]
    with ProcessPoolExecutor(READERS, mp_context=multiprocessing.get_context("fork")) as readers:
        reading = [readers.submit(read_articles, part) for part in parts]
        engine = load()
        articles, problems = [], []
        for part in reading:
            found, wrong = part.result()
            articles += found
            problems += wrong
        return engine, articles, problems


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while batch := list(islice(iterator, size)):
        yield batch


_WORKER: dict[str, object] = {}


def start_method() -> str:
    """Fork where the platform has it: a forked worker starts with the engine loaded."""
    return "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"


def _pool_setup(engine: Engine, paths: DataPaths | None) -> tuple[str, Callable, tuple]:
    """Start method, worker initializer and its arguments."""
    method = start_method()
    if method == "fork":
        inspector = Inspector(engine)
        # loaded on first use (pronunciations, word forms, frequencies): once, before the
        # fork, rather than once per worker
        engine.warm_up(lambda article: inspector.inspect([article]))
        gc.collect()  # once here, not in each worker (see `_adopt_inspector`)
        return method, _adopt_inspector, (inspector,)
    if paths is None:
        raise ValueError("workers > 1 needs the DataPaths the workers load the engine from")
    return method, _start_worker, (paths,)


def _adopt_inspector(inspector: Inspector) -> None:
    """A forked worker keeps its parent's warmed-up engine and freezes it (see
    `Engine.settle`); the parent's own objects are left as they were."""
    inspector.engine.freeze_loaded_objects(collect=False)
    _WORKER["inspector"] = inspector


def _start_worker(paths: DataPaths) -> None:
    """Load the engine once per worker and settle it (see `Engine.settle`). A failure is
    kept for the first task to raise: an initializer that raises makes the pool start
    new workers forever."""
    try:
        inspector = Inspector(Engine.load(paths))
        inspector.engine.settle(lambda article: inspector.inspect([article]))
        _WORKER["inspector"] = inspector
    except Exception as exc:  # re-raised in _inspect_in_worker, never swallowed
        _WORKER["failed"] = f"a QA worker could not load the engine: {exc}"


def _inspect_in_worker(batch: list[Article]) -> list[ArticleQA]:
    if "failed" in _WORKER:
        raise RuntimeError(_WORKER["failed"])
    inspector = _WORKER["inspector"]
    assert isinstance(inspector, Inspector)
    return inspector.inspect(batch)


# CSV ---------------------------------------------------------------------------------

CSV_COLUMNS = (
    "slug", "audience", "grade", "target", "meets_target", "gap", "facts_kept",
    "missing_facts", "draft_entries", "strategies", "uncovered", "hardest_grade",
    "hardest_line", "hardest_sentence", "source",
)  # fmt: skip


def report_csv(report: QAReport) -> str:
    """One row per article and audience, worst articles first, for a spreadsheet."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for article in report.ranked:
        for r in article.renditions:
            hardest = r.hardest[0] if r.hardest else None
            writer.writerow(
                [
                    article.slug,
                    r.audience,
                    f"{r.grade:.2f}",
                    "" if r.target is None else f"{r.target:g}",
                    "yes" if r.meets_target else "no",
                    f"{r.gap:.2f}",
                    "yes" if r.facts_kept else "no",
                    "; ".join(f"line {m.line}: {m.describe()}" for m in r.missing_facts),
                    "; ".join(r.draft_entries),
                    "; ".join(str(s["name"]) for s in r.strategies),
                    "; ".join(r.uncovered),
                    f"{hardest.grade:.2f}" if hardest else "",
                    hardest.line if hardest else "",
                    hardest.text if hardest else "",
                    article.source,
                ]
            )
    return out.getvalue()
