"""Root pytest configuration: skip doctest collection of modules whose optional extra is absent.

``src/nazif/spark.py`` and ``src/nazif/datatrove.py`` import pyspark and datatrove at the
top, so ``--doctest-modules`` would fail collection without the ``spark`` or ``datatrove``
extra; they are left out of collection instead (their tests skip on their own).
"""

from __future__ import annotations

import importlib

_OPTIONAL_MODULES = {
    "src/nazif/spark.py": "pyspark.sql",
    "src/nazif/datatrove.py": "datatrove.pipeline.base",
}


def _missing(module: str) -> bool:
    try:
        importlib.import_module(module)
    except Exception:  # absent, or present but broken: either way the doctests cannot run
        return True
    return False


collect_ignore = [path for path, module in _OPTIONAL_MODULES.items() if _missing(module)]
