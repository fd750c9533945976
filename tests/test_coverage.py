from __future__ import annotations

import re
import shutil

import pytest

from service.coverage import RARE_ZIPF, CoverageFinder, coverage_report, proposal_yaml
from service.engine import PROJECT_ROOT, DataPaths, check_all
from service.errors import InputError
from service.glossary import load_glossary
from service.nlp import UNITS

from .conftest import ARTICLE_PATHS, write_file

BODY = (
    "Refractory cytopenias call for an integrin screen [1]. The patient with cytopenia took "
    "hydroxychloroquine 200 mg b.i.d. on day 14 [2]. Potassium was 5.1 mmol/L and blood "
    "pressure 150/90 mmHg after 3 mcg/kg of the drug [1, 2]. The RACAT trial and Smith et al. "
    "agree. An integrin assay was repeated after the integrins fell."
)


@pytest.fixture(scope="module")
def small_finder(small_engine):
    return CoverageFinder(small_engine.analyser)


def find(engine, finder, body: str):
    text = (
        "---\ntitle: T\nslug: test\nreferences:\n  1: Smith J. RACAT. 2013.\n"
        f"  2: Jones K. 2020.\n---\n{body}\n"
    )
    return finder.find(engine.analyse(engine.parse_article(text, "test.md")))


def test_an_uncovered_rare_word_is_found_once_with_its_plural(small_engine, small_finder):
    found = {w.key: w for w in find(small_engine, small_finder, BODY).words}
    integrin = found["integrin"]
    assert integrin.count == 3
    assert set(integrin.forms) == {"integrin", "integrins"}
    assert integrin.sentences[0] == "Refractory cytopenias call for an integrin screen [1]."
    assert {o.line for o in integrin.occurrences} == {8}


def test_a_covered_term_is_not_listed_singular_or_plural(small_engine, small_finder):
    found = find(small_engine, small_finder, BODY).keys()
    assert {"cytopenia", "cytopenias", "refractory", "hydroxychloroquine"}.isdisjoint(found)


def test_numbers_units_doses_citations_and_names_are_never_listed(small_engine, small_finder):
    words = find(small_engine, small_finder, BODY).words
    written = {form for word in words for form in word.forms}
    assert written.isdisjoint(UNITS)
    assert {"mmol", "mmHg", "mcg", "b.i.d.", "RACAT", "Smith", "150/90"}.isdisjoint(written)
    assert not any(ch.isdigit() or ch in "[]" for form in written for ch in form)


def test_common_english_words_are_never_listed(small_engine, small_finder):
    found = find(small_engine, small_finder, "The patient walked to the kitchen for water.")
    assert found.words == ()


def test_an_abbreviation_no_entry_covers_is_listed_and_a_covered_one_is_not(
    small_engine, small_finder
):
    found = find(small_engine, small_finder, "Check the CDAI and a CBC before the MRI.")
    assert found.keys() == {"CDAI"}
    assert found.words[0].kind == "abbreviation"


def test_example_articles_list_their_real_gaps_and_skip_glossary_terms(engine):
    articles = [engine.load_article(p) for p in ARTICLE_PATHS]
    gap = engine.parse_article(
        "---\ntitle: Nails\nslug: nails\n---\nOnycholysis and panniculitis are rare on "
        "methotrexate.\n", "nails.md",
    )  # fmt: skip
    report = coverage_report(CoverageFinder(engine.analyser), [*articles, gap])
    by_slug = {a.slug: a.keys() for a in report.articles}
    assert {"onycholysis", "panniculitis"} <= set(by_slug["nails"])
    everything = {w.key.lower() for w in report.words}
    assert {"methotrexate", "cytopenia", "hydroxychloroquine", "mg", "ml"}.isdisjoint(everything)
    assert all(w.zipf < RARE_ZIPF for w in report.words)
    counts = [(len(w.articles), w.count) for w in report.words]
    assert counts == sorted(counts, reverse=True)


def fill_blanks(text: str) -> str:
    text = text.replace('plain: ""', 'plain: "plain words"')
    text = text.replace('definition: ""', 'definition: "It is a word we explain."')
    text = text.replace('source: ""', 'source: "Team review of the example articles"')
    text = re.sub(r"keep: \[\].*", 'keep: ["Nothing here names it."]', text)
    return text


@pytest.fixture(scope="module")
def proposal(engine):
    report = coverage_report(
        CoverageFinder(engine.analyser), [engine.load_article(p) for p in ARTICLE_PATHS]
    )
    return report, proposal_yaml(report, engine.glossary, engine.audiences)


def test_the_unfilled_proposal_is_rejected_naming_each_blank(proposal, tmp_path):
    _report, text = proposal
    write_file(tmp_path, "proposed.yaml", text)
    with pytest.raises(InputError) as caught:
        load_glossary(tmp_path, ["clinician", "patient", "caregiver"])
    messages = [str(p) for p in caught.value.problems]
    assert f"{tmp_path}/proposed.yaml:14: entries.0.wording.patient.plain: shorter than " \
        "minimum length 1" in messages  # fmt: skip
    assert f"{tmp_path}/proposed.yaml:16: entries.0.source: shorter than minimum length 1" in (
        messages
    )


def test_a_filled_proposal_loads_and_passes_check_beside_the_real_glossaries(proposal, tmp_path):
    report, text = proposal
    glossaries = tmp_path / "glossaries"
    shutil.copytree(PROJECT_ROOT / "glossaries", glossaries)
    write_file(glossaries, "proposed.yaml", fill_blanks(text))
    loaded = load_glossary(glossaries, ["clinician", "patient", "caregiver"])
    proposed = [e for e in loaded.entries.values() if e.file.endswith("proposed.yaml")]
    assert len(proposed) == len(report.words)
    assert all(e.is_draft and e.wording["patient"].plain == "plain words" for e in proposed)
    checked = check_all(DataPaths(glossaries, PROJECT_ROOT / "audiences"), [])
    assert checked.problems == ()
