from __future__ import annotations

import pytest

from service.article import MAX_BYTES, citation_numbers, load_article, parse_article
from service.errors import InputError

from .conftest import ARTICLE_PATHS

GOOD = """---
title: What next?
slug: what-next
updated: 2025-05-18
references:
  1: "Guideline A, 2022"
  2: "Trial B, 2021"
  3: "Review C, 2020"
---
## From the Guidelines
Long prose with IVIG at 2g/kg monthly [1] and
a second line [2] [3].

Before escalating, confirm:

- hydroxychloroquine 200-400mg daily
  - nested detail [1]
- mycophenolate 2-3g daily

1. first step
2. second step

### Sub-heading
Text with a [link](https://example.org/page) and `code`.
"""


def parse(text: str):
    return parse_article(text, "a.md")


def problems_of(text: str | bytes) -> list[str]:
    with pytest.raises(InputError) as caught:
        parse_article(text, "a.md")
    return [str(p) for p in caught.value.problems]


def test_front_matter_fields_are_read():
    article = parse(GOOD)
    assert article.slug == "what-next"
    assert article.title == "What next?"
    assert str(article.updated) == "2025-05-18"
    assert article.references[2] == "Trial B, 2021"
    assert article.warnings == ()


def test_blocks_keep_kind_level_and_source_line():
    blocks = parse(GOOD).blocks
    assert [(b.kind, b.line) for b in blocks[:3]] == [
        ("heading", 10),
        ("paragraph", 11),
        ("paragraph", 14),
    ]
    nested = next(b for b in blocks if b.text.startswith("nested"))
    assert (nested.kind, nested.level, nested.line) == ("list_item", 2, 17)
    ordered = [b for b in blocks if b.ordered]
    assert [b.text for b in ordered] == ["first step", "second step"]


def test_soft_line_breaks_join_into_one_paragraph():
    paragraph = parse(GOOD).blocks[1]
    assert paragraph.text == (
        "Long prose with IVIG at 2g/kg monthly [1] and a second line [2] [3]."
    )


def test_citations_are_recognised_with_offsets():
    paragraph = parse(GOOD).blocks[1]
    assert [c.numbers for c in paragraph.citations] == [(1,), (2,), (3,)]
    assert [paragraph.text[c.start : c.end] for c in paragraph.citations] == ["[1]", "[2]", "[3]"]


@pytest.mark.parametrize(
    ("text", "numbers"),
    [("[1]", (1,)), ("[2, 3]", (2, 3)), ("[4-6]", (4, 5, 6)), ("[2,3, 7]", (2, 3, 7))],
)
def test_citation_numbers(text, numbers):
    assert citation_numbers(text) == numbers


def test_a_markdown_link_is_not_a_citation():
    block = parse(GOOD).blocks[-1]
    assert block.citations == ()
    assert block.text == "Text with a link and code."
    (link,) = block.links
    assert (link.href, block.text[link.start : link.end]) == ("https://example.org/page", "link")


def test_unknown_front_matter_key_is_a_warning_naming_it():
    article = parse(GOOD.replace("slug: what-next", "slug: what-next\nauthr: me"))
    (warning,) = article.warnings
    assert str(warning) == "a.md:4: authr: unknown front matter key 'authr' is ignored"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("no front matter here", "a.md:1: the article has no front matter"),
        ("---\ntitle: [oops\n---\nbody", "a.md:3: not valid YAML"),
        ("---\nslug: x\n---\nbody", "a.md:1: title: the front matter has no 'title'; add it"),
        ("---\ntitle: T\n---\nbody", "a.md:1: slug: the front matter has no 'slug'; add it"),
        ("---\ntitle: T\nslug: Not A Slug\n---\nbody", "a.md:3: slug: use lower-case letters"),
        ("---\ntitle: T\nslug: s\nupdated: soon\n---\nbody", "a.md:4: updated: not a valid date"),
        ("---\ntitle: T\nslug: s\n---\n\n", "a.md: the article has no text after"),
        (
            "---\ntitle: T\nslug: s\nreferences:\n  1: A\n---\nClaim [2].",
            "a.md:7: references: citation [2] has no entry in 'references'",
        ),
        ("---\ntitle: T\nslug: s\n---\nHi <b>there</b>", "a.md:5: raw HTML is not allowed"),
        ("---\ntitle: T\nslug: s\n---\n<div>x</div>\n", "a.md:5: raw HTML is not allowed"),
        (
            "---\ntitle: T\nslug: s\n---\n| a | b |\n|---|---|\n| 1 | 2 |\n",
            "a.md:5: Markdown tables are not supported yet",
        ),
        ("---\ntitle: T\nslug: s\n---\n![x](y.png)\n", "a.md:5: an image is not supported"),
    ],
)
def test_bad_article_gets_one_clear_line(text, expected):
    problems = problems_of(text)
    assert any(p.startswith(expected) for p in problems), problems


