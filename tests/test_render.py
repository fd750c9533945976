from __future__ import annotations

import pytest

from service import output
from service.render import indefinite_article, named_definition, pluralise, render

from .conftest import ARTICLE_PATHS, AUDIENCE_IDS, GOLDEN


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # first use: plain words with the clinical word once; later uses: plain words
        (
            "Cytopenia is rare. Cytopenia was not seen.",
            "Low blood count (cytopenia) is rare. Low blood count was not seen.",
        ),
        # plural agreement, capital at sentence start
        ("Cytopenias are rare.", "Low blood counts (cytopenias) are rare."),
        # a spelling variant is the same entry
        ("Haemoglobin fell.", "Oxygen protein (haemoglobin) fell."),
        # verb forms agree
        ("We tapered it. Keep tapering.",
         "We lowered slowly (tapered) it. Keep lowering the dose slowly."),
        # a/an follows the new first word, both ways
        ("It is a refractory rash.", "It is a hard-to-treat (refractory) rash."),
        ("Order a CBC. Then an erosion showed.",
         "Order a blood count test (CBC). Then a worn-down area of bone (erosion) showed."),
        ("An MRI was done.", "A body scan using magnets (MRI) was done."),
        # abbreviation pair: no doubled "(CBC) (CBC)"
        ("Check a complete blood count (CBC) monthly.", "Check a blood count test (CBC) monthly."),
        # an abbreviation already in brackets is not bracketed again
        ("Tests (CBC) were normal.", "Tests (blood count test, CBC) were normal."),
        # a series of verbs of the same subject agrees with "you"; a verb after an
        # inserted clause belongs to another subject
        ("Scans help when the patient is 50, has pain in the gut, or fails to respond.",
         "Scans help when you are 50, have pain in the gut, or fail to respond."),
        ("Migraine, present when the patient has 15 bad days, is the only setting for it.",
         "Migraine, present when you have 15 bad days, is the only setting for it."),
        # brand (generic) is one drug mention, kept as written
        ("Actemra (tocilizumab) helps.", "Actemra (tocilizumab) helps."),
        # a drug's abbreviation is introduced once, the name itself is always kept
        ("Give IVIG at 2g/kg monthly. IVIG works.",
         "Give antibodies from donated blood (IVIG) at 2g/kg monthly. IVIG works."),
    ],
)  # fmt: skip
def test_patient_rendering_reads_as_english(renderer, body, expected):
    assert renderer.text(body, "patient") == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Rashes stayed rare in both arms of the study.",
         "Rashes stayed rare in both groups of the study."),
        ("Walking was slow at baseline in most adults.", "Walking was slow at the start in most"),
        ("Fluids are given as tolerated in older adults.", "given as side effects allow in older"),
        # ... while a name made of other words is still taught in brackets
        ("Poor oral intake was common in older adults.",
         "Poor eating and drinking (oral intake) was common"),
    ],
)  # fmt: skip
def test_a_phrase_that_keeps_its_framing_word_is_said_once(engine, sentence, expected):
    """ "in both groups (in both arms)" said one thing twice: the bracket taught no name."""
    assert expected in engine.rewrite_sentence(sentence, engine.audiences.get("patient"))


def test_caregiver_uses_its_own_wording_then_falls_back_to_patient(renderer):
    text = renderer.text("Refractory cytopenia.", "caregiver")
    assert text == "Stubborn (refractory) low blood count (cytopenia)."


def test_clinician_keeps_the_canonical_text(renderer):
    body = "The patient's cytopenias were refractory to IVIG [1]."
    assert renderer.text(body, "clinician", references='  1: "A"') == body


@pytest.mark.parametrize("audience", AUDIENCE_IDS)
def test_an_article_s_own_disclaimer_goes_only_to_the_readers_it_was_written_for(
    renderer, small_engine, audience
):
    """A patient must not read "Written for licensed clinicians" above a page for them."""
    body = "Rest for 2 days.\n\nDisclaimer: Written for licensed clinicians."
    rendition = renderer.rendition(body, audience)
    assert all("licensed clinicians" not in block.text for block in rendition.blocks)
    own = small_engine.audiences.get(audience)
    expected = "Written for licensed clinicians." if not own.adapts_text else own.disclaimer
    assert rendition.disclaimer == expected


def test_headings_take_plain_words_without_brackets(renderer):
    result = renderer.rendition("## Cytopenia\nCytopenia is rare.")
    assert [b.text for b in result.blocks] == [
        "Low blood count",
        "Low blood count (cytopenia) is rare.",
    ]


def test_terms_are_never_swapped_inside_citations_or_doses(renderer):
    text = renderer.text("Doses of 2g/kg [1] for cytopenia.", references='  1: "A"')
    assert text == "Doses of 2g/kg [1] for low blood count (cytopenia)."


def test_each_swap_is_annotated_with_offsets_into_the_rendered_text(renderer):
    result = renderer.rendition("Cytopenia after IVIG.")
    block = result.blocks[0]
    first, second = block.terms
    assert (first.original, first.entry, first.kind) == ("Cytopenia", "cytopenia", "condition")
    assert block.text[first.start : first.end] == first.replacement
    assert first.definition == "Cytopenia means there are too few blood cells."
    assert block.text[second.start : second.end] == "antibodies from donated blood (IVIG)"


def test_citations_move_with_the_text(renderer):
    result = renderer.rendition("Cytopenia was seen [1].", references='  1: "A"')
    block = result.blocks[0]
    (citation,) = block.citations
    assert block.text[citation.start : citation.end] == "[1]"


def test_a_rendition_knows_when_it_used_draft_entries(renderer):
    assert not renderer.rendition("Cytopenia only.").uses_draft
    rendition = renderer.rendition("Cytopenia and refractory.")
    assert rendition.draft_entries == ["refractory"]


def test_blocks_keep_structure_and_source(renderer):
    body = "## Heading\nLead in:\n\n- item one\n  - nested\n1. first"
    blocks = renderer.rendition(body).blocks
    assert [(b.kind, b.level, b.ordered, b.source) for b in blocks] == [
        ("heading", 2, False, 0),
        ("paragraph", 0, False, 1),
        ("list_item", 1, False, 2),
        ("list_item", 2, False, 3),
        ("list_item", 1, True, 4),
    ]


@pytest.mark.parametrize(
    ("word", "article"),
    [("apple", "an"), ("urine test", "a"), ("MRI", "an"), ("CBC", "a"), ("hour", "an"),
     ("one-time dose", "a"), ("X-ray", "an"), ("blood test", "a")],
)  # fmt: skip
def test_indefinite_article(word, article):
    assert indefinite_article(word) == article


