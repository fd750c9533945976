"""Analyse an article once: one spaCy pass over its blocks, then every audience reuses it.

The analysis holds, per block, the Doc, the glossary mentions, the voice phrases
any audience may rewrite, and the facts the renditions must keep. Blocks are
piped separately, so a list lead-in ending in ":" never merges with its first
item into one sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
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
from .nlp import CITATION_NORM, TEXT_KEY, TOKENS_KEY, span_text, token_columns
from .readability import SentenceScore, is_read, score_sentence

TITLE = -1
RECENT_TEXTS = 4096
RECENT_SENTENCES = 16384


@dataclass(frozen=True)
class TextAnalysis:
    """One block's text after the pipeline: its Doc, mentions, voice phrases (canonical
    text only) and facts."""

    doc: Doc
    terms: tuple[TermMatch, ...]
    voice: tuple[Span, ...]
    facts: tuple[Fact, ...]
    # Per sentence, its token range, text and findings, when the analyser knows them.
    known_sentences: tuple[tuple[int, int, str, SentenceFindings], ...] | None = None

    @cached_property
    def sentences(self) -> tuple[tuple[Span, tuple[str, ...]], ...]:
        """Each sentence with the words a reader reads in it; computed once, then reused
        by every strategy step and score."""
        doc = self.doc
        if self.known_sentences is not None:
            return tuple((doc[a:b], found.words) for a, b, _, found in self.known_sentences)
        if not len(doc):
            return ()
        # Token arrays, not Token objects: this runs for every new text of every strategy step.
        columns = token_columns(doc)
        orth, norm, starts = columns.orth, columns.norm, columns.sent_start
        strings = doc.vocab.strings
        texts = [strings[o] for o in orth.tolist()]
        read = [
            is_read(t) and n != self._citation for t, n in zip(texts, norm.tolist(), strict=True)
        ]
        return tuple(
            (doc[a:b], tuple(t for t, r in zip(texts[a:b], read[a:b], strict=True) if r))
            for a, b in sentence_bounds(starts, len(doc))
        )

    @cached_property
    def _lower_texts(self) -> list[str]:
        strings = self.doc.vocab.strings
        return [strings[o] for o in token_columns(self.doc).lower.tolist()]

    @cached_property
    def lowers(self) -> frozenset[str]:
        """The lower-case words of the text: lets a strategy skip a block it cannot change."""
        if self.known_sentences is not None:
            return frozenset().union(*self.sentence_lowers)
        return frozenset(self._lower_texts)

    @cached_property
    def sentence_lowers(self) -> tuple[frozenset[str], ...]:
        """Per sentence, its lower-case tokens (punctuation too): a strategy skips a long
        sentence with none of its trigger words without walking its tokens."""
        if self.known_sentences is not None:
            return tuple(found.lowers for *_, found in self.known_sentences)
        lowers = self._lower_texts
        return tuple(frozenset(lowers[s.start : s.end]) for s, _ in self.sentences)

    @cached_property
    def _citation(self) -> int:
        return self.doc.vocab.strings[CITATION_NORM]

    def sentence_scores(self, lang: str) -> tuple[SentenceScore, ...]:
        """Per-sentence scores, computed once per language for this text."""
        cache = self.__dict__.setdefault("_scores", {})
        if lang not in cache and self.known_sentences is not None:
            cache[lang] = tuple(
                found.score(text, lang) for _, _, text, found in self.known_sentences
            )
        if lang not in cache:
            texts = [sentence.text for sentence, _ in self.sentences]
            cache[lang] = tuple(
                score_sentence(text, words, lang)
                for text, (_, words) in zip(texts, self.sentences, strict=True)
            )
        return cache[lang]


def sentence_bounds(starts: numpy.ndarray, length: int) -> list[tuple[int, int]]:
    """Token ranges of the sentences, from a Doc's SENT_START array."""
    bounds = [*numpy.flatnonzero(starts == 1).tolist(), length]
    if bounds[0] != 0:
        bounds.insert(0, 0)
    return list(pairwise(bounds))


