from __future__ import annotations

import shutil
import time

import pytest

from service.engine import PROJECT_ROOT
from service.errors import InputError
from service.glossary import KINDS, example_problems, load_glossary, needs_examples

from .conftest import AUDIENCE_IDS, DATA, write_file

ENTRY = """
  - id: {id}
    term: {term}
    wording:
      patient: {{plain: plain words, definition: A short plain sentence.}}
    source: test
    review: {{status: draft}}
"""


def glossary_file(folder, name, kind, *entries):
    body = f"kind: {kind}\nentries:\n" + "".join(entries)
    return write_file(folder, name, body)


def problems_in(folder) -> list[str]:
    with pytest.raises(InputError) as caught:
        load_glossary(folder, AUDIENCE_IDS)
    return [str(p) for p in caught.value.problems]


def test_project_glossaries_load_and_cover_every_kind(engine):
    glossary = engine.glossary
    assert len(glossary) >= 200
    assert {entry.kind for entry in glossary.entries.values()} == set(KINDS)
    assert glossary.version


def test_project_glossaries_load_in_under_a_second_or_so():
    started = time.perf_counter()
    load_glossary(PROJECT_ROOT / "glossaries", AUDIENCE_IDS)
    assert time.perf_counter() - started < 5  # generous: CI machines vary; bench/ measures


def test_every_entry_has_a_wording_for_each_lay_audience(engine):
    lay = [a for a in engine.audiences if a.terms != "keep"]
    missing = [
        (entry.id, audience.id)
        for entry in engine.glossary.entries.values()
        for audience in lay
        if entry.wording_for(audience.wording_chain) is None
    ]
    assert missing == []


def test_must_swap_and_must_keep_examples_behave(engine):
    problems = example_problems(engine.glossary, engine.nlp, engine.analyser.terms)
    assert [str(p) for p in problems] == []


def test_short_or_everyday_surfaces_need_examples():
    assert needs_examples("CBC")
    assert needs_examples("stage")
    assert not needs_examples("cytopenia")


def test_unknown_key_is_reported_with_line_and_suggestion(tmp_path):
    glossary_file(tmp_path, "a.yaml", "condition", ENTRY.format(id="x", term="x-term").replace(
        "    source: test", "    sourse: test"))  # fmt: skip
    problems = problems_in(tmp_path)
    assert f"{tmp_path}/a.yaml:8: entries.0: unknown key 'sourse' (did you mean 'source'?)" in (
        problems
    )
    assert f"{tmp_path}/a.yaml:4: entries.0.source: missing data for required field" in problems


def test_missing_wording_field_names_its_line(tmp_path):
    text = ENTRY.format(id="x", term="x-term").replace(" definition: A short plain sentence.", "")
    glossary_file(tmp_path, "a.yaml", "condition", text)
    (problem,) = problems_in(tmp_path)
    assert problem == (
        f"{tmp_path}/a.yaml:7: entries.0.wording.patient.definition: "
        "missing data for required field"
    )


def test_duplicate_id_and_surface_are_reported_across_files(tmp_path):
    glossary_file(tmp_path, "a.yaml", "condition", ENTRY.format(id="same", term="gout"))
    glossary_file(
        tmp_path,
        "b.yaml",
        "jargon",
        ENTRY.format(id="same", term="other"),
        ENTRY.format(id="gout-again", term="Gout"),
    )
    problems = problems_in(tmp_path)
    assert any("id 'same' is already used at" in p for p in problems)
    assert any("'gout' is already claimed by entry 'same'" in p for p in problems)


def test_unknown_kind_and_audience_are_reported(tmp_path):
    glossary_file(tmp_path, "a.yaml", "disease", ENTRY.format(id="x", term="x-term"))
    misspelt = ENTRY.format(id="y", term="y-term").replace("patient:", "patiant:")
    glossary_file(tmp_path, "b.yaml", "jargon", misspelt)
    problems = problems_in(tmp_path)
    assert any(p.startswith(f"{tmp_path}/a.yaml:1: kind: must be one of") for p in problems)
    assert any("wording for unknown audience 'patiant' (did you mean 'patient'?)" in p
               for p in problems)  # fmt: skip


def test_yaml_syntax_error_names_the_line(tmp_path):
    write_file(tmp_path, "a.yaml", "kind: jargon\nentries:\n  - id: [x\n")
    (problem,) = problems_in(tmp_path)
    assert problem.startswith(f"{tmp_path}/a.yaml:4: not valid YAML")


def test_entry_without_examples_for_a_short_surface_is_refused(tmp_path):
    glossary_file(tmp_path, "a.yaml", "jargon", ENTRY.format(id="x", term="dose"))
    (problem,) = problems_in(tmp_path)
    assert "'dose' is short or an everyday word" in problem


def test_every_problem_in_every_file_is_listed(tmp_path):
    shutil.copy(DATA / "glossaries" / "terms.yaml", tmp_path / "terms.yaml")
    glossary_file(tmp_path, "a.yaml", "jargon", ENTRY.format(id="Bad Id", term="x-term"))
    glossary_file(tmp_path, "b.yaml", "jargon", ENTRY.format(id="y", term="cytopenia"))
    assert len(problems_in(tmp_path)) == 2


def test_inflections_map_plurals_and_verb_forms_to_the_base(small_engine):
    inflections = small_engine.glossary.inflections()
    assert inflections["cytopenias"] == "cytopenia"
    assert inflections["tapered"] == "taper"
    assert inflections["tapering"] == "taper"


@pytest.mark.parametrize(
    ("sentence", "entries"),
    [
        ("Cytopenias were absent.", ["cytopenia"]),
        ("Haemoglobin was low.", ["hemoglobin"]),
        ("We tapered the dose.", ["taper"]),
        ("Order a CBC and an MRI.", ["complete-blood-count", "mri"]),
        ("Actemra (tocilizumab) and IVIG.", ["tocilizumab", "ivig"]),
        ("The cbc field and mri notes.", []),
        ("See https://example.org/cytopenia for more [1].", []),
        ("The image was clear; imaging was normal.", ["imaging"]),
        ("Stage IV disease needs IV fluids.", ["iv"]),
        ("The ABC-CBC trial and the CBC-ABC panel.", []),
        ("Patients had a CBC.", ["complete-blood-count"]),
        ("The IMAGING trial used imaging.", ["imaging"]),
    ],
)
def test_matcher_finds_terms_on_doc_offsets(small_engine, sentence, entries):
    doc = small_engine.nlp(sentence)
    found = small_engine.analyser.terms.find(doc)
    assert [m.entry.id for m in found] == entries


def test_brand_generic_pair_is_one_mention(small_engine):
    doc = small_engine.nlp("Actemra (tocilizumab) helps.")
    (match,) = small_engine.analyser.terms.find(doc)
    assert match.paired and match.span.text == "Actemra (tocilizumab)"
