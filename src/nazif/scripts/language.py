"""Language identification that lets the script decide first.

:func:`detect_language` answers from the script when the script settles the
question, from letter and word hints when they do, and asks a statistical
model (``langdetect`` by default) only for what is left: Latin-script text
that is not clearly English, Arabic-script text whose Persian/Urdu hints are
ambiguous, Cyrillic or Devanagari text.

* Arabic script is ``ar`` unless Persian letters (پ چ ژ گ ی ک ۀ, Persian
  digits) or Urdu letters (ٹ ڈ ڑ ں ے ھ ہ ۃ) outweigh the Arabic ones
  (ي ك ة ى); when they are close, the model arbitrates among ``ar``/``fa``/``ur``.
* Latin script with a high share of English function words is ``en``
  without the model; other Latin text goes to the model.
* Short text (fewer than ``min_letters`` letters or ``min_words`` words — a
  chrome line like "Share" or "In English") never goes to the model: it gets
  an answer from script and hints with an explicitly low confidence, or
  ``"und"`` (undetermined).
* ``candidates=("ar", "en")`` restricts the answer: then the script decides
  and Latin text is ``en``, with a confidence that says how English it looks.

The model is deterministic (seed 0 and a fresh detector for every call, so
the same text gets the same answer in every run and every process) and lazy:
``langdetect`` is imported and its profiles are loaded on the first call
that needs them.  Any object with ``detect(text) -> [(lang, prob), ...]``
can replace it (:func:`set_detector` or the ``detector=`` argument).

>>> detect_language("Ørsted").lang
'und'
>>> r = detect_language("Share")
>>> r.lang, r.confidence <= 0.7
('en', True)
>>> r = detect_language("Share", candidates=("ar", "en"))
>>> r.lang, r.confidence >= 0.9
('en', True)
>>> detect_language("شارك").lang
'ar'
>>> detect_language("The minister said on Tuesday that the talks would resume.").lang
'en'
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from ..protected import protected_spans
from .classify import ScriptProfile, quick_counts
from .tables import (
    ARABIC_HINTS,
    ARABIC_SCRIPT_LANGUAGES,
    CLASSES,
    ENGLISH_MARKERS,
    ENGLISH_WORDS,
    FUNCTION_WORDS,
    LANGDETECT_CODES,
    PERSIAN_HINTS,
    PRESENTATION_FORMS_CLASS,
    SINGLE_LANGUAGE_SCRIPTS,
    URDU_HINTS,
)

__all__ = [
    "MIN_LETTERS",
    "MIN_WORDS",
    "LangdetectDetector",
    "Language",
    "LanguageDetector",
    "detect_language",
    "english_score",
    "get_detector",
    "set_detector",
]

#: Below this many letters a text is "short": no statistical model.
MIN_LETTERS = 25
#: Below this many words a text is "short": no statistical model.
MIN_WORDS = 4

# Only the beginning of a long text is used for word hints and the model.
_SAMPLE_CHARS = 1500
_WORD_SAMPLE_CHARS = 800
# The model sees at most this much of a text.
_MODEL_CHARS = 3000
# Share of English function words above which Latin text is English (in
# text of fewer than _MEDIUM_LETTERS letters, and in longer text).
_ENGLISH_MARKER_SHARE = 0.12
_ENGLISH_MARKER_SHARE_LONG = 0.05
# Below this many letters, Latin text is "medium": the model's answer must be
# confident and not contradicted by English words, or the answer is "und".
_MEDIUM_LETTERS = 120

# Languages usually written in Arabic script (the model knows ar, fa, ur).
_ARABIC_SCRIPT_ANY = frozenset(("ar", "fa", "ur", "ps", "sd", "ug", "ckb", "ku", "ks", "bal"))
# Languages not written in Latin script.
_NON_LATIN = (
    _ARABIC_SCRIPT_ANY
    | frozenset(("bg", "mk", "ru", "uk", "sr", "be", "kk", "hi", "mr", "ne", "zh", "ja", "ko"))
    | frozenset(SINGLE_LANGUAGE_SCRIPTS.values())
)
_MODEL_SCRIPTS = {"cyrillic": ("bg", "mk", "ru", "uk"), "devanagari": ("hi", "mr", "ne")}


@dataclass(frozen=True)
class Language:
    """A language decision.

    ``lang`` is an ISO 639-1 code or ``"und"`` (undetermined);
    ``confidence`` is in [0, 1] (0 for ``"und"``); ``script`` is the
    dominant script of the text; ``method`` says what decided: ``"script"``,
    ``"hints"`` (letters of one orthography), ``"words"`` (English words),
    ``"model"`` (the statistical detector) or ``"none"``.
    ``alternatives`` holds the model's other answers when it ran.
    """

    lang: str
    confidence: float
    script: str = "neutral"
    method: str = "none"
    alternatives: tuple[tuple[str, float], ...] = field(default=())

    @property
    def determined(self) -> bool:
        """``False`` for ``"und"``."""
        return self.lang != "und"

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dictionary."""
        d: dict[str, Any] = {
            "lang": self.lang,
            "confidence": round(self.confidence, 4),
            "script": self.script,
            "method": self.method,
        }
        if self.alternatives:
            d["alternatives"] = [[lang, round(p, 4)] for lang, p in self.alternatives]
        return d


