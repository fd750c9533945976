from __future__ import annotations

import dataclasses

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service.facts import compare

from .conftest import ARTICLE_PATHS, AUDIENCE_IDS, PROBE_PATHS


def facts_of(engine, text: str):
    (analysed,) = engine.analyser.analyse_texts([text], [0], [None])
    return analysed.facts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("IVIG at 2g/kg monthly", {("quantity", "2 g/kg"), ("drug", "ivig")}),
        ("hydroxychloroquine 200-400mg daily", {("quantity", "200-400 mg"),
                                                ("drug", "hydroxychloroquine")}),
        ("rates of 72.5% to 75% [2] [3]", {("quantity", "72.5%-75%"), ("citation", "2"),
                                         ("citation", "3")}),
        ("for 6 months with no infections", {("quantity", "6 months"), ("negation", "no")}),
        ("Plaquenil, not without care", {("drug", "hydroxychloroquine"), ("negation", "not"),
                                         ("negation", "without")}),
        ("a dose of 8mg/kg/hr", {("quantity", "8 mg/kg/hr")}),
        ("a TSH of 0.5 to 4.5 mIU/L", {("quantity", "0.5-4.5 mIU/L")}),
    ],
)  # fmt: skip
def test_facts_are_extracted_with_units_and_ranges(small_engine, text, expected):
    assert {(f.kind, f.value) for f in facts_of(small_engine, text)} == expected


def test_brand_and_generic_are_the_same_drug(small_engine):
    canonical = facts_of(small_engine, "Actemra helps")
    assert compare(canonical, facts_of(small_engine, "tocilizumab helps"), [1]).kept


def test_a_lost_fact_is_reported_with_its_block_line(small_engine):
    canonical = facts_of(small_engine, "No cytopenia on IVIG at 2g/kg [1]")
    changed = facts_of(small_engine, "Cytopenia on IVIG at 1g/kg")
    check = compare(canonical, changed, [42])
    assert not check.kept
    assert sorted(str(m) for m in check.missing) == [
        "line 42: citation '[1]' is missing",
        "line 42: negation 'No' is missing",
        "line 42: number '2g/kg' is missing",
    ]


def test_facts_count_per_block_not_per_article(small_engine):
    first = facts_of(small_engine, "no rash")
    second = [dataclasses.replace(f, block=1) for f in first]
    assert not compare(first, second, [1, 2]).kept


@pytest.mark.parametrize("audience", AUDIENCE_IDS)
@pytest.mark.parametrize("path", ARTICLE_PATHS, ids=lambda p: p.stem)
def test_every_example_rendition_keeps_every_fact(results, path, audience):
    result = results[(path.stem, audience)]
    assert result.facts.checked > 20
    assert [str(m) for m in result.facts.missing] == []


@pytest.mark.parametrize("audience", AUDIENCE_IDS)
@pytest.mark.parametrize("path", PROBE_PATHS, ids=lambda p: p.stem)
def test_an_article_the_rules_were_not_written_for_keeps_every_fact(probe_results, path, audience):
    result = probe_results[(path.stem, audience)]
    assert result.facts.checked > 20
    assert [str(m) for m in result.facts.missing] == []


def test_a_tampered_rendition_fails_the_check(engine, results):
    result = results[(ARTICLE_PATHS[0].stem, "patient")]
    analysis = engine.analyse(engine.load_article(ARTICLE_PATHS[0]))
    texts = [b.text.replace("not ", "").replace("[1]", "") for b in result.rendition.blocks]
    analysed = engine.analyser.analyse_texts(
        texts, [b.source for b in result.rendition.blocks], [None] * len(texts)
    )
    check = compare(analysis.facts, [f for a in analysed for f in a.facts], analysis.lines)
    assert not check.kept
    assert {m.fact.kind for m in check.missing} >= {"citation"}


TERMS = [
    "cytopenia", "cytopenias", "refractory", "CBC", "IVIG", "Actemra (tocilizumab)",
    "complete blood count (CBC)", "haemoglobin", "tapered", "the patient", "the patient's",
]  # fmt: skip
DOSES = ["2g/kg", "200-400mg", "72.5% to 75%", "6 months", "1 g", "8mg/kg/hr", "20 mg"]
NEGATIONS_USED = ["no", "not", "without", "never"]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    parts=st.lists(
        st.one_of(
            st.sampled_from(TERMS),
            st.sampled_from(DOSES),
            st.sampled_from(NEGATIONS_USED),
            st.sampled_from(["[1]", "[2, 3]", "and", "with", "for", "a", "an", "after", "is"]),
        ),
        min_size=3,
        max_size=14,
    ),
    audience=st.sampled_from(AUDIENCE_IDS),
)
def test_rendering_never_loses_a_fact_of_a_generated_sentence(renderer, parts, audience):
    body = " ".join(parts) + "."
    refs = '  1: "A"\n  2: "B"\n  3: "C"'
    result = renderer.result(body, audience, references=refs)
    assert result.facts.kept, (body, result.rendition.blocks[0].text)


@pytest.mark.parametrize(
    ("text", "quantities"),
    [
        ("Take 10 mg/kg/day - 20 doses.", ["10 mg/kg/day", "20 doses"]),
        ("From 5 mg to 10 mg, then 2 to 3 tablets.", ["5 mg to 10 mg", "2 to 3 tablets"]),
        # the longest shape at "3" overlaps the range after it: "3" stays a number of its own
        ("Grades 2 3 \u2013 200-400mg apply.", ["2", "3", "200-400mg"]),
        ("Ten to twelve mg, 1/2 a tablet.", ["1/2"]),
    ],
)
def test_a_quantity_is_the_longest_shape_from_a_number(engine, text, quantities):
    doc = engine.nlp(text)
    assert [span.text for span in engine.analyser.facts.quantities(doc)] == quantities
