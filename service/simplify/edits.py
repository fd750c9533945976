"""The `Edit` and `Part` a strategy returns, and a block rebuilt from them: whichever rule
made an edit, the block's terms, citations and links must move with its text in one way,
so that machinery lives in one place.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from ..article import Citation, Link
from ..render import RenderedBlock

# A part of a rebuilt text: literal new words, or the original [start, end) with the
# first letter's case set ("", "upper" or "lower"), so the marks inside it move along.
Part = str | tuple[int, int, str]


@dataclass(frozen=True)
class Edit:
    """Replace [start, end) with `text`, or with `parts` when original text moves."""

    start: int
    end: int
    text: str = ""
    parts: tuple[Part, ...] = ()


def rewrite(block: RenderedBlock, edits: Sequence[Edit]) -> RenderedBlock:
    """Apply edits to a block, moving its terms, citations and links with the text."""
    parts: list[Part] = []
    cursor = 0
    for edit in sorted(edits, key=lambda e: e.start):
        parts.append((cursor, edit.start, ""))
        parts.extend(edit.parts or (edit.text,))
        cursor = edit.end
    parts.append((cursor, len(block.text), ""))
    return _closed_list_item(rebuild(block, parts))


def _closed_list_item(block: RenderedBlock) -> RenderedBlock:
    """ "... after 4 weeks. This applies if potassium is 4.8 or less": a list item in note
    form has no full stop, but once split into sentences its last one needs one, as the
    others have. An item still in one piece keeps its note form."""
    text = block.text
    if block.kind != "list_item" or text[-1:] in ".!?:" or not _holds_a_sentence_end(text):
        return block
    return replace(block, text=text + ".")


def _holds_a_sentence_end(text: str) -> bool:
    """A full stop, then a space and a capital: where a split ended a sentence ("vs. 4.0"
    and "e.g. ibuprofen" are no such place)."""
    at = text.find(". ")
    while at != -1:
        if text[at + 2 : at + 3].isupper():
            return True
        at = text.find(". ", at + 2)
    return False


def rebuild(block: RenderedBlock, parts: Sequence[Part]) -> RenderedBlock:
    """A block made of new words and slices of its old text.

    A term, citation or link moves when it lies wholly in one run of old text
    that stays together; one that is cut apart is dropped (the facts check then
    judges the result from the words themselves).
    """
    pieces: list[str] = []
    runs: list[list[int]] = []  # [old start, old end, new start]
    position = 0
    for part in parts:
        if isinstance(part, str):
            pieces.append(part)
            position += len(part)
            continue
        start, end, case = part
        if start >= end:
            continue
        piece = block.text[start:end]
        if case == "upper":
            piece = piece[:1].upper() + piece[1:]
        elif case == "lower":
            piece = piece[:1].lower() + piece[1:]
        if runs and runs[-1][1] == start and runs[-1][2] + start - runs[-1][0] == position:
            runs[-1][1] = end
        else:
            runs.append([start, end, position])
        pieces.append(piece)
        position += len(piece)
    text = "".join(pieces)

    def place(a: int, b: int) -> tuple[int, int] | None:
        for start, end, new in runs:
            if start <= a and b <= end:
                return new + a - start, new + b - start
        return None

    terms, citations, links = [], [], []
    for term in block.terms:
        moved = place(term.start, term.end)
        if moved:
            terms.append(term.moved(moved[0], moved[1], text[moved[0] : moved[1]]))
    for citation in block.citations:
        moved = place(citation.start, citation.end)
        if moved:
            citations.append(Citation(citation.numbers, *moved))
    for link in block.links:
        moved = place(link.start, link.end)
        if moved:
            links.append(Link(link.href, *moved))
    return replace(
        block, text=text, terms=tuple(terms), citations=tuple(citations), links=tuple(links)
    )


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
            terms.append(term.moved(a - start, b - start, text[a:b]))
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


def _with_edits(start: int, end: int, edits: Sequence[Edit]) -> list[Part]:
    """Parts for the text [start, end) with `edits` inside it; its first letter a capital."""
    parts: list[Part] = []
    cursor = start
    for edit in sorted(edits, key=lambda e: e.start):
        parts.append((cursor, edit.start, ""))
        parts.extend(edit.parts or (edit.text,))
        cursor = edit.end
    parts.append((cursor, end, ""))
    first = parts[0]
    if isinstance(first, tuple):
        parts[0] = (first[0], first[1], "upper")
    return parts