@runtime_checkable
class LanguageDetector(Protocol):
    """What a pluggable language detector provides.

    ``detect(text)`` returns ``(language, probability)`` pairs, most
    probable first (ISO 639-1 codes); an empty list when it cannot tell.
    It is only called for text that is long enough and whose script does
    not decide.  A detector may also offer ``detect_among(text, languages)``
    to restrict itself to candidates; otherwise its answers are filtered.
    """

    def detect(self, text: str) -> list[tuple[str, float]]:  # pragma: no cover - protocol
        ...


class LangdetectDetector:
    """``langdetect`` made deterministic and lazy.

    Its profiles are loaded (in sorted order) on the first call, into a
    factory of our own; every call builds a fresh detector seeded with
    ``seed``, so answers do not depend on earlier calls, runs or processes.
    Only the first ``max_chars`` characters are used.
    """

    def __init__(self, *, seed: int = 0, max_chars: int = 1000, cache_size: int = 2048) -> None:
        self.seed = seed
        self.max_chars = max_chars
        self.cache_size = cache_size
        self._factory: Any = None
        self._lock = threading.Lock()
        self._cache: dict[tuple[str, tuple[str, ...] | None], tuple[tuple[str, float], ...]] = {}

    def _get_factory(self) -> Any:
        if self._factory is None:
            with self._lock:
                if self._factory is None:
                    import os

                    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

                    factory = DetectorFactory()
                    profiles = []
                    for name in sorted(os.listdir(PROFILES_DIRECTORY)):
                        path = os.path.join(PROFILES_DIRECTORY, name)
                        if not name.startswith(".") and os.path.isfile(path):
                            with open(path, encoding="utf-8") as fh:
                                profiles.append(fh.read())
                    factory.load_json_profile(profiles)
                    factory.set_seed(self.seed)
                    self._factory = factory
        return self._factory

    @property
    def languages(self) -> list[str]:
        """The languages the model knows (ISO 639-1; loads the profiles)."""
        return sorted({LANGDETECT_CODES.get(x, x) for x in self._get_factory().get_lang_list()})

    def detect(self, text: str) -> list[tuple[str, float]]:
        """``(language, probability)`` pairs from langdetect, most probable first."""
        return self.detect_among(text, None)

    def detect_among(self, text: str, languages: Iterable[str] | None) -> list[tuple[str, float]]:
        """Like :meth:`detect`, with the model restricted to ``languages``
        (a prior that is zero for every other language).

        Answers are cached (the same line recurs across pages of a site);
        the cache cannot change them, since every call is seeded alike.
        """
        key = (text[: self.max_chars * 3], None if languages is None else tuple(sorted(set(languages))))
        with self._lock:
            cached = self._cache.get(key)
        if cached is not None:
            return list(cached)
        found = self._detect(key[0], key[1])
        if self.cache_size > 0:
            with self._lock:
                while len(self._cache) >= self.cache_size:
                    self._cache.pop(next(iter(self._cache)))
                self._cache[key] = tuple(found)
        return found

    def _detect(self, text: str, languages: tuple[str, ...] | None) -> list[tuple[str, float]]:
        from langdetect.lang_detect_exception import LangDetectException

        factory = self._get_factory()
        detector = factory.create()
        detector.set_max_text_length(self.max_chars)
        if languages is not None:
            wanted = set(languages)
            prior = {
                code: 1.0 for code in factory.get_lang_list() if LANGDETECT_CODES.get(code, code) in wanted
            }
            if not prior:
                return []
            detector.set_prior_map(prior)
        detector.append(text)
        try:
            found = detector.get_probabilities()
        except LangDetectException:
            return []
        merged: dict[str, float] = {}
        for item in found:
            code = LANGDETECT_CODES.get(item.lang, item.lang)
            merged[code] = merged.get(code, 0.0) + item.prob
        return sorted(merged.items(), key=lambda kv: (-kv[1], kv[0]))


