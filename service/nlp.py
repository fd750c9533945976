"""The spaCy pipeline: built once from a blank English model, reused for every text.

Why blank: it loads offline in a fraction of a second from packages that
`requirements.txt` installs, and the trained pipelines are neither needed for
term matching nor available from the registry as official packages. Our own
components supply what we need on top of the tokenizer:

- `medrender_citations` merges "[1]", "[2, 3]" and "[4-6]" into one token;
- `medrender_sentences` splits sentences without breaking "e.g.", "et al.",
  "vs.", "72.5%" or a citation that follows the full stop;
- `medrender_norm` sets `NORM` (and `LEMMA`) from the lower-cased lookup lemma,
  plus inflections that the glossary declares, so "Cytopenias" matches
  "cytopenia" although the lookup table is case-sensitive and lacks the word.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import ClassVar

import spacy
from spacy.language import Language
from spacy.lookups import load_lookups
from spacy.matcher import Matcher
from spacy.tokens import Doc, Token
from spacy.util import compile_infix_regex, compile_suffix_regex, filter_spans

from .article import citation_numbers

UNITS = (
    "mcg", "µg", "ug", "mg", "g", "kg", "ng", "pg", "mL", "ml", "dL", "dl", "L", "l",
    "mmol", "µmol", "umol", "mol", "mEq", "meq", "IU", "iU", "U", "units", "unit",
    "mmHg", "cm", "mm", "m", "hr", "hrs", "h", "min", "mins", "s", "sec", "wk", "wks",
    "d", "mo", "y", "yr", "yrs",
)  # fmt: skip
LATIN_DOSING = (
    "q.d.", "b.i.d.", "t.i.d.", "q.i.d.", "p.r.n.", "q.h.s.", "p.o.", "i.v.", "i.m.",
    "s.c.", "q.o.d.", "a.c.", "p.c.", "h.s.",
)  # fmt: skip
EXTRA_ABBREVIATIONS = ("al.", "approx.", "ca.", "cf.", "Fig.", "fig.", "resp.", "incl.")
SENTENCE_END = frozenset(".!?")
CLOSERS = frozenset(")]\"'\u201d\u2019")
CITATION_NORM = "<citation>"


def register_extensions() -> None:
    """Token attributes of ours; safe to call more than once."""
    if not Token.has_extension("citation"):
        Token.set_extension("citation", default=None)


def _unit_infix() -> str:
    units = "|".join(sorted(UNITS, key=len, reverse=True))
    return rf"(?<=[0-9])(?=(?:{units})(?![A-Za-z]))"


@Language.factory("medrender_citations")
def make_citation_merger(nlp: Language, name: str) -> CitationMerger:
    return CitationMerger(nlp)


class CitationMerger:
    """Merges bracketed citation numbers into one token that carries the numbers."""

    MAX_NUMBERS = 8

    def __init__(self, nlp: Language):
        register_extensions()
        self.matcher = Matcher(nlp.vocab)
        number = {"TEXT": {"REGEX": r"^\d{1,3}$"}}
        joiner = {"ORTH": {"IN": [",", "-", "\u2013"]}}
        for count in range(1, self.MAX_NUMBERS + 1):
            inner = [number]
            for _ in range(count - 1):
                inner += [joiner, number]
            self.matcher.add("CITATION", [[{"ORTH": "["}, *inner, {"ORTH": "]"}]])

    def __call__(self, doc: Doc) -> Doc:
        spans = filter_spans(self.matcher(doc, as_spans=True))
        if not spans:
            return doc
        with doc.retokenize() as retokenizer:
            for span in spans:
                retokenizer.merge(span, attrs={"NORM": CITATION_NORM})
        for token in doc:
            if token.norm_ == CITATION_NORM:
                token._.citation = citation_numbers(token.text)
        return doc


@Language.factory("medrender_sentences")
def make_sentence_splitter(nlp: Language, name: str) -> SentenceSplitter:
    return SentenceSplitter()


class SentenceSplitter:
    """Full stops end sentences; abbreviations that keep their dot ("e.g.") do not.

    A citation, closing bracket or quote right after the full stop stays with
    the sentence it closes.
    """

    def __call__(self, doc: Doc) -> Doc:
        pending = False
        for index, token in enumerate(doc):
            if index == 0:
                token.is_sent_start = True
            elif pending and not _closes(token) and not token.is_space:
                token.is_sent_start = True
                pending = False
            else:
                token.is_sent_start = False
            if token.text in SENTENCE_END or _is_etc(token):
                pending = True
        return doc


def _closes(token: Token) -> bool:
    return token.text in CLOSERS or token.norm_ == CITATION_NORM


def _is_etc(token: Token) -> bool:
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return token.lower_ == "etc." and following is not None and following.is_title


@Language.factory("medrender_norm")
def make_normalizer(nlp: Language, name: str) -> Normalizer:
    return Normalizer()


class Normalizer:
    """Sets NORM and LEMMA to the lower-cased lemma, glossary inflections first."""

    # The lookup table maps these to other words ("as" -> "a"), which would
    # let a pattern containing one match the other.
    KEEP_AS_IS: ClassVar[dict[str, str]] = {"as": "as", "'s": "'s", "us": "us", "data": "data"}

    def __init__(self) -> None:
        self.table = load_lookups("en", ["lemma_lookup"]).get_table("lemma_lookup")
        self.inflections: dict[str, str] = dict(self.KEEP_AS_IS)

    def add_inflections(self, inflections: Mapping[str, str]) -> None:
        self.inflections.update(inflections)

    def lemma(self, lower: str) -> str:
        found = self.inflections.get(lower)
        if found is not None:
            return found
        return self.table.get(lower, lower)

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            if token.norm_ == CITATION_NORM:
                continue
            lemma = self.lemma(token.lower_)
            token.norm_ = lemma
            token.lemma_ = lemma
        return doc


def build_nlp(inflections: Mapping[str, str] | None = None) -> Language:
    """The one pipeline of the service. Build it once per process and reuse it."""
    register_extensions()
    nlp = spacy.blank("en")
    infixes = [*nlp.Defaults.infixes, _unit_infix()]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    # "T2D." and "QoL." end a sentence: split the full stop off a word ending in a capital.
    suffixes = [*nlp.Defaults.suffixes, r"(?<=[A-Za-z0-9][A-Z])\."]
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    for abbreviation in (*LATIN_DOSING, *EXTRA_ABBREVIATIONS):
        nlp.tokenizer.add_special_case(abbreviation, [{"ORTH": abbreviation}])
    nlp.add_pipe("medrender_citations")
    nlp.add_pipe("medrender_sentences")
    normalizer = nlp.add_pipe("medrender_norm")
    if inflections:
        normalizer.add_inflections(inflections)
    return nlp


def sentences(nlp: Language, texts: Iterable[str]) -> list[list[str]]:
    """Sentence texts of each text, for callers that need no tokens."""
    return [[sent.text for sent in doc.sents] for doc in nlp.pipe(texts)]
