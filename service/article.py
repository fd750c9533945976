"""The canonical article: a Markdown file with YAML front matter, parsed into blocks.

Blocks (headings, paragraphs, list items) are the unit every later stage works
on, so each keeps its source line for error messages and QA reports, and its
inline citations as spans rather than as loose "[1]" text.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import frontmatter
from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from marshmallow import EXCLUDE, Schema, fields, pre_load, validate

from . import errors
from .datafile import LineDict, did_you_mean, load_yaml, schema_problems
from .errors import InputError, Problem

MAX_BYTES = 1024 * 1024
KNOWN_KEYS = ("title", "slug", "updated", "references", "tags", "source", "license")
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
BLOCK_KINDS = ("heading", "paragraph", "list_item")

_CITATION_BODY = re.compile(r"\[(\d{1,3}(?:\s*[,\u2013-]\s*\d{1,3})*)\]")


@dataclass(frozen=True)
class Citation:
    """A numbered citation such as [2] or [2, 3], at char offsets of its block's text."""

    numbers: tuple[int, ...]
    start: int
    end: int


@dataclass(frozen=True)
class Link:
    href: str
    start: int
    end: int


@dataclass(frozen=True)
class Block:
    kind: str
    text: str
    line: int
    level: int = 0
    ordered: bool = False
    citations: tuple[Citation, ...] = ()
    links: tuple[Link, ...] = ()


@dataclass(frozen=True)
class Article:
    slug: str
    title: str
    blocks: tuple[Block, ...]
    source: str
    updated: date | None = None
    references: dict[int, str] = field(default_factory=dict)
    tags: tuple[str, ...] = ()
    origin: str | None = None
    license: str | None = None
    digest: str = ""
    warnings: tuple[Problem, ...] = ()
    disclaimer: str = ""  # the article's own, for the readers it was written for

    @property
    def cited_numbers(self) -> list[int]:
        return [n for block in self.blocks for c in block.citations for n in c.numbers]


class FrontMatterSchema(Schema):
    class Meta:
        unknown = EXCLUDE

    title = fields.String(required=True, validate=validate.Length(min=1))
    slug = fields.String(
        required=True,
        validate=validate.Regexp(
            SLUG_PATTERN, error="use lower-case letters, digits and single hyphens"
        ),
    )
    updated = fields.Date(load_default=None)
    references = fields.Dict(
        keys=fields.Integer(strict=False),
        values=fields.String(validate=validate.Length(min=1)),
        load_default=dict,
    )
    tags = fields.List(fields.String(), load_default=list)
    source = fields.String(load_default=None)
    license = fields.String(load_default=None)

    @pre_load
    def _dates_as_text(self, data: Any, **_: Any) -> Any:
        if isinstance(data, dict) and isinstance(data.get("updated"), date):
            data = LineDict(data) | {"updated": data["updated"].isoformat()}
        return data


def _citation_rule(state: StateInline, silent: bool) -> bool:
    """Inline rule: "[1]", "[2, 3]" or "[4-6]" not followed by "(" or "[" (a link)."""
    if state.src[state.pos] != "[":
        return False
    match = _CITATION_BODY.match(state.src, state.pos)
    if match is None:
        return False
    after = state.src[match.end() : match.end() + 1]
    if after in ("(", "["):
        return False
    if not silent:
        token = state.push("citation", "", 0)
        token.content = match.group(0)
        token.meta = {"numbers": citation_numbers(match.group(0))}
    state.pos = match.end()
    return True


def citation_numbers(text: str) -> tuple[int, ...]:
    """Numbers of a citation such as "[2, 3]" or "[4-6]" (a short range is expanded)."""
    numbers: list[int] = []
    for part in text.strip("[]").split(","):
        bounds = [b.strip() for b in part.replace("\u2013", "-").split("-")]
        if len(bounds) == 2 and all(b.isdigit() for b in bounds):
            low, high = int(bounds[0]), int(bounds[1])
            numbers.extend(range(low, high + 1) if low < high <= low + 20 else (low, high))
        else:
            numbers.extend(int(b) for b in bounds if b.isdigit())
    return tuple(numbers)


def markdown_parser() -> MarkdownIt:
    md = MarkdownIt("commonmark").enable("table")
    md.inline.ruler.before("link", "citation", _citation_rule)
    return md