@dataclass(frozen=True)
class SentenceFindings:
    """What analysis finds in one sentence, on token offsets from the sentence's start,
    so the same sentence in a new version of its paragraph is not analysed again."""

    terms: tuple[tuple[int, int, Entry, bool], ...]
    facts: tuple[Fact, ...]
    words: tuple[str, ...]
    lowers: frozenset[str]
    scores: dict[str, SentenceScore] = field(default_factory=dict, compare=False)

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
        self._recent: dict[tuple, TextAnalysis] = {}
        self._sentences: dict[tuple[str, int], SentenceFindings] = {}
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
    ) -> list[TextAnalysis]:
        """Analyse texts in one `nlp.pipe` pass; `sources` are the canonical block indices.
        A text with its `Block`, or the title, is canonical; others are rendition texts.

        Renditions are re-analysed after every strategy, and most of their blocks
        have not changed since the last pass: those come from a small cache.
        """
        keys = [
            (text, source, block.links if block else ())
            for text, source, block in zip(texts, sources, blocks, strict=True)
        ]
        found = [self._recent.get(key) for key in keys]
        missing = [i for i, analysed in enumerate(found) if analysed is None]
        docs = self.nlp.pipe([texts[i] for i in missing])
        for i, doc in zip(missing, docs, strict=True):
            doc.user_data[TEXT_KEY] = texts[i]  # the tokenizer keeps every character
            # kept here, not read back from the cache: remembering new texts may evict
            # the oldest entries, which can be this call's own cache hits
            if blocks[i] is None and sources[i] != TITLE:
                found[i] = self._analyse_by_sentence(doc, sources[i])
            else:  # canonical text: a block, or the title (it has no Block)
                found[i] = self._analyse_doc(doc, sources[i], blocks[i])
            self._remember(keys[i], found[i])
        return found  # type: ignore[return-value]

    def forget(self) -> None:
        """Drop the caches of recent texts and sentences (benchmarks measure cold runs)."""
        for analysed in self._recent.values():
            _let_go(analysed.doc)
        self._recent.clear()
        self._sentences.clear()

    def _remember(self, key: tuple, analysed: TextAnalysis) -> None:
        self._recent[key] = analysed
        while len(self._recent) > RECENT_TEXTS:
            _let_go(self._recent.pop(next(iter(self._recent))).doc)

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
        return tuple(
            span
            for span in filter_spans(self.voice(doc, as_spans=True))
            if not any(t.i in taken for t in span)
        )

    def _analyse_by_sentence(self, doc: Doc, index: int) -> TextAnalysis:
        """A rendition's text, one sentence at a time: a strategy step changes a sentence
        or two of a paragraph, and the others were analysed in the step before."""
        if not len(doc):
            return TextAnalysis(doc, (), (), (), ())
        terms: list[TermMatch] = []
        facts: list[Fact] = []
        known = []
        for start, end in sentence_bounds(token_columns(doc).sent_start, len(doc)):
            text = span_text(doc[start:end])
            key = (text, index)
            found = self._sentences.get(key)
            if found is None:
                found = self._sentence_findings(doc, start, end, index)
                if len(self._sentences) >= RECENT_SENTENCES:
                    self._sentences.pop(next(iter(self._sentences)))
                self._sentences[key] = found
            terms += [
                TermMatch(doc[start + a : start + b], entry, paired)
                for a, b, entry, paired in found.terms
            ]
            facts += found.facts
            known.append((start, end, text, found))
        return TextAnalysis(doc, tuple(terms), (), tuple(facts), tuple(known))

    def _sentence_findings(self, doc: Doc, start: int, end: int, index: int) -> SentenceFindings:
        terms, facts = self._find(doc, start, end, index, frozenset())
        strings = doc.vocab.strings
        citation = strings[CITATION_NORM]
        columns = token_columns(doc)
        orth, norm = columns.orth[start:end], columns.norm[start:end]
        lowers = frozenset(strings[o] for o in columns.lower[start:end].tolist())
        words = tuple(
            text
            for text, n in zip((strings[o] for o in orth.tolist()), norm.tolist(), strict=True)
            if n != citation and is_read(text)
        )
        return SentenceFindings(
            tuple((m.span.start - start, m.span.end - start, m.entry, m.paired) for m in terms),
            facts,
            words,
            lowers,
        )


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
