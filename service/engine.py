"""The library's front door: load the data once, then render, score and check articles.

Web, API and CLI are thin shells over `Engine`. Data flows one way: parse ->
analyse once -> render per audience -> score and check each rendition.
"""

from __future__ import annotations

import dataclasses
import gc
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property, partial
from itertools import chain
from pathlib import Path

from . import errors
from .analysis import Analysed, Analyser, Analysis
from .article import Article, load_article, markdown_parser, parse_article
from .audience import STRATEGY_ORDER, Audience, Audiences, load_audiences
from .errors import InputError, Problem
from .facts import FactsCheck, compare
from .glossary import Glossary, TermMatch, example_problems, load_glossary
from .nlp import build_nlp, text_of
from .person import retold_glossary
from .readability import Scores, SentenceScore, combine, forget_scores
from .render import RenderedBlock, Rendition, render
from .simplify import (
    FOLLOW_UP_STRATEGIES,
    RENDER_STRATEGIES,
    add_summaries,
    apply_strategy,
    follow_up,
    forget_edits,
)

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SETTLED_GC_THRESHOLDS = (100_000, 10, 10)  # Python's defaults are (700, 10, 10)
# Touches every table that loads on first use: lookups, pronunciations, word forms.
WARM_UP = """---
title: Warm-up
slug: warm-up
---
The patient was tapered off prednisone 10mg daily, which she tolerated; she has not had a
flare since [1], and the clinician should recheck her hemoglobin in 4 weeks.
"""


@dataclass(frozen=True)
class StrategyRun:
    """One plain-language strategy as it ran: grades around it and what was undone."""

    name: str
    grade_before: float
    grade_after: float
    changed_blocks: int
    rolled_back: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "grade_before": round(self.grade_before, 2),
            "grade_after": round(self.grade_after, 2),
            "changed_blocks": self.changed_blocks,
            "rolled_back": list(self.rolled_back),
        }


@dataclass(frozen=True)
class Result:
    """One rendition with its scores, the sentences that miss and its facts check."""

    rendition: Rendition
    audience: Audience
    scores: Scores
    sentences: tuple[SentenceScore, ...]
    facts_of: Callable[[], FactsCheck] = field(repr=False, compare=False)
    strategies: tuple[StrategyRun, ...] = field(default=())

    @cached_property
    def facts(self) -> FactsCheck:
        """Checked on first use: the strategy loop scores every step, but the render
        before its first strategy is only checked if it is the one kept."""
        return self.facts_of()

    @property
    def target(self) -> float | None:
        return self.audience.target.max_grade if self.audience.target else None

    @property
    def formula(self) -> str:
        return self.audience.target.formula if self.audience.target else "flesch_kincaid"

    @property
    def grade(self) -> float:
        return self.scores.grade(self.formula)

    @property
    def meets_target(self) -> bool:
        """Judged on the grade as every report shows it (two decimals), so a grade shown
        as 7.00 never reads as a miss of target 7."""
        return self.target is None or round(self.grade, 2) <= self.target

    @property
    def hard_sentences(self) -> list[SentenceScore]:
        """Sentences above the target, fragments under five words left out."""
        if self.target is None:
            return []
        return [s for s in self.sentences if not s.is_fragment and s.grade > self.target]

    @property
    def ok(self) -> bool:
        return self.meets_target and self.facts.kept


@dataclass(frozen=True)
class DataPaths:
    glossaries: Path
    audiences: Path

    @classmethod
    def from_env(cls) -> DataPaths:
        """Project folders, or MEDRENDER_GLOSSARIES / MEDRENDER_AUDIENCES when set."""
        return cls(
            Path(os.environ.get("MEDRENDER_GLOSSARIES", PROJECT_ROOT / "glossaries")),
            Path(os.environ.get("MEDRENDER_AUDIENCES", PROJECT_ROOT / "audiences")),
        )


