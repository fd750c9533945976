"""Analyse an article once: one spaCy pass over its blocks, then every audience reuses it.

The analysis holds, per block, the Doc, the glossary mentions, the voice phrases
any audience may rewrite, and the facts the renditions must keep. Blocks are
piped separately, so a list lead-in ending in ":" never merges with its first
item into one sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, partial
from itertools import pairwise

import numpy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .article import Article, Block
from .audience import Audiences
from .facts import Fact, FactFinder
from .glossary import Entry, Glossary, TermMatch, TermMatcher
from .nlp import (
    CITATION_NORM,
    TEXT_KEY,
    TOKENS_KEY,
    how_it_closes,
    how_it_opens,
    span_text,
    starts_after,
    text_of,
    token_columns,
)
from .readability import SentenceScore, is_read, score_sentence

TITLE = -1
RECENT_TEXTS = 4096
RECENT_PIECES = 16384


@dataclass(frozen=True)
class TextAnalysis:
    """A canonical text (a block or the title) after the pipeline: its Doc, mentions,
    voice phrases and facts."""

    doc: Doc
    terms: tuple[TermMatch, ...]
    voice: tuple[Span, ...]
    facts: tuple[Fact, ...]

    @property
    def text(self) -> str:
        return text_of(self.doc)

    @cached_property
    def sentences(self) -> tuple[tuple[Span, tuple[str, ...]], ...]:
        """Each sentence with the words a reader reads in it; computed once, then reused
        by every strategy step and score."""
        doc = self.doc
        if not len(doc):
            return ()
        # Token arrays, not Token objects: a Doc can hold a long paragraph.
        columns = token_columns(doc)
        orth, norm, starts = columns.orth, columns.norm, columns.sent_start
        strings = doc.vocab.strings
        texts = [strings[o] for o in orth.tolist()]
        citation = strings[CITATION_NORM]
        read = [is_read(t) and n != citation for t, n in zip(texts, norm.tolist(), strict=True)]
        return tuple(
            (doc[a:b], tuple(t for t, r in zip(texts[a:b], read[a:b], strict=True) if r))
            for a, b in sentence_bounds(starts, len(doc))
        )

    @property
    def sentence_offsets(self) -> tuple[int, ...]:
        """Where each sentence's Doc starts in the text: one Doc for all of it here."""
        return (0,) * len(self.sentences)

    @cached_property
    def sentence_lowers(self) -> tuple[frozenset[str], ...]:
        """Per sentence, its lower-case tokens (punctuation too): a strategy skips a long
        sentence with none of its trigger words without walking its tokens."""
        strings = self.doc.vocab.strings
        lowers = [strings[o] for o in token_columns(self.doc).lower.tolist()]
        return tuple(frozenset(lowers[s.start : s.end]) for s, _ in self.sentences)

    @cached_property
    def lowers(self) -> frozenset[str]:
        """The lower-case words of the text: lets a strategy skip a block it cannot change."""
        return frozenset().union(*self.sentence_lowers)

    def sentence_scores(self, lang: str) -> tuple[SentenceScore, ...]:
        """Per-sentence scores, computed once per language for this text."""
        cache = self.__dict__.setdefault("_scores", {})
        if lang not in cache:
            cache[lang] = tuple(
                score_sentence(span_text(sentence), words, lang)
                for sentence, words in self.sentences
            )
        return cache[lang]


@dataclass(frozen=True)
class Piece:
    """Whole sentences of a rendition text (most often one), piped on their own: a
    strategy step changes a sentence or two of a paragraph, and the others need no new
    pass through the pipeline. Findings are on token offsets of this Doc."""

    doc: Doc
    sentences: tuple[tuple[int, int, str, SentenceFindings], ...]

    @cached_property
    def closes(self) -> int:
        return how_it_closes(self.doc)

    @cached_property
    def opens(self) -> int:
        return how_it_opens(self.doc)

    @cached_property
    def spans(self) -> tuple[tuple[Span, tuple[str, ...]], ...]:
        """Each sentence's Span and read words, made once however many texts hold it."""
        return tuple((self.doc[a:b], found.words) for a, b, _, found in self.sentences)


