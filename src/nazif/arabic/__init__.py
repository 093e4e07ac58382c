"""Arabic orthography steps, lossless and lossy.

Lossless (the ``display`` preset): :func:`normalize_nfc`,
:func:`fold_presentation_forms`, :func:`remove_tatweel`; and
:func:`normalize_digits` (lossless in meaning, used by ``search``).

Lossy, opt-in (the ``search`` preset), each with its policy in its
docstring: :func:`remove_diacritics`, :func:`normalize_alef`,
:func:`normalize_hamza`, :func:`normalize_teh_marbuta`,
:func:`normalize_alef_maksura`, :func:`normalize_persian_letters`,
:func:`reduce_elongation`.

All of them leave URLs and e-mail addresses alone.  See ``docs/arabic.md``.

>>> from nazif.arabic import fold_presentation_forms, remove_diacritics
>>> remove_diacritics(fold_presentation_forms("ﺍﻟﻠُّﻐَﺔ"))
'اللغة'
"""

from __future__ import annotations

from .diacritics import remove_diacritics
from .digits import normalize_digits
from .elongation import reduce_elongation
from .forms import fold_presentation_forms, normalize_nfc, remove_tatweel
from .letters import (
    normalize_alef,
    normalize_alef_maksura,
    normalize_hamza,
    normalize_persian_letters,
    normalize_teh_marbuta,
)

__all__ = [
    "fold_presentation_forms",
    "normalize_alef",
    "normalize_alef_maksura",
    "normalize_digits",
    "normalize_hamza",
    "normalize_nfc",
    "normalize_persian_letters",
    "normalize_teh_marbuta",
    "reduce_elongation",
    "remove_diacritics",
    "remove_tatweel",
]
