"""A rendition as text, Markdown, an HTML fragment or JSON-ready data.

The HTML is a fragment, escaped throughout: every swapped term is wrapped in
`<dfn>` (or `<abbr>` for abbreviations) whose title holds the clinical word and
its definition, so a reader can see what their doctor would call it.
"""

from __future__ import annotations

import html
from collections.abc import Collection, Iterator
from typing import TYPE_CHECKING

from .render import SUMMARY, RenderedBlock, Rendition, TermAnnotation

if TYPE_CHECKING:
    from .engine import Result

FORMATS = ("text", "markdown", "html", "json")


def as_text(rendition: Rendition) -> str:
    lines = [rendition.title, ""]
    for block, marker in _with_markers(rendition.blocks):
        if block.kind == "heading":
            lines += ["", block.text, ""]
        elif block.kind == "list_item":
            lines.append("  " * (block.level - 1) + f"{marker} {block.text}")
        else:
            lines += ["", block.text, ""]  # a blank line after a list's last item too
    lines += ["", *_references_text(rendition), "", rendition.disclaimer]
    return _tidy("\n".join(lines))


def as_markdown(rendition: Rendition) -> str:
    lines = [f"# {rendition.title}", ""]
    for block, marker in _with_markers(rendition.blocks):
        if block.kind == "heading":
            lines += ["", "#" * block.level + " " + block.text, ""]
        elif block.kind == "list_item":
            lines.append("   " * (block.level - 1) + f"{marker} {block.text}")
        elif block.kind == SUMMARY:
            lines += ["", f"> {block.text}", ""]
        else:
            lines += ["", block.text, ""]
    if rendition.references:
        lines += ["", "## References", ""]
        lines += [f"{n}. {source}" for n, source in rendition.references.items()]
    lines += ["", "---", "", rendition.disclaimer]
    return _tidy("\n".join(lines))


def as_html(rendition: Rendition) -> str:
    """The whole rendition as one fragment: title, body, references, disclaimer."""
    out = [f"<h1>{html.escape(rendition.title)}</h1>", body_html(rendition)]
    if rendition.references:
        out.append(references_html(rendition))
    out.append(f'<p class="disclaimer">{html.escape(rendition.disclaimer)}</p>')
    return "\n".join(out) + "\n"


def body_html(rendition: Rendition, highlights: Collection[str] = ()) -> str:
    """Headings, paragraphs and (nested) lists; sentences in `highlights` are marked."""
    out: list[str] = []
    lists: list[str] = []
    for block in rendition.blocks:
        depth = block.level if block.kind == "list_item" else 0
        while len(lists) > depth:
            out.append(f"</li></{lists.pop()}>")
        tag = "ol" if block.ordered else "ul"
        if block.kind == "list_item" and len(lists) == depth and lists[-1] != tag:
            out.append(f"</li></{lists.pop()}>")
        text = inline_html(block, highlights)
        if block.kind == "list_item":
            if len(lists) == depth:
                out.append("</li>")
            while len(lists) < depth:
                lists.append(tag)
                out.append(f"<{lists[-1]}>")
            out.append(f"<li>{text}")
        elif block.kind == "heading":
            level = max(block.level, 2)
            out.append(f"<h{level}>{text}</h{level}>")
        elif block.kind == SUMMARY:
            out.append(f'<p class="mr-summary">{text}</p>')
        else:
            out.append(f"<p>{text}</p>")
    while lists:
        out.append(f"</li></{lists.pop()}>")
    return "\n".join(out)


def references_html(rendition: Rendition) -> str:
    items = [
        f'<li value="{n}">{html.escape(source)}</li>' for n, source in rendition.references.items()
    ]
    return "\n".join(
        ['<section class="references"><h2>References</h2><ol>', *items, "</ol></section>"]
    )


def inline_html(block: RenderedBlock, highlights: Collection[str] = ()) -> str:
    """Escaped block text with its terms, citations and links marked up.

    A highlighted sentence becomes `<mark class="hard">`, widened where it
    would otherwise cut through a term's tag, so the markup always nests.
    """
    marks = _marks(block)
    out, cursor = [], 0
    for start, end in _highlight_spans(block.text, highlights, marks):
        out.append(_marked(block.text, cursor, start, marks))
        out.append(f'<mark class="hard">{_marked(block.text, start, end, marks)}</mark>')
        cursor = end
    out.append(_marked(block.text, cursor, len(block.text), marks))
    return "".join(out)


