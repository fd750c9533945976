"""The QA report as one self-contained HTML page: inline CSS, charts as inline SVG.

The command line writes it to a file; the web app serves the same page at
`/qa`, passing `drill_down_url` so each row links to the article page of that
audience with its hard sentences highlighted. Nothing is fetched: no script, no
font, no stylesheet from elsewhere. Every text from articles is escaped.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from .qa import AudienceSummary, QAReport, RenditionQA

DrillDown = Callable[[str, str], str]

CHART_WIDTH, CHART_HEIGHT = 560, 220
MARGIN_LEFT, MARGIN_BOTTOM, MARGIN_TOP = 36, 34, 16

STYLE = """
body{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;
color:#1b1b1b}
h1,h2,h3{line-height:1.2}
table{border-collapse:collapse;margin:1rem 0;width:100%}
table.totals{width:auto}
th,td{border:1px solid #c8c8c8;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f0f0f0}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.miss{color:#8a1c1c;font-weight:600}
.ok{color:#1d5e2b}
figure{margin:1rem 0}
figcaption{font-size:.9rem;color:#444}
details{margin:.5rem 0 1rem}
summary{cursor:pointer;font-weight:600}
.bar{fill:#4a6fa5}
.target{stroke:#b0302b;stroke-width:2;stroke-dasharray:6 4}
.axis{stroke:#555}
svg text{font:12px system-ui,sans-serif;fill:#333}
"""


def report_page(
    report: QAReport, drill_down_url: DrillDown | None = None, title: str = "Content QA report"
) -> str:
    """A complete HTML document; `drill_down_url(slug, audience)` links rows to article
    pages (without it, rows link to the article's section further down the page)."""
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        f"<main>\n<h1>{escape(title)}</h1>\n{report_body(report, drill_down_url)}</main>\n"
        "</body>\n</html>\n"
    )


def report_body(report: QAReport, drill_down_url: DrillDown | None = None) -> str:
    """The report's sections without the document around them, for a page layout."""
    link = drill_down_url or (lambda slug, audience: f"#article-{slug}")
    return "".join(
        [
            _totals(report),
            _charts(report),
            _ranked_table(report, link),
            _uncovered_table(report),
            _article_details(report, link),
        ]
    )


def _totals(report: QAReport) -> str:
    labels = {
        "articles": "Articles",
        "renditions": "Renditions (article and audience)",
        "misses": "Renditions above their reading-level target",
        "facts_lost": "Renditions that lose a fact",
        "uses_draft": "Renditions using draft glossary entries",
        "articles_with_problems": "Articles needing work",
        "uncovered_words": "Hard words no glossary covers",
        "uncovered_uses": "Uses of those words",
    }
    rows = "".join(
        f'<tr><th scope="row">{escape(labels[key])}</th><td class="num">{value}</td></tr>'
        for key, value in report.totals().items()
    )
    return f'<h2 id="totals">Totals</h2>\n<table class="totals"><tbody>{rows}</tbody></table>\n'


def _charts(report: QAReport) -> str:
    figures = "".join(
        f"<figure>{grade_histogram_svg(summary)}<figcaption>{escape(_caption(summary))}"
        "</figcaption></figure>\n"
        for summary in report.audiences
    )
    return f'<h2 id="grades">Grades per audience</h2>\n{figures}'


def _caption(summary: AudienceSummary) -> str:
    target = (
        f"target grade {summary.target:g} ({summary.formula}), {summary.misses} above it"
        if summary.target is not None
        else "no target"
    )
    return (
        f"{summary.label}: {len(summary.grades)} renditions, mean grade "
        f"{summary.mean_grade:.1f}; {target}."
    )


def grade_histogram_svg(summary: AudienceSummary) -> str:
    """Renditions per one-grade bin as bars, the target as a dashed vertical line."""
    bins = summary.histogram()
    plot_w = CHART_WIDTH - MARGIN_LEFT - 8
    plot_h = CHART_HEIGHT - MARGIN_BOTTOM - MARGIN_TOP
    most = max((count for _, _, count in bins), default=0) or 1
    bar_w = plot_w / len(bins)
    base = MARGIN_TOP + plot_h
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{CHART_WIDTH}" height="{CHART_HEIGHT}" '
        f'viewBox="0 0 {CHART_WIDTH} {CHART_HEIGHT}" role="img" '
        f'aria-labelledby="chart-{escape(summary.id)}">',
        f'<title id="chart-{escape(summary.id)}">{escape(_caption(summary))}</title>',
        f'<line class="axis" x1="{MARGIN_LEFT}" y1="{base}" x2="{CHART_WIDTH - 8}" y2="{base}"/>',
        f'<line class="axis" x1="{MARGIN_LEFT}" y1="{MARGIN_TOP}" x2="{MARGIN_LEFT}" y2="{base}"/>',
        f'<text x="{MARGIN_LEFT - 6}" y="{MARGIN_TOP + 4}" text-anchor="end">{most}</text>',
        f'<text x="{MARGIN_LEFT - 6}" y="{base}" text-anchor="end">0</text>',
        f'<text x="{MARGIN_LEFT + plot_w / 2:.1f}" y="{CHART_HEIGHT - 4}" '
        f'text-anchor="middle">grade ({escape(summary.formula)})</text>',
    ]
    label_every = max(1, len(bins) // 12)
    for index, (low, high, count) in enumerate(bins):
        x = MARGIN_LEFT + index * bar_w
        height = plot_h * count / most
        parts.append(
            f'<rect class="bar" x="{x + 1:.1f}" y="{base - height:.1f}" '
            f'width="{max(bar_w - 2, 1):.1f}" height="{height:.1f}">'
            f"<title>grade {low} to {high}: {count}</title></rect>"
        )
        if index % label_every == 0:
            parts.append(f'<text x="{x:.1f}" y="{base + 14}" text-anchor="middle">{low}</text>')
    if summary.target is not None:
        x = MARGIN_LEFT + summary.target * bar_w
        parts.append(
            f'<line class="target" x1="{x:.1f}" y1="{MARGIN_TOP}" x2="{x:.1f}" y2="{base}"/>'
            f'<text x="{x + 4:.1f}" y="{MARGIN_TOP + 10}">target {summary.target:g}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _ranked_table(report: QAReport, link: DrillDown) -> str:
    header = (
        '<tr><th scope="col">Article</th><th scope="col">Audience</th>'
        '<th scope="col">Grade</th><th scope="col">Target</th><th scope="col">Meets</th>'
        '<th scope="col">Facts</th><th scope="col">Draft entries used</th>'
        '<th scope="col">Strategies</th><th scope="col">Uncovered words</th></tr>'
    )
    rows = []
    for article in report.ranked:
        for r in article.renditions:
            rows.append(
                "<tr>"
                f'<th scope="row">{escape(article.title)}<br><small>{escape(article.slug)}'
                "</small></th>"
                f'<td><a href="{escape(link(article.slug, r.audience))}">'
                f"{escape(r.audience)}</a></td>"
                f'<td class="num">{r.grade:.1f}</td>'
                f'<td class="num">{"-" if r.target is None else f"{r.target:g}"}</td>'
                f"<td>{_meets(r)}</td><td>{_facts(r)}</td>"
                f'<td class="num">{len(r.draft_entries)}</td>'
                f"<td>{escape(', '.join(str(s['name']) for s in r.strategies)) or '-'}</td>"
                f"<td>{escape(', '.join(r.uncovered)) or '-'}</td>"
                "</tr>"
            )
    return (
        '<h2 id="ranked">Articles, worst first</h2>\n'
        f"<table><thead>{header}</thead><tbody>{''.join(rows)}</tbody></table>\n"
    )


def _meets(r: RenditionQA) -> str:
    if r.meets_target:
        return '<span class="ok">yes</span>'
    return f'<span class="miss">no, {r.gap:+.1f}</span>'


def _facts(r: RenditionQA) -> str:
    if r.facts_kept:
        return f'<span class="ok">all {r.facts_checked} kept</span>'
    return f'<span class="miss">{len(r.missing_facts)} lost</span>'


def _uncovered_table(report: QAReport) -> str:
    rows = "".join(
        f'<tr><th scope="row">{escape(w.key)}</th><td>{escape(w.kind)}</td>'
        f'<td class="num">{len(w.articles)}</td><td class="num">{w.count}</td>'
        f"<td>{escape(w.occurrences[0].sentence)}</td></tr>"
        for w in report.top_uncovered
    )
    if not rows:
        return '<h2 id="uncovered">Words most worth a glossary entry</h2>\n<p>None.</p>\n'
    return (
        '<h2 id="uncovered">Words most worth a glossary entry</h2>\n'
        f"<p>Rare in everyday English (wordfreq Zipf below {report.coverage.threshold:g}) "
        "and in no glossary, by the number of articles that use them.</p>\n"
        '<table><thead><tr><th scope="col">Word</th><th scope="col">Kind (guess)</th>'
        '<th scope="col">Articles</th><th scope="col">Uses</th>'
        f'<th scope="col">Example</th></tr></thead><tbody>{rows}</tbody></table>\n'
    )


def _article_details(report: QAReport, link: DrillDown) -> str:
    sections = []
    for article in report.ranked:
        parts = [
            f'<section id="article-{escape(article.slug)}">',
            f"<h3>{escape(article.title)} <small>({escape(article.source)})</small></h3>",
        ]
        for r in article.renditions:
            parts.append(_rendition_details(article.slug, r, link))
        parts.append("</section>")
        sections.append("".join(parts))
    return '<h2 id="articles">Article details</h2>\n' + "\n".join(sections) + "\n"


def _rendition_details(slug: str, r: RenditionQA, link: DrillDown) -> str:
    status = "meets its target" if r.meets_target else f"misses its target by {r.gap:.1f}"
    target = "no target" if r.target is None else f"target {r.target:g}"
    parts = [
        f"<details{' open' if not (r.meets_target and r.facts_kept) else ''}>",
        f"<summary>{escape(r.audience)}: grade {r.grade:.1f}, {target}, {status}</summary>",
        f'<p><a href="{escape(link(slug, r.audience))}">Open this rendition</a></p>',
    ]
    if r.missing_facts:
        items = "".join(f"<li>line {m.line}: {escape(m.describe())}</li>" for m in r.missing_facts)
        parts.append(f"<p>Lost facts:</p><ul>{items}</ul>")
    if r.hardest:
        rows = "".join(
            f'<tr><td class="num">{s.grade:.1f}</td><td class="num">{s.line}</td>'
            f"<td>{escape(s.text)}</td><td>{escape('; '.join(s.reasons)) or '-'}</td></tr>"
            for s in r.hardest
        )
        parts.append(
            "<table><caption>Hardest sentences</caption><thead><tr>"
            '<th scope="col">Grade</th><th scope="col">Line</th><th scope="col">Sentence</th>'
            f'<th scope="col">Why hard</th></tr></thead><tbody>{rows}</tbody></table>'
        )
    if r.draft_entries:
        parts.append(f"<p>Pending review (draft entries): {escape(', '.join(r.draft_entries))}</p>")
    if r.strategies:
        items = "".join(
            f"<li>{escape(str(s['name']))}: grade {s['grade_before']} to {s['grade_after']}"
            + "".join(f"; {escape(str(note))}" for note in s["rolled_back"])
            + "</li>"
            for s in r.strategies
        )
        parts.append(f"<p>Strategies applied:</p><ul>{items}</ul>")
    parts.append("</details>")
    return "".join(parts)