def load_article(path: str | Path, md: MarkdownIt | None = None) -> Article:
    """Read and parse an article file; every problem is raised together as InputError."""
    path = Path(path)
    source = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise errors.unreadable(source, exc) from None
    return parse_article(raw, source, md)


def read_articles(
    paths: Iterable[Path], md: MarkdownIt | None = None
) -> tuple[list[Article], list[Problem]]:
    """Every article of `paths` that parses, and every problem of those that do not, so
    that one run names all the files to fix."""
    md = md or markdown_parser()
    articles, problems = [], []
    for path in paths:
        try:
            articles.append(load_article(path, md))
        except InputError as exc:
            problems.extend(exc.problems)
    return articles, problems


def parse_article(raw: bytes | str, source: str, md: MarkdownIt | None = None) -> Article:
    data = raw.encode("utf-8") if isinstance(raw, str) else raw
    if len(data) > MAX_BYTES:
        raise InputError(
            [errors.problem(errors.TOO_LARGE, source, size=len(data), limit=MAX_BYTES)]
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError([errors.problem(errors.NOT_UTF8, source, line=line)]) from None
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    meta, warnings, body, body_offset = _front_matter(text, source)
    problems: list[Problem] = []
    blocks = _blocks(body, body_offset, source, md or markdown_parser(), problems)
    blocks, disclaimer = _without_own_disclaimer(blocks)
    if not blocks and not problems:
        problems.append(errors.problem(errors.EMPTY_BODY, source))
    problems.extend(_citation_problems(blocks, meta["references"], source))
    if problems:
        raise InputError(problems)
    return Article(
        slug=meta["slug"],
        title=meta["title"],
        blocks=tuple(blocks),
        source=source,
        updated=meta["updated"],
        references=dict(sorted(meta["references"].items())),
        tags=tuple(meta["tags"]),
        origin=meta["source"],
        license=meta["license"],
        digest=hashlib.sha256(data).hexdigest(),
        warnings=tuple(warnings),
        disclaimer=disclaimer,
    )


def _front_matter(text: str, source: str) -> tuple[dict, list[Problem], str, int]:
    if not frontmatter.checks(text):
        raise InputError([errors.problem(errors.NO_FRONT_MATTER, source, line=1)])
    head, body = frontmatter.YAMLHandler().split(text)
    offset = text[: len(text) - len(body)].count("\n")
    data = load_yaml(head, source)
    if not isinstance(data, LineDict):
        raise InputError([errors.problem(errors.FRONT_MATTER_NOT_MAPPING, source, line=1)])
    warnings = [
        errors.problem(
            errors.UNKNOWN_KEY,
            source,
            line=data.line_of(key),
            field=str(key),
            key=key,
            hint=did_you_mean(str(key), list(KNOWN_KEYS)),
        )
        for key in data
        if key not in KNOWN_KEYS
    ]
    problems = [
        errors.problem(errors.MISSING_KEY, source, line=1, field=key, key=key)
        for key in ("title", "slug")
        if data.get(key) in (None, "")
    ]
    if problems:
        raise InputError(problems)
    schema = FrontMatterSchema()
    loaded_errors = schema.validate(data)
    if loaded_errors:
        raise InputError(list(schema_problems(loaded_errors, data, source, schema)))
    return schema.load(data), warnings, body, offset


class _BlockBuilder:
    """Walks markdown-it's token stream and collects our blocks."""

    def __init__(self, offset: int, source: str, problems: list[Problem]):
        self.offset = offset
        self.source = source
        self.problems = problems
        self.blocks: list[Block] = []
        self.lists: list[bool] = []
        self.heading_level = 0

    def line_of(self, token: Token) -> int:
        return (token.map[0] if token.map else 0) + self.offset + 1

    def reject(self, token: Token, message: errors.Message, **values: object) -> None:
        self.problems.append(
            errors.problem(message, self.source, line=self.line_of(token), **values)
        )

    def take(self, token: Token) -> None:
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            self.lists.append(kind == "ordered_list_open")
        elif kind in ("bullet_list_close", "ordered_list_close"):
            self.lists.pop()
        elif kind == "heading_open":
            self.heading_level = int(token.tag[1])
        elif kind == "heading_close":
            self.heading_level = 0
        elif kind == "inline":
            self.add_inline(token)
        elif kind == "html_block":
            self.reject(token, errors.RAW_HTML, snippet=_snippet(token.content))
        elif kind == "table_open":
            self.reject(token, errors.TABLE)
        elif kind in ("fence", "code_block"):
            self.reject(
                token,
                errors.UNSUPPORTED_BLOCK,
                what="a code block",
                advice="write it as a paragraph or remove the indentation",
            )

    def add_inline(self, token: Token) -> None:
        raw, citations, links = self.inline_text(token)
        text = raw.strip()
        if not text:
            return
        lead = len(raw) - len(raw.lstrip())
        if self.heading_level:
            kind, level, ordered = "heading", self.heading_level, False
        elif self.lists:
            kind, level, ordered = "list_item", len(self.lists), self.lists[-1]
        else:
            kind, level, ordered = "paragraph", 0, False
        self.blocks.append(
            Block(
                kind,
                text,
                self.line_of(token),
                level,
                ordered,
                tuple(Citation(c.numbers, c.start - lead, c.end - lead) for c in citations),
                tuple(Link(k.href, k.start - lead, k.end - lead) for k in links),
            )
        )

    def inline_text(self, token: Token) -> tuple[str, list[Citation], list[Link]]:
        parts: list[str] = []
        citations: list[Citation] = []
        links: list[Link] = []
        open_links: list[tuple[str, int]] = []
        length = 0
        for child in token.children or []:
            piece = ""
            if child.type in ("text", "code_inline"):
                piece = child.content
            elif child.type in ("softbreak", "hardbreak"):
                piece = " "
            elif child.type == "citation":
                piece = child.content
                citations.append(Citation(child.meta["numbers"], length, length + len(piece)))
            elif child.type == "link_open":
                open_links.append((str(child.attrs.get("href", "")), length))
            elif child.type == "link_close" and open_links:
                href, start = open_links.pop()
                links.append(Link(href, start, length))
            elif child.type == "html_inline":
                self.reject(token, errors.RAW_HTML, snippet=_snippet(child.content))
            elif child.type == "image":
                self.reject(
                    token,
                    errors.UNSUPPORTED_BLOCK,
                    what="an image",
                    advice="describe it in words instead",
                )
            parts.append(piece)
            length += len(piece)
        return "".join(parts), citations, links


def _blocks(
    body: str, offset: int, source: str, md: MarkdownIt, problems: list[Problem]
) -> list[Block]:
    builder = _BlockBuilder(offset, source, problems)
    for token in md.parse(body):
        builder.take(token)
    return builder.blocks


# "Disclaimer: ...", "Medical disclaimer: ..." as the last paragraph of the body.
DISCLAIMER_LEAD = re.compile(r"(?:[A-Za-z]+ ){0,2}disclaimer\s*:\s*", re.IGNORECASE)


def _without_own_disclaimer(blocks: list[Block]) -> tuple[list[Block], str]:
    """The body without the disclaimer it closes with, and that disclaimer.

    Articles written for clinicians often end with one ("This information is intended for
    healthcare professionals ..."): read as a paragraph, it would tell a patient the page
    is not for them, under the patient's own disclaimer. Kept apart, it is shown to the
    readers the article was written for, and each other audience gets its own instead.
    Only a closing section headed "... Disclaimer" or a closing "Disclaimer: ..."
    paragraph, and never one that cites a reference."""
    heading = next((k for k in range(len(blocks) - 1, -1, -1) if blocks[k].kind == "heading"), None)
    if heading is not None and "disclaimer" in blocks[heading].text.lower():
        after = blocks[heading + 1 :]
        if after and all(b.kind == "paragraph" and not b.citations for b in after):
            return blocks[:heading], " ".join(b.text for b in after)
    last = blocks[-1] if blocks else None
    if last is not None and last.kind == "paragraph" and not last.citations:
        lead = DISCLAIMER_LEAD.match(last.text)
        if lead is not None and last.text[lead.end() :].strip():
            return blocks[:-1], last.text[lead.end() :].strip()
    return blocks, ""


def _citation_problems(
    blocks: list[Block], references: dict[int, str], source: str
) -> list[Problem]:
    if not references:
        return []
    return [
        errors.problem(
            errors.UNKNOWN_CITATION, source, line=block.line, field="references", number=number
        )
        for block in blocks
        for citation in block.citations
        for number in citation.numbers
        if number not in references
    ]


def _snippet(html: str) -> str:
    first = html.strip().splitlines()[0] if html.strip() else html
    return repr(first[:40])
