from __future__ import annotations

import json
from html.parser import HTMLParser

from service import output

BODY = """## Section
The patient's cytopenia [1] after IVIG & <care>.

- first item
  - nested item
- second item

1. step one
2. step two
"""


class TagCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[dict] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.append(dict(attrs))


def rendition(renderer):
    return renderer.rendition(BODY.replace(" & <care>", ""), references='  1: "Source A"')


def test_html_is_escaped_and_marks_swapped_terms(renderer):
    html = output.as_html(renderer.rendition('Cytopenia is rare if x < 5 & y > 2 "often".'))
    assert "if x &lt; 5 &amp; y &gt; 2 &quot;often&quot;." in html
    assert (
        '<dfn class="term" title="Cytopenia: Cytopenia means there are too few blood cells." '
        'tabindex="0">Low blood count (cytopenia)</dfn>'
    ) in html


def test_html_nests_lists_and_marks_citations_terms_and_references(renderer):
    parser = TagCollector()
    html = output.as_html(rendition(renderer))
    parser.feed(html)
    assert parser.tags.count("ul") == 2 and parser.tags.count("ol") == 2
    assert html.count("<li>") == 5
    assert '<sup class="citation">[1]</sup>' in html
    assert {"abbr", "dfn"} <= set(parser.tags)
    assert '<li value="1">Source A</li>' in html
    assert html.count("<ul>") == html.count("</ul>")


def test_markdown_and_text_keep_structure_references_and_disclaimer(renderer):
    item = rendition(renderer)
    markdown = output.as_markdown(item)
    assert "## Section" in markdown
    assert "\n- first item\n   - nested item\n- second item" in markdown
    assert "\n1. step one\n2. step two" in markdown
    assert "1. Source A" in markdown and item.disclaimer in markdown
    text = output.as_text(item)
    assert "[1] Source A" in text and "  - nested item" in text


def test_text_sets_a_paragraph_after_a_list_apart(renderer):
    """A paragraph right after a list's last item would read as one more item."""
    text = output.as_text(renderer.rendition("Choose one:\n\n- rest\n- ice\n\nThen walk daily."))
    assert "- ice\n\nThen walk daily." in text


def test_a_summary_stands_apart_from_the_paragraphs(renderer):
    """ "What this means for you: ..." is a callout on the page and a quote in Markdown."""
    body = (
        "## Next step\nCytopenia is common in long courses of strong treatment for arthritis "
        "and other diseases of the joints. The patient should have a blood test every month [1]."
    )
    item = renderer.result(body, references='  1: "A"').rendition
    assert [b.kind for b in item.blocks][:2] == ["heading", "summary"]
    assert '<p class="mr-summary">What this means for you: you should' in output.body_html(item)
    assert "\n> What this means for you: you should" in output.as_markdown(item)
    assert "\nWhat this means for you: you should" in output.as_text(item)


def test_json_data_has_blocks_and_terms(renderer):
    data = output.as_data(rendition(renderer))
    json.dumps(data)
    assert {"slug", "audience", "blocks", "terms", "disclaimer", "uses_draft"} <= set(data)
    assert {"kind", "text"} <= set(data["blocks"][0])
    assert {"original", "replacement", "entry"} <= set(data["terms"][0])