class Engine:
    """Build once per process: loading data and the spaCy pipeline is the slow part."""

    def __init__(self, audiences: Audiences, glossary: Glossary):
        self.audiences = audiences
        self.nlp = build_nlp(glossary.inflections())
        self.glossary = retold_glossary(glossary, audiences, self.nlp)
        self.analyser = Analyser(self.nlp, self.glossary, audiences)
        self.markdown = markdown_parser()

    @classmethod
    def load(cls, paths: DataPaths | None = None) -> Engine:
        paths = paths or DataPaths.from_env()
        audiences = load_audiences(paths.audiences)
        glossary = load_glossary(paths.glossaries, audiences.ids())
        return cls(audiences, glossary)

    def forget(self) -> None:
        """Drop what was remembered of recent texts, sentences and their scores: a batch
        job calls it between batches, benchmarks before each cold run."""
        self.analyser.forget()
        forget_edits()
        forget_scores()

    def warm_up(self, render: Callable[[Article], object] | None = None) -> None:
        """Pay for what loads on first use (spaCy's lookups, the pronunciation dictionary,
        word forms) at start rather than on a reader's first page. `render` replaces the
        plain evaluation, for a caller with more to load (QA's word frequencies)."""
        article = self.parse_article(WARM_UP, "warm-up")
        if render is None:
            self.evaluate(article)
        else:
            render(article)
        self.forget()

    def settle(self, render: Callable[[Article], object] | None = None) -> None:
        """For a long-running process (a server before it forks, a QA worker): warm up,
        then freeze every object made so far out of the garbage collector's reach.

        A full collection walks every live object, and the loaded tables are most of
        them: on the QA benchmark full collections took 20 ms an article, under 2 ms
        once frozen. Before a fork it also keeps the parent's pages shared. Rendering
        makes many short-lived objects that reference counting frees, and young
        collections on the QA benchmark found no cyclic garbage at all, so they are
        made rarer: every 100,000 new objects instead of 700. At 10,000 they took 6 ms
        an article down to 3; at 100,000 the QA loop runs 1.3% fewer instructions
        and the QA benchmark 3 to 4% less time, with the same peak RSS. Not for a
        library caller that builds engines often (tests): frozen objects are never
        collected.
        """
        self.warm_up(render)
        self.freeze_loaded_objects()

    @staticmethod
    def freeze_loaded_objects(collect: bool = True) -> None:
        """The second half of `settle`, for a process that has warmed up already. A
        process forked just after its parent collected passes `collect=False`: a full
        collection there would only copy every page of the parent it walks."""
        if collect:
            gc.collect()
        gc.freeze()
        gc.set_threshold(*SETTLED_GC_THRESHOLDS)

    def voice_example_problems(self) -> list[Problem]:
        """Run each voice rule alone on its must-swap and must-keep sentences."""
        problems = []
        for audience in self.audiences:
            for rule in audience.voice:
                only = dataclasses.replace(
                    audience, voice=(rule,), terms="keep", abbreviations="keep"
                )
                cases = [(s, True) for s in rule.examples_swap]
                cases += [(s, False) for s in rule.examples_keep]
                for sentence, should_change in cases:
                    changed = self.rewrite_sentence(sentence, only) != sentence
                    if changed == should_change:
                        continue
                    problems.append(
                        errors.problem(
                            errors.EXAMPLE_FAILS,
                            audience.file,
                            field=f"voice '{rule.phrase}'",
                            which="a must-swap" if should_change else "a must-keep",
                            sentence=sentence,
                            why="nothing changed" if should_change else "it changed",
                        )
                    )
        return problems

    def terms_in(self, sentence: str) -> tuple[TermMatch, ...]:
        """The glossary terms a rendition would swap in `sentence`."""
        (analysed,) = self.analyser.analyse_texts([sentence], [0], [None])
        return analysed.terms

    def rewrite_sentence(self, sentence: str, audience: Audience) -> str:
        """One sentence through rendering for `audience`, as a reviewer would try a rule."""
        article = self.parse_article(
            f"---\ntitle: Example\nslug: example\n---\n{sentence}\n", "example"
        )
        return render(self.analyse(article), audience).blocks[0].text

    def load_article(self, path: str | Path) -> Article:
        return load_article(path, self.markdown)

    def parse_article(self, raw: bytes | str, source: str) -> Article:
        return parse_article(raw, source, self.markdown)

    def analyse(self, article: Article) -> Analysis:
        return self.analyser.analyse(article)

    def evaluate(self, article: Article, audiences: Iterable[str] | None = None) -> list[Result]:
        """Render, score and check `article` for each audience (all by default)."""
        analysis = self.analyse(article)
        chosen = (
            [self.audiences.get(name) for name in audiences] if audiences else list(self.audiences)
        )
        return [self.evaluate_for(analysis, audience) for audience in chosen]

    def evaluate_for(self, analysis: Analysis, audience: Audience) -> Result:
        """Render, then run the audience's strategies in order until its target is met.

        The target is the grade and no sentence left over `max_sentence_words`: an
        average at grade 7 still fails the reader who meets a 60-word sentence, and
        the strategies only ever work on such sentences. Each strategy is scored; a
        sentence-level strategy that would lose a fact of a block is undone for that
        block, and the reason is kept.
        """
        active: set[str] = set()
        # A block that a re-render leaves as it was gets the same splits again: reuse them.
        proposals: dict[tuple, list[RenderedBlock] | None] = {}
        result = self._result(analysis, audience, render(analysis, audience))
        runs: list[StrategyRun] = []
        for name in audience.strategies:
            if result.meets_target and not _long_sentences(result):
                break
            active.add(name)
            rendition, changed, rolled_back = self._with_strategies(
                analysis, audience, result.rendition, name, frozenset(active), proposals
            )
            if rendition is result.rendition:
                runs.append(StrategyRun(name, result.grade, result.grade, 0, rolled_back))
                continue  # nothing changed: no need to score it again
            candidate = self._result(analysis, audience, rendition)
            # A sentence strategy keeps each changed block only if its source block keeps
            # every fact (`_sentence_strategy`), so it never loses one the step before kept:
            # only a re-render is checked as a whole.
            if name in RENDER_STRATEGIES and not candidate.facts.kept:
                active.discard(name)
                rolled_back = (*rolled_back, f"{name}: undone, it lost a fact")
                candidate = result
            runs.append(StrategyRun(name, result.grade, candidate.grade, changed, rolled_back))
            result = candidate
        if audience.summary_prefix:
            summarised = add_summaries(
                result.rendition, self.analyse_rendition(analysis, result.rendition),
                audience.summary_prefix, analysis.blocks,
            )  # fmt: skip
            result = self._result(analysis, audience, summarised)
        return dataclasses.replace(result, strategies=tuple(runs))

    def _with_strategies(
        self,
        analysis: Analysis,
        audience: Audience,
        current: Rendition,
        name: str,
        active: frozenset[str],
        proposals: dict,
    ) -> tuple[Rendition, int, tuple[str, ...]]:
        """`current` with strategy `name` added; a render strategy re-renders from scratch."""
        if name in RENDER_STRATEGIES:
            rendition = render(analysis, audience, active & RENDER_STRATEGIES)
            steps = [step for step in STRATEGY_ORDER if step in active - RENDER_STRATEGIES]
            changed = sum(
                a.text != b.text for a, b in zip(rendition.blocks, current.blocks, strict=False)
            )
        else:
            rendition, steps, changed = current, [name], 0
        notes: list[str] = []
        for step in steps:
            so_far = [
                s for s in STRATEGY_ORDER[: STRATEGY_ORDER.index(step) + 1]
                if s in active and s in FOLLOW_UP_STRATEGIES
            ]  # fmt: skip
            rendition, step_changed, step_notes = self._sentence_strategy(
                analysis, audience, rendition, step, proposals, so_far
            )
            changed += step_changed if step == name else 0
            notes += step_notes
        return rendition, changed, tuple(notes)

    def _sentence_strategy(
        self,
        analysis: Analysis,
        audience: Audience,
        rendition: Rendition,
        name: str,
        proposals: dict,
        follow: Sequence[str] = (),
    ) -> tuple[Rendition, int, list[str]]:
        """Strategy `name` on every block; the sentences a split makes then get the
        strategies `follow` (`simplify.follow_up`). A block whose new text loses a fact
        keeps the plain split if that keeps every fact, else stays as it was."""
        analysed = self.analyse_rendition(analysis, rendition)
        max_words = audience.max_sentence_words
        keys = [(name, b.source, b.kind, b.level, b.text) for b in rendition.blocks]
        pending = []
        for key, block, item in zip(keys, rendition.blocks, analysed, strict=True):
            if key not in proposals:
                plain = apply_strategy(name, block, item, max_words)
                proposals[key] = (plain, plain)
                if plain is not None and follow:
                    pending.append((key, item, plain))
        # one pipeline pass over the new blocks; follow_up and the facts check below read
        # them back from the analyser's cache of recent texts
        self._analyse_blocks([block for *_, plain in pending for block in plain])
        for key, item, plain in pending:
            followed = follow_up(plain, item, follow, self._analyse_blocks, max_words)
            proposals[key] = (plain, followed)
        changed = [
            (index, *reversed(proposals[key]))
            for index, key in enumerate(keys)
            if proposals[key][0] is not None
        ]
        if not changed:
            return rendition, 0, []
        self._analyse_blocks([block for _, followed, _ in changed for block in followed])
        blocks = [[block] for block in rendition.blocks]
        notes = []
        kept = 0
        for index, followed, plain in changed:
            source = rendition.blocks[index].source
            others = [
                fact
                for other, (block, item) in enumerate(zip(rendition.blocks, analysed, strict=True))
                if block.source == source and other != index
                for fact in item.facts
            ]
            for new in (followed, plain) if followed is not plain else (plain,):
                facts = [f for item in self._analyse_blocks(new) for f in item.facts] + others
                lost = compare(analysis.blocks[source].facts, facts, analysis.lines).missing
                if not lost:
                    blocks[index] = new
                    kept += 1
                    break
            else:
                notes.append(f"{name}: undone at line {lost[0].line}: {lost[0].fact.describe()}")
        if not kept:
            return rendition, 0, notes
        flat_blocks = tuple(block for group in blocks for block in group)
        return dataclasses.replace(rendition, blocks=flat_blocks), kept, notes

    def _analyse_blocks(self, blocks: Sequence[RenderedBlock]) -> list[Analysed]:
        """Rendered blocks through the pipeline (recent texts come from the analyser's cache)."""
        return self.analyser.analyse_texts(
            [b.text for b in blocks], [b.source for b in blocks], [None] * len(blocks)
        )

    def _result(self, analysis: Analysis, audience: Audience, rendition: Rendition) -> Result:
        analysed = self.analyse_rendition(analysis, rendition)
        scores, sentences = self.score(rendition, analysed, audience)
        facts = cache(partial(self.check_facts, analysis, analysed))
        return Result(rendition, audience, scores, sentences, facts)

    def analyse_rendition(self, analysis: Analysis, rendition: Rendition) -> list[Analysed]:
        """The rendition's text through the pipeline again: its sentences, terms and facts.

        Facts are read from the rendered words themselves, not from what the
        renderer meant to do, so a bug in rendering cannot hide a lost fact.
        """
        if rendition.blocks and all(
            block.text == text_of(analysis.blocks[block.source].doc) for block in rendition.blocks
        ):
            return [analysis.blocks[block.source] for block in rendition.blocks]
        return self.analyser.analyse_texts(
            [block.text for block in rendition.blocks],
            [block.source for block in rendition.blocks],
            [None] * len(rendition.blocks),
        )

    @staticmethod
    def score(
        rendition: Rendition, analysed: list[Analysed], audience: Audience
    ) -> tuple[Scores, tuple[SentenceScore, ...]]:
        """Readability of the prose: paragraphs and list items, not headings."""
        per_sentence = tuple(
            chain.from_iterable(
                item.sentence_scores(audience.lang)
                for item, block in zip(analysed, rendition.blocks, strict=True)
                if block.kind != "heading"
            )
        )
        return combine(per_sentence), per_sentence

    @staticmethod
    def check_facts(analysis: Analysis, analysed: list[Analysed]) -> FactsCheck:
        rendered = [fact for item in analysed for fact in item.facts]
        return compare(analysis.facts, rendered, analysis.lines)


