"""Sentence-level plain-language strategies, chosen by the readability score.

Swapping words cannot bring a 35-word sentence to grade 7, so after rendering
an audience may split long sentences. Each strategy works on token patterns
of the blank pipeline (no parser, no regular expressions over raw text) and
only touches sentences longer than the audience's `max_sentence_words`:

- `semicolons`: "A; B" -> "A. B";
- `relative_clauses`: "A, which B" -> "A. This B" ("They" before a plural verb),
  "A, meaning B" -> "A. This means B";
- `coordinated_clauses`: "A, and B" -> "A. B" when both sides have their own
  subject and verb ("A, but B" -> "A. But B", "A, because B" -> "A. This is
  because B");
- `series_lists`: "..., including A, B, C and D." -> a lead sentence and a list.

A split that would lose a fact is undone by the engine, block by block.
Summaries that lead with the action (`add_summaries`) are built here too.

The render-time strategies `definitions` and `replace_terms` live in
`render.py`; the loop that orders them all lives in `engine.py`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from lemminflect import getAllLemmas, getInflection
from spacy.tokens import Span, Token

from .analysis import TextAnalysis
from .article import Citation, Link, citation_numbers
from .nlp import is_citation
from .render import RenderedBlock, Rendition

FINITE_VERBS = frozenset(
    {"is", "are", "was", "were", "has", "have", "had", "does", "do", "did", "can", "could",
     "may", "might", "must", "shall", "should", "will", "would", "remains", "remain",
     "reflects", "reduces", "increases", "shows", "showed", "suggests", "suggest", "appears",
     "needs", "need", "requires", "require", "occurs", "occurred", "works", "helps"}
)  # fmt: skip
SUBJECT_STARTS = frozenset(
    {"the", "this", "these", "those", "it", "its", "they", "their", "he", "she", "we",
     "you", "your", "there", "a", "an", "most", "many", "some", "both", "each", "all", "no",
     "people", "patients", "treatment", "therapy", "doctors"}
)  # fmt: skip
RENDER_STRATEGIES = frozenset({"definitions", "replace_terms"})
# ", and B" -> ". B"; ", because B" -> ". This is because B": the new sentence keeps the link.
CONJUNCTIONS = {
    "and": "", "but": "But ", "so": "So ", "because": "This is because ", "although": "But ",
    "whereas": "In contrast, ", "yet": "Yet ", "since": "This is because ",
}  # fmt: skip
NOT_SUBJECTS = frozenset(
    {"in", "on", "at", "by", "for", "from", "of", "to", "with", "without", "then", "also",
     "not", "as", "if", "when", "while", "after", "before", "until", "during", "or", "and",
     "that", "whether", "who", "whom", "whose", "which"}
)  # fmt: skip
THEN_WORDS = frozenset({"then"})
RECOMMENDATION_WORDS = frozenset(
    {"recommend", "recommends", "recommended", "should", "suggest", "suggests", "suggested",
     "consider", "considered", "preferred", "advise", "advised"}
)  # fmt: skip
SERIES_TRIGGERS = ("including", "such as", "e.g.", "include", "includes")
MIN_SIDE_WORDS = 4
MIN_SERIES_ITEMS = 4
MAX_ITEM_WORDS = 8


@dataclass(frozen=True)
class Edit:
    start: int
    end: int
    text: str


def words(tokens: Sequence[Token] | Span) -> int:
    return sum(1 for t in tokens if any(ch.isalnum() for ch in t.text) and not is_citation(t))


def _depth_at(token: Token) -> int:
    depth = 0
    for before in token.sent[: token.i - token.sent.start]:
        depth += before.text == "("
        depth -= before.text == ")" and depth > 0
    return depth


def _capital_edit(token: Token, prefix: str, start: int) -> Edit:
    """Replace from `start` up to the first letter of `token` with `prefix` + capital."""
    first = token.text[0]
    upper = first.upper() if token.text.islower() or token.is_title else first
    return Edit(start, token.idx + 1, prefix + upper)


def semicolon_edits(sentence: Span) -> list[Edit]:
    edits = []
    for token in sentence:
        if token.text != ";" or token.i + 1 >= sentence.end:
            continue
        left = sentence.doc[sentence.start : token.i]
        right = sentence.doc[token.i + 1 : sentence.end]
        if (
            words(left) >= MIN_SIDE_WORDS
            and words(right) >= MIN_SIDE_WORDS
            and not _depth_at(token)
        ):
            edits.append(_capital_edit(sentence.doc[token.i + 1], ". ", token.idx))
    return edits


RELATIVE_OPENERS = {"which": None, "meaning": ". This means"}


def _after_commas(sentence: Span, openers: Iterable[str]) -> Iterator[tuple[Token, Span, Span]]:
    """Each ", <opener>" outside brackets, with the words before the comma and after it."""
    doc = sentence.doc
    for token in sentence:
        if token.lower_ not in openers or token.i - 1 < sentence.start:
            continue
        if doc[token.i - 1].text != "," or token.i + 1 >= sentence.end or _depth_at(token):
            continue
        yield token, doc[sentence.start : token.i - 1], doc[token.i + 1 : sentence.end]


def relative_clause_edits(sentence: Span) -> list[Edit]:
    """ ", which B" -> ". This B" (or "They" before a plural verb); ", meaning B" ->
    ". This means B"."""
    edits = []
    doc = sentence.doc
    for token, left, right in _after_commas(sentence, RELATIVE_OPENERS):
        comma = doc[token.i - 1]
        if words(left) >= MIN_SIDE_WORDS + 1 and words(right) >= 3:
            opener = RELATIVE_OPENERS[token.lower_]
            if opener is None:
                opener = ". They" if _plural_verb(doc[token.i + 1]) else ". This"
            edits.append(Edit(comma.idx, token.idx + len(token.text), opener))
    return edits


def _plural_verb(token: Token) -> bool:
    """ "which lower blood pressure": the verb agrees with a plural, so "They lower"."""
    if token.lower_ in ("are", "were", "have", "do"):
        return True
    lemmas = getAllLemmas(token.lower_, upos="VERB").get("VERB", ())
    return token.lower_ in lemmas and not token.lower_.endswith("s")


def coordinated_clause_edits(sentence: Span) -> list[Edit]:
    edits = []
    doc = sentence.doc
    for token, left, right in _after_commas(sentence, CONJUNCTIONS):
        comma = doc[token.i - 1]
        if words(left) < MIN_SIDE_WORDS + 2 or words(right) < MIN_SIDE_WORDS + 1:
            continue
        if not (_has_finite_verb(left) or _is_imperative(left[0])):
            continue
        if not _starts_clause(right) and not (
            token.lower_ == "and" and right[0].lower_ in THEN_WORDS and _has_finite_verb(left)
        ):
            continue
        prefix = ". " + CONJUNCTIONS[token.lower_]
        following = doc[token.i + 1]
        if prefix.endswith(" ") and prefix != ". ":
            edits.append(Edit(comma.idx, following.idx, prefix))
        else:
            edits.append(_capital_edit(following, prefix, comma.idx))
    return edits


def _has_finite_verb(tokens: Span) -> bool:
    return any(is_finite_verb(t.lower_) for t in tokens)


def _is_participle(word: str) -> bool:
    """ "given as pills": an item that opens with a participle is a phrase, not a list item."""
    lemmas = getAllLemmas(word, upos="VERB").get("VERB", ())
    return any(
        word in getInflection(lemma, tag="VBN") or word in getInflection(lemma, tag="VBG")
        for lemma in lemmas
    ) and not getAllLemmas(word, upos="NOUN")


def _is_imperative(token: Token) -> bool:
    """ "Admit ...", "Check ...": a sentence that opens with a verb's base form."""
    lower = token.lower_
    return lower in getAllLemmas(lower, upos="VERB").get("VERB", ()) and not getAllLemmas(
        lower, upos="NOUN"
    )


