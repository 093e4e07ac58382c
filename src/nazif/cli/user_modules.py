"""Importing a user's own modules for the command line (``--import MODULE``,
``--steps package.module:function``), looking in the current folder too."""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Iterable
from typing import Any

from .errors import UsageError


def import_user_modules(modules: Iterable[str]) -> None:
    """Import the ``--import`` modules (a user's own steps), looking in the
    current folder too, as ``python -m`` would."""
    for module in modules:
        import_from_here(module, f"--import {module}")


def import_from_here(module: str, label: str) -> Any:
    """Import a user's ``module``, looking in the current folder too; any
    error of theirs is one usage error line starting with ``label``."""
    here = os.getcwd()
    if here not in sys.path and "" not in sys.path:
        sys.path.insert(0, here)
    try:
        return importlib.import_module(module)
    except Exception as exc:  # the user's module: any error is theirs, reported in one line
        raise UsageError(f"{label}: cannot import it: {type(exc).__name__}: {exc}") from None
