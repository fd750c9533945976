"""A rendition as text, Markdown, an HTML fragment or JSON-ready data.

The HTML is a fragment, escaped throughout: every swapped term is wrapped in
`<dfn>` (or `<abbr>` for abbreviations) whose title holds the clinical word and
its definition, so a reader can see what their doctor would call it.
"""

from __future__ import annotations

import html
from collections.abc import Iterator

from .render import RenderedBlock, Rendition, TermAnnotation

FORMATS = ("text", "markdown", "html", "json")


def as_text(rendition: Rendition) -> str:
    lines = [rendition.title, ""]
    for block, marker in _with_markers(rendition.blocks):
        if block.kind == "heading":
            lines += ["", block.text, ""]
        elif block.kind == "list_item":
            lines.append("  " * (block.level - 1) + f"{marker} {block.text}")
        else:
            lines += [block.text, ""]
    lines += ["", *_references_text(rendition), "", rendition.disclaimer]
    return _tidy("\n".join(lines))


def as_markdown(rendition: Rendition) -> str:
    lines = [f"# {rendition.title}", ""]
    for block, marker in _with_markers(rendition.blocks):
        if block.kind == "heading":
            lines += ["", "#" * block.level + " " + block.text, ""]
        elif block.kind == "list_item":
            lines.append("   " * (block.level - 1) + f"{marker} {block.text}")
        else:
            lines += ["", block.text, ""]
    if rendition.references:
        lines += ["", "## References", ""]
        lines += [f"{n}. {source}" for n, source in rendition.references.items()]
    lines += ["", "---", "", rendition.disclaimer]
    return _tidy("\n".join(lines))


def as_html(rendition: Rendition) -> str:
    out = [f"<h1>{html.escape(rendition.title)}</h1>"]
    lists: list[str] = []
    for block in rendition.blocks:
        depth = block.level if block.kind == "list_item" else 0
        while len(lists) > depth:
            out.append(f"</li></{lists.pop()}>")
        tag = "ol" if block.ordered else "ul"
        if block.kind == "list_item" and len(lists) == depth and lists[-1] != tag:
            out.append(f"</li></{lists.pop()}>")
        if block.kind == "list_item":
            if len(lists) == depth:
                out.append("</li>")
            while len(lists) < depth:
                lists.append(tag)
                out.append(f"<{lists[-1]}>")
            out.append(f"<li>{inline_html(block)}")
        elif block.kind == "heading":
            level = max(block.level, 2)
            out.append(f"<h{level}>{inline_html(block)}</h{level}>")
        else:
            out.append(f"<p>{inline_html(block)}</p>")
    while lists:
        out.append(f"</li></{lists.pop()}>")
    if rendition.references:
        out.append('<section class="references"><h2>References</h2><ol>')
        out += [
            f'<li value="{n}">{html.escape(source)}</li>'
            for n, source in rendition.references.items()
        ]
        out.append("</ol></section>")
    out.append(f'<p class="disclaimer">{html.escape(rendition.disclaimer)}</p>')
    return "\n".join(out) + "\n"


def inline_html(block: RenderedBlock) -> str:
    """Escaped block text with its terms, citations and links marked up."""
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
    out, cursor = [], 0
    for start, end, opening, closing in sorted(marks):
        if start < cursor:
            continue
        out += [html.escape(block.text[cursor:start]), opening]
        out += [html.escape(block.text[start:end]), closing]
        cursor = end
    out.append(html.escape(block.text[cursor:]))
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