@pytest.mark.parametrize(
    ("phrase", "plural"),
    [("low blood count", "low blood counts"), ("swelling of the joint", "swellings of the joint"),
     ("worn-down area of bone", "worn-down areas of bone")],
)  # fmt: skip
def test_pluralise_the_head_noun(phrase, plural):
    assert pluralise(phrase) == plural


@pytest.mark.parametrize("audience", AUDIENCE_IDS)
@pytest.mark.parametrize("path", ARTICLE_PATHS, ids=lambda p: p.stem)
def test_golden_renditions(results, request, path, audience):
    """Renditions are reviewed in diffs: `./test.sh --update-golden` rewrites them."""
    rendered = output.as_markdown(results[(path.stem, audience)].rendition)
    golden = GOLDEN / f"{path.stem}.{audience}.md"
    if request.config.getoption("--update-golden"):
        golden.write_text(rendered, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden.name}; run ./test.sh --update-golden"
    assert rendered == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("audience", AUDIENCE_IDS)
@pytest.mark.parametrize("path", ARTICLE_PATHS, ids=lambda p: p.stem)
def test_example_renditions_read_cleanly(results, path, audience):
    rendition = results[(path.stem, audience)].rendition
    for block in rendition.blocks:
        assert ") (" not in block.text or "(" in block.text.split(") (")[0]
        assert "((" not in block.text and "))" not in block.text
        assert " a a" not in block.text.lower() and "  " not in block.text
        for term in block.terms:
            assert block.text[term.start : term.end] == term.replacement
    if audience != "clinician":
        assert rendition.terms, "a lay rendition with nothing explained"


def test_plain_words_everywhere_keep_a_number_that_names_a_drug(engine):
    """ "5-ASA" under `replace_terms`: its "5" is a fact, so the abbreviation stays."""
    text = (
        "---\ntitle: T\nslug: t\n---\nNonadherence to 5-aminosalicylate (5-ASA) therapy is "
        "common. Adherence to 5-ASA matters. An ESR and a CBC were normal.\n"
    )
    analysis = engine.analyse(engine.parse_article(text, "t.md"))
    patient = engine.audiences.get("patient")
    rendered = render(analysis, patient, frozenset({"replace_terms"}))
    (block,) = rendered.blocks
    assert block.text.count("5-ASA") == 2, block.text
    assert "CBC" not in block.text and "ESR" not in block.text  # no number: plain words
    assert engine.check_facts(analysis, engine.analyse_rendition(analysis, rendered)).kept


def test_an_abbreviation_in_a_trial_name_is_kept(engine):
    """ "UC SUCCESS" names a trial; "UC" alone reads in plain words."""
    text = "---\ntitle: T\nslug: t\n---\nUC SUCCESS showed a benefit. UC is common.\n"
    analysis = engine.analyse(engine.parse_article(text, "t.md"))
    rendered = render(analysis, engine.audiences.get("patient"), frozenset({"replace_terms"}))
    (block,) = rendered.blocks
    assert block.text.startswith("UC SUCCESS showed")
    assert "UC is common" not in block.text


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("KDIGO advises a statin.", "The global kidney care group (KDIGO) advises"),
        ("Advice from KDIGO holds.", "Advice from the global kidney care group (KDIGO) holds."),
        # something else already stands before the name
        ("This follows the 2024 KDIGO guide.", "the 2024 global kidney care group (KDIGO) guide"),
        ("The class-wide KDIGO advice holds.", "The class-wide global kidney care group (KDIGO)"),
        # not a body of people: no article
        ("CKD is common.", "Kidney disease (CKD) is common."),
        # before the capitalised name of its own work, the group owns it
        (
            "For most adults the ADA Standards of Care advise a goal below 7%.",
            "the US diabetes group's Standards of Care advise",
        ),
        # ... not before a lower-case noun, nor a word that opens the next sentence
        (
            "The ADA guideline advises a goal below 7% for most adults.",
            "The US diabetes group (ADA) guideline advises",
        ),
        (
            "Advice came from KDIGO. Most adults took it.",
            "Advice came from the global kidney care group (KDIGO). Most adults",
        ),
    ],
)
def test_a_group_named_by_its_abbreviation_reads_with_the(engine, sentence, expected):
    """ "KDIGO advises" names a body; its plain words are a common noun and need "the"."""
    assert expected in engine.rewrite_sentence(sentence, engine.audiences.get("patient"))


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The trial took adults with eGFR 20-45 mL/min from ten clinics.",
         "adults with a kidney score of 20-45 mL/min"),
        ("The study took adults with eGFR as low as 15 from five clinics.",
         "adults with a kidney score as low as 15"),
        ("Iron is given to adults with ferritin below 30 ng/mL in most clinics.",
         "adults with a stored iron level below 30 ng/mL"),
        # an article of its own, a noun the measure describes, or no "with": as written
        ("The trial took adults with an eGFR of 20 from ten clinics.",
         "adults with a kidney score of 20 from"),
        ("Adults with eGFR decline of 40% were counted in the trial.",
         "Adults with kidney score decline of 40%"),
        ("The trial set eGFR 20 as its lowest bar for most adults.", "set kidney score 20 as"),
        # a second measure after "and", right behind the first one's figure and unit
        ("The study took adults with eGFR 30-60 mL/min and UACR 40-900 mg/g from two towns.",
         "a kidney score of 30-60 mL/min and a urine protein score of 40-900 mg/g from"),
        # ... not after words, nor with no measure before it that took "a ... of"
        ("The study took adults with eGFR 30-60 and high UACR 40-900 mg/g from two towns.",
         "and high urine protein score 40-900 mg/g"),
        ("The trial counted falls and UACR 40-900 mg/g in most adults.",
         "falls and urine protein score 40-900 mg/g"),
    ],
)  # fmt: skip
def test_a_measure_written_in_note_form_after_with_reads_as_one_value(engine, body, expected):
    """ "with eGFR 25-75" is note form; "with kidney score 25-75" lost the article and the
    "of" that English puts before the figure."""
    assert expected in rendered(engine, body, "replace_terms")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Gallstones were found on ultrasound in a third of them.", "found on a sound-wave scan"),
        ("The mass is best seen with ultrasound today.", "best seen with a sound-wave scan"),
        # before the noun it describes, and after another word: no "a"
        ("The drain is placed on ultrasound guidance.",
         "placed on sound-wave scan (ultrasound) guidance"),
        ("A kidney ultrasound checks their size.", "A kidney sound-wave scan (ultrasound) checks"),
    ],
)  # fmt: skip
def test_a_scan_named_alone_after_a_preposition_takes_a(engine, sentence, expected):
    """ "on ultrasound" names the kind of test; "on sound-wave scan" has lost its article."""
    assert expected in engine.rewrite_sentence(sentence, engine.audiences.get("patient"))


