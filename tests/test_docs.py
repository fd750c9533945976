from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from service.cli import cli
from service.engine import PROJECT_ROOT

README = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_opens_with_the_two_commands():
    blocks = re.findall(r"```(?:sh|bash)\n(.*?)```", README, re.S)
    assert blocks[0].strip() == "./run.sh"
    assert blocks[1].strip() == "./test.sh"


def test_ci_runs_the_readme_test_command():
    assert "./test.sh" in (PROJECT_ROOT / ".ci" / "run").read_text()


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_is_documented_in_the_readme(command):
    assert f"medrender {command}" in README
    help_text = CliRunner().invoke(cli, [command, "--help"]).output
    example = re.search(r"Example: (medrender .+)", help_text)
    assert example and example.group(1).split()[1] == command


def test_readme_examples_run():
    """Every `medrender ...` line in the README's example block runs with exit 0 or 1."""
    examples = re.findall(r"^\$ (medrender .+)$", README, re.M)
    assert examples
    runner = CliRunner()
    for line in examples:
        args = line.split()[1:]
        result = runner.invoke(cli, args)
        assert result.exit_code in (0, 1), (line, result.output)