@dataclass(frozen=True)
class PiecedText:
    """A rendition text as its pieces, each at its character offset in the text. It
    answers what the strategies, scores and facts check ask of a `TextAnalysis`; a
    sentence's Span belongs to its piece's Doc, so its offsets in the text are the
    piece's offset plus the Span's own."""

    text: str
    pieces: tuple[tuple[int, Piece], ...]
    voice: tuple[Span, ...] = ()

    @cached_property
    def _known(self) -> tuple[tuple[int, Doc, int, int, str, SentenceFindings], ...]:
        return tuple(
            (offset, piece.doc, a, b, text, found)
            for offset, piece in self.pieces
            for a, b, text, found in piece.sentences
        )

    @cached_property
    def sentences(self) -> tuple[tuple[Span, tuple[str, ...]], ...]:
        return tuple(sentence for _, piece in self.pieces for sentence in piece.spans)

    @cached_property
    def sentence_offsets(self) -> tuple[int, ...]:
        return tuple(offset for offset, *_ in self._known)

    @cached_property
    def sentence_lowers(self) -> tuple[frozenset[str], ...]:
        return tuple(found.lowers for *_, found in self._known)

    @cached_property
    def lowers(self) -> frozenset[str]:
        return frozenset().union(*self.sentence_lowers)

    @cached_property
    def terms(self) -> tuple[TermMatch, ...]:
        return tuple(
            TermMatch(doc[a + start : a + end], entry, paired)
            for _, doc, a, _, _, found in self._known
            for start, end, entry, paired in found.terms
        )

    @cached_property
    def facts(self) -> tuple[Fact, ...]:
        return tuple(fact for *_, found in self._known for fact in found.facts)

    def sentence_scores(self, lang: str) -> tuple[SentenceScore, ...]:
        """Per-sentence scores, gathered once per language: an unchanged block is scored
        again after every strategy step."""
        cache = self.__dict__.setdefault("_scores", {})
        if lang not in cache:
            cache[lang] = tuple(found.score(text, lang) for *_, text, found in self._known)
        return cache[lang]


Analysed = TextAnalysis | PiecedText


# A full stop, "!" or "?", any closing marks, one space, then a capital: where a sentence
# most often ends. Only a first cut: the pipeline's tokens decide (`nlp.splits_between`).
SENTENCE_CUT = re.compile(r"[.!?][)\]\"'\u201d\u2019]* (?=[A-Z])")


def candidate_pieces(text: str) -> list[tuple[int, int]]:
    """Character ranges of `text` cut at each likely sentence end, the space left out."""
    ranges = []
    start = 0
    for match in SENTENCE_CUT.finditer(text):
        ranges.append((start, match.end() - 1))
        start = match.end()
    ranges.append((start, len(text)))
    return ranges


def sentence_bounds(starts: numpy.ndarray, length: int) -> list[tuple[int, int]]:
    """Token ranges of the sentences, from a Doc's SENT_START array."""
    bounds = [*numpy.flatnonzero(starts == 1).tolist(), length]
    if bounds[0] != 0:
        bounds.insert(0, 0)
    return list(pairwise(bounds))


# A sentence's terms (token offsets from its start, entry, paired) and facts.
SentenceTermsAndFacts = tuple[tuple[tuple[int, int, Entry, bool], ...], tuple[Fact, ...]]