@lru_cache(maxsize=8192)
def is_finite_verb(word: str) -> bool:
    """ "is", "improved", "reflects": a verb that can carry a clause; "trials" is not."""
    if word in FINITE_VERBS:
        return True
    if not word.isalpha() or len(word) < 4:
        return False
    lemmas = getAllLemmas(word, upos="VERB").get("VERB", ())
    if not lemmas:
        return False
    if word.endswith("ed"):
        return any(word in getInflection(lemma, tag="VBD") for lemma in lemmas)
    is_noun = bool(getAllLemmas(word, upos="NOUN"))
    return not is_noun and any(word in getInflection(lemma, tag="VBZ") for lemma in lemmas)


def _starts_clause(tokens: Span) -> bool:
    """Its own subject, then a finite verb within a few words: "the drug is ..."."""
    if len(tokens) < 2:
        return False
    first = tokens[0]
    if first.lower_ in NOT_SUBJECTS or is_finite_verb(first.lower_) or first.is_punct:
        return False
    window = tokens[1:7] if first.lower_ in SUBJECT_STARTS or first.is_title else tokens[1:5]
    return any(is_finite_verb(t.lower_) for t in window)


@dataclass(frozen=True)
class Series:
    trigger_end: int
    items: tuple[tuple[int, int], ...]
    citations: tuple[str, ...]
    sentence_end: int


