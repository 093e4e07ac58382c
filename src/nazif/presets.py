"""Named pipelines, chosen by what the cleaned text is for.

The presets are data: each is a list of step specs, in the order the steps
run.  See ``docs/presets.md`` for how to choose one.

- ``display``: lossless.  Text a person will read: whitespace, invisible
  characters, quotes, punctuation spacing, Arabic presentation forms and
  tatweel.  No letter changes meaning.
- ``search``: ``display`` plus the lossy Arabic folds (diacritics, alef and
  hamza forms, teh marbuta, alef maksura, Persian letters, elongation) and
  ASCII digits, for search keys and matching.
- ``corpus``: for building a corpus from scraped pages: markup and mojibake
  repair first (before any other step can destroy their evidence), then the
  lossless steps of ``display``, and site-chrome removal last.
- ``page``: ``corpus`` for the text of a whole page rather than an article
  container: chrome removal in page mode (menus, header and footer go too).

>>> from nazif.presets import PRESETS
>>> sorted(PRESETS)
['corpus', 'display', 'page', 'search']
"""

from __future__ import annotations

from typing import Any

__all__ = ["PRESETS", "preset_names", "preset_spec"]

_LOSSLESS_CHARACTERS: list[Any] = [
    "remove_invisibles",
    "normalize_nfc",
    "fold_presentation_forms",
    "remove_tatweel",
]

_LAYOUT: list[Any] = [
    "normalize_whitespace",
    "normalize_punctuation",
    "normalize_quotes",
]

PRESETS: dict[str, list[Any]] = {
    "display": [*_LOSSLESS_CHARACTERS, *_LAYOUT],
    "search": [
        "remove_invisibles",
        "normalize_nfc",
        "fold_presentation_forms",
        # In keys every tatweel goes, also the ones display keeps (لـ«…», 1436هـ).
        ["remove_tatweel", {"everywhere": True}],
        # Before the layout steps: a mark that stood alone ("a \u064b") leaves
        # a space or a blank line that they then tidy in the same run.
        "remove_diacritics",
        *_LAYOUT,
        # Persian letters first: ۃ becomes ة, which the teh marbuta fold then takes.
        "normalize_persian_letters",
        "normalize_alef",
        "normalize_hamza",
        "normalize_teh_marbuta",
        "normalize_alef_maksura",
        "reduce_elongation",
        ["normalize_digits", {"to": "ascii"}],
    ],
    "corpus": [
        # Repairs first: no other step may destroy the evidence they need.
        # Markup first: entity-escaped mojibake ("caf&Atilde;&copy;") is only
        # visible once unescaped; repairing never creates "&" or "<".  Both see
        # through the invisibles remove_invisibles deletes later (and the
        # repair through presentation forms), so a second run finds nothing
        # they hid ("AT&am\u00adp;T", "<\u200bb>", "cafÃ\u200b©"): docs/repair.md.
        "remove_markup",
        "repair_mojibake",
        *_LOSSLESS_CHARACTERS,
        *_LAYOUT,
        # Last, so that chrome removal judges the final lines.
        "remove_chrome",
    ],
}
# ``page``: the corpus steps for the text of a whole page (menus, header and
# footer included): chrome removal in page mode.
PRESETS["page"] = [*PRESETS["corpus"][:-1], ["remove_chrome", {"mode": "page"}]]


def preset_names() -> list[str]:
    """The names of the presets."""
    return sorted(PRESETS)


def preset_spec(name: str) -> list[Any]:
    """The step specs of preset ``name`` (a copy); ``KeyError`` if unknown."""
    try:
        return list(PRESETS[name])
    except KeyError:
        raise KeyError(f"unknown preset {name!r}; presets: {', '.join(preset_names())}") from None
