"""The spaCy pipeline: built once from a blank English model, reused for every text.

Why blank: it loads offline in a fraction of a second from packages that
`requirements.txt` installs, and the trained pipelines are neither needed for
term matching nor available from the registry as official packages. Our own
components supply what we need on top of the tokenizer:

- the tokenizer keeps "[1]" whole, and `medrender_citations` merges "[2, 3]" and
  "[4-6]" into one token; either gets the NORM `<citation>`;
- `medrender_sentences` splits at full stops as spaCy's sentencizer does (the
  tokenizer keeps "e.g.", "et al.", "vs.", "t.i.d." and "72.5%" whole, so they never
  end a sentence) and keeps a citation that follows a full stop with the sentence
  it supports; a unit ending in a capital ("T2D.", "mmol/L.") gives its full stop back;
- `Normalizer` sets each word's `NORM` to its lower-cased lookup lemma, plus
  inflections that the glossary declares, so "Cytopenias" matches "cytopenia"
  although the lookup table is case-sensitive and lacks the word.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

import numpy
import spacy
from spacy.attrs import IS_PUNCT, LIKE_NUM, LOWER, NORM, ORTH, SENT_START
from spacy.language import Language
from spacy.lookups import load_lookups
from spacy.tokens import Doc, Span, Token
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from .article import citation_numbers

UNITS = (
    "mcg", "µg", "ug", "mg", "g", "kg", "ng", "pg", "mL", "ml", "dL", "dl", "L", "l",
    "mmol", "µmol", "umol", "mol", "mEq", "meq", "IU", "iU", "mIU", "µIU", "uIU", "U",
    "units", "unit",
    "mmHg", "cm", "mm", "m", "hr", "hrs", "h", "min", "mins", "s", "sec", "wk", "wks",
    "d", "mo", "y", "yr", "yrs",
)  # fmt: skip
LATIN_DOSING = (
    "q.d.", "b.i.d.", "t.i.d.", "q.i.d.", "p.r.n.", "q.h.s.", "p.o.", "i.v.", "i.m.",
    "s.c.", "q.o.d.", "a.c.", "p.c.", "h.s.",
)  # fmt: skip
EXTRA_ABBREVIATIONS = ("al.", "approx.", "ca.", "cf.", "Fig.", "fig.", "resp.", "incl.")
SENTENCE_END = frozenset(".!?")
CITATION_NORM = "<citation>"
TEXT_KEY = "medrender_text"
COLUMNS_KEY = "medrender_columns"
TOKENS_KEY = "medrender_tokens"  # Token objects point back at their Doc: drop them to free it
SINGLE_CITATION_OPEN = r"\[(?![0-9]{1,3}\](?![0-9A-Za-z]))"
SINGLE_CITATION_CLOSE = r"\](?<!^\[[0-9]\])(?<!^\[[0-9]{2}\])(?<!^\[[0-9]{3}\])"


def register_extensions() -> None:
    """Token attributes of ours; safe to call more than once."""
    if not Token.has_extension("citation"):
        Token.set_extension("citation", getter=_citation_of)


def _citation_of(token: Token) -> tuple[int, ...] | None:
    """A citation token's numbers, read from its text: "[2, 3]" -> (2, 3)."""
    return citation_numbers(token.text) if token.norm_ == CITATION_NORM else None


def is_single_citation(text: str) -> bool:
    """ "[1]": one cited source, the commonest citation; the tokenizer keeps it whole."""
    return 3 <= len(text) <= 5 and text[0] == "[" and text[-1] == "]" and text[1:-1].isdigit()


def _unit_infix() -> str:
    units = "|".join(sorted(UNITS, key=len, reverse=True))
    return rf"(?<=[0-9])(?=(?:{units})(?![A-Za-z]))"


@Language.factory("medrender_citations")
def make_citation_merger(nlp: Language, name: str) -> CitationMerger:
    return CitationMerger(nlp)


