"""The step registry has one source of truth: ``STEP_HOMES`` in ``nazif.steps``.

The ``@step`` decorators register the functions; ``STEP_HOMES`` says where each
built-in step lives (for lazy lookup and for ``nazif.<step>`` at the package root);
``STEP_MODULES`` is derived from it. These tests fail when the two disagree.
"""

from __future__ import annotations

import importlib

import pytest

import nazif
from nazif import steps


def test_every_registered_step_has_a_home_and_every_home_registers_its_step():
    assert set(steps.step_names()) == set(steps.STEP_HOMES)


@pytest.mark.parametrize("name", sorted(steps.STEP_HOMES))
def test_home_module_exports_the_registered_function(name):
    home = importlib.import_module(steps.STEP_HOMES[name])
    assert getattr(home, name) is steps.get_step(name)
    assert getattr(nazif, name) is steps.get_step(name)


def test_step_modules_are_exactly_the_homes():
    assert set(steps.STEP_MODULES) == set(steps.STEP_HOMES.values())
    assert len(steps.STEP_MODULES) == len(set(steps.STEP_MODULES))


def test_presets_name_only_registered_steps():
    for name in nazif.preset_names():
        for spec in nazif.PRESETS[name]:
            step_name = spec if isinstance(spec, str) else spec[0]
            assert step_name in steps.STEP_HOMES, (name, step_name)


def test_generated_tables_share_one_unicode_version():
    from nazif.arabic import _generated_tables
    from nazif.scripts import _generate, _scx_table

    def major_minor(v: str) -> str:
        return ".".join(v.split(".")[:2])

    assert major_minor(_generated_tables.UNICODE_VERSION) == _generate.UNICODE_TARGET
    assert major_minor(_scx_table.UNICODE_VERSION) == _generate.UNICODE_TARGET
