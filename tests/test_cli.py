from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from service.cli import cli
from service.engine import PROJECT_ROOT

from .conftest import ARTICLE_PATHS, DATA, write_file

EXAMPLE = str(ARTICLE_PATHS[0])


@pytest.fixture
def runner():
    return CliRunner()


def run(runner, *args):
    return runner.invoke(cli, list(args), catch_exceptions=False)


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json"])
def test_render_every_format(runner, fmt):
    result = run(runner, "render", EXAMPLE, "--audience", "patient", "--format", fmt)
    assert result.exit_code in (0, 1)
    assert "Talk with your doctor" in result.stdout


def test_render_json_shape(runner):
    result = run(runner, "render", EXAMPLE, "--audience", "caregiver", "--format", "json")
    data = json.loads(result.stdout)
    assert data["slug"] == ARTICLE_PATHS[0].stem and data["audience"] == "caregiver"
    assert all({"kind", "text"} <= set(block) for block in data["blocks"])
    assert all({"original", "replacement", "entry"} <= set(term) for term in data["terms"])
    assert data["facts"]["kept"] is True


def test_render_all_audiences_as_json_is_a_list(runner):
    result = run(runner, "render", EXAMPLE, "--audience", "all", "--format", "json")
    assert [item["audience"] for item in json.loads(result.stdout)] == [
        "clinician", "patient", "caregiver"
    ]  # fmt: skip


def test_score_json_has_the_documented_fields(runner):
    result = run(runner, "score", *map(str, ARTICLE_PATHS), "--format", "json")
    rows = json.loads(result.stdout)
    assert len(rows) == 3 * len(ARTICLE_PATHS)
    for row in rows:
        assert {"slug", "audience", "grade", "target", "meets_target", "facts_kept",
                "missing_facts"} <= set(row)  # fmt: skip
        assert row["facts_kept"] and row["missing_facts"] == []
    expected_exit = 0 if all(row["meets_target"] for row in rows) else 1
    assert result.exit_code == expected_exit


def test_score_table_shows_grade_against_target(runner):
    result = run(runner, "score", "articles/")
    header, _rule, *rows = result.stdout.splitlines()
    assert header.split()[:6] == ["article", "audience", "grade", "target", "meets", "facts"]
    assert len(rows) == 3 * len(ARTICLE_PATHS)


def test_exit_code_one_when_a_target_is_missed(runner, tmp_path):
    hard = write_file(
        tmp_path,
        "hard.md",
        "---\ntitle: T\nslug: hard\n---\nNotwithstanding considerable interindividual "
        "heterogeneity, immunosuppressive intensification necessitates comprehensive "
        "hematological surveillance.\n",
    )
    result = run(runner, "score", str(hard), "--audience", "patient")
    assert result.exit_code == 1
    assert "miss: hard [patient]: grade" in result.stderr


def test_bad_article_exits_two_with_one_line_per_problem(runner, tmp_path):
    bad = write_file(tmp_path, "bad.md", "---\ntitle: T\n---\n| a |\n|---|\n| 1 |\n")
    result = run(runner, "render", str(bad))
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert f"{bad}:1: slug: the front matter has no 'slug'; add it" in result.stderr


def test_unknown_audience_exits_two(runner):
    result = run(runner, "render", EXAMPLE, "--audience", "nurse")
    assert result.exit_code == 2
    assert "unknown audience 'nurse'; choose one of: clinician, patient, caregiver" in (
        result.stderr
    )


def test_check_passes_on_the_project(runner):
    result = run(runner, "check", "--articles", "articles")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("ok: ")


def test_check_lists_every_problem_in_data_and_articles(runner, tmp_path):
    glossaries = tmp_path / "glossaries"
    shutil.copytree(DATA / "glossaries", glossaries)
    write_file(glossaries, "zz.yaml", "kind: jargon\nentries:\n  - id: Bad\n    term: x\n")
    articles = tmp_path / "articles"
    articles.mkdir()
    write_file(articles, "a.md", "no front matter")
    write_file(articles, "b.md", b"---\ntitle: T\nslug: b\n---\n\xff")
    result = run(runner, "--glossaries", str(glossaries), "check", "--articles", str(articles))
    assert result.exit_code == 2
    assert "zz.yaml:3: entries.0.id: use lower-case letters" in result.stderr
    assert "zz.yaml:3: entries.0.wording: missing data for required field" in result.stderr