def _marks(block: RenderedBlock) -> list[tuple[int, int, str, str]]:
    marks: list[tuple[int, int, str, str]] = []
    for term in block.terms:
        opening, closing = _term_tags(term)
        marks.append((term.start, term.end, opening, closing))
    for citation in block.citations:
        marks.append((citation.start, citation.end, '<sup class="citation">', "</sup>"))
    for link in block.links:
        href = html.escape(link.href, quote=True)
        safe = href if link.href.startswith(("http://", "https://", "/", "#")) else "#"
        marks.append((link.start, link.end, f'<a href="{safe}" rel="nofollow">', "</a>"))
    kept, cursor = [], 0
    for mark in sorted(marks):
        if mark[0] >= cursor:
            kept.append(mark)
            cursor = mark[1]
    return kept


def _highlight_spans(
    text: str, highlights: Collection[str], marks: list[tuple[int, int, str, str]]
) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for sentence in sorted(highlights):
        start = text.find(sentence) if sentence else -1
        if start < 0:
            continue
        end = start + len(sentence)
        for mark_start, mark_end, _, _ in marks:
            if mark_start < start < mark_end:
                start = mark_start
            if mark_start < end < mark_end:
                end = mark_end
        spans.append((start, end))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _marked(text: str, start: int, end: int, marks: list[tuple[int, int, str, str]]) -> str:
    out, cursor = [], start
    for mark_start, mark_end, opening, closing in marks:
        if mark_start < start or mark_end > end:
            continue
        out += [html.escape(text[cursor:mark_start]), opening]
        out += [html.escape(text[mark_start:mark_end]), closing]
        cursor = mark_end
    out.append(html.escape(text[cursor:end]))
    return "".join(out)


def _term_tags(term: TermAnnotation) -> tuple[str, str]:
    title = html.escape(f"{term.original}: {term.definition}", quote=True)
    tag = "abbr" if term.abbreviation else "dfn"
    draft = " draft" if term.draft else ""
    return f'<{tag} class="term{draft}" title="{title}" tabindex="0">', f"</{tag}>"


def as_data(rendition: Rendition) -> dict[str, object]:
    return {
        "slug": rendition.slug,
        "audience": rendition.audience,
        "title": rendition.title,
        "blocks": [
            {
                "kind": block.kind,
                "text": block.text,
                "line": block.line,
                "level": block.level,
                "ordered": block.ordered,
                "source": block.source,
            }
            for block in rendition.blocks
        ],
        "terms": [
            {
                "original": term.original,
                "replacement": term.replacement,
                "entry": term.entry,
                "definition": term.definition,
                "kind": term.kind,
                "draft": term.draft,
            }
            for term in rendition.terms
        ],
        "uses_draft": rendition.uses_draft,
        "references": {str(n): source for n, source in rendition.references.items()},
        "disclaimer": rendition.disclaimer,
    }


def result_data(result: Result) -> dict[str, object]:
    """A rendition with its readability, facts check, review state and strategies."""
    data = as_data(result.rendition)
    data["readability"] = {
        **result.scores.as_dict(),
        "grade": round(result.grade, 2),
        "formula": result.formula,
        "target": result.target,
        "meets_target": result.meets_target,
    }
    data["facts"] = {
        "kept": result.facts.kept,
        "checked": result.facts.checked,
        "missing": [m.as_dict() for m in result.facts.missing],
    }
    data["review"] = {
        "status": "pending review" if result.rendition.uses_draft else "approved",
        "draft_entries": result.rendition.draft_entries,
    }
    data["strategies"] = [run.as_dict() for run in result.strategies]
    data["hard_sentences"] = [
        {"text": s.text, "grade": s.grade, "words": s.words, "long_words": list(s.long_words)}
        for s in result.hard_sentences
    ]
    return data


def _with_markers(blocks: tuple[RenderedBlock, ...]) -> Iterator[tuple[RenderedBlock, str]]:
    counters: dict[int, tuple[bool, int]] = {}
    for block in blocks:
        if block.kind != "list_item":
            counters.clear()
            yield block, ""
            continue
        for deeper in [level for level in counters if level > block.level]:
            del counters[deeper]
        ordered, count = counters.get(block.level, (block.ordered, 0))
        count = count + 1 if ordered == block.ordered else 1
        counters[block.level] = (block.ordered, count)
        yield block, f"{count}." if block.ordered else "-"


def _references_text(rendition: Rendition) -> list[str]:
    if not rendition.references:
        return []
    return ["References", *(f"[{n}] {s}" for n, s in rendition.references.items())]


def _tidy(text: str) -> str:
    lines = text.split("\n")
    tidy: list[str] = []
    for line in lines:
        if line == "" and (not tidy or tidy[-1] == ""):
            continue
        tidy.append(line.rstrip())
    return "\n".join(tidy).strip() + "\n"