_default_detector = LangdetectDetector()
_detector: Any = _default_detector


def set_detector(detector: LanguageDetector | None) -> None:
    """Use ``detector`` for every later :func:`detect_language` call
    (``None`` restores the built-in langdetect detector)."""
    global _detector
    _detector = _default_detector if detector is None else detector


def get_detector() -> Any:
    """The detector :func:`detect_language` uses when none is passed."""
    return _detector


def _model(detector: Any, text: str, languages: Sequence[str] | None) -> list[tuple[str, float]]:
    """Ask ``detector``, restricted to ``languages``; renormalized."""
    if hasattr(detector, "detect_among"):
        found = list(detector.detect_among(text, languages))
    else:
        found = list(detector.detect(text))
        if languages is not None:
            found = [(lang, p) for lang, p in found if lang in languages]
    total = sum(p for _, p in found)
    if total <= 0:
        return []
    return [(lang, p / total) for lang, p in sorted(found, key=lambda kv: (-kv[1], kv[0]))]


# ---------------------------------------------------------------------------
# Text preparation and hints

_SURROGATES = re.compile("[\ud800-\udfff]")
_PRESENTATION = re.compile(f"[{PRESENTATION_FORMS_CLASS}]")
_LATIN_WORDS = re.compile(
    f"[{CLASSES['latin'][0]}]+(?:['\N{RIGHT SINGLE QUOTATION MARK}][{CLASSES['latin'][0]}]+)*"
)
_NOT_LATIN = re.compile(f"[{CLASSES['arabic'][0]}{CLASSES['other'][0]}]+")
_NOT_ARABIC = re.compile(f"[{CLASSES['latin'][0]}{CLASSES['other'][0]}]+")
_WORDS = re.compile(r"\w+")


def _fold_presentation_forms(text: str) -> str:
    if not _PRESENTATION.search(text):
        return text
    try:
        from nazif.arabic import fold_presentation_forms  # written by another module; optional here
    except Exception:  # pragma: no cover - depends on what is installed
        fold_presentation_forms = None  # type: ignore[assignment]
    if fold_presentation_forms is not None:
        try:
            return fold_presentation_forms(text)
        except Exception:  # pragma: no cover - a step must be total, but be safe
            pass
    return _PRESENTATION.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)