@pytest.mark.parametrize(
    ("definition", "shown", "expected"),
    [
        ("This means a low count of blood cells.", "low blood counts",
         "Low blood counts means a low count of blood cells."),
        ("This is a test of how well the kidneys clean the blood.", "kidney score (eGFR)",
         "A kidney score is a test of how well the kidneys clean the blood."),
        # the scan as shown after "on"/"preferably" has its "a" already
        ("This is a scan that uses sound waves to see the baby.", "a sound-wave scan",
         "A sound-wave scan is a scan that uses sound waves to see the baby."),
        ('"It is a pill that thins the blood."', "warfarin",
         "Warfarin is a pill that thins the blood."),
        ("Cytopenia means low blood counts.", "low blood counts",
         "Cytopenia means low blood counts."),
        ("These pills lower blood pressure.", "ACE-blocker pill",
         "ACE-blocker pills lower blood pressure."),
        ("These older mood drugs raise serotonin.", "older mood drug",
         "Older mood drugs raise serotonin."),
        ("These germ-killing drugs are close kin to penicillin.", "penicillin-like antibiotics",
         "Penicillin-like antibiotics are close kin to penicillin."),
        # no class to name ("statin" is no pill or drug word), or no verb after the thing
        ("These pills lower cholesterol.", "statin", "These pills lower cholesterol."),
        ("These pills or shots lower sugar.", "diabetes pill", "These pills or shots lower sugar."),
        ("This pill helps the body use its own insulin better.", "pioglitazone",
         "Pioglitazone is a pill that helps the body use its own insulin better."),
        # a name whose last word is the thing already: "is a test that" says nothing more
        ("This blood test shows how much iron is stored.", "stored iron test",
         "A stored iron test shows how much iron is stored."),
        ("This insulin works all day.", "all-day insulin", "All-day insulin works all day."),
        ("This short form asks nine questions about mood.", "depression questionnaire",
         "A depression questionnaire is a short form that asks nine questions about mood."),
        # a counted thing named alone takes its article; the name said in the definition
        # again ("X is a X that ...") is said once
        ("This clot blocks a vein deep in the leg.", "leg vein clot",
         "A leg vein clot blocks a vein deep in the leg."),
        ("This is a slow nerve disease that weakens the hands first.", "slow nerve disease",
         "A slow nerve disease weakens the hands first."),
        ("This is an eye scan that maps the back of the eye.", "eye scan",
         "An eye scan maps the back of the eye."),
        # a word being explained ("... means") takes no article
        ("This means a germ lives in the gut and makes sores.", "stomach germ",
         "Stomach germ means a germ lives in the gut and makes sores."),
        ("This drink traps potassium in the gut.", "sodium zirconium cyclosilicate (Lokelma)",
         "Sodium zirconium cyclosilicate is a drink that traps potassium in the gut."),
        # a second thing after "or", a place after "on"/"in", or a participle and its
        # place belong to the thing, when a verb in -s follows; else it is kept
        ("This pill or shot lowers blood sugar.", "metformin",
         "Metformin is a pill or shot that lowers blood sugar."),
        ("This small sensor on the skin reads your sugar all day.", "sugar sensor",
         "A sugar sensor is a small sensor on the skin that reads your sugar all day."),
        ("This powder mixed in a drink softens stool.", "polyethylene glycol",
         "Polyethylene glycol is a powder mixed in a drink that softens stool."),
        ("This pill or the shot lowers blood sugar.", "metformin",
         "This pill or the shot lowers blood sugar."),
        ("This clip on a finger.", "finger clip", "This clip on a finger."),
        ("This clip on a finger of a hand of a child shows oxygen.", "finger clip",
         "This clip on a finger of a hand of a child shows oxygen."),
        ("This short form of a word.", "abbreviation", "This short form of a word."),
        # the head is the last of several such words, or the word before a clause
        ("This water pill blocks a salt hormone.", "spironolactone",
         "Spironolactone is a water pill that blocks a salt hormone."),
        ("This pacemaker helps both sides of the heart beat.", "pacemaker that syncs the heart",
         "A pacemaker that syncs the heart helps both sides of the heart beat."),
        ("This machine turns liquid medicine into a mist.", "mist machine",
         "A mist machine turns liquid medicine into a mist."),
        ("This pacemaker helps both sides of the heart beat.",
         "the pacemaker that syncs the heart",
         "The pacemaker that syncs the heart helps both sides of the heart beat."),
        # a plural name: one of its kind ("A blood germ test"), whose last word is the thing
        ("This test grows germs from blood.", "blood germ tests",
         "A blood germ test grows germs from blood."),
        # a plural name: "is" would not agree, so one of the kind is named; "These ..."
        # names a class in the plural
        ("This is a lab-made drug that locks on to one thing.", "lab-made antibodies",
         "A lab-made antibody is a lab-made drug that locks on to one thing."),
        ("This is a drug given by vein to raise blood pressure.", "pressure-raising drips",
         "A pressure-raising drip is a drug given by vein to raise blood pressure."),
        # an abbreviation in capitals names one thing, though it ends in S
        ("This is a scale to rate how bad low mood is.", "MADRS",
         "MADRS is a scale to rate how bad low mood is."),
        # "This" and a verb: the name takes the place of "This"
        ("This runs in families and causes growths in glands.", "family gland tumor condition",
         "Family gland tumor condition runs in families and causes growths in glands."),
        ("This shows how long a beat takes to spread.", "heartbeat signal width",
         "Heartbeat signal width shows how long a beat takes to spread."),
        ("This sets off a fit of coughing.", "cough trigger",
         "Cough trigger sets off a fit of coughing."),
        ("This set of shots stops migraine.", "small shots", "This set of shots stops migraine."),
        ("This runs in families.", "blood germ tests", "This runs in families."),
        ("They are the old drugs that slow the harm to your joints.", "standard arthritis pill",
         "Standard arthritis pills are the old drugs that slow the harm to your joints."),
        ("They are shots, most once a week, that cut blood sugar.", "diabetes and weight drugs",
         "Diabetes and weight drugs are shots, most once a week, that cut blood sugar."),
        ("This is when the pancreas swells and hurts.", "swollen pancreas",
         "Swollen pancreas is when the pancreas swells and hurts."),
        # an attack is one counted thing too ("Heart attack is when ..." lacked its "a")
        ("This is when the blood to part of the heart is cut off.", "heart attack",
         "A heart attack is when the blood to part of the heart is cut off."),
        ("This is when the airways tighten all of a sudden.", "asthma attacks",
         "An asthma attack is when the airways tighten all of a sudden."),
        ("These are kidney stones: small lumps that form from salts.", "kidney stone disease",
         "These are kidney stones: small lumps that form from salts."),
        # a marker and an X-ray are counted things too
        ("This blood test rises in some germ infections.", "infection blood marker",
         "An infection blood marker is a blood test that rises in some germ infections."),
        ("This is a quick picture of the chest.", "chest X-ray",
         "A chest X-ray is a quick picture of the chest."),
        # an antidepressant is a kind of drug too: "These drugs" and "They" name it
        ("These drugs lift a brain signal to ease low mood.", "signal-lifting antidepressant",
         "Signal-lifting antidepressants lift a brain signal to ease low mood."),
        ("They are drugs for low mood that also ease pain.", "two-signal antidepressant",
         "Two-signal antidepressants are drugs for low mood that also ease pain."),
        ("This antidepressant helps sleep.", "night-time antidepressant",
         "A night-time antidepressant helps sleep."),
        # an antibody is a counted thing named by its kind: "This antibody" after a
        # sentence about another blood test pointed at that test
        ("This antibody can point to a joint disease.", "joint antibodies",
         "A joint antibody can point to a joint disease."),
        ("This antibody can point to a joint disease.", "gut antibody",
         "A gut antibody can point to a joint disease."),
        ("This antibody test finds a gut disease.", "gut antibody",
         "A gut antibody is an antibody test that finds a gut disease."),
        ("This is a lab-made drug that locks on to one thing.", "lab-made antibody",
         "A lab-made antibody is a lab-made drug that locks on to one thing."),
        # a rate or a level is a value each person has one of: "the", not "a"
        ("It is a blood test of how fast red cells sink.", "settling rate",
         "The settling rate is a blood test of how fast red cells sink."),
        ("It is a blood test of how much iron your blood holds.", "iron fill level",
         "The iron fill level is a blood test of how much iron your blood holds."),
    ],
)  # fmt: skip
def test_a_definition_read_on_its_own_names_its_term(definition, shown, expected):
    """After a sentence with several terms, "This means ..." would point at none of them."""
    assert named_definition(definition, shown) == expected


