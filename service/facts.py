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
from spacy.matcher import Matcher
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


class FactFinder:
    """Token patterns for quantities; glossary matches for drugs; token flags for the rest."""

    def __init__(self, nlp: Language):
        number = {"LIKE_NUM": True, "IS_ALPHA": False}
        dash = {"ORTH": {"IN": ["-", "\u2013", "to"]}}
        unit = {"ORTH": {"IN": [*UNITS, "%", *TIME_UNITS]}}
        per = {"ORTH": "/"}
        self.matcher = Matcher(nlp.vocab)
        shapes = [
            [number],
            [number, unit],
            [number, unit, per, unit],
            [number, unit, per, unit, per, unit],
            [number, dash, number],
            [number, dash, number, unit],
            [number, dash, number, unit, per, unit],
            [number, unit, dash, number, unit],
        ]
        self.matcher.add("QUANTITY", shapes)
        self.negations = numpy.array([nlp.vocab.strings.add(word) for word in NEGATIONS])
        self.citation = nlp.vocab.strings.add(CITATION_NORM)

    def quantities(self, doc: Doc) -> list[Span]:
        if not token_columns(doc).like_num.any():
            return []
        return filter_spans(self.matcher(doc, as_spans=True))

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
        lowers, norms = columns.lower[start:end], columns.norm[start:end]
        negated = lowers == self.negations[0]
        for word in self.negations[1:]:  # faster than `numpy.isin` on a short Doc
            negated |= lowers == word
        for index in numpy.flatnonzero(negated):
            token = doc[start + int(index)]
            facts.append(Fact("negation", token.lower_, token.text, block))
        for index in numpy.flatnonzero(norms == self.citation):
            facts += [
                Fact("citation", str(number), f"[{number}]", block)
                for number in doc[start + int(index)]._.citation
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
