"""Reading level per example article and lay audience, and what holds it up.

Prints, for each article and audience: the Flesch-Kincaid grade against its target, words
per sentence and syllables per word (the two parts of the formula), and the longest
sentences, the ones a plain-language strategy could still split.

    ./py bench/grades.py [--longest 3] [--audience patient]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from service.engine import Engine, Result  # noqa: E402


def summary(slug: str, result: Result) -> str:
    sentences = result.sentences
    words = sum(s.words for s in sentences)
    syllables = sum(s.syllables for s in sentences)
    target = "-" if result.target is None else f"{result.target:g}"
    return (
        f"{slug[:32]:32s} {result.audience.id:10s} grade {result.grade:5.2f} (target {target:>2s})"
        f"  words/sentence {words / max(1, len(sentences)):5.1f}"
        f"  syllables/word {syllables / max(1, words):4.2f}"
        f"  facts kept {'yes' if result.facts.kept else 'NO'}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--longest", type=int, default=3, help="longest sentences to show")
    parser.add_argument("--audience", action="append", help="audience id (default: all)")
    args = parser.parse_args()
    engine = Engine.load()
    for path in sorted((ROOT / "articles").glob("*.md")):
        article = engine.load_article(path)
        for result in engine.evaluate(article, args.audience):
            print(summary(path.stem, result))
            if result.target is None:
                continue
            for sentence in sorted(result.sentences, key=lambda s: -s.words)[: args.longest]:
                print(f"    {sentence.words:3d} words  {sentence.text}")


if __name__ == "__main__":
    main()
