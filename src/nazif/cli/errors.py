"""The errors the command reports as one line on stderr (never a traceback).

Exit codes: 2 for a usage error (bad options, unknown step or preset, bad
``--config``), 1 for a data or I/O error (invalid UTF-8, a broken JSON line, a
missing field, an unreadable input, an unwritable output).
"""

from __future__ import annotations

__all__ = [
    "EXIT_BROKEN_PIPE",
    "EXIT_DATA",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_TERMINATED",
    "EXIT_USAGE",
    "CLIError",
    "DataError",
    "UsageError",
]

EXIT_OK = 0
EXIT_DATA = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, what a shell reports for Ctrl-C
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, what `cat big | head` reports for cat
EXIT_TERMINATED = 143  # 128 + SIGTERM


class CLIError(Exception):
    """An error shown as ``nazif: <message>`` with exit code :attr:`code`."""

    code = EXIT_DATA

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UsageError(CLIError):
    """The command line (or a ``--config`` file) is wrong: exit code 2."""

    code = EXIT_USAGE


class DataError(CLIError):
    """The input cannot be read or cleaned, or the output cannot be written: exit code 1."""

    code = EXIT_DATA