def rendered(engine, body: str, strategy: str) -> str:
    """`body` rendered for patients with one render strategy, as the text of its first block."""
    article = engine.parse_article(f"---\ntitle: T\nslug: t\n---\n{body}\n", "t.md")
    rendition = render(engine.analyse(article), engine.audiences.get("patient"),
                       frozenset({strategy}))  # fmt: skip
    return rendition.blocks[0].text


def test_a_definition_goes_before_a_sentence_that_leads_into_a_list(engine):
    """After "... include:" the list must follow at once: "include:. Chronic kidney
    disease means ..." broke both the lead and the list."""
    lead = rendered(
        engine,
        "Choices for a patient with chronic kidney disease include:\n\n- a water pill\n"
        "- a lower salt diet",
        "definitions",
    )
    assert lead.endswith("include:")
    assert lead.startswith("Chronic kidney disease means ")
    assert ". Choices for someone with kidney disease include:" in lead


def test_a_definition_before_a_list_lead_names_its_term(engine):
    """Put before the sentence it explains, a definition that never names its term ("A
    machine pushes air ...") reads as a claim of its own."""
    lead = rendered(
        engine,
        "Noninvasive ventilation is advised when one of these is present:\n\n"
        "- a high carbon dioxide level\n- tired breathing muscles",
        "definitions",
    )
    assert lead.startswith("Breathing support by mask means a machine pushes air")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Most adults with recent DVT should take a pill for 3 months.",
         "with a recent deep vein clot should"),
        ("The chance of PE is high after a hip operation.", "chance of a lung blood clot is"),
        # a quiet phase is counted too, and a describing word may hold a hyphen
        ("The pill does not raise the chance of long-term remission [2].",
         "the chance of a long-term quiet phase"),
        ("Few adults were in 2-year remission at 5 years.", "in a 2-year quiet phase at"),
        # an inflamed organ is one thing too; its clinical word ends in "s" but is no plural
        ("Use the drug with care after pancreatitis.", "after a swollen pancreas."),
        ("A suppository is used at night for proctitis.", "for an inflamed rectum."),
        ("Adults with pancreatitis risk factors need care.", "with swollen pancreas risk factors"),
        # the second of two nouns joined by "or" takes it too; not after "and" (a clause of
        # its own may start there), nor after a describing word
        ("Most adults have not reached low disease activity or remission at a year.",
         "low disease activity or a quiet phase at"),
        ("Most adults reached remission and DVT was rare.", "and deep vein clot was rare"),
        ("Adults with acute or chronic DVT need care.", "sudden or long-lasting deep vein clot"),
        # so is a disorder one has
        ("The test cannot tell low iron from thalassemia in most adults.",
         "from an inherited blood disorder in most adults"),
        ("Adults with long-lasting ITP in the trial did well.",
         "with a long-lasting immune platelet disorder in the trial"),
        # a verb before the describing words is no describing word; a phase reached after
        # "found", "yielded" or "achieved" is one phase, as after a preposition
        ("The drug with aspirin yielded steroid-free remission in 40%.",
         "with aspirin yielded a steroid-free quiet phase"),
        ("The trial found remission at week 8 in a third of adults.",
         "The trial found a quiet phase at week 8"),
        ("The trial found remission rates were low in older adults.",
         "The trial found quiet phase rates were"),
        # a dummy drug is one thing too, after a word of comparison or of what was given
        ("The pill worked better than placebo in most adults.",
         "better than a dummy drug in most adults"),
        ("Adults were assigned to placebo or the pill for a year.",
         "assigned to a dummy drug or the pill"),
        # ... or after the first group's dose and "or": the second group's drug
        ("Adults were assigned to the new pill 10 mg daily or placebo for a year.",
         "10 mg daily or a dummy drug for a year"),
        ("Adults were given 10 mg or placebo tablets for a year.",
         "10 mg or dummy drug tablets for a year"),
        # ... and after the course of that dose and a comma
        ("Adults were assigned to the pill 20 mg daily, lowered over 8 days, or placebo.",
         "lowered over 8 days, or a dummy drug."),
        ("Adults took the pill for 8 days, or placebo tablets for a year.",
         "for 8 days, or dummy drug tablets for a year"),
        ("Adults took the pill for 8 days at home, or placebo at the clinic.",
         "at home, or dummy drug at the clinic"),
        # ... or after "to" and one word naming the first group's choice, and after "given"
        ("Adults were assigned to semaglutide or placebo for a year.",
         "assigned to semaglutide or a dummy drug for"),
        ("Pain eased in 30% of those given placebo in the trial.",
         "of those given a dummy drug in the trial"),
        ("Adults were assigned to low dose or placebo for a year.",
         "assigned to low dose or dummy drug for"),
        # ... not the end of a joined word ("add-on"): "on" is no preposition there
        ("The choice of add-on agent is made by the doctor.", "The choice of add-on drug is"),
        # an article of its own, a plural, or a name that describes the next noun: as written
        ("Treat the first DVT for 3 months in most adults.", "the first deep vein clot for"),
        ("Adults with DVTs in both legs need care.", "with deep vein clots in"),
        ("Adults with DVT risk factors need care.", "with deep vein clot risk factors"),
        ("Adults with prior DVT features need care.", "with prior deep vein clot features"),
        # a treatment named as a mass noun after a verb of need, whose plain words are a
        # thing ("a breathing machine"); "or" after it is no noun it describes
        ("Few adults needed intubation or pressors after the change.",
         "needed a breathing tube or pressure-raising drips"),
        ("Those with lung failure requiring mechanical ventilation did worse.",
         "needing a breathing machine did worse"),
        ("The unit needed mechanical ventilation teams at night.",
         "needed breathing machine teams at night"),
        # two describing words joined by "and"/"or", and a participle after the verb of
        # reaching, describe the one phase reached
        ("The new pill achieved clinical and endoscopic remission in a fifth of adults.",
         "achieved a clinical and scope-test quiet phase in"),
        ("Half of them reached sustained remission by week 12.",
         "reached a sustained quiet phase by"),
        # ... but "and" after a noun joins two names, and a verb of its own ends the words
        ("Adults with diabetes and remission were counted apart.",
         "with diabetes and quiet phase were"),
        ("The drug achieved remission and stopped the bleeding.", "achieved a quiet phase and"),
        # the subject of a condition is one thing too
        ("Keep the pill going once remission is reached in most adults.",
         "once a quiet phase is reached"),
        ("Scan the leg at once if DVT is suspected after a long flight.",
         "if a deep vein clot is suspected"),
        # ... not where it describes the next noun
        ("Start the pill if DVT risk is high after a long flight.", "if deep vein clot risk is"),
        # a step of a plan, counted: "a ... dose increase", "a ... dose change"
        ("One plan came with up-titration to full doses in 2 weeks.",
         "with a step-by-step dose increase to full doses"),
        ("Side effects were rare with slow titration in older adults.",
         "with a slow step-by-step dose change in"),
        ("Up-titration to full doses took 2 weeks in most adults.",
         "Step-by-step dose increase to full doses took"),
        # a scan is counted too ("need a liver sound-wave scan"), and so is a phase a drug
        # can bring on ("can induce a quiet phase"); plain words with their own "a" get no more
        ("People with scarring still need liver ultrasound every 6 months.",
         "still need a liver sound-wave scan every 6 months"),
        ("It is the only pill that can induce prolonged remission after one course.",
         "can induce a prolonged quiet phase after"),
        ("There was no abscess on ultrasound in the adults who took part.",
         "on a sound-wave scan in"),
        # a phase compared as a figure is its rate: "Quiet phase was higher" said not what
        ("Remission at week 8 was slightly higher with the new pill than with the old one.",
         "The rate of a quiet phase at week 8 was slightly higher with"),
        ("The pill was safe, although steroid-free remission was not higher with it.",
         "although the rate of a steroid-free quiet phase was not higher with it"),
        # ... not a phase that is more common, nor one whose clause had a subject before it
        ("Remission was more common with the new pill than with the old one.",
         "Quiet phase was more common"),
        ("The chance that remission comes early was higher with the pill.",
         "that quiet phase comes early"),
        ("In adults on the pill remission was higher at week 8.", "pill quiet phase was higher"),
    ],
)  # fmt: skip
def test_a_counted_illness_written_as_a_mass_noun_takes_a(engine, body, expected):
    """ "with acute DVT" -> "with sudden deep vein clot" lacked the "a" that its plain
    words, a thing one has one of, need."""
    assert expected in rendered(engine, body, "replace_terms")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("TSH should be rechecked 6 weeks after a dose change.",
         "The thyroid test level should be checked again"),
        ("Start the pill at once; TSH should then be checked in 6 weeks.",
         "; the thyroid test level should then be checked"),
        ("Check a TSH of 4.6 or more again in 3 months.", "a thyroid test level of 4.6"),
        ("The drug works in most adults, and hepatitis B serology must be checked first.",
         ", and the hepatitis B blood test must be checked first"),
        ("Add the pill when UACR stays above 30 mg/g.", "when the urine protein score stays"),
        # a verb of what the test does shows a clause as well
        ("The pill works, and fecal calprotectin serves as a guide to the gut.",
         ", and the stool inflammation test serves as"),
        ("A high fecal calprotectin serves as a warning.", "A high stool inflammation test serves"),
        ("In older adults, at whom the drug is aimed, UACR is checked each year.",
         ", the urine protein score is checked"),
        # a mass noun whose plain words are a counted pill
        ("Oral iron remains the first choice for most adults.", "The iron pill remains"),
        ("Use a drip when oral iron fails.", "when the iron pill fails"),
        # ... or one named as the example of a kind, after "such as"
        ("Track the effect with forms such as MIDAS each month.",
         "forms such as the migraine disability score each month"),
        ("Check tests such as TSH and ferritin first.", "such as the thyroid test level and"),
        ("Signs such as anemia need a check.", "Signs such as low red blood count need"),
        # ... or a counted drip
        ("IV iron is preferred when pills upset the gut.", "The iron drip is preferred"),
        ("A switch to IV iron is advised.", "A switch to iron drip is advised."),
        # ... or a device, also where the term is written with its abbreviation
        ("Cardiac resynchronization therapy (CRT) is indicated in some adults.",
         "The pacemaker that syncs the heart is advised"),
        ("CRT is advised for some adults.", "The pacemaker that syncs the heart is advised"),
        # a describing word before the test's name: "the" goes before that word
        ("The leg is swollen, and compression ultrasonography should be done the same day.",
         ", and the compression sound-wave scan should be done"),
        ("Pelvic ultrasonography is the first test in most women.",
         "The pelvic sound-wave scan is the first test"),
        # not after a word of its own
        ("Ask for a repeat ultrasonography if the pain is worse.",
         "a repeat sound-wave scan if"),
        # a marker or a rate too, whose verb may come a few words on
        ("Procalcitonin and K+ should be checked within a week.",
         "The infection blood marker and potassium should be checked"),
        ("Continue the drug unless procalcitonin rises by half.",
         "unless the infection blood marker rises"),
        ("Mortality at 30 days did not differ between the arms.",
         "The death rate at 30 days did not differ"),
        # a name whose head stands before "of" ("germ stain of coughed-up mucus"), and a
        # figure among the describing words
        ("Sputum Gram stain and blood cultures are advised before treatment.",
         "The germ stain of coughed-up mucus and blood germ tests are advised"),
        ("Incidence fell in most groups after the change.", "The rate of new cases fell"),
        ("90-day mortality was 9% in most groups.", "The 90-day death rate was 9%"),
        # a describing word joined by a hyphen is one describer too
        ("Most adults did well, and all-cause mortality fell by a third.",
         "and the all-cause death rate fell by"),
        ("Avoid it when creatinine clearance exceeds 95 mL/min.",
         "when the kidney clearing rate goes over 95"),
        # a test's value ("level") too, but not after a describing word of its own
        ("Ferritin should be checked again after 8 weeks.",
         "The stored iron level should be checked again"),
        ("A low ferritin should be checked again after 8 weeks.",
         "A low stored iron level should be checked"),
        # a verb a few words on that can only be a verb ("establishes"), not a noun in "-s"
        ("Flexible sigmoidoscopy with biopsies establishes the grade of the disease.",
         "The lower-bowel scope test with tissue samples establishes"),
        ("Flexible sigmoidoscopy with biopsies in most adults confirms the grade.",
         "The lower-bowel scope test with tissue samples in most adults confirms"),
        ("Flexible sigmoidoscopy with biopsies in adults, then stool tests.",
         "Lower-bowel scope test with tissue samples in adults, then"),
        # never as an object, nor in a note with no verb
        ("Check procalcitonin, sodium and calcium in 2 weeks.",
         "Check infection blood marker, sodium"),
        ("Procalcitonin at 2 weeks, then monthly.", "Infection blood marker at 2 weeks, then"),
        # plain words whose noun comes before a "with" phrase name no test ("device")
        ("Incentive spirometry every 2 hours lowers the risk of a chest infection.",
         "Deep breathing with a small device every 2 hours lowers"),
    ],
)  # fmt: skip
def test_a_test_named_alone_takes_the_where_it_opens_a_clause(engine, body, expected):
    """ "TSH should be rechecked" -> "Thyroid blood test should be ..." lacked its article,
    as "Oral iron remains ..." -> "Iron pill remains ..." did."""
    assert expected in rendered(engine, body, "replace_terms")


