"""Summaries that lead with the action (`add_summaries`): a section whose canonical text ends
in a recommendation gets it, as rendered, at its top. It reads what the strategies made
and edits no sentence, so it is kept apart from them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from spacy.tokens import Span, Token

from ..analysis import Analysed
from ..nlp import is_citation, span_text, token_columns
from ..render import SUMMARY, RenderedBlock, Rendition, named_definition
from .edits import _moved
from .tokens import (
    PEOPLE_WORDS,
    PROHIBITIONS,
    RECOMMENDATION_WORDS,
    _has_word,
    _opener_at,
    _plural_noun_form,
)

# "is considered difficult to treat" sorts a case; "should be considered" has "should".
ADVICE_WORDS = (RECOMMENDATION_WORDS - {"considered"}) | {
    "advises",
    "prefers",
    "favors",
    "endorses",
    "endorsed",
}
# "So, X is preferred": the link to the sentence before has no place at the top.
POINTING_WORDS = frozenset({"it", "they", "this", "these", "those", "he", "she", "such"})
STEP_WORDS = frozenset({"then", "afterwards", "thereafter"})
SUMMARY_LINKS = frozenset({"so", "therefore", "thus", "consequently", "hence", "but", "and", "yet"})
# Sentences a split makes of a recommendation's conditions: they go with it into a summary.
LIMITING_OPENERS = (
    ("this", "applies"), ("this", "also", "applies"), ("this", "is", "done"),
    ("it", "applies"), ("it", "also", "applies"), ("these", "apply"), ("these", "also", "apply"),
    ("the", "exception", "is"), ("even", "then"),
)  # fmt: skip


def add_summaries(
    rendition: Rendition, analysed: Sequence, prefix: str, canonical: Sequence
) -> Rendition:
    """Lead with the action: a section whose canonical text ends in a recommendation gets
    that recommendation, as rendered, at its top after `prefix` ("What this means for
    you:"). In the rendition, definitions may follow it and its conditions may have become
    sentences of their own ("This applies when ..."): the summary is the last sentence of
    advice from that source block that is no definition, with the conditions after it, so
    it never says more than the article does."""
    blocks = list(rendition.blocks)
    heading_indices = [i for i, b in enumerate(blocks) if b.kind == "heading"]
    inserts = []
    for position, heading in enumerate(heading_indices):
        end = heading_indices[position + 1] if position + 1 < len(heading_indices) else len(blocks)
        if end - heading < 2 or blocks[end - 1].kind == "heading":
            continue
        source = blocks[end - 1].source
        if not _ends_in_advice(canonical[source]):
            continue
        found = _rendered_advice(blocks, analysed, range(end - 1, heading, -1), source)
        if found is not None:
            index, start, stop = found
            summary = _summary(blocks[index], start, stop, prefix, canonical)
            inserts.append((heading + 1, summary))
    for index, summary in reversed(inserts):
        blocks.insert(index, summary)
    return replace(rendition, blocks=tuple(blocks))


def _ends_in_advice(item: Analysed) -> bool:
    return bool(item.sentences) and _gives_advice(item.sentences[-1][0])


# "pain beyond what the skin shows, which suggests a deep infection": a finding that
# suggests is evidence, not advice; "which should be avoided" still advises.
EVIDENCE_OPENERS_BEFORE_SUGGEST = frozenset({"which", "that"})
SUGGEST_FORMS_OF_EVIDENCE = frozenset({"suggest", "suggests", "suggested"})


def _gives_advice(sentence: Span) -> bool:
    """An advice word that is not a finding's "which suggests"."""
    return any(
        t.lower_ in ADVICE_WORDS
        and not (
            t.lower_ in SUGGEST_FORMS_OF_EVIDENCE
            and t.i > sentence.start
            and t.nbor(-1).lower_ in EVIDENCE_OPENERS_BEFORE_SUGGEST
        )
        for t in sentence
    )


# "the team should record that this was discussed": "this" inside the advice points back at
# the sentences before it, which the top of the section does not have
POINTING_BACK_INSIDE_ADVICE = frozenset({"this", "these"})


def _rendered_advice(
    blocks: Sequence[RenderedBlock], analysed: Sequence, indices: Iterable[int], source: int
) -> tuple[int, int, int] | None:
    """(block, start, end) of the last advice from `source`, with the conditions after it."""
    for index in indices:
        block, item = blocks[index], analysed[index]
        if block.source != source:
            return None
        definitions = _definition_texts(block)
        sentences = list(zip(item.sentences, item.sentence_offsets, strict=True))
        for position in range(len(sentences) - 1, -1, -1):
            (sentence, _), offset = sentences[position]
            text = span_text(sentence)
            if text in definitions or text.endswith(":"):
                continue
            if not _gives_advice(sentence):
                continue
            first = _after_link(sentence)
            if first.lower_ in POINTING_WORDS:
                return None  # "It must also be stopped.": alone at the top it names nothing
            if any(t.lower_ in POINTING_BACK_INSIDE_ADVICE for t in sentence[1:]):
                return None
            if any(t.lower_ in STEP_WORDS for t in sentence[first.i - sentence.start :][:6]):
                return None  # "A should then be checked": the step before is not at the top
            stop, last = offset + sentence.end_char, position
            said = [sentence]
            for (after, _), after_offset in sentences[position + 1 :]:
                if not any(_opener_at(after, 0, (opener,)) for opener in LIMITING_OPENERS):
                    break
                stop, last = after_offset + after.end_char, last + 1
                said.append(after)
            if _is_a_ban(sentence) and _split_from_its_citation(sentences, last, definitions):
                return None  # what followed the ban in its sentence may be its exception
            if _they_names_nothing(said):
                return None
            lead = _lead_before(sentences, position, definitions)
            if lead is None:
                return None
            if lead < position:
                (lead_sentence, _), lead_offset = sentences[lead]
                return index, lead_offset + lead_sentence.start_char, stop
            return index, offset + first.idx, stop
    return None


def _is_a_ban(sentence: Span) -> bool:
    return _has_word(sentence, PROHIBITIONS)


MAX_EXCEPTION_SENTENCES = 2


def _split_from_its_citation(sentences: Sequence, last: int, definitions: frozenset[str]) -> bool:
    """ "The guideline did not advise steroids in pneumonia. It noted A. It endorsed them
    in shock [1].": a ban whose citation comes a sentence or two later was split from the
    sentence that cites it, and what followed it there may be its exception. At the top
    of the section, alone, it would read as a total ban; with all of it, the summary
    would be as long as the paragraph. Not when the ban cites its source itself, nor past
    a definition or a list's lead."""
    if _cites(sentences[last][0][0]):
        return False
    for (after, _), _ in sentences[last + 1 : last + 1 + MAX_EXCEPTION_SENTENCES]:
        text = span_text(after)
        if text in definitions or text.endswith(":"):
            return False
        if _cites(after):
            return True
    return False


def _cites(sentence: Span) -> bool:
    """ "... in shock [1]." or "... in shock [1]": the sentence ends on its source."""
    return any(is_citation(t) for t in sentence[-2:])


PLURAL_POINTERS = frozenset({"they", "them", "their"})
# Words that name what "they" stands for, with no plural "-s" ("women", "someone", "both").
PLURAL_NAMERS = PEOPLE_WORDS | {"both", "these"}


def _they_names_nothing(sentences: Sequence[Span]) -> bool:
    """ "isotretinoin should be stopped when they rise above 800 mg/dL": a "they" with no
    plural noun before it in the summary pointed at a sentence the top of the section does
    not have ("blood fats"); "Women ... once they find" names its own."""
    tokens = [t for sentence in sentences for t in sentence]
    return any(
        t.lower_ in PLURAL_POINTERS
        and not any(_plural_noun_form(b) or b.lower_ in PLURAL_NAMERS for b in tokens[:k])
        for k, t in enumerate(tokens)
    )


# "The following applies to X. A. B.": a condition said before the advice it limits.
LEADING_LIMIT = ("the", "following", "applies")
MAX_LED_SENTENCES = 2


def _lead_before(sentences: Sequence, position: int, definitions: frozenset[str]) -> int | None:
    """Where a summary of the advice at `position` starts: at a "The following applies ..."
    sentence before it, which limits it (None when that lead is further back than a summary
    should reach), else at the advice itself. Definitions end the search: they close the
    sentences of an earlier claim."""
    for back in range(position - 1, -1, -1):
        (sentence, _), _ = sentences[back]
        if span_text(sentence) in definitions:
            break
        if _opener_at(sentence, 0, (LEADING_LIMIT,)):
            return back if position - back <= MAX_LED_SENTENCES else None
    return position


def _after_link(sentence: Span) -> Token:
    """The sentence's first word past a linking "So," "Therefore" or "But"."""
    if len(sentence) > 2 and sentence[0].lower_ in SUMMARY_LINKS:
        return sentence[2] if sentence[1].text == "," else sentence[1]
    return sentence[0]


def _written_as_a_name(word: str, canonical: Sequence) -> bool:
    """A word the article writes with a capital inside a sentence is a name ("Adakveo",
    a brand; "Medicare"), so it keeps its capital after the summary's prefix."""
    for item in canonical:
        strings = item.doc.vocab.strings
        if word not in strings:
            return False
        columns = token_columns(item.doc)
        if ((columns.orth == strings[word]) & (columns.sent_start != 1)).any():
            return True
    return False


def _definition_texts(block: RenderedBlock) -> frozenset[str]:
    """The definitions the block's terms may have added, as the reader sees them."""
    return frozenset(
        text
        for term in block.terms
        if term.definition
        for text in (term.definition.strip(), named_definition(term.definition, term.replacement))
    )


def _summary(
    block: RenderedBlock, start: int, end: int, prefix: str, canonical: Sequence
) -> RenderedBlock:
    first = block.text[start : start + 1]
    word = block.text[start:].split(" ", 1)[0].split("-", 1)[0]
    keep_capital = len(word) > 1 and (
        word.isupper() or not word.istitle() or _written_as_a_name(word, canonical)
    )  # "MTX", "eGFR", "Adakveo"
    lowered = first if keep_capital else first.lower()
    text = f"{prefix} {lowered}{block.text[start + 1 : end]}"
    offset = len(prefix) + 1 - start
    summary = replace(block, kind=SUMMARY, level=0, ordered=False)
    return _moved(summary, text, lambda o: o + offset if start <= o <= end else -1, 0, len(text))
