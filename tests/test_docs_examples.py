"""The command-line samples of the documentation are real: every ``$ nazif …``
block in README.md and docs/*.md is run (in-process) and must print what the
page shows, and the README's first command must do what the README says."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from cli_helpers import run_cli

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]

_BLOCK = re.compile(r"^```[a-z]*\n(\$ .*?)^```", re.M | re.S)


def samples() -> list[tuple[str, str, str]]:
    """``(page, command, expected output)`` of each block opening with ``$ ``."""
    found = []
    for page in PAGES:
        for m in _BLOCK.finditer(page.read_text(encoding="utf-8")):
            first, _, rest = m.group(1).partition("\n")
            found.append((page.name, first[2:], rest))
    return found


def run_sample(command: str) -> str:
    """Run ``[printf '…' |] nazif … [| head -N]`` and return its standard output."""
    stdin = None
    head = None
    parts = [p.strip() for p in command.split(" | ")]
    if parts[0].startswith("printf "):
        stdin = shlex.split(parts.pop(0))[1].replace("\\n", "\n").encode()
    if parts[-1].startswith("head "):
        head = int(shlex.split(parts.pop())[1].lstrip("-n"))
    (argv,) = parts
    words = shlex.split(argv)
    assert words[0] == "nazif", command
    result = run_cli(*words[1:], input=stdin, cwd=ROOT, env={"NO_COLOR": "1"})
    assert result.returncode == 0, (command, result.stderr)
    out = result.stdout.decode("utf-8")
    if head is not None:
        out = "".join(out.splitlines(keepends=True)[:head])
    return out


SAMPLES = samples()


def test_the_pages_have_samples():
    # the pattern finds the blocks (a test over no sample would pass on nothing)
    assert len(SAMPLES) >= 3


@pytest.mark.parametrize(
    ("page", "command", "expected"), SAMPLES, ids=[f"{p}:{c[:40]}" for p, c, _ in SAMPLES]
)
def test_sample_prints_what_the_page_shows(page, command, expected):
    assert run_sample(command) == expected


def test_readme_first_command_cleans_the_bundled_example():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("```sh\n", 1)[1].split("```", 1)[0]
    (install_and_run,) = [line for line in block.splitlines() if "nazif clean" in line]
    command = install_and_run.split("&&", 1)[1].strip()
    out = run_sample(command).split("\n")
    # what the README says it does: site chrome removed, spaces and quotes normalized
    assert "English" not in out and "زر الذهاب إلى الأعلى" not in out
    assert not any("\r" in line or "\u00a0" in line or "\u201c" in line for line in out)
    assert sum(len(line) > 80 for line in out) >= 4  # the article's paragraphs stay