def test_a_definition_shared_by_two_terms_is_said_once(engine):
    """ACE inhibitors and ARBs share a plain definition: it follows the sentence once,
    naming both."""
    text = rendered(
        engine,
        "Start an ACE inhibitor or an angiotensin receptor blocker when the urine protein is high.",
        "definitions",
    )
    ace = engine.glossary.entries["ace-inhibitor"].wording["patient"].definition
    assert text.count(ace.split(" ", 1)[1]) == 1
    assert "ACE-blocker pills and losartan-type pills lower" in text


def test_a_definition_waits_for_the_sentence_whose_it_points_back(engine):
    """ "... low blood counts. Cytopenia means ... It must not be used ...": put between the
    two, the definition became what "It" pointed at."""
    text = rendered(
        engine,
        "The pill is taken once a week and can cause cytopenias. It is not safe in pregnancy. "
        "Check the blood each month.",
        "definitions",
    )
    assert "low blood counts. It is not safe in pregnancy. Cytopenia means " in text
    assert text.endswith("Check the blood each month.")


def test_a_definition_still_follows_its_own_sentence_when_no_pronoun_comes_next(engine):
    text = rendered(engine, "The pill can cause cytopenias. The pill is not safe in pregnancy.",
                    "definitions")  # fmt: skip
    assert "low blood counts. Cytopenia means " in text


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Among warfarin patients with a high score, bleeding was rare.",
         "Among warfarin patients with"),
        ("Most patients with a high score did well.", "Most people with"),
    ],
)  # fmt: skip
def test_patients_named_by_their_drug_keep_the_word(engine, body, expected):
    """ "adalimumab patients" -> "adalimumab people" read as nonsense: after a drug's name
    "patients" is the head of a noun, and only bare "patients" reads "people"."""
    assert expected in rendered(engine, body, "replace_terms")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # plain words that are a way or a place follow the nouns they describe
        ("The nurse gives IV fluids to most adults.", "gives fluids by vein to"),
        ("The nurse gives IV methylprednisolone to most adults.", "methylprednisolone by vein to"),
        ("A 4 g IV loading dose is given.", "A 4 g larger starting dose by vein is given."),
        ("An IV line was placed.", "A line by vein was placed."),
        ("Place two large-bore IV lines at once.", "two large-bore lines by vein at once"),
        # after a dose the term is the route of that dose: a verb may follow
        ("The drug at 5 g IV reverses the effect within minutes.",
         "5 g by vein reverses the effect"),
        ("They need IV antibiotics such as ceftriaxone.", "germ-killing drugs by vein such as"),
        # ... unless the nouns say it already, or open the sentence (then they are joined)
        ("An IV infusion of iron sucrose is given.", "A drip into a vein of iron sucrose"),
        ("IV fluids are given first.", "By-vein fluids are given first."),
        ("The drug is given IV daily for a week.", "given by vein daily for"),
        ("The drug is given IV every day.", "given by vein every day"),
        # a place the glossary writes joined ("by-mouth") reads apart once it follows
        ("They prefer oral agents in most cases.", "prefer drugs by mouth in"),
        ("Steroid creams are a topical treatment for most rashes.", "a treatment on the skin for"),
        # a describing word between the term and its noun: the place follows the noun
        ("Adults were given oral triple therapy or a biologic.",
         "given three-drug treatment by mouth or"),
        # ... not one that also tells when ("daily"), nor "and"
        ("Adults took the oral daily dose with food.", "the by-mouth daily dose"),
        # ... but not one that ends in no noun, nor one that opens the sentence
        ("It is a fine intermediate step in most adults.", "a fine in-between step in"),
        ("Oral steroids are used for short flares.", "By-mouth steroids are used"),
        # words that describe already read before a noun, unjoined
        ("The drug suits nonsevere disease in adults.", "suits less severe disease in"),
        # plain words with a clause of their own cannot stand before a noun: the term stays
        ("Doctors check the sputum color in every smoker.", "the sputum color in"),
        ("Doctors check the sputum in every smoker.", "the mucus you cough up in"),
        ("Sputum increases in most smokers.", "Mucus you cough up increases"),
        # nor can an "-ing" verb with words of its own ("a being no worse design"; "noninferiority
        # margin" has an entry of its own)
        ("The trial used a noninferiority design in most groups.", "a noninferiority design"),
        ("The trial met its noninferiority margin in most groups.",
         "its bar for being no worse in"),
        ("Noninferiority was shown in most groups.", "Being no worse was shown"),
        # "false-negative results": the term's noun is said once
        ("Acid pills can cause false-negative results.", "can cause missed results."),
        # a drug keeps its own name, though its class has an entry of a similar name
        ("Take tetracycline 500mg four times daily.", "Take tetracycline 500mg"),
        # an adverb's way or place follows the describing word it goes with
        ("The pill suits adults who are not systemically unwell.",
         "who are not unwell through the whole body."),
        ("Budesonide is systemically absorbed in small amounts.",
         "is absorbed through the whole body in small"),
        # ... never before a noun, and after a verb it stays where it is
        ("Give the drug subcutaneously every 2 weeks.", "drug under the skin every 2 weeks"),
        ("Give phenobarbital 10 mg/kg intravenously over 30 minutes.",
         "10 mg/kg into a vein over 30 minutes"),
        # a treatment wording before a drug's name drops the noun the name says already
        ("A flare despite maintenance mesalamine is common.", "despite long-term mesalamine is"),
        ("Mesalamine is kept on as maintenance after the flare.",
         "kept on as long-term treatment after"),
        ("A maintenance plan is made with the doctor.", "A long-term treatment plan is made"),
        # a comparison takes "than", not the "to" of "noninferior to"
        ("The short course was noninferior to the long one.", "was no worse than the long one"),
        # "inside ..." and "outside ..." are places too
        ("The rise reflects intraglomerular pressure change in most adults.",
         "reflects pressure change inside the kidney filters in most adults"),
        ("Doctors advise off-label use in children.", "advise use outside official approval in"),
    ],
)  # fmt: skip
def test_a_term_before_its_noun_reads_as_a_modifier(engine, body, expected):
    """ "by vein zoledronic acid", "a by-vein access" and "mucus you cough up volume" put
    words that follow a noun in English before it."""
    assert expected in rendered(engine, body, "replace_terms")


