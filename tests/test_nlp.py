from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from service.engine import PROJECT_ROOT
from service.nlp import COLUMNS_KEY, build_nlp, token_columns


@pytest.fixture(scope="module")
def nlp():
    return build_nlp({"cytopenias": "cytopenia"})


def sentences(nlp, text: str) -> list[str]:
    return [sent.text for sent in nlp(text).sents]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Give IVIG at 2g/kg monthly. Response was 72.5% to 75% [2] [3]. Then stop.",
            ["Give IVIG at 2g/kg monthly.", "Response was 72.5% to 75% [2] [3].", "Then stop."],
        ),
        (
            "Add a biologic, e.g. rituximab, as Smith et al. showed [1]. Next.",
            ["Add a biologic, e.g. rituximab, as Smith et al. showed [1].", "Next."],
        ),
        (
            "Methotrexate vs. leflunomide was compared. Both worked.",
            ["Methotrexate vs. leflunomide was compared.", "Both worked."],
        ),
        (
            "The rate fell by half. [4] It stayed low.",
            ["The rate fell by half. [4]", "It stayed low."],
        ),
        ("Take 200-400mg daily, i.e. twice a day.", ["Take 200-400mg daily, i.e. twice a day."]),
        ("Dose t.i.d. for 6 months. Review.", ["Dose t.i.d. for 6 months.", "Review."]),
        (
            "Patients with T2D. Others with QoL. End.",
            ["Patients with T2D.", "Others with QoL.", "End."],
        ),
        # a unit in litres ends the sentence: "L." is no initial
        (
            "Keep the sodium under 10 mmol/L. Then stop. Drink 2 L. Rest.",
            ["Keep the sodium under 10 mmol/L.", "Then stop.", "Drink 2 L.", "Rest."],
        ),
    ],
)
def test_sentences_split_where_a_reader_would(nlp, text, expected):
    assert sentences(nlp, text) == expected


def test_a_unit_in_litres_stays_whole_before_a_full_stop(nlp):
    """ "mIU/L." read as "L." would hide the unit from the facts check after a split."""
    assert [t.text for t in nlp("from 0.5 to 4.5 mIU/L. But")][-4:] == ["/", "L", ".", "But"]


def test_citations_become_single_tokens_with_numbers(nlp):
    doc = nlp("Shown twice [2, 3] and once [1].")
    cited = [(t.text, t._.citation) for t in doc if t._.citation]
    assert cited == [("[2, 3]", (2, 3)), ("[1]", (1,))]


@pytest.mark.parametrize(
    ("text", "cited"),
    [
        ("Stop it [12].", [("[12]", (12,))]),
        ("Stop it ([3]), then rest [4]: done [5];", [("[3]", (3,)), ("[4]", (4,)), ("[5]", (5,))]),
        ("Ranges [4-6] and [7 \u2013 8] count.", [("[4-6]", (4, 5, 6)), ("[7 \u2013 8]", (7, 8))]),
        ("Not ours: x[1], [1]a, [1000] or [a].", []),
    ],
)
def test_a_citation_is_one_token_wherever_it_stands(nlp, text, cited):
    doc = nlp(text)
    assert [(t.text, t._.citation) for t in doc if t._.citation] == cited
    assert [t.norm_ == "<citation>" for t in doc] == [bool(t._.citation) for t in doc]


@pytest.mark.parametrize(
    "text",
    ["Take 2 mg daily [1, 2]. Then stop. [3] Check it.", "Stop (see below. Then) wait.", "x"],
)
def test_the_columns_the_sentence_splitter_keeps_are_the_doc_s_own(nlp, text):
    doc = nlp(text)
    kept = doc.user_data.pop(COLUMNS_KEY)
    read = token_columns(doc)
    for name in ("orth", "lower", "norm", "like_num", "sent_start"):
        assert getattr(kept, name).tolist() == getattr(read, name).tolist(), name


def test_doses_split_number_from_unit_but_keep_lab_names(nlp):
    tokens = [t.text for t in nlp("IVIG 2g/kg, 200-400mg, HbA1c, B12, 1st")]
    assert tokens == ["IVIG", "2", "g", "/", "kg", ",", "200", "-", "400", "mg", ",", "HbA1c",
                      ",", "B12", ",", "1st"]  # fmt: skip


def test_norm_is_the_lower_case_lemma_plus_glossary_inflections(nlp):
    doc = nlp("Cytopenias and Infections were Tapering")
    assert [t.norm_ for t in doc] == ["cytopenia", "and", "infection", "be", "taper"]


def test_a_list_lead_in_is_its_own_sentence_when_blocks_are_piped_apart(nlp):
    docs = list(nlp.pipe(["Before escalating, confirm:", "IVIG at 2g/kg monthly"]))
    assert [len(list(doc.sents)) for doc in docs] == [1, 1]


OFFLINE_SCRIPT = textwrap.dedent(
    """
    import socket

    import pytest_socket

    pytest_socket.disable_socket(allow_unix_socket=False)

    def refuse(*args, **kwargs):
        raise RuntimeError("network lookup attempted")

    socket.getaddrinfo = refuse

    from service.engine import Engine
    engine = Engine.load()
    article = engine.load_article("articles/ra-after-methotrexate.md")
    results = engine.evaluate(article)
    assert all(r.scores.flesch_kincaid > 0 for r in results)
    print("offline ok", len(results))
    """
)


def test_pipeline_readability_and_rendering_work_with_the_network_blocked():
    """A cold process with sockets refused: no model, lookup or cmudict download."""
    done = subprocess.run(
        [sys.executable, "-c", OFFLINE_SCRIPT],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "offline ok 3"