def test_check_reports_article_problems_when_data_is_good(runner, tmp_path):
    write_file(tmp_path, "a.md", "no front matter")
    write_file(tmp_path, "b.md", b"---\ntitle: T\nslug: b\n---\n\xff")
    result = run(runner, "check", "--articles", str(tmp_path))
    assert result.exit_code == 2
    assert f"{tmp_path}/a.md:1: the article has no front matter" in result.stderr
    assert f"{tmp_path}/b.md:5: the file is not UTF-8 text" in result.stderr


def test_runs_as_a_module_and_console_command():
    console = Path(sys.executable).with_name("medrender")
    for command in ([sys.executable, "-m", "service"], [str(console)]):
        done = subprocess.run(
            [*command, "--help"], capture_output=True, text=True, cwd=PROJECT_ROOT
        )
        assert done.returncode == 0 and "render" in done.stdout


def test_coverage_table_lists_uncovered_words_per_article_and_overall(runner, tmp_path):
    shutil.copytree(PROJECT_ROOT / "articles", tmp_path / "articles")
    (tmp_path / "articles" / "nails.md").write_text(
        "---\ntitle: Nails\nslug: nails\n---\nSee a doctor.\n\nOnycholysis can follow "
        "methotrexate.\n"
    )
    result = run(runner, "coverage", str(tmp_path / "articles"))
    assert result.exit_code == 0
    assert "ckd-stage-3-management: " in result.stdout
    assert "  onycholysis (jargon, 1x) line 7: Onycholysis can follow" in result.stdout
    assert re.search(r"^overall: \d+ uncovered hard words", result.stdout, re.M)


def test_coverage_json_and_proposal_file(runner, tmp_path):
    proposed = tmp_path / "proposed.yaml"
    result = run(runner, "coverage", "articles/", "--format", "json", "--propose", str(proposed))
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["threshold_zipf"] == 3.0
    words = data["overall"]["words"]
    assert {"word", "kind_guess", "count", "articles", "sentences"} <= set(words[0])
    assert f"wrote {len(words)} proposed entries to {proposed}" in result.stderr
    assert proposed.read_text().count("\n  - id: ") == len(words)


def test_coverage_of_a_missing_folder_exits_two(runner, tmp_path):
    result = run(runner, "coverage", str(tmp_path / "nope"))
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


PLAIN_ARTICLE = "---\ntitle: T\nslug: plain\n---\nThe rash did not respond to the cream we tried.\n"


def audiences_with(tmp_path, **changes: str) -> Path:
    """A copy of the project's audiences with lines of patient.yaml replaced."""
    folder = tmp_path / "audiences"
    shutil.copytree(PROJECT_ROOT / "audiences", folder)
    patient = folder / "patient.yaml"
    text = patient.read_text(encoding="utf-8")
    for old, new in changes.items():
        text = re.sub(rf"^( *){old}:.*$", rf"\g<1>{old}: {new}", text, flags=re.M)
    patient.write_text(text, encoding="utf-8")
    return folder


