"""Benchmark: the QA report over many articles, built from the example articles' sentences.

Writes N articles (default 1,000) into a temporary folder, each a random mix
(fixed seed) of the example articles' headings, sentences and list items, so
their length and vocabulary are those of real articles. Then times what
`medrender qa DIR --format json` does: load the engine while a second process
reads the articles, build the report on a pool of worker processes, write JSON. Prints articles per
second, the time of each step, and the peak RSS of the main process and of the
largest worker. With `--profile N` it first runs N articles in this process and
prints where the time of one article goes.

    ./py bench/qa.py [--articles 1000] [--workers 2] [--profile 40]
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import resource
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from render import StageClock  # noqa: E402  (bench/render.py)

from service import qa  # noqa: E402
from service.engine import DataPaths, Engine  # noqa: E402

REFERENCES = 12


def example_parts(engine: Engine) -> tuple[list[str], list[str], list[str]]:
    """Headings, paragraph sentences and list items of the example articles."""
    headings, sentences, items = [], [], []
    for path in sorted((ROOT / "articles").glob("*.md")):
        article = engine.load_article(path)
        for block in article.blocks:
            if block.kind == "heading":
                headings.append(block.text)
            elif block.kind == "list_item":
                items.append(block.text)
            else:
                sentences += [s.text.strip() for s in engine.nlp(block.text).sents]
    return headings, sentences, items


def write_articles(folder: Path, count: int, engine: Engine, seed: int) -> int:
    """`count` articles of about the examples' length; returns the words written."""
    headings, sentences, items = example_parts(engine)
    rng = random.Random(seed)
    references = "".join(f'  {n}: "Benchmark reference {n}."\n' for n in range(1, REFERENCES + 1))
    words = 0
    for number in range(count):
        body = []
        for _ in range(rng.randint(3, 4)):
            body.append(f"## {rng.choice(headings)}")
            for _ in range(rng.randint(1, 3)):
                body.append(" ".join(rng.sample(sentences, rng.randint(2, 4))))
            if rng.random() < 0.6:
                body.append("\n".join(f"- {item}" for item in rng.sample(items, rng.randint(3, 6))))
        text = "\n\n".join(body)
        words += len(text.split())
        (folder / f"bench-{number:04d}.md").write_text(
            f"---\ntitle: Benchmark article {number}\nslug: bench-{number:04d}\n"
            f"references:\n{references}---\n{text}\n",
            encoding="utf-8",
        )
    return words


def profile(engine: Engine, articles: list) -> None:
    """Where one article's time goes, in this process (no pool). The engine's own stages
    are timed with `bench/render.py`'s clock, the QA steps here."""
    inspector = qa.Inspector(engine)
    spent: dict[str, float] = defaultdict(float)

    def timed(name, function):
        def wrapper(*args, **kwargs):
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent[name] += time.perf_counter() - started

        return wrapper

    inspector.inspect(articles[:2])  # warm up: syllable and lemma tables load on first use
    engine.forget()
    clock = StageClock()
    clock.install(engine)
    sentences = inspector._sentences
    inspector._sentences = lambda *args: iter(list(sentences(*args)))
    inspector._analyse = timed("qa: analyse (one nlp.pipe a batch)", inspector._analyse)
    inspector.coverage.find = timed("qa: coverage", inspector.coverage.find)
    inspector._sentences = timed("qa: hardest sentences", inspector._sentences)
    started = time.perf_counter()
    for batch in qa._batches(articles, qa.BATCH):
        inspector.inspect(batch)
    total = time.perf_counter() - started
    per = 1000 / len(articles)
    print(f"profile: {len(articles)} articles in one process, {per * total:.0f} ms per article "
          "(all audiences, strategies included)")  # fmt: skip
    stages = {f"engine: {k}": v for k, v in clock.spent.items() if v} | dict(spent)
    for name, seconds in sorted(stages.items(), key=lambda item: -item[1]):
        print(f"  {name:36} {per * seconds:7.1f} ms  {100 * seconds / total:5.1f}%")
    other = total - sum(stages.values())
    print(f"  {'other':36} {per * other:7.1f} ms  {100 * other / total:5.1f}%")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--profile", type=int, default=0, help="first profile N articles")
    args = parser.parse_args()
    paths = DataPaths(ROOT / "glossaries", ROOT / "audiences")

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        writer = Engine.load(paths)
        words = write_articles(folder, args.articles, writer, args.seed)
        print(f"{args.articles} articles, {words / args.articles:.0f} words each on average")
        if args.profile:
            sample = [writer.load_article(p) for p in sorted(folder.glob("*.md"))[: args.profile]]
            profile(writer, sample)
        del writer
        gc.collect()

        loading: list[float] = []

        def load() -> Engine:
            started = time.perf_counter()
            try:
                return Engine.load(paths)
            finally:
                loading.append(time.perf_counter() - started)

        started = time.perf_counter()
        engine, articles, problems = qa.load_with_articles(load, sorted(folder.glob("*.md")))
        load_s = time.perf_counter() - started
        assert not problems, problems
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu_before = before.ru_utime + before.ru_stime
        started = time.perf_counter()
        report = qa.build_report(articles, engine, workers=args.workers, paths=paths)
        report_s = time.perf_counter() - started
        started = time.perf_counter()
        text = json.dumps(report.as_dict(), ensure_ascii=False)
        json_s = time.perf_counter() - started
    total = load_s + report_s + json_s
    totals = report.totals()
    print(f"workers: {args.workers}")
    print(f"engine load {loading[0]:.1f} s with the files read alongside {load_s:.1f} s, "
          f"report {report_s:.1f} s "
          f"(the engine warms up, and workers start, inside this), JSON {json_s:.1f} s "
          f"({len(text) / 1e6:.1f} MB)")  # fmt: skip
    print(f"total {total:.1f} s: {args.articles / total:.1f} articles/s "
          f"({args.articles / report_s:.1f} articles/s in the report step)")  # fmt: skip
    print(
        f"renditions {totals['renditions']}, misses {totals['misses']}, "
        f"facts lost {totals['facts_lost']}, uncovered words {totals['uncovered_words']}"
    )
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = children.ru_utime + children.ru_stime - cpu_before
    print(f"workers' CPU time {cpu:.0f} s: {1000 * cpu / args.articles:.0f} ms per article; "
          f"on {args.workers} otherwise idle cores the report step would take about "
          f"{cpu / args.workers:.0f} s")  # fmt: skip
    print(
        f"peak RSS: main process {own.ru_maxrss / 1024:.0f} MB, "
        f"largest worker {children.ru_maxrss / 1024:.0f} MB"
    )


if __name__ == "__main__":
    main()