def _prepare(text: str) -> str:
    """Fold presentation forms; blank out lone surrogates, URLs and e-mail
    addresses (their letters say nothing about the language)."""
    if text.isascii():
        if "://" in text or "www." in text or "WWW." in text or "@" in text:
            return _blank_protected(text)
        return text
    if _SURROGATES.search(text):
        text = _SURROGATES.sub(" ", text)
    if "://" in text or "www." in text or "WWW." in text or "@" in text:
        text = _blank_protected(text)
    return _fold_presentation_forms(text)


def _blank_protected(text: str) -> str:
    spans = protected_spans(text)
    if not spans:
        return text
    parts = []
    pos = 0
    for start, end in spans:
        parts.append(text[pos:start])
        parts.append(" ")
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


def english_score(text: str) -> tuple[float, float, int]:
    """``(marker_share, known_share, n_words)`` of the Latin words of ``text``
    (of its first 800 characters).

    ``marker_share`` is the share of English function words that other
    Latin-script languages do not use ("the", "of", "and", "which" …);
    ``known_share`` the share of words in the built-in list of common English
    words (function words, news vocabulary, site chrome such as "Share",
    "Home", "English").

    >>> english_score("Share this article")
    (0.3333333333333333, 1.0, 3)
    """
    sample = text[:_WORD_SAMPLE_CHARS]
    if "\N{RIGHT SINGLE QUOTATION MARK}" in sample:
        sample = sample.replace("\N{RIGHT SINGLE QUOTATION MARK}", "'")
    words = _LATIN_WORDS.findall(sample.lower())
    if not words:
        return 0.0, 0.0, 0
    markers = sum(map(ENGLISH_MARKERS.__contains__, words))
    known = sum(map(ENGLISH_WORDS.__contains__, words))
    return markers / len(words), known / len(words), len(words)


def _count_any(text: str, chars: str) -> int:
    return sum(text.count(ch) for ch in chars)


def _arabic_verdict(text: str) -> tuple[str, float, bool]:
    """``(lang, margin, has_hints)`` from letters alone (sampled)."""
    sample = text[: _SAMPLE_CHARS * 2]
    fa = _count_any(sample, PERSIAN_HINTS)
    ur = _count_any(sample, URDU_HINTS)
    ar = _count_any(sample, ARABIC_HINTS)
    total = fa + ur + ar
    if total == 0:
        return "ar", 0.0, False
    if ur and ur + fa > ar:
        return "ur", (ur + fa) / total, True
    if fa > ar:
        return "fa", fa / total, True
    return "ar", ar / total, True


# ---------------------------------------------------------------------------
# The decision


def _normalize_candidates(candidates: Iterable[str] | None) -> tuple[str, ...] | None:
    if candidates is None:
        return None
    if isinstance(candidates, str):
        candidates = (candidates,)
    return tuple(sorted({LANGDETECT_CODES.get(c.lower(), c.lower()) for c in candidates}))


def _decide_arabic(text: str, short: bool, cands: tuple[str, ...] | None, detector: Any) -> Language:
    if cands is None:
        allowed = list(ARABIC_SCRIPT_LANGUAGES)
    else:
        allowed = [c for c in cands if c in _ARABIC_SCRIPT_ANY]
    if not allowed:
        return Language("und", 0.0, "arabic", "script")
    verdict, margin, has_hints = _arabic_verdict(text)
    if len(allowed) == 1:
        lang = allowed[0]
        if verdict == lang or not has_hints:
            return Language(lang, 0.95 if short else 0.99, "arabic", "script")
        # forced against the hints: less sure the stronger they are
        return Language(lang, 0.7 if margin < 0.8 else 0.5, "arabic", "script")
    if verdict in allowed and (margin >= 0.8 or not has_hints):
        if not has_hints:
            return Language(verdict, 0.6 if short else 0.9, "arabic", "script")
        return Language(verdict, 0.75 if short else 0.97, "arabic", "hints")
    if not short:
        found = _model(detector, _NOT_ARABIC.sub(" ", text[:_MODEL_CHARS]), allowed)
        if found:
            return Language(found[0][0], found[0][1], "arabic", "model", tuple(found[1:]))
    lang = verdict if verdict in allowed else allowed[0]
    return Language(lang, 0.5, "arabic", "hints")


