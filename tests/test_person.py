from __future__ import annotations

import pytest

from service.audience import load_audiences
from service.engine import Engine
from service.errors import InputError
from service.glossary import load_glossary
from service.person import gives_an_order, retell

from .conftest import DATA, write_file
from .test_audience import STUDENT, audience_dir  # noqa: F401  (a fixture)


@pytest.mark.parametrize(
    ("written", "retold"),
    [
        ("It helps when you feel sick.", "It helps when the person feels sick."),
        ("You can take it with food.", "The person can take it with food."),
        ("This drug can make you sleepy.", "This drug can make the person sleepy."),
        ("The mask helps you breathe and sleep.", "The mask helps the person breathe and sleep."),
        ("If you miss a dose, you should take it soon.",
         "If the person misses a dose, they should take it soon."),
        ("It guards your heart and your kidneys.",
         "It guards the person's heart and their kidneys."),
        ("The chart shows how you sleep, eat, and move.",
         "The chart shows how the person sleeps, eats, and moves."),
        ("You take the pill and water at night.", "The person takes the pill and water at night."),
        ("This means you had the rash before.", "This means the person had the rash before."),
        ("These are genes you were born with.", "These are genes the person was born with."),
        ("It drops when you do not eat or drink.",
         "It drops when the person does not eat or drink."),
        ("A nurse checks on you. Your chart shows it.",
         "A nurse checks on the person. The person's chart shows it."),
        ("The pain holds you back at work.", "The pain holds the person back at work."),
        ("A spray you breathe in, like this one, opens the airways.",
         "A spray the person breathes in, like this one, opens the airways."),
    ],
)  # fmt: skip
def test_wording_to_the_reader_is_retold_about_the_person(engine, written, retold):
    assert retell(engine.nlp(written), "the person") == retold


def test_wording_without_the_reader_stays_as_written(engine):
    written = "Kidney disease means the kidneys are weak for three months or more."
    assert retell(engine.nlp(written), "the person") == written


@pytest.mark.parametrize(
    ("wording", "order"),
    [
        ("It kills germs; do not drink alcohol while you take it.", True),
        ("Take it with food. It can upset your stomach.", False),  # the first word names it
        ("This is a pill you take with food.", False),
        ("Stool test checks your stool for blood.", False),
    ],
)
def test_an_order_to_the_reader_is_found(engine, wording, order):
    assert gives_an_order(engine.nlp(wording)) is order


def test_caregivers_read_borrowed_definitions_about_the_person(engine):
    entry = engine.glossary.entries["hypoglycemia"]
    caregiver = entry.wording_for(engine.audiences.get("caregiver").wording_chain)
    patient = entry.wording_for(engine.audiences.get("patient").wording_chain)
    assert "make you shake" in patient.definition
    assert "make the person shake" in caregiver.definition
    assert caregiver.plain == patient.plain


def test_a_caregiver_wording_of_its_own_is_kept(engine):
    own = engine.glossary.entries["clinicians-and-patients"]
    assert own.wording["caregiver"].plain == "the care team and the person you care for"


def test_an_order_to_the_reader_keeps_its_wording(engine):
    entry = engine.glossary.entries["metronidazole"]
    assert "caregiver" not in entry.wording


def test_a_caregiver_rendition_speaks_of_the_person(results):
    patient = results[("type-2-diabetes-intensification", "patient")].rendition
    caregiver = results[("type-2-diabetes-intensification", "caregiver")].rendition
    patient_text = " ".join(block.text for block in patient.blocks)
    caregiver_text = " ".join(block.text for block in caregiver.blocks)
    assert "how well your kidneys clean the blood" in patient_text
    assert "how well the person's kidneys clean the blood" in caregiver_text
    assert " your " not in caregiver_text


@pytest.mark.parametrize("about", ['""', "the person you care for", "The Person"])
def test_definitions_about_is_checked_like_the_rest(audience_dir, about):  # noqa: F811
    write_file(audience_dir, "student.yaml", STUDENT + f"definitions_about: {about}\n")
    with pytest.raises(InputError) as caught:
        load_audiences(audience_dir)
    expected = "definitions_about: must be a short noun phrase in lower case"
    assert any(expected in str(p) and "student.yaml" in str(p) for p in caught.value.problems)


def test_a_new_audience_can_read_definitions_about_someone(audience_dir, renderer):  # noqa: F811
    write_file(audience_dir, "student.yaml", STUDENT + "definitions_about: the patient\n")
    audiences = load_audiences(audience_dir)
    engine = Engine(audiences, load_glossary(DATA / "glossaries", audiences.ids()))
    article = renderer.article("Order a CBC every month.")
    (student, patient) = engine.evaluate(article, ["student", "patient"])
    (shown_to_student,) = student.rendition.blocks[0].terms
    (shown_to_patient,) = patient.rendition.blocks[0].terms
    assert shown_to_student.definition.endswith("the cells in the patient's blood.")
    assert shown_to_patient.definition.endswith("the cells in your blood.")