def find_series(sentence: Span) -> Series | None:
    """A closing "including A, B, C and D." with at least four short items."""
    tokens = list(sentence)
    for index, token in enumerate(tokens):
        size = _trigger_at(tokens, index)
        if size is None or _depth_at(token):
            continue
        body_start = index + size
        body_end = len(tokens)
        while body_end > body_start and (
            tokens[body_end - 1].is_punct or is_citation(tokens[body_end - 1])
        ):
            body_end -= 1
        items = _series_items(tokens[body_start:body_end])
        if items is None:
            continue
        trigger = tokens[body_start - 1]
        return Series(
            trigger_end=trigger.idx + len(trigger.text),
            items=items,
            citations=tuple(t.text for t in tokens[body_end:] if is_citation(t)),
            sentence_end=sentence.end_char,
        )
    return None


def _trigger_at(tokens: list[Token], index: int) -> int | None:
    for trigger in SERIES_TRIGGERS:
        parts = trigger.split()
        window = [t.lower_ for t in tokens[index : index + len(parts)]]
        if window == parts:
            return len(parts)
    return None


def _series_items(body: list[Token]) -> tuple[tuple[int, int], ...] | None:
    groups: list[list[Token]] = [[]]
    depth = 0
    for token in body:
        depth += token.text == "("
        depth -= token.text == ")" and depth > 0
        if depth == 0 and (token.text == "," or (token.lower_ in ("and", "or") and groups[-1])):
            groups.append([])
        else:
            groups[-1].append(token)
    groups = [g for g in groups if g and not (len(g) == 1 and g[0].lower_ in ("and", "or"))]
    groups = [g[1:] if g[0].lower_ in ("and", "or") else g for g in groups]
    if len(groups) < MIN_SERIES_ITEMS or any(words(g) > MAX_ITEM_WORDS for g in groups):
        return None
    if any(is_finite_verb(t.lower_) for g in groups for t in g):
        return None
    if any(_is_participle(g[0].lower_) for g in groups):
        return None
    return tuple((g[0].idx, g[-1].idx + len(g[-1].text)) for g in groups)


def rewrite(block: RenderedBlock, edits: Sequence[Edit]) -> RenderedBlock:
    """Apply char edits to a block, moving its terms, citations and links with the text."""
    edits = sorted(edits, key=lambda e: e.start)
    pieces, cursor = [], 0
    for edit in edits:
        pieces += [block.text[cursor : edit.start], edit.text]
        cursor = edit.end
    pieces.append(block.text[cursor:])
    text = "".join(pieces)

    def shift(offset: int) -> int:
        moved = 0
        for edit in edits:
            if edit.end <= offset:
                moved += len(edit.text) - (edit.end - edit.start)
            elif edit.start < offset:
                moved += max(0, len(edit.text) - (offset - edit.start)) - (edit.end - offset)
        return offset + moved

    return _moved(block, text, shift, 0, len(text))


def _moved(
    block: RenderedBlock, text: str, shift: Callable[[int], int], start: int, end: int
) -> RenderedBlock:
    """`block` with new `text`, keeping the marks that fall in [start, end) after `shift`."""

    def inside(a: int, b: int) -> bool:
        return start <= a and b <= end

    terms = []
    for term in block.terms:
        a, b = shift(term.start), shift(term.end)
        if inside(a, b):
            terms.append(replace(term, start=a - start, end=b - start, replacement=text[a:b]))
    citations = [
        Citation(c.numbers, shift(c.start) - start, shift(c.end) - start)
        for c in block.citations
        if inside(shift(c.start), shift(c.end))
    ]
    links = [
        Link(k.href, shift(k.start) - start, shift(k.end) - start)
        for k in block.links
        if inside(shift(k.start), shift(k.end))
    ]
    return replace(
        block, text=text[start:end], terms=tuple(terms), citations=tuple(citations),
        links=tuple(links),
    )  # fmt: skip