def _model_text(text: str) -> str:
    """What the model sees of Latin text: the Latin part only, lowercased
    when it is mostly capitals (langdetect skips all-capital words)."""
    text = _NOT_LATIN.sub(" ", text[:_MODEL_CHARS])
    upper = sum(1 for ch in text[:_SAMPLE_CHARS] if ch.isupper())
    lower = sum(1 for ch in text[:_SAMPLE_CHARS] if ch.islower())
    return text.lower() if upper > lower else text


def _supported(text: str, lang: str, p: float, known: float) -> bool:
    """Whether the model's answer for a medium-length line can be trusted."""
    if p < 0.9:
        return False
    if lang == "en":
        return True
    if known >= 0.3 or lang not in FUNCTION_WORDS:
        return False
    words = FUNCTION_WORDS[lang]
    return any(w in words for w in _LATIN_WORDS.findall(text[:_WORD_SAMPLE_CHARS].lower()))


def _decide_latin(
    text: str, letters: int, short: bool, cands: tuple[str, ...] | None, detector: Any
) -> Language:
    allowed: list[str] | None = None
    if cands is not None:
        allowed = [c for c in cands if c not in _NON_LATIN]
        if not allowed:
            return Language("und", 0.0, "latin", "script")
    markers, known, _ = english_score(text)
    medium = letters < _MEDIUM_LETTERS
    if medium:
        looks_english = markers >= _ENGLISH_MARKER_SHARE or known >= 0.5
    else:
        looks_english = (markers >= _ENGLISH_MARKER_SHARE_LONG and known >= 0.25) or known >= 0.5
    if allowed is not None and len(allowed) == 1:
        # the answer is fixed; only the confidence is in question
        lang = allowed[0]
        if short:
            return Language(lang, 0.6 + 0.39 * known if lang == "en" else 0.6, "latin", "words")
        if lang == "en" and looks_english:
            strong = markers >= _ENGLISH_MARKER_SHARE or not medium
            return Language("en", 0.99 if strong else 0.9, "latin", "words")
        found = _model(detector, _model_text(text), None)
        p = dict(found).get(lang, 0.0)
        return Language(lang, min(0.99, max(0.05, p)), "latin", "model", tuple(found[:3]))
    english_ok = allowed is None or "en" in allowed
    if short:
        if english_ok and known >= 0.5:
            return Language("en", 0.3 + 0.3 * known, "latin", "words")
        return Language("und", 0.0, "latin", "none")
    if english_ok and looks_english:
        return Language("en", 0.8 if medium else 0.97, "latin", "words")
    found = _model(detector, _model_text(text), allowed)
    if not found:
        return Language("und", 0.0, "latin", "model")
    lang, p = found[0]
    if medium and not _supported(text, lang, p, known):
        # a line the model is unsure of, that also looks English, or that has
        # none of the function words of the language the model names: no guess
        return Language("und", 0.0, "latin", "model", tuple(found))
    return Language(lang, p, "latin", "model", tuple(found[1:]))


def _decide_other(
    text: str,
    script: str,
    counts: dict[str, int],
    short: bool,
    cands: tuple[str, ...] | None,
    detector: Any,
) -> Language:
    lang: str | None = SINGLE_LANGUAGE_SCRIPTS.get(script)
    if script == "han":
        lang = "ja" if ("hiragana" in counts or "katakana" in counts) else "zh"
    if lang is not None:
        if cands is not None and lang not in cands:
            return Language("und", 0.0, script, "script")
        return Language(lang, 0.8 if short else 0.95, script, "script")
    options = _MODEL_SCRIPTS.get(script)
    if options is None or short:
        return Language("und", 0.0, script, "none")
    allowed = [c for c in options if cands is None or c in cands]
    if not allowed:
        return Language("und", 0.0, script, "script")
    found = _model(detector, text[:_MODEL_CHARS], allowed)
    if not found:
        return Language("und", 0.0, script, "model")
    return Language(found[0][0], found[0][1], script, "model", tuple(found[1:]))