def test_a_caregiver_term_with_a_clause_stays_before_its_noun(engine):
    """For a caregiver the plain words say "the person" where a patient's say "you"
    ("mucus the person coughs up"): a clause all the same, so "sputum volume" stays."""
    article = engine.parse_article(
        "---\ntitle: T\nslug: t\n---\nDoctors check the sputum volume in every smoker.\n",
        "t.md",
    )
    (block,) = render(engine.analyse(article), engine.audiences.get("caregiver"),
                      frozenset({"replace_terms"})).blocks  # fmt: skip
    assert "the sputum volume in" in block.text


def test_words_moved_behind_their_nouns_keep_their_term_mark(engine):
    """The mark (hover text, JSON `terms`) covers the moved words alone, not the space."""
    article = engine.parse_article(
        "---\ntitle: T\nslug: t\n---\nThe nurse gives IV fluids to most adults.\n", "t.md"
    )
    (block,) = render(engine.analyse(article), engine.audiences.get("patient"),
                      frozenset({"replace_terms"})).blocks  # fmt: skip
    (mark,) = [term for term in block.terms if term.original == "IV"]
    assert mark.replacement == "by vein"
    assert block.text[mark.start : mark.end] == "by vein"
    assert "gives fluids by vein to" in block.text


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Steroids are not advised for mild CAP or severe CAP in most adults.",
         "Steroids are not advised for mild or severe pneumonia caught in daily life in most "
         "adults."),
        ("Mild CAP and severe CAP differ in care.",
         "Mild and severe pneumonia caught in daily life differ in care."),
        # not two terms, not a noun before each, not more words between
        ("Adults with CAP or DVT need care at home.",
         "Adults with pneumonia caught in daily life or deep vein clot need care at home."),
        ("Adults with ward CAP or clinic CAP need care at home.",
         "Adults with ward pneumonia caught in daily life or clinic pneumonia caught in daily "
         "life need care at home."),
        ("Adults with mild CAP or with severe CAP need care.",
         "Adults with mild pneumonia caught in daily life or with severe pneumonia caught in "
         "daily life need care."),
    ],
)  # fmt: skip
def test_long_plain_words_of_a_name_said_twice_across_or_are_said_once(engine, body, expected):
    """ "nonsevere CAP or severe CAP" read "less severe pneumonia caught in daily life or
    severe pneumonia caught in daily life": a short name said twice, a long one once."""
    assert rendered(engine, body, "replace_terms") == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # before an object the "how" word leads the verb
        ("Recheck after titrating the dose.", "Check again after slowly changing the dose."),
        ("Uptitrate the pill each week.", "Slowly raise the pill each week."),
        # before "to", "by", a time or the end it follows the verb
        ("The dose was titrated to 40 mg.", "The dose was changed slowly to 40 mg."),
        ("It was titrated.", "It was changed slowly."),
        # where the text says how already, the plain words do not say it again
        ("It was titrated slowly over 6 weeks.", "It was changed slowly over 6 weeks."),
        # a dose verb done with no object: the dose it holds is said ("Raise slowly" raised
        # nothing); not where it is undergone ("-ed"), nor a verb that says its own end
        ("Uptitrate every 2 weeks.", "Raise the dose slowly every 2 weeks."),
        ("Start low, then keep uptitrating as blood pressure allows.",
         "Start low, then keep raising the dose slowly as blood pressure allows."),
        ("Start low and titrate over 6 weeks.",
         "Start low and change the dose slowly over 6 weeks."),
        ("The pill is titrated over 6 weeks.", "The pill is changed slowly over 6 weeks."),
        ("Taper off over 2 weeks.", "Stop slowly over 2 weeks."),
    ],
)  # fmt: skip
def test_a_plain_verb_says_how_where_english_puts_it(engine, body, expected):
    """ "after starting or raising step by step kidney drugs" put the "how" between a
    verb and its object; "changed step by step slowly" said it twice."""
    assert rendered(engine, body, "replace_terms") == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Serum procalcitonin is not a reliable guide.",
         "The infection blood marker is not a reliable guide."),
        ("Aim for a lower top number when tolerated, measured at home.",
         "Aim for a lower top number as long as it is safe, measured at home."),
        ("Give the drug every 12 hours, adjusted to levels, or a second drug.",
         "Give the drug every 12 hours, guided by blood levels, or a second drug."),
        ("The short plan met noninferiority at day 30.",
         "The short plan showed no worse results at day 30."),
        ("The drip was de-escalated once the germ was known.",
         "The drip was scaled back once the germ was known."),
        ("Hold the pills during poor PO intake.",
         "Hold the pills during poor eating and drinking."),
        ("Stop agents that do not help.", "Stop drugs that do not help."),
        ("Cover the germ when the patient has prior respiratory isolation of the germ.",
         "Cover the germ when you have had an airway sample that grew the germ."),
        ("Use a macrolide only where pneumococcal macrolide resistance is below 25%.",
         "Use an azithromycin-type drug only where pneumonia-germ resistance to"
         " azithromycin-type drugs is below 25%."),
        ("Chronicity should be confirmed before a new drug.",
         "The long-term nature of the illness should be confirmed before a new drug."),
        ("Use it as needed, not exceeding 400 mg per day.",
         "Use it as needed, not going over 400 mg per day."),
        ("The nurse saw adults in the ICU at night.",
         "The nurse saw adults in the intensive care unit at night."),
        # the drugs after "RAS inhibition with" are how the system is blocked, not a second drug
        ("The plan combines RAS inhibition with an ACE inhibitor and a statin.",
         "The plan combines kidney-shielding treatment using an ACE-blocker pill"
         " and a cholesterol pill."),
    ],
)  # fmt: skip
def test_phrases_whose_words_cannot_be_swapped_one_by_one(engine, body, expected):
    """ "poor by mouth intake", "when handled well" said of a target, "meeting being no
    worse", "changed to levels": the phrase has one plain wording as a whole."""
    assert rendered(engine, body, "replace_terms") == expected


