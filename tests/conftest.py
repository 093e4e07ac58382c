"""Shared fixtures: where the optional shared material lives, and hypothesis settings."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"

settings.register_profile(
    "default",
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
# .ci/run uses "ci": the same examples on every run (derandomized, no example
# database), so a run that passes here passes in CI; exploring new examples is
# the job of local runs and of stress runs (NAZIF_HYPOTHESIS_SCALE, below)
settings.register_profile(
    "ci",
    max_examples=150,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "default"))


def shared_path(*parts: str) -> Path:
    """A path under ``../shared``; the calling test is skipped when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared material not present: {'/'.join(('shared',) + parts)}")
    return path


@pytest.fixture
def shared():
    """Function returning paths under ``../shared`` (skips the test when absent)."""
    return shared_path


def pytest_collection_modifyitems(config, items):
    """``NAZIF_HYPOTHESIS_SCALE=N`` multiplies every property's example budget (stress runs only).

    Unset (the normal suite and CI) it changes nothing.
    """
    scale = int(os.environ.get("NAZIF_HYPOTHESIS_SCALE", "1") or 1)
    if scale <= 1:
        return
    done: set[int] = set()  # parametrized items share one function: scale it once
    for item in items:
        test = getattr(item, "obj", None)
        if test is None or not hasattr(test, "hypothesis") or id(test) in done:
            continue
        done.add(id(test))
        current = getattr(test, "_hypothesis_internal_use_settings", None) or settings.default
        test._hypothesis_internal_use_settings = settings(
            current,
            max_examples=current.max_examples * scale,
            derandomize=False,
            database=None,
        )