class CitationMerger:
    """Merges a citation of several numbers ("[2, 3]", "[4 - 6]") into one token; "[1]"
    is one token already (see `build_nlp`).

    A citation is "[", up to eight numbers of one to three digits joined by ",", "-" or
    an en dash, then "]". It is read off the token array from each "[" rather than by a
    `Matcher`: this runs on every text of every strategy step, and the pattern is a
    fixed walk of a few tokens.
    """

    MAX_NUMBERS = 8
    JOINERS = frozenset({",", "-", "\u2013"})

    def __init__(self, nlp: Language):
        register_extensions()
        self.bracket = nlp.vocab.strings.add("[")

    def __call__(self, doc: Doc) -> Doc:
        text = doc.user_data.get(TEXT_KEY)
        if text is not None and "[" not in text:
            return doc  # most sentences cite nothing; their tokens need not be read
        orth = doc.to_array(ORTH)
        opening = numpy.flatnonzero(orth == self.bracket)
        if not len(opening):
            return doc
        strings = doc.vocab.strings
        texts = [strings[o] for o in orth.tolist()]
        spans = []
        for start in opening.tolist():
            end = self._citation_end(texts, start)
            if end is not None and (not spans or start >= spans[-1][1]):
                spans.append((start, end))
        if not spans:
            return doc
        with doc.retokenize() as retokenizer:
            for start, end in spans:
                retokenizer.merge(doc[start:end], attrs={"NORM": CITATION_NORM})
        return doc

    def _citation_end(self, texts: list[str], start: int) -> int | None:
        """The token after the "]" closing a citation that opens at `start`, if it is one."""
        index = start + 1
        for count in range(1, self.MAX_NUMBERS + 1):
            if index >= len(texts) or not _is_citation_number(texts[index]):
                return None
            index += 1
            if index < len(texts) and texts[index] == "]":
                return index + 1
            if count == self.MAX_NUMBERS or index >= len(texts) or texts[index] not in self.JOINERS:
                return None
            index += 1
        return None


def _is_citation_number(text: str) -> bool:
    return text.isdigit() and len(text) <= 3


@Language.factory("medrender_sentences")
def make_sentence_splitter(nlp: Language, name: str) -> SentenceSplitter:
    return SentenceSplitter(nlp)


class SentenceSplitter:
    """spaCy's sentencizer rule: a sentence ends at ".", "!" or "?" and the punctuation
    right after it; the next other token starts a new one. Then a citation right after a
    full stop ("fell. [4]") stays with the sentence it supports. Read off token arrays,
    without a Token object per word, which was most of the cost."""

    def __init__(self, nlp: Language):
        self.ends = frozenset(nlp.vocab.strings.add(c) for c in SENTENCE_END)
        self.citation = nlp.vocab.strings.add(CITATION_NORM)

    def __call__(self, doc: Doc) -> Doc:
        length = len(doc)
        if not length:
            return doc
        table = doc.to_array([ORTH, IS_PUNCT, NORM, LOWER, LIKE_NUM]).reshape(-1, 5).T
        orth, punct, norm = table[:3].tolist()
        starts = [-1] * length
        starts[0] = 1
        after_end = False
        for index, word in enumerate(orth):
            if word in self.ends:
                after_end = True
            elif not punct[index] and after_end:
                after_end = False
                if norm[index] == self.citation and orth[index - 1] in self.ends:
                    if index + 1 < length:
                        starts[index + 1] = 1
                else:
                    starts[index] = 1
        sent_start = numpy.array(starts, dtype=numpy.int64).astype(numpy.uint64)
        doc.from_array([SENT_START], sent_start)
        # the last component: what `token_columns` would copy out again is at hand
        orth_ids, _, norm_ids, lower, like_num = table
        doc.user_data[COLUMNS_KEY] = TokenColumns(orth_ids, lower, norm_ids, like_num, sent_start)
        return doc


OPENING_PUNCTUATION = frozenset("([{")


def splits_between(first: Doc, second: Doc) -> bool:
    """Whether the pipeline, given `first`, one space and `second` as one text, would
    make the same tokens and start a sentence exactly at `second`: the rule of
    `SentenceSplitter`, read off both ends. The tokenizer splits at spaces first, so
    each side keeps its tokens; `first` must close a sentence (an end mark, then
    punctuation only, none of it opening a bracket), and `second` must open with a
    word, not with punctuation or a citation that would join the sentence before."""
    return starts_after(how_it_closes(first), how_it_opens(second))


# How a Doc ends and begins, for `splits_between` (kept per piece by the analyser).
OPEN_SENTENCE, ON_END_MARK, AFTER_END_MARK = 0, 1, 2
WITH_PUNCTUATION, WITH_CITATION, WITH_WORD = 0, 1, 2


def how_it_closes(doc: Doc) -> int:
    if not len(doc) or doc[-1].text in OPENING_PUNCTUATION:
        return OPEN_SENTENCE
    for token in reversed(doc):
        if token.text in SENTENCE_END:
            return ON_END_MARK if token.i == len(doc) - 1 else AFTER_END_MARK
        if not token.is_punct:
            return OPEN_SENTENCE
    return OPEN_SENTENCE


def how_it_opens(doc: Doc) -> int:
    if not len(doc) or doc[0].is_punct:
        return WITH_PUNCTUATION
    return WITH_CITATION if doc[0].norm_ == CITATION_NORM else WITH_WORD


def starts_after(closing: int, opening: int) -> bool:
    """A citation right after an end mark joins the sentence it supports."""
    if closing == OPEN_SENTENCE or opening == WITH_PUNCTUATION:
        return False
    return opening == WITH_WORD or closing == AFTER_END_MARK


