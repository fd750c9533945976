"""The meaning check: facts of the canonical article that every rendition must keep.

A fact is a quantity (number with its unit or range), a drug (by its glossary
entry, so "Actemra" and "tocilizumab" are the same drug), a negation word or a
citation number. Facts are counted per source block: a rendition keeps the
article's meaning only if, for every block, each fact occurs at least as often
in the rendition's text made from that block as in the canonical block.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .glossary import TermMatch
from .nlp import CITATION_NORM, UNITS, token_columns

NEGATIONS = frozenset({"no", "not", "n't", "without", "never", "none", "nor", "neither"})
TIME_UNITS = (
    "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
    "month", "months", "year", "years", "dose", "doses", "tablet", "tablets", "times",
)  # fmt: skip
FACT_KINDS = ("quantity", "drug", "negation", "citation")


@dataclass(frozen=True)
class Fact:
    kind: str
    value: str
    text: str
    block: int

    def describe(self) -> str:
        labels = {
            "quantity": "number",
            "drug": "drug",
            "negation": "negation",
            "citation": "citation",
        }
        return f"{labels[self.kind]} '{self.text}'"


@dataclass(frozen=True)
class MissingFact:
    fact: Fact
    line: int
    missing: int

    def as_dict(self) -> dict[str, object]:
        return {
            "kind": self.fact.kind,
            "value": self.fact.value,
            "text": self.fact.text,
            "block": self.fact.block,
            "line": self.line,
            "missing": self.missing,
        }

    def __str__(self) -> str:
        return f"line {self.line}: {self.fact.describe()} is missing"


@dataclass(frozen=True)
class FactsCheck:
    missing: tuple[MissingFact, ...]
    checked: int

    @property
    def kept(self) -> bool:
        return not self.missing


# Token kinds of a quantity: a number, a unit, a dash ("-", "to") and "/".
NUMBER, UNIT, DASH, PER = "n", "u", "d", "/"
QUANTITY_SHAPES = (
    (NUMBER,),
    (NUMBER, UNIT),
    (NUMBER, UNIT, PER, UNIT),
    (NUMBER, UNIT, PER, UNIT, PER, UNIT),
    (NUMBER, DASH, NUMBER),
    (NUMBER, DASH, NUMBER, UNIT),
    (NUMBER, DASH, NUMBER, UNIT, PER, UNIT),
    (NUMBER, UNIT, DASH, NUMBER, UNIT),
)
LONGEST_SHAPE = max(map(len, QUANTITY_SHAPES))


class FactFinder:
    """Token shapes for quantities; glossary matches for drugs; token flags for the rest.

    A quantity is the longest of `QUANTITY_SHAPES` from a number ("200-400 mg/day",
    "2 g/kg", "72.5%"). The shapes are walked from each number over the Doc's token
    arrays: every new sentence of every strategy step is read, and a `Matcher` call
    per number cost more than the rest of the facts check.
    """

    def __init__(self, nlp: Language):
        strings = nlp.vocab.strings
        self.kinds = {strings.add(word): DASH for word in ("-", "\u2013", "to")}
        self.kinds |= {strings.add(word): UNIT for word in (*UNITS, "%", *TIME_UNITS)}
        self.kinds[strings.add("/")] = PER
        self.negations = frozenset(strings.add(word) for word in NEGATIONS)
        self.citation = strings.add(CITATION_NORM)

    def quantities(self, doc: Doc, start: int = 0, end: int | None = None) -> list[Span]:
        """The quantities in tokens [start, end): every shape that fits at each number, then
        the longest where two overlap (as a `Matcher` with `filter_spans` would give)."""
        end = len(doc) if end is None else end
        columns = token_columns(doc)
        numbers = numpy.flatnonzero(columns.like_num[start:end])
        if not len(numbers):
            return []
        strings = doc.vocab.strings
        orth = columns.orth[start:end].tolist()
        like_num = columns.like_num[start:end].tolist()
        kinds = [
            (NUMBER if not strings[o].isalpha() else None) if n else self.kinds.get(o)
            for o, n in zip(orth, like_num, strict=True)
        ]
        found = []
        for first in numbers.tolist():
            if kinds[first] != NUMBER:
                continue
            window = tuple(kinds[first : first + LONGEST_SHAPE])
            found += [
                doc[start + first : start + first + len(shape)]
                for shape in QUANTITY_SHAPES
                if window[: len(shape)] == shape
            ]
        return filter_spans(found)

    def extract(
        self,
        doc: Doc,
        terms: Iterable[TermMatch],
        block: int,
        quantities: Iterable[Span] | None = None,
        start: int = 0,
        end: int | None = None,
    ) -> list[Fact]:
        """Facts in tokens [start, end) of `doc`: `terms` and `quantities` found there."""
        if quantities is None:
            quantities = self.quantities(doc)
        facts = [
            Fact("quantity", _normalise_quantity(span), span.text, block) for span in quantities
        ]
        facts += [
            Fact("drug", match.entry.id, match.span.text, block)
            for match in terms
            if match.entry.is_drug
        ]
        columns = token_columns(doc)
        lowers, norms = columns.lower[start:end].tolist(), columns.norm[start:end].tolist()
        # a plain loop: most calls read one sentence, too short for numpy to pay
        negations = [i for i, lower in enumerate(lowers, start) if lower in self.negations]
        for index in negations:
            token = doc[index]
            facts.append(Fact("negation", token.lower_, token.text, block))
        for index in (i for i, norm in enumerate(norms, start) if norm == self.citation):
            facts += [
                Fact("citation", str(number), f"[{number}]", block)
                for number in doc[index]._.citation
            ]
        return facts


def _normalise_quantity(span: Span) -> str:
    """One spelling per quantity: "200 - 400mg" and "200-400 mg" are the same fact."""
    out = ""
    glue = True
    for token in span:
        word = "-" if token.lower_ in ("\u2013", "to") else token.text
        if word not in UNITS:
            word = word.lower()
        tight = word in ("-", "/", "%")
        out += word if tight or glue else f" {word}"
        glue = word in ("-", "/")
    return out


def compare(
    canonical: Sequence[Fact], rendition: Sequence[Fact], lines: Sequence[int]
) -> FactsCheck:
    """Which canonical facts the rendition lost, block by block."""
    wanted = Counter((f.block, f.kind, f.value) for f in canonical)
    found = Counter((f.block, f.kind, f.value) for f in rendition)
    first: dict[tuple[int, str, str], Fact] = {}
    for fact in canonical:
        first.setdefault((fact.block, fact.kind, fact.value), fact)
    missing = tuple(
        MissingFact(first[key], lines[key[0]], count - found[key])
        for key, count in wanted.items()
        if found[key] < count
    )
    return FactsCheck(missing, sum(wanted.values()))