def _profile(text: str, min_letters: int, min_words: int) -> tuple[str, dict[str, int], str, int, bool]:
    """``(prepared text, script counts, dominant script, its letters, short)``."""
    prepared = _prepare(text)
    counts = quick_counts(prepared)
    if not counts:
        return prepared, counts, "neutral", 0, True
    script = ScriptProfile(counts).dominant
    letters = counts[script]
    n_words = len(_WORDS.findall(prepared[:_SAMPLE_CHARS])) if letters < 120 else min_words
    return prepared, counts, script, letters, letters < min_letters or n_words < min_words


def _answer_is_among(text: str, kept: frozenset[str]) -> bool:
    """True when :func:`detect_language` (default settings, no candidates)
    is sure to answer one of ``kept`` (``"und"`` included) for ``text``
    without needing to ask the model: a medium-length Latin line that does
    not look English goes to the model, but only an English answer, or an
    answer in a language whose function words the line holds, survives the
    check of :func:`_supported`; every other answer becomes ``"und"``.
    False means only that the model is needed to tell.  Used by
    :func:`nazif.scripts.keep_languages` to skip the model for lines it
    keeps whatever the model says.

    >>> _answer_is_among("Peugeot deal boosts Mitsubishi", frozenset({"en", "und"}))
    True
    >>> _answer_is_among("Le dollar gagne sur le discours", frozenset({"en", "und"}))
    False
    """
    if "en" not in kept or "und" not in kept:
        return False
    prepared, _counts, script, letters, short = _profile(text, MIN_LETTERS, MIN_WORDS)
    if script != "latin" or short or letters >= _MEDIUM_LETTERS:
        return False
    _markers, known, _ = english_score(prepared)
    if known >= 0.3:
        return True  # looks English, or the model's other answers are not trusted
    words = set(_LATIN_WORDS.findall(prepared[:_WORD_SAMPLE_CHARS].lower()))
    return not any(words & fw for lang, fw in FUNCTION_WORDS.items() if lang not in kept)


def detect_language(
    text: str,
    *,
    candidates: Iterable[str] | None = None,
    detector: LanguageDetector | None = None,
    min_letters: int = MIN_LETTERS,
    min_words: int = MIN_WORDS,
) -> Language:
    """The language of ``text`` (ISO 639-1 code or ``"und"``) with a confidence.

    The dominant script decides what can be decided without a model (see
    the module documentation); ``candidates`` restricts the possible
    answers; ``detector`` replaces the model for this call.  Text with fewer
    than ``min_letters`` letters or ``min_words`` words never reaches the
    model.  Never raises.

    >>> detect_language("In English").lang
    'en'
    >>> detect_language("Ørsted").lang
    'und'
    >>> detect_language("این یک متن فارسی است که با حروف پ و چ و گ نوشته شده").lang
    'fa'
    >>> d = detect_language("عربي", candidates=["ar", "en"])
    >>> (d.lang, d.method)
    ('ar', 'script')
    """
    cands = _normalize_candidates(candidates)
    det: Any = detector if detector is not None else _detector
    prepared, counts, script, letters, short = _profile(text, min_letters, min_words)
    if not counts:
        return Language("und", 0.0, "neutral", "none")
    if script == "arabic":
        return _decide_arabic(prepared, short, cands, det)
    if script == "latin":
        return _decide_latin(prepared, letters, short, cands, det)
    return _decide_other(prepared, script, counts, short, cands, det)