@dataclass(frozen=True)
class SentenceFindings:
    """What analysis finds in one sentence, on token offsets from the sentence's start,
    so the same sentence in a new version of its paragraph is not analysed again.

    Terms and facts are looked for on first use: a lay audience's first render is
    scored, but its facts are checked only if no strategy follows, and most of its
    sentences change in the next step. The facts check asks for facts alone
    (`find_facts`), which need the terms only where a drug may be named."""

    words: tuple[str, ...]
    lowers: frozenset[str]
    find: Callable[[], SentenceTermsAndFacts] = field(compare=False, repr=False)
    find_facts: Callable[[], tuple[Fact, ...]] = field(compare=False, repr=False)
    scores: dict[str, SentenceScore] = field(default_factory=dict, compare=False)

    @cached_property
    def _found(self) -> SentenceTermsAndFacts:
        return self.find()

    @property
    def terms(self) -> tuple[tuple[int, int, Entry, bool], ...]:
        return self._found[0]

    @cached_property
    def facts(self) -> tuple[Fact, ...]:
        if "_found" in self.__dict__:
            return self._found[1]
        return self.find_facts()

    def score(self, text: str, lang: str) -> SentenceScore:
        """The sentence's score in `lang`, worked out once."""
        found = self.scores.get(lang)
        if found is None:
            found = self.scores[lang] = score_sentence(text, self.words, lang)
        return found


@dataclass(frozen=True)
class Analysis:
    article: Article
    title: TextAnalysis
    blocks: tuple[TextAnalysis, ...]
    # rendered blocks by what their rendering reads (see `render._rendered_block`)
    rendered: dict[tuple, tuple] = field(default_factory=dict, compare=False, repr=False)

    @property
    def lines(self) -> list[int]:
        return [block.line for block in self.article.blocks]

    @property
    def facts(self) -> list[Fact]:
        return [fact for block in self.blocks for fact in block.facts]