def split_series(block: RenderedBlock, series: Series) -> list[RenderedBlock]:
    """One paragraph -> a lead sentence ending in ":", a list item per series item, the rest.

    The series' citations stay with the claim: they close the lead sentence.
    """
    lead_tail = " the following" + "".join(f" {c}" for c in series.citations) + ":"
    edited = rewrite(block, [Edit(series.trigger_end, series.sentence_end, lead_tail)])
    lead_end = series.trigger_end + len(lead_tail)
    lead = _moved(edited, edited.text, _same, 0, lead_end)
    cursor = series.trigger_end + len(" the following")
    added = []
    for numbers_text in series.citations:
        cursor += 1
        added.append(Citation(citation_numbers(numbers_text), cursor, cursor + len(numbers_text)))
        cursor += len(numbers_text)
    lead = replace(lead, citations=(*lead.citations, *added))
    level = block.level + 1 if block.kind == "list_item" else 1
    item_block = replace(block, kind="list_item", level=level, ordered=False)
    items = [_moved(item_block, block.text, _same, a, b) for a, b in series.items]
    rest = edited.text[lead_end:]
    blocks = [lead, *items]
    if rest.strip():
        start = lead_end + len(rest) - len(rest.lstrip())
        blocks.append(_moved(edited, edited.text, _same, start, len(edited.text)))
    return blocks


def _same(offset: int) -> int:
    return offset


SENTENCE_STRATEGIES: dict[str, Callable[[Span], list[Edit]]] = {
    "semicolons": semicolon_edits,
    "relative_clauses": relative_clause_edits,
    "coordinated_clauses": coordinated_clause_edits,
}


def apply_strategy(
    name: str, block: RenderedBlock, analysed: TextAnalysis, max_words: int
) -> list[RenderedBlock] | None:
    """The block after one strategy, or None when no long sentence of it changes."""
    if block.kind == "heading":
        return None
    long_sentences = [
        s for s, sentence_words in analysed.sentences if len(sentence_words) > max_words
    ]
    if not long_sentences:
        return None
    if name == "series_lists":
        if block.kind != "paragraph":
            return None
        for sentence in long_sentences:
            series = find_series(sentence)
            if series is not None:
                return split_series(block, series)
        return None
    edits = [edit for sentence in long_sentences for edit in SENTENCE_STRATEGIES[name](sentence)]
    return [rewrite(block, edits)] if edits else None


def add_summaries(rendition: Rendition, analysed: Sequence, prefix: str) -> Rendition:
    """Lead with the action: a section whose last sentence recommends something gets that
    sentence, as rendered, at its top after `prefix` ("What this means for you:")."""
    blocks = list(rendition.blocks)
    heading_indices = [i for i, b in enumerate(blocks) if b.kind == "heading"]
    inserts = []
    for position, heading in enumerate(heading_indices):
        end = heading_indices[position + 1] if position + 1 < len(heading_indices) else len(blocks)
        if end - heading < 2 or blocks[end - 1].kind == "heading":
            continue
        last_sentence = list(analysed[end - 1].doc.sents)[-1]
        if not any(t.lower_ in RECOMMENDATION_WORDS for t in last_sentence):
            continue
        inserts.append((heading + 1, _summary(blocks[end - 1], last_sentence, prefix)))
    for index, summary in reversed(inserts):
        blocks.insert(index, summary)
    return replace(rendition, blocks=tuple(blocks))


def _summary(block: RenderedBlock, sentence: Span, prefix: str) -> RenderedBlock:
    start, end = sentence.start_char, sentence.end_char
    first = block.text[start : start + 1]
    keep_capital = sentence[0].is_upper or (len(sentence[0]) > 1 and not sentence[0].is_title)
    lowered = first if keep_capital else first.lower()
    text = f"{prefix} {lowered}{block.text[start + 1 : end]}"
    offset = len(prefix) + 1 - start
    summary = replace(block, kind="paragraph", level=0, ordered=False)
    return _moved(summary, text, lambda o: o + offset if start <= o <= end else -1, 0, len(text))
