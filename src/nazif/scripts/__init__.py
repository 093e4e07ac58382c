"""Mixed-script segmentation, script profiles and language identification.

Scraped bilingual pages mix scripts at every level; this package says where
each script is (with offsets), what a line or a document is written in, and
which language a piece of text is in, deciding by script wherever the script
can decide and asking a statistical model (``langdetect``, loaded lazily)
only where it cannot.

>>> from nazif.scripts import segments, classify_lines, detect_language
>>> [(s.script, s.text) for s in segments("Français English عربي")]
[('latin', 'Français English'), ('neutral', ' '), ('arabic', 'عربي')]
>>> [l.script for l in classify_lines("عاجل\\nBreaking\\n2024")]
['arabic', 'latin', 'neutral']
>>> detect_language("In English", candidates=("ar", "en")).lang
'en'

Three opt-in pipeline steps build on it: :func:`keep_scripts`,
:func:`keep_languages` and :func:`drop_foreign_lines`.
"""

from __future__ import annotations

from .classify import (
    LINE_CLASSES,
    LineScript,
    ScriptProfile,
    classify_line,
    classify_lines,
    dominant_script,
    foreign_lines,
    script_profile,
)
from .filters import (
    drop_foreign_lines,
    keep_languages,
    keep_scripts,
    trace_drop_foreign_lines,
    trace_keep_languages,
    trace_keep_scripts,
)
from .language import (
    MIN_LETTERS,
    MIN_WORDS,
    LangdetectDetector,
    Language,
    LanguageDetector,
    detect_language,
    english_score,
    get_detector,
    set_detector,
)
from .segment import Segment, char_script, script_runs, segments
from .tables import UNICODE_VERSION

__all__ = [
    "LINE_CLASSES",
    "MIN_LETTERS",
    "MIN_WORDS",
    "UNICODE_VERSION",
    "LangdetectDetector",
    "Language",
    "LanguageDetector",
    "LineScript",
    "ScriptProfile",
    "Segment",
    "char_script",
    "classify_line",
    "classify_lines",
    "detect_language",
    "dominant_script",
    "drop_foreign_lines",
    "english_score",
    "foreign_lines",
    "get_detector",
    "keep_languages",
    "keep_scripts",
    "script_profile",
    "script_runs",
    "segments",
    "set_detector",
    "trace_drop_foreign_lines",
    "trace_keep_languages",
    "trace_keep_scripts",
]
