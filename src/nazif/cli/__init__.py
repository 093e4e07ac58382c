"""The ``nazif`` command: clean files, pipes and JSONL/CSV corpora from the shell.

Run ``nazif --help`` (or ``python -m nazif --help``); the subcommands are
``clean``, ``explain``, ``segments``, ``scripts``, ``chrome find``,
``chrome learn``, ``steps`` and ``presets``.  See ``docs/cli.md``.

From Python, :func:`main` takes the arguments as a list and returns the exit
code instead of exiting.
"""

from __future__ import annotations

__all__ = ["main"]


def main(argv: list[str] | None = None) -> int:
    """Run the command with ``argv`` (default: ``sys.argv[1:]``); return the exit code."""
    from .app import run

    return run(argv)
