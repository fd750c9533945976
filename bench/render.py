"""Benchmark: rendering all audiences, stage by stage, against a floor measured in the same run.

Prints, for each example article and for one ten times longer (all ten as one): milliseconds per
article for every audience (median of many runs), with the facts check every page
shows, the share of each stage, and the ratio to a floor (spaCy's bare tokenizer plus
one textstat grade over the same text); then the same with every strategy off, the part
of the ratio the strategy loop does not add. Then time against article length and
against glossary size (100 entries, all entries, 5,000 entries), and the peak RSS.

    ./py bench/render.py [--runs 30]
"""

from __future__ import annotations

import argparse
import dataclasses
import resource
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import frontmatter
import spacy
import textstat

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import service.engine as engine_module  # noqa: E402
from service.audience import Audience  # noqa: E402
from service.engine import Engine  # noqa: E402
from service.glossary import Glossary, TermMatcher, Wording, load_glossary  # noqa: E402


def timed(function: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    value = function()
    return time.perf_counter() - started, value


STAGES = ("parse", "analyse", "render", "strategies", "reanalyse", "score", "facts", "other")


class StageClock:
    """Wraps the engine's stage functions to add up the time each takes in a real run."""

    def __init__(self) -> None:
        self.spent = dict.fromkeys(STAGES, 0.0)

    def wrap(self, stage: str, function: Callable) -> Callable:
        def timed_call(*args, **kwargs):
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.spent[stage] += time.perf_counter() - started

        return timed_call

    def install(self, engine: Engine) -> None:
        engine_module.render = self.wrap("render", ORIGINAL["render"])
        engine_module.apply_strategy = self.wrap("strategies", ORIGINAL["apply_strategy"])
        engine_module.add_summaries = self.wrap("strategies", ORIGINAL["add_summaries"])
        engine.analyse_rendition = self.wrap("reanalyse", Engine.analyse_rendition.__get__(engine))
        engine.score = self.wrap("score", Engine.score)
        engine.check_facts = self.wrap("facts", Engine.check_facts)


ORIGINAL = {
    "render": engine_module.render,
    "apply_strategy": engine_module.apply_strategy,
    "add_summaries": engine_module.add_summaries,
}


def run_once(
    engine: Engine, raw: str, audiences: Sequence[Audience] | None = None
) -> dict[str, float]:
    """All audiences for one article as users get them (strategies included), by stage."""
    engine.forget()
    clock = StageClock()
    clock.install(engine)
    started = time.perf_counter()
    seconds, article = timed(lambda: engine.parse_article(raw, "bench.md"))
    clock.spent["parse"] += seconds
    seconds, analysis = timed(lambda: engine.analyse(article))
    clock.spent["analyse"] += seconds
    chosen = audiences or engine.audiences
    results = [engine.evaluate_for(analysis, audience) for audience in chosen]
    # as users get them: every page and API answer shows its facts check
    lost = [result.audience.id for result in results if not result.facts.kept]
    if lost:
        raise SystemExit(f"bench: {article.slug} lost a fact for {', '.join(lost)}")
    # The total is the whole run; "other" is what no stage wrapper saw (the loop itself and
    # the facts check of each strategy's new blocks), so no cost hides between stages.
    clock.spent["other"] = time.perf_counter() - started - sum(clock.spent.values())
    return clock.spent


def floor_once(tokenizer, text: str, run: int) -> float:
    """The least any reader-level tool does: tokenize and take one grade.

    A run number is appended so textstat's per-text cache cannot answer for free.
    """
    fresh = f"{text} Run {run}."
    started = time.perf_counter()
    tokenizer(fresh)
    textstat.flesch_kincaid_grade(fresh)
    return time.perf_counter() - started


def measure(
    engine: Engine,
    raw: str,
    text: str,
    runs: int,
    audiences: Sequence[Audience] | None = None,
) -> dict[str, float]:
    tokenizer = spacy.blank("en").tokenizer
    run_once(engine, raw, audiences)
    floor_once(tokenizer, text, -1)
    stage_runs = [run_once(engine, raw, audiences) for _ in range(runs)]
    totals = [sum(r.values()) for r in stage_runs]
    floors = [floor_once(tokenizer, text, i) for i in range(runs)]
    result = {stage: statistics.median(r[stage] for r in stage_runs) for stage in STAGES}
    result["total"] = statistics.median(totals)
    result["floor"] = statistics.median(floors)
    return result


def body_text(engine: Engine, raw: str) -> str:
    article = engine.parse_article(raw, "bench.md")
    return "\n".join(block.text for block in article.blocks)


def joined(raws: list[str]) -> str:
    """The example articles one after another, as one article with all their references.

    Distinct articles, not one repeated: a repeated paragraph finds its sentences' edits
    already worked out, which would make long articles look cheaper than they are."""
    posts = [frontmatter.loads(raw) for raw in raws]
    references: dict = {}
    for post in posts:
        references = {**post.metadata.get("references", {}), **references}
    head = frontmatter.Post("", **{**posts[0].metadata, "references": references})
    return frontmatter.dumps(head) + "\n" + "\n\n".join(post.content for post in posts) + "\n"


def synthetic_glossary(real: Glossary, size: int) -> Glossary:
    """The real entries plus made-up ones, so matching cost can be seen against size."""
    entries = dict(real.entries)
    template = next(iter(real.entries.values()))
    for number in range(max(0, size - len(entries))):
        entry_id = f"bench-term-{number}"
        entries[entry_id] = dataclasses.replace(
            template,
            id=entry_id,
            term=f"zentorphase {number} variant",
            variants=(),
            brands=(),
            abbreviations=(),
            wording={"patient": Wording("made-up word", "A made-up word for the benchmark.")},
        )
    return Glossary(entries, real.files, f"bench-{size}")


def without_strategies(engine: Engine) -> list[Audience]:
    """Every audience with its strategies and summaries off: terms swapped and defined,
    then scored and checked once. What the strategy loop adds to, and cannot go under."""
    return [
        dataclasses.replace(audience, strategies=(), summary_prefix=None)
        for audience in engine.audiences
    ]


def with_glossary(engine: Engine, glossary: Glossary) -> Engine:
    return Engine(engine.audiences, glossary)


def line(label: str, figures: dict[str, float]) -> str:
    total = figures["total"]
    shares = "  ".join(f"{stage} {100 * figures[stage] / total:4.1f}%" for stage in STAGES)
    ratio = total / figures["floor"]
    return (
        f"{label:32s} {1000 * total:7.1f} ms  floor {1000 * figures['floor']:6.1f} ms  "
        f"x{ratio:4.1f}  | {shares}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30, help="runs per figure (median)")
    args = parser.parse_args()

    started = time.perf_counter()
    engine = Engine.load()
    print(f"engine load: {time.perf_counter() - started:.2f} s, {len(engine.glossary)} entries")
    settled, _ = timed(engine.settle)
    print(f"  then settled as the server and QA workers settle it: {settled:.2f} s")
    folder, ids = engine_module.DataPaths.from_env().glossaries, engine.audiences.ids()
    loaded, _ = timed(lambda: load_glossary(folder, ids))
    glossary = engine.glossary
    built, _ = timed(lambda: (glossary.inflections(), TermMatcher(engine.nlp, glossary)))
    print(f"  of which glossaries {loaded:.2f} s + their matchers {built:.2f} s (goal: under 1 s)")
    paths = sorted((ROOT / "articles").glob("*.md"))
    print(f"\nAll {len(engine.audiences)} audiences per article, median of {args.runs} runs")
    alone = []
    for path in paths:
        raw = path.read_text(encoding="utf-8")
        words = len(body_text(engine, raw).split())
        figures = measure(engine, raw, body_text(engine, raw), args.runs)
        alone.append(figures["total"])
        print(line(f"{path.stem} ({words} w)", figures))

    print("\nThe same with every strategy and summary off (terms swapped, scored and checked")
    print("once per audience): the part of the ratio the strategy loop does not add")
    plain = without_strategies(engine)
    for path in paths:
        raw = path.read_text(encoding="utf-8")
        figures = measure(engine, raw, body_text(engine, raw), args.runs, plain)
        print(line(path.stem, figures))

    raws = [path.read_text(encoding="utf-8") for path in paths]
    raw = raws[0]
    print("\nTime against length (the first 1, 2, 5 and 10 example articles as one)")
    per_word = []
    for count in (1, 2, 5, 10):
        text_raw = joined(raws[:count])
        text = body_text(engine, text_raw)
        figures = measure(engine, text_raw, text, max(3, args.runs // count))
        words = len(text.split())
        per_word.append(1e6 * figures["total"] / words)
        ratio = figures["total"] / sum(alone[:count])
        print(
            line(f"{count} article(s) ({words} w)", figures)
            + f"  {per_word[-1]:.0f} us/word, {ratio:.2f} x the same articles one by one"
        )
    print(
        f"us/word from 1 to 10 articles: {per_word[0]:.0f} -> {per_word[-1]:.0f} (the articles "
        "differ in cost per word; linear = about 1.00 x the same articles one by one)"
    )

    print("\nTime against glossary size (first example article; made-up entries never match,")
    print("so each pair swaps the same terms and differs only in matcher size)")
    text = body_text(engine, raw)
    for label, glossary in (
        ("100 real entries", engine.glossary.subset(100)),
        ("100 real + 4900 made-up", synthetic_glossary(engine.glossary.subset(100), 5000)),
        (f"{len(engine.glossary)} real entries", engine.glossary),
        (
            f"{len(engine.glossary)} real + made-up to 5000",
            synthetic_glossary(engine.glossary, 5000),
        ),
    ):
        loaded, sized = timed(lambda g=glossary: with_glossary(engine, g))
        figures = measure(sized, raw, text, args.runs)
        print(line(label, figures) + f"  build {loaded:.2f} s")

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak RSS: {peak:.0f} MB")


if __name__ == "__main__":
    main()