def tokens_between(doc: Doc, start: int, end: int) -> list[Token]:
    """Tokens [start, end) of the Doc, each made once: iterating a Span makes new Token
    objects every time, and the strategies walk the same sentences many times. Every
    token of the Doc is made on the first call: most Docs read are one sentence, and
    finding which tokens of a range are still to be made cost more than making them."""
    made = doc.user_data.get(TOKENS_KEY)
    if made is None:
        made = doc.user_data[TOKENS_KEY] = list(doc)
    return made[start:end]


@dataclass(frozen=True)
class TokenColumns:
    """Token attributes of a finished Doc as arrays, for code that reads many tokens."""

    orth: numpy.ndarray
    lower: numpy.ndarray
    norm: numpy.ndarray
    like_num: numpy.ndarray
    sent_start: numpy.ndarray


def token_columns(doc: Doc) -> TokenColumns:
    """One `Doc.to_array` per Doc: each call copies every token, and analysis, facts and
    sentence bounds each read a sentence at a time. Only for a Doc past the pipeline."""
    columns = doc.user_data.get(COLUMNS_KEY)
    if columns is None:
        table = doc.to_array([ORTH, LOWER, NORM, LIKE_NUM, SENT_START]).reshape(-1, 5)
        columns = doc.user_data[COLUMNS_KEY] = TokenColumns(*table.T)
    return columns


def text_of(doc: Doc) -> str:
    """`Doc.text` joins every token on each call; rendering asks for it often."""
    data = doc.user_data
    text = data.get(TEXT_KEY)
    if text is None:
        text = data[TEXT_KEY] = doc.text
    return text


def span_text(span: Span) -> str:
    """`Span.text` makes a Token object per token; a slice of the Doc's text does not.
    The text is read as `text_of` would, without its call: rules ask this very often."""
    doc = span.doc
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = text_of(doc)
    return text[span.start_char : span.end_char]


def is_citation(token: Token) -> bool:
    """Cheaper than reading `token._.citation` where the numbers are not needed."""
    return token.norm_ == CITATION_NORM


class Normalizer:
    """NORM is the lower-cased lemma, glossary inflections first ("Cytopenias" -> "cytopenia").

    It is installed as the vocabulary's NORM getter, so each distinct word is
    normalised once when first seen, not once per token.
    """

    # The lookup table maps these to other words ("as" -> "a"), which would
    # let a pattern containing one match the other.
    KEEP_AS_IS: ClassVar[dict[str, str]] = {"as": "as", "'s": "'s", "us": "us", "data": "data"}

    def __init__(self, inflections: Mapping[str, str] | None = None) -> None:
        self.table = load_lookups("en", ["lemma_lookup"]).get_table("lemma_lookup")
        self.inflections: dict[str, str] = {**self.KEEP_AS_IS, **(inflections or {})}

    def norm(self, text: str) -> str:
        if is_single_citation(text):
            return CITATION_NORM
        lower = text.lower()
        found = self.inflections.get(lower)
        if found is not None:
            return found
        return self.table.get(lower, lower)

    def install(self, nlp: Language) -> None:
        nlp.vocab.lex_attr_getters[NORM] = self.norm
        for lexeme in nlp.vocab:
            lexeme.norm_ = self.norm(lexeme.orth_)


def build_nlp(inflections: Mapping[str, str] | None = None) -> Language:
    """The one pipeline of the service. Build it once per process and reuse it."""
    register_extensions()
    nlp = spacy.blank("en")
    Normalizer(inflections).install(nlp)
    infixes = [*nlp.Defaults.infixes, _unit_infix()]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    # "T2D." and "QoL." end a sentence: split the full stop off a word ending in a capital.
    # "mmol/L." too, and "2 L.": litres, no initial (one pattern: each costs every token)
    suffixes = [*nlp.Defaults.suffixes, r"(?:(?<=[A-Za-z0-9/][A-Z])|(?<=^L))\."]
    # "[1]" stays one token: "[" is no prefix before "1]", "]" no suffix after "[1".
    prefixes = [SINGLE_CITATION_OPEN if p == r"\[" else p for p in nlp.Defaults.prefixes]
    suffixes = [SINGLE_CITATION_CLOSE if p == r"\]" else p for p in suffixes]
    nlp.tokenizer.prefix_search = compile_prefix_regex(prefixes).search
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    for abbreviation in (*LATIN_DOSING, *EXTRA_ABBREVIATIONS):
        nlp.tokenizer.add_special_case(abbreviation, [{"ORTH": abbreviation}])
    # spaCy keeps "g." whole (a letter as initial); in our text it is a unit that ends a
    # sentence ("200 mg/g."), and "g." would hide the unit from the facts check.
    nlp.tokenizer.rules = {
        text: tokens
        for text, tokens in nlp.tokenizer.rules.items()
        if not (len(text) == 2 and text[0].islower() and text[1] == ".")
        and text != "L."  # "4.5 mIU/L." once a split ends the sentence there: litres, no initial
    }
    nlp.add_pipe("medrender_citations")
    nlp.add_pipe("medrender_sentences")
    return nlp