def test_qa_gate_passes_then_fails_when_a_target_is_impossible(runner, tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    write_file(articles, "plain.md", PLAIN_ARTICLE)
    easy = audiences_with(tmp_path / "easy", max_grade="20")
    result = run(runner, "--audiences", str(easy), "qa", str(articles), "--format", "json",
                 "--fail-on", "miss,facts")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["totals"]["misses"] == 0
    impossible = audiences_with(tmp_path / "hard", max_grade="1")
    result = run(runner, "--audiences", str(impossible), "qa", str(articles), "--format", "json",
                 "--fail-on", "miss")  # fmt: skip
    assert result.exit_code == 1
    assert f"{articles}/plain.md:5: plain [patient]: miss: grade " in result.stderr
    assert "above the target 1 (flesch_kincaid)" in result.stderr
    assert "[caregiver]" not in result.stderr
    result = run(runner, "--audiences", str(impossible), "qa", str(articles), "--format", "json")
    assert result.exit_code == 0, "without --fail-on the report is only a report"


def test_qa_gate_reports_a_lost_fact_with_its_line(runner, tmp_path):
    glossaries = tmp_path / "glossaries"
    shutil.copytree(DATA / "glossaries", glossaries)
    write_file(glossaries, "zz.yaml", (
        "kind: jargon\nentries:\n  - id: did-not-respond\n    term: did not respond\n"
        "    pos: verb\n    wording:\n      patient: {plain: failed, definition: It failed.}\n"
        "    source: test fixture\n    review: {status: draft}\n"
    ))  # fmt: skip
    replace = audiences_with(tmp_path, terms="replace")
    articles = tmp_path / "articles"
    articles.mkdir()
    write_file(articles, "plain.md", PLAIN_ARTICLE)
    result = run(runner, "--glossaries", str(glossaries), "--audiences", str(replace), "qa",
                 str(articles), "--format", "csv", "--fail-on", "facts")  # fmt: skip
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == (
        f"{articles}/plain.md:5: plain [patient]: facts: negation 'not' is missing"
    )


def test_qa_writes_csv_and_html_files_that_parse(runner, tmp_path):
    out_csv, out_html = tmp_path / "qa.csv", tmp_path / "qa.html"
    result = run(runner, "qa", "articles/", "--format", "csv", "--out", str(out_csv))
    assert result.exit_code == 0
    assert f"wrote the csv report of {len(ARTICLE_PATHS)} articles to {out_csv}" in result.stderr
    rows = list(csv.DictReader(out_csv.read_text(encoding="utf-8").splitlines()))
    assert len(rows) == 3 * len(ARTICLE_PATHS) and rows[0]["slug"]
    result = run(runner, "qa", "articles/", "--out", str(out_html))
    assert result.exit_code == 0
    tags: list[str] = []
    parser = HTMLParser()
    parser.handle_starttag = lambda tag, attrs: tags.append(tag)
    parser.feed(out_html.read_text(encoding="utf-8"))
    assert tags.count("svg") == 3 and "table" in tags and "script" not in tags


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["qa", "nowhere/"], "does not exist"),
        (["qa", "articles/", "--fail-on", "grammar"], "unknown check 'grammar'; choose from"),
    ],
)
def test_qa_bad_input_exits_two(runner, args, message):
    result = run(runner, *args)
    assert result.exit_code == 2 and message in result.stderr


@pytest.mark.parametrize("command", ["qa", "coverage"])
def test_a_folder_without_articles_exits_two(runner, tmp_path, command):
    result = run(runner, command, str(tmp_path))
    assert result.exit_code == 2
    expected = f"{tmp_path}: no articles (*.md) found here; give a folder of article files"
    assert expected in result.stderr


def test_qa_bad_article_exits_two_naming_the_file(runner, tmp_path):
    write_file(tmp_path, "bad.md", "no front matter")
    result = run(runner, "qa", str(tmp_path), "--fail-on", "miss")
    assert result.exit_code == 2
    assert f"{tmp_path}/bad.md:1: the article has no front matter" in result.stderr


def test_coverage_threshold_lowers_the_bar_for_rare(runner, tmp_path):
    # its own article: whether the examples hold a word between the two bars depends on
    # what the glossaries cover ("nebulous" is Zipf 2.75, "emollient" 2.09)
    body = "The cause of the itch was nebulous, so an emollient was advised.\n"
    write_file(tmp_path, "itch.md", f"---\ntitle: Itch\nslug: itch\n---\n{body}")

    def words(*extra):
        result = run(runner, "coverage", str(tmp_path), "--format", "json", *extra)
        return {w["word"]: w["zipf"] for w in json.loads(result.stdout)["overall"]["words"]}

    default, rarer = words(), words("--threshold", "2.5")
    assert set(rarer) < set(default)
    assert all(zipf >= 2.5 for word, zipf in default.items() if word not in rarer)