class Analyser:
    """Owns the pipeline and its matchers; build once, analyse many articles."""

    def __init__(self, nlp: Language, glossary: Glossary, audiences: Audiences):
        self.nlp = nlp
        self.glossary = glossary
        self.terms = TermMatcher(nlp, glossary)
        self.facts = FactFinder(nlp)
        self.voice = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._recent: dict[tuple, Analysed] = {}
        self._pieces: dict[tuple[str, int], Piece] = {}
        # per word (its ORTH id), its text if a reader reads it (see `is_read`), else ""
        self._read: dict[int, str] = {}
        # per string id, its text: the vocabulary decodes a new str on every lookup
        self._texts: dict[int, str] = {}
        for audience in audiences:
            for rule in audience.voice:
                self.voice.add(rule.phrase.lower(), [nlp.make_doc(rule.phrase)])

    def analyse(self, article: Article) -> Analysis:
        title, *blocks = self.analyse_texts(
            [article.title, *(block.text for block in article.blocks)],
            [TITLE, *range(len(article.blocks))],
            [None, *article.blocks],
        )
        return Analysis(article, title, tuple(blocks))

    def analyse_texts(
        self,
        texts: Sequence[str],
        sources: Sequence[int],
        blocks: Sequence[Block | None],
    ) -> list[Analysed]:
        """Analyse texts, each kind in one `nlp.pipe` pass; `sources` are the canonical
        block indices. A text with its `Block`, or the title, is canonical and piped
        whole; others are rendition texts, analysed as pieces (see `Piece`).

        Renditions are re-analysed after every strategy, and most of their blocks
        have not changed since the last pass: those come from a small cache.
        """
        # a canonical text and a rendition text can be equal, but are analysed apart
        keys = [
            (text, source, block.links if block else (), block is None and source != TITLE)
            for text, source, block in zip(texts, sources, blocks, strict=True)
        ]
        # kept in `found`, not read back from the cache: remembering new texts may evict
        # the oldest entries, which can be this call's own cache hits
        found: list[Analysed | None] = [self._recent.get(key) for key in keys]
        missing = [i for i, analysed in enumerate(found) if analysed is None]
        rendered = [i for i in missing if keys[i][-1]]
        canonical = [i for i in missing if not keys[i][-1]]
        # `nlp.pipe` costs even with nothing to pipe, and most calls here find every text
        if canonical:
            docs = self.nlp.pipe([texts[i] for i in canonical])
            for i, doc in zip(canonical, docs, strict=True):
                doc.user_data[TEXT_KEY] = texts[i]  # the tokenizer keeps every character
                found[i] = self._analyse_doc(doc, sources[i], blocks[i])
        if rendered:
            pieced = self._pieced([texts[i] for i in rendered], [sources[i] for i in rendered])
            for i, analysed in zip(rendered, pieced, strict=True):
                found[i] = analysed
        for i in missing:
            self._remember(keys[i], found[i])  # type: ignore[arg-type]
        return found  # type: ignore[return-value]

    def forget(self) -> None:
        """Drop the caches of recent texts and pieces (benchmarks measure cold runs)."""
        for analysed in self._recent.values():
            if isinstance(analysed, TextAnalysis):
                _let_go(analysed.doc)
        for piece in self._pieces.values():
            _let_go(piece.doc)
        self._recent.clear()
        self._pieces.clear()

    def _remember(self, key: tuple, analysed: Analysed) -> None:
        self._recent[key] = analysed
        while len(self._recent) > RECENT_TEXTS:
            oldest = self._recent.pop(next(iter(self._recent)))
            if isinstance(oldest, TextAnalysis):
                _let_go(oldest.doc)

    def _pieced(self, texts: Sequence[str], sources: Sequence[int]) -> list[PiecedText]:
        """Rendition texts cut where a sentence ends (see `candidate_pieces`), each new
        piece piped once. Two pieces the pipeline would not split between, as one text
        (after "e.g." or "Dr."), are joined and piped again until every cut holds, so
        the sentences are exactly those of a pass over the whole text."""
        cuts = [candidate_pieces(text) for text in texts]
        while True:
            self._pipe_pieces(
                [(texts[k][a:b], sources[k]) for k, ranges in enumerate(cuts) for a, b in ranges]
            )
            joined = [
                self._join_unsplit(texts[k], sources[k], ranges) for k, ranges in enumerate(cuts)
            ]
            if joined == cuts:
                break
            cuts = joined
        pieced = [
            PiecedText(text, tuple((a, self._pieces[(text[a:b], source)]) for a, b in ranges))
            for text, source, ranges in zip(texts, sources, cuts, strict=True)
        ]
        while len(self._pieces) > RECENT_PIECES:  # after the call: it may use the oldest
            _let_go(self._pieces.pop(next(iter(self._pieces))).doc)
        return pieced

    def _pipe_pieces(self, wanted: Sequence[tuple[str, int]]) -> None:
        new = list(dict.fromkeys(key for key in wanted if key not in self._pieces))
        if not new:
            return
        docs = [self.nlp.make_doc(text) for text, _ in new]
        for doc, (text, _) in zip(docs, new, strict=True):
            doc.user_data[TEXT_KEY] = text  # known before the components run (see nlp.py)
        for (text, source), doc in zip(new, self.nlp.pipe(docs), strict=True):
            self._pieces[(text, source)] = self._piece(doc, source)

    def _join_unsplit(
        self, text: str, source: int, ranges: list[tuple[int, int]]
    ) -> list[tuple[int, int]]:
        """Each cut the pipeline would not split at joined; a joined piece is judged
        against the next in the following round, once it has been piped."""
        joined = ranges[:1]
        for a, b in ranges[1:]:
            start, end = joined[-1]
            before = self._pieces.get((text[start:end], source))
            after = self._pieces[(text[a:b], source)]
            if before is None or starts_after(before.closes, after.opens):
                joined.append((a, b))
            else:
                joined[-1] = (start, b)
        return joined

    def _piece(self, doc: Doc, index: int) -> Piece:
        text = text_of(doc)
        sentences = []
        for start, end in sentence_bounds(token_columns(doc).sent_start, len(doc)):
            span = doc[start:end]
            found = self._sentence_findings(doc, start, end, index)
            sentences.append((start, end, text[span.start_char : span.end_char], found))
        return Piece(doc, tuple(sentences))

    def _analyse_doc(self, doc: Doc, index: int, block: Block | None) -> TextAnalysis:
        terms, facts = self._find(doc, 0, len(doc), index, _link_tokens(doc, block))
        return TextAnalysis(doc, terms, self._voice(doc, terms), facts)

    def _find(
        self, doc: Doc, start: int, end: int, index: int, protected: frozenset[int]
    ) -> tuple[tuple[TermMatch, ...], tuple[Fact, ...]]:
        """Terms and facts in tokens [start, end) of `doc`."""
        quantities = self.facts.quantities(doc, start, end)
        protected = frozenset(t.i for span in quantities for t in span) | protected
        terms = tuple(self.terms.find(doc[start:end], protected))
        facts = tuple(self.facts.extract(doc, terms, index, quantities, start, end))
        return terms, facts

    def _voice(self, doc: Doc, terms: Sequence[TermMatch]) -> tuple[Span, ...]:
        """Phrases an audience's voice rules rewrite, outside glossary terms. Only the
        canonical text is rendered, so renditions are not searched for them."""
        taken = {t.i for match in terms for t in match.span}
        after_a_drug = _drug_name_ends(terms)
        return tuple(
            span
            for span in filter_spans(self.voice(doc, as_spans=True))
            if not any(t.i in taken for t in span) and span.start not in after_a_drug
        )

    def _sentence_findings(self, doc: Doc, start: int, end: int, index: int) -> SentenceFindings:
        strings = doc.vocab.strings
        citation = strings[CITATION_NORM]
        columns = token_columns(doc)
        texts = self._texts
        lowers = set()
        for o in columns.lower[start:end].tolist():
            text = texts.get(o)
            if text is None:
                text = texts[o] = strings[o]
            lowers.add(text)
        read = self._read
        words = []
        orth, norm = columns.orth[start:end].tolist(), columns.norm[start:end].tolist()
        for o, n in zip(orth, norm, strict=True):
            text = read.get(o)
            if text is None:
                text = read[o] = strings[o] if is_read(strings[o]) else ""
            if text and n != citation:
                words.append(text)
        return SentenceFindings(
            tuple(words),
            frozenset(lowers),
            partial(self._sentence_terms_and_facts, doc, start, end, index),
            partial(self._sentence_facts, doc, start, end, index),
        )

    def _sentence_terms_and_facts(
        self, doc: Doc, start: int, end: int, index: int
    ) -> SentenceTermsAndFacts:
        terms, facts = self._find(doc, start, end, index, frozenset())
        relative = [(m.span.start - start, m.span.end - start, m.entry, m.paired) for m in terms]
        return tuple(relative), facts

    def _sentence_facts(self, doc: Doc, start: int, end: int, index: int) -> tuple[Fact, ...]:
        """The facts of `_sentence_terms_and_facts`; of its terms, only drugs are facts."""
        if self.terms.may_name_a_drug(doc, start, end):
            return self._find(doc, start, end, index, frozenset())[1]
        quantities = self.facts.quantities(doc, start, end)
        return tuple(self.facts.extract(doc, (), index, quantities, start, end))


def _let_go(doc: Doc) -> None:
    """Break the Doc's cycle with its remembered Token objects, so reference counting frees
    it at once instead of a later full garbage collection."""
    doc.user_data.pop(TOKENS_KEY, None)


def _link_tokens(doc: Doc, block: Block | None) -> frozenset[int]:
    if block is None:
        return frozenset()
    indices: set[int] = set()
    for link in block.links:
        span = doc.char_span(link.start, link.end, alignment_mode="expand")
        if span is not None:
            indices.update(t.i for t in span)
    return frozenset(indices)


def _drug_name_ends(terms: Sequence[TermMatch]) -> frozenset[int]:
    """ "adalimumab patients": after a drug's name the voice word is a noun's head, the
    drug says which patients; "adalimumab people" reads as nonsense, so it stays."""
    return frozenset(match.span.end for match in terms if match.entry.is_drug)