def _long_sentences(result: Result) -> bool:
    limit = result.audience.max_sentence_words
    return any(sentence.words > limit for sentence in result.sentences)


@dataclass(frozen=True)
class CheckReport:
    problems: tuple[Problem, ...]
    warnings: tuple[Problem, ...]
    entries: int
    audiences: int
    articles: int


def check_all(paths: DataPaths, articles: Iterable[Path]) -> CheckReport:
    """Validate audiences, glossaries (with their examples) and articles; every problem."""
    problems: list[Problem] = []
    warnings: list[Problem] = []
    audiences = glossary = None
    try:
        audiences = load_audiences(paths.audiences)
    except InputError as exc:
        problems += exc.problems
    try:
        glossary = load_glossary(paths.glossaries, audiences.ids() if audiences else None)
    except InputError as exc:
        problems += exc.problems
    if audiences is not None and glossary is not None:
        engine = Engine(audiences, glossary)
        problems += example_problems(glossary, engine.terms_in)
        problems += engine.voice_example_problems()
    markdown = markdown_parser()
    count = 0
    for path in articles:
        try:
            warnings += load_article(path, markdown).warnings
            count += 1
        except InputError as exc:
            problems += exc.problems
    return CheckReport(
        tuple(problems),
        tuple(warnings),
        len(glossary) if glossary else 0,
        len(audiences) if audiences else 0,
        count,
    )