def test_a_caregiver_reads_whose_it_is_without_a_pronoun(engine):
    """ "Their medicine list should be reviewed" named no one, and "the doctor should record
    their pain score" pointed at the doctor."""
    article = engine.parse_article(
        "---\ntitle: T\nslug: t\n---\nThe doctor should record the patient's pain score. "
        "The patient's list of pills should be checked.\n",
        "t.md",
    )
    text = render(engine.analyse(article), engine.audiences.get("caregiver")).blocks[0].text
    assert text == (
        "The doctor should record the person's pain score. "
        "The person's list of pills should be checked."
    )


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a phrase whose words swapped one by one did not read
        ("The tablet is taken on alternate days for a month.",
         "The tablet is taken every other day for a month."),
        ("A drip is used when oral intolerance lasts for weeks.",
         "A drip is used when trouble with pills lasts for weeks."),
        ("Raise the dose to 40 mg as tolerated.", "Raise the dose to 40 mg as side effects allow."),
        ("The blood count showed hypoproliferative erythropoiesis.",
         "The blood count showed slow red cell making."),
        ("Adults with a major depressive episode took part.", "with a bout of depression took"),
        ("The pill adds a mortality benefit in older adults.", "adds a survival benefit in"),
        ("Death or heart failure readmission by day 90 was rare.",
         "Death or return to the hospital for heart failure by day 90 was rare."),
        ("Both drugs lower mortality and hospitalization.",
         "Both drugs lower deaths and hospital stays."),
        # a test named as a mass noun, as the term is, needs no article
        ("Capsule endoscopy of the small bowel is kept for later.",
         "Pill camera testing of the small bowel is kept for later."),
        ("The group advises bidirectional endoscopy in older men.",
         "advises upper-and-lower scope testing in older men."),
        ("The first visit includes urinalysis for blood.", "includes urine testing for blood."),
        ("Doctors advise noninvasive testing for Helicobacter pylori.",
         "scope-free testing for stomach germ infection."),
        ("Noninvasive ventilation is used when carbon dioxide builds up.",
         "Breathing support by mask is used when"),
        ("Confirm low iron with a serum ferritin first.", "with a stored iron level first."),
        ("Check potassium and creatinine within a week.",
         "Check potassium and kidney waste within a week."),
        ("Lower the dose slowly to prevent discontinuation symptoms.",
         "to prevent withdrawal symptoms."),
        # "indicated" as advice reads "advised"; as "shown" it stays
        ("A drip is indicated when the fever lasts.", "A drip is advised when the fever lasts."),
        ("The scan indicated a small clot.", "The scan indicated a small clot."),
        # the phase of treatment, not the drug taken for an attack
        ("The pill beat a dummy pill in acute treatment, over six weeks.",
         "in short-term treatment, over"),
        ("Triptans are used for acute treatment of migraine.", "for attack treatment of migraine"),
        # a name the reader knows reads as a describing word too
        ("The pill lowered heart failure hospitalization.",
         "lowered hospital stay for heart failure"),
        ("Migraine features were present on most days.", "Migraine features were present"),
        # counted names after "a"
        ("The drug carries a boxed warning.", "carries a top safety warning."),
        ("Renal adverse events were rare.", "Kidney health problems were rare."),
        ("Send a stool antigen test and a urea breath test.",
         "Send a stool test and a breath test."),
        ("The group advises an evidence-based psychotherapy.",
         "a research-backed talking therapy."),
    ],
)  # fmt: skip
def test_a_phrase_reads_whole_where_its_words_would_not(engine, body, expected):
    """ "on every other day", "as handled well", "underproducing red cell making", "a
    counseling": wordings that read only as one phrase, or only in the place they stand."""
    assert expected in rendered(engine, body, "replace_terms")


def test_a_plain_name_that_is_the_term_gets_no_bracket(engine):
    """ "heart failure (heart failure)": a term whose plain words are its own name is shown
    once on first use; a term with other plain words still brings its name in brackets."""
    article = engine.parse_article(
        "---\ntitle: T\nslug: t\n---\nHeart failure and hypotension can cause falls.\n", "t.md"
    )
    (block,) = render(engine.analyse(article), engine.audiences.get("patient")).blocks
    assert block.text.startswith("Heart failure and low blood pressure (hypotension) can")


def test_each_term_hovers_with_its_audiences_own_definition(engine, results):
    """Blocks are remembered across audiences by what their words read: the hover text of
    each term must still be the reader's own definition, a caregiver's retold one too."""
    retold_seen = 0
    for (_, audience_id), result in results.items():
        chain = engine.audiences.get(audience_id).wording_chain
        for term in result.rendition.terms:
            wording = engine.glossary.entries[term.entry].wording_for(chain)
            assert term.definition == wording.definition, (audience_id, term.entry)
            retold_seen += audience_id == "caregiver" and "the person" in wording.definition
    assert retold_seen  # the examples hold caregiver wordings retold about the person