def test_every_problem_is_listed_not_only_the_first():
    text = "---\ntitle: T\nslug: s\nreferences:\n  1: A\n---\nA [4].\n\nB [5].\n\n|a|\n|-|\n|1|\n"
    problems = problems_of(text)
    assert len(problems) == 3


def test_not_utf8_and_too_large_files_are_refused():
    assert problems_of(b"---\ntitle: T\nslug: s\n---\nbad \xff byte")[0] == (
        "a.md:5: the file is not UTF-8 text; save it as UTF-8 and try again"
    )
    big = "---\ntitle: T\nslug: s\n---\n" + "word " * (MAX_BYTES // 5 + 1)
    assert "over the 1048576 byte limit" in problems_of(big)[0]


def test_missing_file_is_a_problem_not_a_traceback(tmp_path):
    with pytest.raises(InputError) as caught:
        load_article(tmp_path / "nope.md")
    assert "no such file" in str(caught.value)


def test_a_folder_named_like_an_article_is_a_problem_not_a_traceback(tmp_path):
    (tmp_path / "notes.md").mkdir()
    with pytest.raises(InputError) as caught:
        load_article(tmp_path / "notes.md")
    assert str(caught.value) == (
        f"{tmp_path}/notes.md: cannot read it (Is a directory); give a readable file"
    )


@pytest.mark.parametrize("path", ARTICLE_PATHS, ids=lambda p: p.stem)
def test_example_articles_parse_in_our_shape(path):
    article = load_article(path)
    assert article.slug == path.stem
    assert article.warnings == ()
    headings = [b.text for b in article.blocks if b.kind == "heading" and b.level == 2]
    assert headings == ["From the Guidelines", "From the Research"]
    words = sum(len(b.text.split()) for b in article.blocks)
    assert 400 <= words <= 1200
    assert set(article.cited_numbers) == set(article.references)
    assert any(b.kind == "list_item" for b in article.blocks)


CLOSING_DISCLAIMERS = [
    "## Treatment\nRest for 2 days [1].\n\nDisclaimer: Written for licensed clinicians. It "
    "does not replace clinical judgment.",
    "## Treatment\nRest for 2 days [1].\n\n## Professional Medical Disclaimer\nWritten for "
    "licensed clinicians.\n\nIt does not replace clinical judgment.",
]


@pytest.mark.parametrize("body", CLOSING_DISCLAIMERS)
def test_a_closing_disclaimer_is_kept_apart_from_the_body(body):
    article = parse(f'---\ntitle: T\nslug: t\nreferences:\n  1: "A"\n---\n{body}\n')
    assert [b.text for b in article.blocks] == ["Treatment", "Rest for 2 days [1]."]
    assert article.disclaimer == (
        "Written for licensed clinicians. It does not replace clinical judgment."
    )


@pytest.mark.parametrize(
    "body",
    [
        # not at the end: a paragraph about disclaimers, not the article's own
        "Disclaimer: read the label first.\n\nRest for 2 days.",
        # a cited claim is the article's text, whatever it opens with
        "Rest for 2 days.\n\nDisclaimer: the doses follow the label [1].",
        "## Disclaimer\nRest for 2 days.\n\n- then walk",
    ],
)
def test_text_that_only_looks_like_a_disclaimer_stays_in_the_body(body):
    article = parse(f'---\ntitle: T\nslug: t\nreferences:\n  1: "A"\n---\n{body}\n')
    assert article.disclaimer == ""
    text = " ".join(b.text for b in article.blocks)
    assert "Rest for 2 days" in text and ("label" in text or "Disclaimer" in text)
