"""Options of ``segments``, ``scripts`` and ``chrome learn`` checked before any work, in-process."""

from __future__ import annotations

import pytest

from cli_helpers import run_cli


def _usage_error(*args: str, input: bytes = b"x\n") -> str:
    proc = run_cli(*args, input=input)
    err = proc.stderr.decode()
    assert proc.returncode == 2, err
    assert proc.stdout == b"" and err.count("\n") == 1 and err.startswith("nazif: "), err
    return err.strip()


@pytest.mark.parametrize("command", ["segments", "scripts"])
def test_empty_candidates_are_a_usage_error(command):
    assert _usage_error(command, "--candidates", " , ") == (
        "nazif: --candidates: give language codes such as ar,en"
    )


def test_chrome_learn_set_needs_name_and_a_known_option():
    pytest.importorskip("nazif.chrome")
    assert _usage_error("chrome", "learn", "--set", "foo") == "nazif: --set expects NAME=VALUE, got 'foo'"
    assert _usage_error("chrome", "learn", "--set", "=1").startswith("nazif: --set expects NAME=VALUE")
    assert _usage_error("chrome", "learn", "--set", "no_such_option=1").startswith("nazif: --set: ")


def test_chrome_learn_to_standard_output_says_so_unless_quiet():
    pytest.importorskip("nazif.chrome")
    pages = b"Home\nStory one.\nFooter\n"
    proc = run_cli("chrome", "learn", input=pages)
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stdout.startswith(b"# site lexicon learned by nazif from 1 pages\n")
    assert proc.stderr.decode().startswith("nazif: learned ")
    assert proc.stderr.decode().endswith(" from 1 pages; saved to standard output\n")
    quiet = run_cli("chrome", "learn", "-q", input=pages)
    assert (quiet.returncode, quiet.stdout, quiet.stderr) == (0, proc.stdout, b"")
