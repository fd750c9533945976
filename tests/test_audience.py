from __future__ import annotations

import dataclasses
import shutil

import pytest

from service.audience import load_audiences
from service.engine import PROJECT_ROOT, Engine
from service.errors import InputError
from service.glossary import load_glossary

from .conftest import DATA, write_file

STUDENT = """
id: student
label: Student
description: I am learning about this topic at school.
order: 4
target: {formula: flesch_kincaid, max_grade: 9}
terms: replace
abbreviations: expand_first
wording_fallback: [caregiver, patient]
disclaimer: For learning only; this is not medical advice.
"""


@pytest.fixture
def audience_dir(tmp_path):
    folder = tmp_path / "audiences"
    shutil.copytree(PROJECT_ROOT / "audiences", folder)
    return folder


def test_project_audiences_in_prompt_order():
    audiences = load_audiences(PROJECT_ROOT / "audiences")
    assert audiences.ids() == ["clinician", "patient", "caregiver"]
    patient = audiences.get("patient")
    assert patient.target.max_grade == 7
    assert audiences.get("caregiver").target.max_grade == 8
    assert audiences.get("clinician").target is None
    assert audiences.get("caregiver").wording_chain == ("caregiver", "patient")
    assert all(a.label and a.description and a.disclaimer for a in audiences)


def test_a_fourth_audience_is_one_new_file_and_no_code(audience_dir, renderer):
    write_file(audience_dir, "student.yaml", STUDENT)
    audiences = load_audiences(audience_dir)
    assert audiences.ids()[-1] == "student"
    engine = Engine(audiences, load_glossary(DATA / "glossaries", audiences.ids()))
    article = renderer.article("Cytopenias were seen with refractory disease.")
    (result,) = engine.evaluate(article, ["student"])
    assert result.rendition.blocks[0].text == ("Low blood counts were seen with stubborn disease.")
    assert result.target == 9


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("formula: flesch_kincaid", "formula: gunning_fog"), "target.formula: must be one of"),
        (("terms: replace", "terms: simplify"), "terms: must be one of"),
        (("label: Student", "lable: Student"), "unknown key 'lable' (did you mean 'label'?)"),
        (("[caregiver, patient]", "[carer]"), "falls back to unknown audience 'carer'"),
    ],
)
def test_bad_audience_file_names_file_line_and_field(audience_dir, change, expected):
    write_file(audience_dir, "student.yaml", STUDENT.replace(*change))
    with pytest.raises(InputError) as caught:
        load_audiences(audience_dir)
    assert any(expected in str(p) and "student.yaml" in str(p) for p in caught.value.problems)


def test_unknown_audience_name_lists_the_choices():
    audiences = load_audiences(PROJECT_ROOT / "audiences")
    with pytest.raises(InputError) as caught:
        audiences.get("pateint")
    assert str(caught.value) == (
        "request: audience: unknown audience 'pateint'; "
        "choose one of: clinician, patient, caregiver"
    )


def test_voice_rule_examples_swap_and_keep(engine):
    assert [str(p) for p in engine.voice_example_problems()] == []


def test_a_voice_rule_that_misbehaves_is_reported(engine):
    patient = engine.audiences.get("patient")
    rule = dataclasses.replace(patient.voice[0], examples_keep=("For the patient with gout.",))
    broken = dataclasses.replace(patient, voice=(rule,))
    audiences = dataclasses.replace(engine.audiences, by_id={"patient": broken})
    checker = Engine(audiences, engine.glossary)
    (problem,) = checker.voice_example_problems()
    assert "a must-keep example does not behave: 'For the patient with gout.'" in str(problem)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The patient has had no infections.", "You have had no infections."),
        ("The patient still remains unwell.", "You still remain unwell."),
        ("Check the patient's kidneys.", "Check your kidneys."),
        ("If the patient is pregnant, stop.", "If you are pregnant, stop."),
        (
            "When the patient prefers pills or has no access to shots, use pills.",
            "When you prefer pills or have no access to shots, use pills.",
        ),
        ("The patient has a rash and it is itchy.", "You have a rash and it is itchy."),
    ],
)
def test_patient_voice_agrees_verbs_and_possessives(renderer, sentence, expected):
    assert renderer.text(sentence, "patient") == expected


@pytest.mark.parametrize(
    ("sentence", "audience", "expected"),
    [
        ("Refer the patient to a heart doctor within a week.", "patient",
         "You should be referred to a heart doctor within a week."),
        ("Ask the patient about falls at each visit.", "caregiver",
         "The person you care for should be asked about falls at each visit."),
        # not an order at the start of a sentence, or the person does the next verb
        ("Most doctors refer the patient to a surgeon.", "patient",
         "Most doctors refer you to a surgeon."),
        ("Let the patient rest for a day.", "patient", "Let you rest for a day."),
        ("Ensure the patient has a ride home.", "patient", "Ensure you have a ride home."),
    ],
)  # fmt: skip
def test_an_order_about_the_patient_reads_as_what_is_done_to_the_reader(
    renderer, sentence, audience, expected
):
    """ "Admit the patient for ..." read "Admit you for ..." and "Admit the person you care
    for for ..."."""
    assert renderer.text(sentence, audience) == expected


def test_caregiver_voice_keeps_third_person_verbs(renderer):
    assert renderer.text("The patient has had no infections.", "caregiver") == (
        "The person you care for has had no infections."
    )
