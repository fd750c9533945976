"""`series_lists`: a long series ("..., including A, B, C and D") becomes a lead sentence and
a list. Unlike the other strategies it makes new blocks, not edits inside one sentence,
so its finding and its splitting live together here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from ..article import Citation, citation_numbers
from ..lexicon import forms_of, lemmas_of
from ..nlp import is_citation
from ..render import RenderedBlock
from .edits import Edit, _moved, rewrite
from .tokens import (
    CLOSING_MARKS,
    COMPARATIVES,
    DETERMINERS,
    ITEM_PREPOSITIONS,
    JOINERS,
    MAX_ITEM_WORDS,
    MIN_SIDE_WORDS,
    NOT_SUBJECTS,
    PARTICIPLE_FOLLOWERS,
    PREPOSITIONS,
    SERIES_TRIGGERS,
    SHARED_COMPLEMENTS,
    TRIGGER_STARTS,
    _depth_at,
    _in,
    _is_series_verb,
    _words_outside_brackets,
    is_finite_verb,
)

MIN_SERIES_ITEMS = 4
MIN_NAMED_ITEMS = 3  # after "the following:", which says a list comes


def _is_participle(word: str) -> bool:
    """ "given as pills": an item that opens with a participle is a phrase, not a list item."""
    lemmas = lemmas_of(word, "VERB").get("VERB", ())
    return any(
        word in forms_of(lemma, "VBN") or word in forms_of(lemma, "VBG") for lemma in lemmas
    ) and not lemmas_of(word, "NOUN")


@dataclass(frozen=True)
class Series:
    trigger_end: int
    items: tuple[tuple[int, int], ...]
    citations: tuple[str, ...]
    sentence_end: int
    colon: bool = False
    lead: str = " the following"


def find_series(sentence: Span) -> Series | None:
    """A closing "including A, B, C and D." with at least four short items."""
    tokens = _in(sentence)
    for index, token in enumerate(tokens):
        size = _trigger_at(tokens, index)
        after_verb = (
            size is None
            and index > 1
            and tokens[index - 1].text != "-"  # "drug-based": it describes a noun
            and tokens[index - 1].lower_ not in PREPOSITIONS  # "such as pinched nerves"
            and tokens[index - 1].lower_ not in DETERMINERS  # "a blocked bowel"
            and index + 1 < len(tokens)
            and tokens[index + 1].text != ","  # "impaired, e.g. by A": no object after a comma
            and _is_series_verb(token)
        )
        if after_verb:
            size = 1
        if size is None or _depth_at(token):
            continue
        body_start = index + size
        leads = body_start < len(tokens) and tokens[body_start].lower_ in PREPOSITIONS
        if leads and not after_verb:
            body_start += 1  # "e.g. by A, B, C or D": "by" leads every item, so it stays
        body_end = len(tokens)
        while body_end > body_start and (
            tokens[body_end - 1].text in CLOSING_MARKS or is_citation(tokens[body_end - 1])
        ):
            body_end -= 1
        fewest = MIN_NAMED_ITEMS if _after_the_following(tokens, index) else MIN_SERIES_ITEMS
        items = _series_items(tokens[body_start:body_end], fewest)
        if items is None:
            continue
        lead = " the following"
        if after_verb:
            if any(_trigger_at(tokens, j) for j in range(body_start, body_end)):
                continue  # "exclude other causes, such as A, B or C": the series is after it
            last_item = [t for t in tokens[body_start:body_end] if t.idx >= items[-1][0]]
            if any(t.lower_ in SHARED_COMPLEMENTS for t in last_item[1:]):
                continue  # "placed A, B and C in its top tier": "in ..." belongs to all
            starts = [next(t for t in tokens[body_start:body_end] if t.idx == a) for a, _ in items]
            if any(t.lower_ in NOT_SUBJECTS or t.lower_.endswith("ly") for t in starts):
                continue  # "compare favorably with A, without B or C": no list of objects
            joins = _series_joiners(tokens[body_start:body_end])
            if len(joins) != 1:
                continue  # "A, B or C and D": the list would lose which is which
            lead = " one of the following" if joins == {"or"} else lead
        items, lead = _group_into_lead(tokens[body_start:body_end], items, lead)
        trigger = tokens[body_start - 1]
        colon = trigger.text == ":"
        return Series(
            trigger_end=trigger.idx if colon else trigger.idx + len(trigger.text),
            items=items,
            citations=tuple(t.text for t in tokens[body_end:] if is_citation(t)),
            sentence_end=sentence.end_char,
            colon=colon,
            lead=lead,
        )
    return None


SERIES_GROUP_HEADS = frozenset({"those", "people", "patients", "adults", "children", "anyone"})


def _group_into_lead(
    body: Sequence[Token], items: tuple[tuple[int, int], ...], lead: str
) -> tuple[tuple[tuple[int, int], ...], str]:
    """ "including those with A, B, C or D": "those with" goes with every item, so it
    joins the lead ("including those with the following:") and the first item reads "A"."""
    if len(body) < 3 or body[0].lower_ not in SERIES_GROUP_HEADS or body[1].lower_ != "with":
        return items, lead
    first_start, first_end = items[0]
    if body[0].idx != first_start or body[2].idx >= first_end:
        return items, lead
    return ((body[2].idx, first_end), *items[1:]), f" {body[0].text} with{lead}"


def _trigger_at(tokens: list[Token], index: int) -> int | None:
    first = tokens[index].lower_
    if first not in TRIGGER_STARTS:
        return None
    if first == ":":
        return 1 if index >= MIN_SIDE_WORDS else None
    for trigger in SERIES_TRIGGERS:
        parts = trigger.split()
        window = [t.lower_ for t in tokens[index : index + len(parts)]]
        if window == parts:
            return len(parts)
    return None


def _after_the_following(tokens: list[Token], index: int) -> bool:
    """ "if two of the following apply: A, B, C": a colon after "the following" (and maybe
    a verb) says a list comes, so three items are enough for one."""
    return tokens[index].text == ":" and any(
        t.lower_ == "following" for t in tokens[max(index - 2, 0) : index]
    )


def _series_items(
    body: list[Token], fewest: int = MIN_SERIES_ITEMS
) -> tuple[tuple[int, int], ...] | None:
    """ "A, B or C, and D": split at commas, then the last part at its "and"/"or".

    An "and"/"or" inside an earlier item stays there ("a water pill or strong water
    pill"), and "6 or more days" is one item, never "6" and "more days".
    """
    groups: list[list[Token]] = [[]]
    depth = 0
    for token in body:
        depth += token.text == "("
        depth -= token.text == ")" and depth > 0
        if depth == 0 and token.text == ",":
            groups.append([])
        else:
            groups[-1].append(token)
    groups = [g for g in groups if g]
    if not groups:
        return None
    last = groups[-1]
    if last[0].lower_ in JOINERS:
        groups[-1] = last[1:]
    else:
        split = _last_joiner(last)
        if split is not None:
            groups[-1:] = [last[:split], last[split + 1 :]]
    groups = [g for g in groups if g]
    if len(groups) < fewest or any(_words_outside_brackets(g) > MAX_ITEM_WORDS
                                             for g in groups):  # fmt: skip
        return None
    if any(
        is_finite_verb(t.lower_)
        and (k == 0 or g[k - 1].text != "-")  # "research-backed"
        and not _describes_next(g, k)
        for g in groups
        for k, t in enumerate(g)
    ):
        return None
    if any(_is_participle(g[0].lower_) and not _describes_next(g, 0) for g in groups):
        return None
    return tuple((g[0].idx, g[-1].idx + len(g[-1].text)) for g in groups)


def _describes_next(group: list[Token], k: int) -> bool:
    """ "pinched nerves at the base of the spine": an item's first word ending in "-ed"
    that describes the noun after it, not a verb ("given as pills" is a phrase)."""
    return (
        k == 0
        and group[0].lower_.endswith("ed")
        and len(group) > 1
        and group[1].is_alpha
        and group[1].lower_ not in NOT_SUBJECTS | PARTICIPLE_FOLLOWERS | DETERMINERS
    )


def _last_joiner(group: list[Token]) -> int | None:
    """Where the last two items part: the last "and"/"or" that no preposition of the group
    comes before ("spine treatment and talk therapy for thoughts and habits" parts at the
    first "and"; "for thoughts and habits" is one item's words)."""
    depth = 0
    found: list[int] = []
    for k, token in enumerate(group):
        depth += token.text == "("
        depth -= token.text == ")" and depth > 0
        if depth or token.lower_ not in JOINERS or k == 0 or k + 1 >= len(group):
            continue
        if group[k + 1].lower_ in COMPARATIVES or group[k - 1].like_num:
            continue  # "6 or more", "50% or greater": one amount, not two items
        found.append(k)
    if not found:
        return None
    first_preposition = next(
        (
            k
            for k, t in enumerate(group)
            if t.lower_ in ITEM_PREPOSITIONS and (k == 0 or group[k - 1].text != "-")
        ),
        len(group),
    )  # "hands-on": a word, not a preposition
    before = [k for k in found if k < first_preposition]
    return before[-1] if before else found[-1]


def _series_joiners(body: list[Token]) -> set[str]:
    """The words that join the items at depth 0 ("and", "or")."""
    return {
        t.lower_
        for k, t in enumerate(body)
        if t.lower_ in JOINERS
        and 0 < k < len(body) - 1
        and body[k + 1].lower_ not in COMPARATIVES
        and not body[k - 1].like_num
    }


def split_series(block: RenderedBlock, series: Series) -> list[RenderedBlock]:
    """One paragraph -> a lead sentence ending in ":", a list item per series item, the rest.

    The series' citations stay with the claim: they close the lead sentence.
    """
    following = "" if series.colon else series.lead
    lead_tail = following + "".join(f" {c}" for c in series.citations) + ":"
    edited = rewrite(block, [Edit(series.trigger_end, series.sentence_end, lead_tail)])
    lead_end = series.trigger_end + len(lead_tail)
    lead = _moved(edited, edited.text, _same, 0, lead_end)
    cursor = series.trigger_end + len(following)
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
