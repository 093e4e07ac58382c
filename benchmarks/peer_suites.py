"""Other projects' test cases replayed through nazif: agreement by category.

Usage (from the project root; needs the package index, so it is not a CI test)::

    python benchmarks/peer_suites.py [--cache DIR] [--sdist FILE] [--builtin-only] [--show-agree] [--strict]

Downloads the pinned source distribution of each peer with pip (``pip
download --no-deps --no-binary :all:``) into a cache outside the repository
(``~/.cache/nazif-peers``, or ``$NAZIF_PEERS_CACHE``, or ``--cache``), checks
its SHA-256, unpacks it there and replays the peer's own cases.  Nothing of
the peers is copied into the project: cases are named by their index in the
peer's file (and its label, for the reader).

Peers:

- ftfy 6.3.1, ``tests/test_cases.json``.  Each case is put in a category:

  * *negative*: ftfy expects its encoding fix to leave the text unchanged;
    nazif must leave it unchanged too;
  * *in scope*: ftfy's own explanation of the fix is one or more layers of
    UTF-8 shown through latin-1 / windows-1252 (what nazif repairs);
  * *out of scope*: every other codec (MacRoman, cp437, windows-1250/1251/1257,
    ISO-8859-2, CESU-8 surrogates ...), not nazif's job.

  The outcome of a case is *agree* (nazif gives ftfy's ``fixed-encoding``),
  *left alone* (nazif returns the text unchanged) or *differs* (anything
  else: a wrong or partial repair).  Each case is replayed through
  ``repair_mojibake`` (with ftfy's fixer when ftfy is importable, and built
  in), and, for the in-scope cases where ftfy's full ``fix_text`` result
  differs from its encoding fix, through ``repair_mojibake`` followed by
  nazif's ``display`` preset, compared with ``fixed`` (information only).

- sahlnlp 1.1.0: the ``assert f("literal") == "literal"`` of its tests,
  named ``file::Class::test#k``, replayed through the nazif step that does
  the same job (``SAHLNLP_MAP``: its ``normalize_hamza`` is nazif's
  ``normalize_alef``, ``remove_tashkeel`` is ``remove_diacritics`` ...);
  asserts of functions nazif has no step for are counted, not replayed.
  *Negative*: the peer expects the text unchanged.
- aranorm 1.2.0 and arabcheck 0.1.1 the same way (``ARANORM_MAP``,
  ``ARABCHECK_MAP``).  safwatext 0.1.0 has no literal asserts of this form.
- araclean 0.3.0 (``ARACLEAN_MAP``, its free functions and its step classes:
  ``fold_alef`` and ``FoldAlef()`` are ``normalize_alef``, ``strip_bidi`` is
  ``remove_invisibles(keep_zwnj=False)``, ``unify_lookalikes`` is
  ``normalize_persian_letters`` ...).  Its tests build their cases from
  names, so its asserts are *resolved* (``literal_cases(resolve=True)``):
  the text, the expected value and the keyword arguments may be constant
  expressions (``chr(0x0623) + TAIL``, f-strings, slices, ``"".join``) of
  module constants and earlier assignments, the call a step object
  (``FoldHamza(k=v)(text)``, ``heavy(text)``, ``step.apply_aligned(text)``) or
  a variable holding its result, once per row of the test's parametrize
  tables (``file::test[row]#k``); enum members are read by name
  (``DigitTarget.ARABIC_INDIC``: ``"arabic_indic"``).  Nothing of the peer is
  imported or run, so its Python 3.12 requirement only matters to pip
  (``Pin.python``: ``pip download --python-version 3.12``).  Not replayed:
  ``normalize`` (its profiles, whole pipelines, also all of its syrupy
  snapshots), the steps nazif has none for (URLs, mentions, hashtags, emoji,
  stopwords, punctuation removal or mapping to Latin, foreign spans, trim,
  tanween alef) and options with no nazif counterpart (``position="final"``,
  placeholder modes, ``collapse_lines``, a ``min_run`` of its own, heavy
  hamza, teh targets other than heh).  A selection of mark classes is replayed
  class by class (its ``HARAKAT`` takes sukun along, its ``QURANIC`` is
  nazif's ``quranic`` and ``other``).

Every known difference is classed in ``benchmarks/peer_differences.tsv``
(suite, case, outcome, class ``defect`` / ``policy`` / ``out-of-scope``,
one-line reason); an out-of-scope case that nazif leaves alone needs no line.
The script prints each difference with its class; one that the file does not
list, or whose outcome is not the one listed, is printed as ``NEW``
(``--strict`` then exits 1), and a listed one that now agrees as ``now
agrees`` (the file can lose its line).
"""

from __future__ import annotations

import argparse
import ast
import csv
import hashlib
import json
import os
import subprocess
import sys
import tarfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

import nazif
from nazif import clean
from nazif.mojibake import ftfy_available, repair_mojibake

DIFFERENCES = HERE / "peer_differences.tsv"
CLASSES = ("defect", "policy", "out-of-scope")
OUTCOMES = ("left alone", "differs")


@dataclass(frozen=True)
class Pin:
    name: str
    version: str
    sha256: str
    #: ``pip download --python-version``: for a peer whose Requires-Python excludes
    #: the running interpreter (its tests are parsed, never imported)
    python: str | None = None


FTFY = Pin("ftfy", "6.3.1", "9b3c3d90f84fb267fe64d375a07b7f8912d817cf86009ae134aa03e1819506ec")
ARANORM = Pin("aranorm", "1.2.0", "cea107e704900732b417f49446fe94f1c73a79923b9a9c52fa8458da1edfafc9")
ARABCHECK = Pin("arabcheck", "0.1.1", "ff13e76488fa9752fe4f4dfa1241d20106f340dc15080aa96430ad142b5da8ed")
SAHLNLP = Pin("sahlnlp", "1.1.0", "2c6fb4608367038c904ba5ce14d0d8de94395cf5c01e90bb0a57ced0975d2e74")
ARACLEAN = Pin(
    "araclean", "0.3.0", "68fcaaed7eff4509d3fea1e57f31e5301878db6cd49fab7278f1937ceb1b5e91", python="3.12"
)

# A peer function (its last dotted name in the test) -> the nazif step that
# does the same job, called with the text and the literal keyword arguments
# of the assert; ``None`` from it: those arguments ask for something else.
Mapper = Callable[[str, dict[str, object]], "str | None"]


def _plain(fn: Callable[[str], str]) -> Mapper:
    return lambda text, kw: None if kw else fn(text)


SAHLNLP_MAP: dict[str, Mapper] = {
    "normalize_hamza": _plain(nazif.normalize_alef),  # its doc: every alef form to bare alef
    "remove_tashkeel": _plain(nazif.remove_diacritics),
    "remove_tatweel": _plain(lambda t: nazif.remove_tatweel(t, everywhere=True)),
    "normalize_taa": lambda t, kw: nazif.normalize_teh_marbuta(t) if kw.get("to_haa", True) is True else None,
    "normalize_yaa": _plain(nazif.normalize_alef_maksura),
    "indic_to_arabic": _plain(lambda t: nazif.normalize_digits(t, to="ascii")),
    "arabic_to_indic": _plain(lambda t: nazif.normalize_digits(t, to="arabic")),
    "remove_repeated_chars": lambda t, kw: nazif.reduce_elongation(
        t, max_repeat=int(kw.get("max_repeat", 2))
    ),  # type: ignore[call-overload]
    "remove_html_and_links": _plain(nazif.remove_markup),
    "normalize_search": _plain(lambda t: clean(t, "search")),
}


def _chain(*steps: Callable[[str], str]) -> Callable[[str], str]:
    def run(text: str) -> str:
        for f in steps:
            text = f(text)
        return text

    return run


def _everywhere(text: str) -> str:
    return nazif.remove_tatweel(text, everywhere=True)


ARANORM_MAP: dict[str, Mapper] = {
    "normalize_alef": _plain(nazif.normalize_alef),
    "remove_diacritics": _plain(nazif.remove_diacritics),
    "collapse_whitespace": _plain(nazif.normalize_whitespace),
    "truncate_repeated_chars": lambda t, kw: nazif.reduce_elongation(t, max_repeat=int(kw.get("max_run", 2))),  # type: ignore[call-overload]
}

_ARABCHECK_NORMALIZE = _chain(nazif.normalize_alef, nazif.normalize_alef_maksura, nazif.normalize_hamza)
ARABCHECK_MAP: dict[str, Mapper] = {
    "strip_tashkeel": _plain(nazif.remove_diacritics),
    "strip_tatweel": _plain(_everywhere),
    "clean_text": _plain(_chain(nazif.remove_diacritics, _everywhere, nazif.normalize_whitespace)),
    "normalize": lambda t, kw: (
        nazif.normalize_teh_marbuta(_ARABCHECK_NORMALIZE(t))
        if kw.get("taa_marbuta")
        else _ARABCHECK_NORMALIZE(t)
    ),
}


def _member(value: object) -> object:
    """An enum member the peer names (``DigitTarget.ARABIC_INDIC``) as its value (``"arabic_indic"``)."""
    return value.member.lower() if isinstance(value, Ref) else value


def _options(kw: dict[str, object], **defaults: object) -> dict[str, object] | None:
    """The peer's keyword arguments over its defaults (enum members by value); ``None`` when
    one is not among ``defaults``."""
    if set(kw) - set(defaults):
        return None
    return {k: _member(kw.get(k, v)) for k, v in defaults.items()}


def _given(fn: Callable[[str], str], **wanted: object) -> Mapper:
    """``fn`` for the calls whose keyword arguments resolve to ``wanted`` (the peer's defaults
    or the values nazif's step matches)."""

    def run(text: str, kw: dict[str, object]) -> str | None:
        return fn(text) if _options(kw, **wanted) == wanted else None

    return run


# araclean's mark classes -> nazif's (its HARAKAT takes sukun along; its
# QURANIC is also the catch-all for the vowel signs of other orthographies,
# nazif's ``other``)
_ARACLEAN_MARKS = {
    "harakat": ("harakat", "sukun"),
    "tanween": ("tanween",),
    "shadda": ("shadda",),
    "madda": ("madda",),
    "dagger_alef": ("dagger_alef",),
    "quranic": ("quranic", "other"),
}
_ARACLEAN_DIGITS = {"ascii": "ascii", "arabic_indic": "arabic", "extended_arabic_indic": "persian"}


def _araclean_tashkeel(text: str, kw: dict[str, object]) -> str | None:
    o = _options(kw, classes=tuple(_ARACLEAN_MARKS), position="all")
    if o is None or o["position"] != "all" or not isinstance(o["classes"], (tuple, frozenset)):
        return None
    chosen = [_member(c) for c in o["classes"]]
    if not all(isinstance(c, str) and c in _ARACLEAN_MARKS for c in chosen):
        return None
    return nazif.remove_diacritics(text, classes=[n for c in sorted(chosen) for n in _ARACLEAN_MARKS[c]])  # type: ignore[index]


def _araclean_digits(text: str, kw: dict[str, object]) -> str | None:
    # nazif always writes a number's own separators in the target system (٫ -> . for ascii);
    # araclean only with map_separators=True: both are replayed, the difference is policy
    o = _options(kw, target="ascii", map_separators=False)
    if o is None or o["target"] not in _ARACLEAN_DIGITS:
        return None
    return nazif.normalize_digits(text, to=_ARACLEAN_DIGITS[o["target"]])  # type: ignore[index]


def _araclean_elongation(text: str, kw: dict[str, object]) -> str | None:
    # only the default trigger (min_run = max(cap + 1, 3)): nazif decides itself which runs are elongation
    o = _options(kw, cap=1, min_run=None)
    if o is None or type(o["cap"]) is not int or o["cap"] < 1:
        return None
    if o["min_run"] not in (None, max(o["cap"] + 1, 3)):
        return None
    return nazif.reduce_elongation(text, max_repeat=o["cap"])


_ARACLEAN_STEPS: dict[tuple[str, str], Mapper] = {
    ("normalize_unicode", "NormalizeUnicode"): _given(nazif.normalize_nfc, form="NFC"),
    ("fold_presentation_forms", "FoldPresentationForms"): _given(nazif.fold_presentation_forms),
    # araclean's deletes every U+0640
    ("remove_tatweel", "RemoveTatweel"): _given(_everywhere),
    # araclean's deletes every ZWNJ too
    ("strip_bidi", "StripBidi"): _given(lambda t: nazif.remove_invisibles(t, keep_zwnj=False)),
    ("unify_lookalikes", "UnifyLookalikes"): _given(nazif.normalize_persian_letters),
    # a run holding a line break becomes one "\n" (no blank line kept); collapse_lines=True joins
    # lines, which nazif never does
    ("collapse_whitespace", "CollapseWhitespace"): _given(
        lambda t: nazif.normalize_whitespace(t, max_blank_lines=0), collapse_lines=False
    ),
    ("remove_tashkeel", "RemoveTashkeel"): _araclean_tashkeel,
    ("fold_alef", "FoldAlef"): _given(nazif.normalize_alef),
    ("fold_alef_maqsura", "FoldAlefMaqsura"): _given(nazif.normalize_alef_maksura),
    # drop_standalone_hamza=True deletes ء, which nazif never does
    ("fold_hamza", "FoldHamza"): _given(nazif.normalize_hamza, drop_standalone_hamza=False),
    ("fold_teh_marbuta", "FoldTehMarbuta"): _given(nazif.normalize_teh_marbuta, target="heh"),
    ("map_digits", "MapDigits"): _araclean_digits,
    ("reduce_elongation", "ReduceElongation"): _araclean_elongation,
    # tags deleted (the placeholder mode has no nazif counterpart)
    ("clean_html", "CleanHTML"): lambda t, kw: (
        nazif.remove_markup(t)
        if (o := _options(kw, mode="delete", placeholder="[HTML]")) and o["mode"] == "delete"
        else None
    ),
    ("map_quotes", "MapQuotes"): _given(nazif.normalize_quotes),
}
#: araclean's free functions and its step classes (called as ``Step(k=v)(text)``)
ARACLEAN_MAP: dict[str, Mapper] = {name: m for names, m in _ARACLEAN_STEPS.items() for name in names}


@dataclass(frozen=True)
class LiteralPeer:
    pin: Pin
    mapping: dict[str, Mapper]
    #: resolve names, step objects and parametrize tables (``literal_cases``)
    resolve: bool = False


#: the peers replayed by their literal asserts, each with its map
LITERAL_PEERS: list[LiteralPeer] = [
    LiteralPeer(SAHLNLP, SAHLNLP_MAP),
    LiteralPeer(ARANORM, ARANORM_MAP),
    LiteralPeer(ARABCHECK, ARABCHECK_MAP),
    LiteralPeer(ARACLEAN, ARACLEAN_MAP, resolve=True),
]


def _cache_dir(arg: str | None) -> Path:
    if arg:
        return Path(arg).expanduser()
    env = os.environ.get("NAZIF_PEERS_CACHE")
    if env:
        return Path(env).expanduser()
    return Path.home() / ".cache" / "nazif-peers"


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fetch(pin: Pin, cache: Path, sdist: Path | None = None) -> Path:
    """The unpacked sdist of ``pin`` (downloaded once into ``cache``)."""
    root = cache / f"{pin.name}-{pin.version}"
    if (root / ".verified").exists():
        return root
    if sdist is None:
        downloads = cache / "sdists"
        downloads.mkdir(parents=True, exist_ok=True)
        found = sorted(downloads.glob(f"{pin.name}-{pin.version}.tar.gz"))
        if not found:
            cmd = [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--quiet",
                "--no-deps",
                "--no-binary",
                ":all:",
                *(["--python-version", pin.python] if pin.python else []),
                f"{pin.name}=={pin.version}",
                "-d",
                str(downloads),
            ]
            print(f"downloading {pin.name} {pin.version} ...", file=sys.stderr)
            subprocess.run(cmd, check=True)
            found = sorted(downloads.glob(f"{pin.name}-{pin.version}.tar.gz"))
        if not found:
            raise SystemExit(f"peer_suites: no sdist of {pin.name} {pin.version} in {downloads}")
        sdist = found[0]
    digest = _sha256(sdist)
    if digest != pin.sha256:
        raise SystemExit(f"peer_suites: {sdist} has SHA-256 {digest}, pinned {pin.sha256}")
    cache.mkdir(parents=True, exist_ok=True)
    with tarfile.open(sdist) as tar:
        top = f"{pin.name}-{pin.version}"
        members = [m for m in tar.getmembers() if m.name.startswith(top + "/") and ".." not in m.name]
        try:
            tar.extractall(cache, members=members, filter="data")
        except TypeError:  # Python without extraction filters (< 3.10.12 / 3.11.4)
            tar.extractall(cache, members=members)
    (root / ".verified").write_text(pin.sha256 + "\n")
    return root


def load_differences(path: Path = DIFFERENCES) -> dict[tuple[str, str], tuple[str, str, str]]:
    """``(suite, case) -> (outcome, class, reason)`` from the differences file."""
    known: dict[tuple[str, str], tuple[str, str, str]] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        rows = csv.reader((line for line in fh if line.strip() and not line.startswith("#")), delimiter="\t")
        for row in rows:
            suite, case, result, klass, reason = (row + [""] * 5)[:5]
            if klass not in CLASSES or result not in OUTCOMES:
                raise SystemExit(f"peer_suites: {path.name}: {suite} {case}: bad outcome or class")
            known[(suite, case)] = (result, klass, reason)
    return known


@dataclass
class Case:
    suite: str
    case: str
    label: str
    category: str  # "in scope" | "negative" | "out of scope"
    original: str
    expected: str
    full_fix: str


def ftfy_cases(root: Path) -> list[Case]:
    """ftfy's cases, each put in a category by ftfy's own explanation of its fix."""
    sys.path.insert(0, str(root))  # the pinned ftfy (its wcwidth dependency must be importable)
    try:
        import ftfy
    finally:
        sys.path.pop(0)
    data = json.loads((root / "tests" / "test_cases.json").read_text(encoding="utf-8"))
    single_byte = {"latin-1", "sloppy-windows-1252", "windows-1252"}
    cases: list[Case] = []
    for index, item in enumerate(data):
        original = item["original"]
        expected = item.get("fixed-encoding", item["fixed"])
        if original == expected:
            category = "negative"
        else:
            fixed, plan = ftfy.fix_encoding_and_explain(original)
            encodes = {s[1] for s in plan if s[0] == "encode"}
            decodes = {s[1] for s in plan if s[0] == "decode"}
            ours = bool(plan) and encodes <= single_byte and decodes <= {"utf-8", "utf-8-variants"}
            category = "in scope" if ours and fixed == expected else "out of scope"
        cases.append(
            Case(
                f"ftfy-{FTFY.version}", str(index), item["label"], category, original, expected, item["fixed"]
            )
        )
    return cases


def _dotted(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    return ""


def _literal_call(call: ast.expr, expected: ast.expr) -> tuple[str, str, dict[str, object], str] | None:
    """``(function, text, keywords, expected)`` of ``f("text", k=v) == "expected"``."""
    if not (
        isinstance(call, ast.Call) and isinstance(expected, ast.Constant) and isinstance(expected.value, str)
    ):
        return None
    if (
        len(call.args) != 1
        or not isinstance(call.args[0], ast.Constant)
        or not isinstance(call.args[0].value, str)
    ):
        return None
    keywords: dict[str, object] = {}
    for kw in call.keywords:
        if kw.arg is None or not isinstance(kw.value, ast.Constant):
            return None
        keywords[kw.arg] = kw.value.value
    return _dotted(call.func).rsplit(".", 1)[-1], call.args[0].value, keywords, expected.value


# -- resolving the asserts of a peer that builds its cases from names ------
#
# For a peer whose tests write ``assert FoldAlef()(VARIANT) == expected`` with
# module constants (``chr(0x0623) + TAIL``), parametrize tables, step objects
# held in variables and results held in variables.  Only constant
# expressions are evaluated (no code of the peer runs); anything else leaves
# the assert out.


@dataclass(frozen=True)
class Ref:
    """A dotted name of the peer that is not a value here: an enum member (``MarkClass.HARAKAT``)."""

    dotted: str

    @property
    def member(self) -> str:
        return self.dotted.rsplit(".", 1)[-1]


@dataclass(frozen=True)
class _Step:
    """A peer step built with keyword arguments only, held in a variable: ``heavy = FoldHamza(x=True)``."""

    name: str
    keywords: tuple[tuple[str, object], ...]


@dataclass(frozen=True)
class _Applied:
    """A peer call on a known text whose result is held in a variable: ``out = Step()(WORD)``."""

    name: str
    text: str
    keywords: tuple[tuple[str, object], ...]


class _Unresolved(Exception):
    pass


#: an import, def or class, or an unbound name: not a value, but maybe a peer function or enum
_OPAQUE = object()
#: a variable bound to something that is not a constant (a parameter, a loop variable, an
#: object): not a value, and never taken for a peer function itself
_VARIABLE = object()
_Env = dict[str, object]


def _is_builtin(node: ast.expr, name: str, env: _Env) -> bool:
    return isinstance(node, ast.Name) and node.id == name and name not in env


def _chr(code: object) -> str:
    if type(code) is not int or not 0 <= code <= 0x10FFFF:
        raise _Unresolved
    return chr(code)


def _iterable(value: object) -> tuple[object, ...] | str:
    if not isinstance(value, (tuple, str)):
        raise _Unresolved
    return value


def _value(node: ast.expr, env: _Env) -> object:
    """The value of a constant expression of a test file, or :class:`_Unresolved`.

    Literals, names bound to constants, ``chr``, ``range``, ``map(chr, ...)``,
    ``+ - *``, f-strings, subscripts and slices, ``"".join``, ``str.replace``,
    single-loop comprehensions, tuples, lists and sets; a dotted name that
    starts with an unbound or imported name is a :class:`Ref`.
    """
    if isinstance(node, ast.Constant):
        if node.value is None or isinstance(node.value, (str, int)):
            return node.value
        raise _Unresolved
    if isinstance(node, ast.Name):
        found = env.get(node.id, _OPAQUE)
        if found is _OPAQUE or found is _VARIABLE or isinstance(found, (_Step, _Applied)):
            raise _Unresolved
        return found
    if isinstance(node, ast.Attribute):
        dotted = _dotted(node)
        root = dotted.split(".", 1)[0]
        if dotted and "." in dotted and env.get(root, _OPAQUE) is _OPAQUE:
            return Ref(dotted)
        raise _Unresolved
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        items = tuple(_value(e, env) for e in node.elts if not isinstance(e, ast.Starred))
        if len(items) != len(node.elts):
            raise _Unresolved
        return frozenset(items) if isinstance(node, ast.Set) else items
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        number = _value(node.operand, env)
        if type(number) is not int:
            raise _Unresolved
        return -number
    if isinstance(node, ast.BinOp):
        a, b = _value(node.left, env), _value(node.right, env)
        if isinstance(node.op, ast.Add) and type(a) is type(b) and isinstance(a, (str, int, tuple)):
            return a + b  # type: ignore[operator]
        if isinstance(node.op, ast.Sub) and type(a) is int and type(b) is int:
            return a - b
        if isinstance(node.op, ast.Mult):
            if isinstance(a, int) and isinstance(b, str):
                a, b = b, a
            if isinstance(a, str) and type(b) is int and 0 <= b <= 10_000:
                return a * b
        raise _Unresolved
    if isinstance(node, ast.JoinedStr):
        parts: list[str] = []
        for part in node.values:
            if isinstance(part, ast.Constant) and isinstance(part.value, str):
                parts.append(part.value)
                continue
            if not (
                isinstance(part, ast.FormattedValue) and part.conversion == -1 and part.format_spec is None
            ):
                raise _Unresolved
            got = _value(part.value, env)
            if not isinstance(got, str):
                raise _Unresolved
            parts.append(got)
        return "".join(parts)
    if isinstance(node, ast.Subscript):
        base = _value(node.value, env)
        if not isinstance(base, (str, tuple)):
            raise _Unresolved
        if isinstance(node.slice, ast.Slice):
            bounds = [
                None if b is None else _value(b, env)
                for b in (node.slice.lower, node.slice.upper, node.slice.step)
            ]
            if not all(b is None or type(b) is int for b in bounds) or bounds[2] == 0:
                raise _Unresolved
            return base[slice(*bounds)]
        index = _value(node.slice, env)
        if type(index) is not int or not -len(base) <= index < len(base):
            raise _Unresolved
        return base[index]
    if isinstance(node, (ast.GeneratorExp, ast.ListComp)):
        if len(node.generators) != 1:
            raise _Unresolved
        gen = node.generators[0]
        if gen.ifs or gen.is_async or not isinstance(gen.target, ast.Name):
            raise _Unresolved
        source = _value(gen.iter, env)
        if not isinstance(source, (tuple, str)):
            raise _Unresolved
        return tuple(_value(node.elt, {**env, gen.target.id: item}) for item in source)
    if (
        isinstance(node, ast.Call)
        and not node.keywords
        and not any(isinstance(a, ast.Starred) for a in node.args)
    ):
        builtin = node.func.id if isinstance(node.func, ast.Name) and node.func.id not in env else None
        if builtin == "map" and len(node.args) == 2 and _is_builtin(node.args[0], "chr", env):
            return tuple(_chr(i) for i in _iterable(_value(node.args[1], env)))
        if builtin in ("chr", "range"):
            args = [_value(a, env) for a in node.args]
            if builtin == "chr" and len(args) == 1:
                return _chr(args[0])
            if builtin == "range" and 1 <= len(args) <= 2 and all(type(a) is int for a in args):
                span = range(*args)  # type: ignore[arg-type]
                if len(span) <= 10_000:
                    return tuple(span)
            raise _Unresolved
        if isinstance(node.func, ast.Attribute):
            owner = _value(node.func.value, env)
            if isinstance(owner, str) and node.func.attr == "join" and len(node.args) == 1:
                items = _iterable(_value(node.args[0], env))
                if all(isinstance(i, str) for i in items):
                    return owner.join(items)  # type: ignore[arg-type]
            if isinstance(owner, str) and node.func.attr == "replace" and len(node.args) == 2:
                old, new = (_value(a, env) for a in node.args)
                if isinstance(old, str) and isinstance(new, str):
                    return owner.replace(old, new)
    raise _Unresolved


def _bound_names(node: ast.AST) -> dict[str, object]:
    """Every name a statement binds, anywhere inside it: an import, def or class as
    :data:`_OPAQUE` (it may be the peer's function), any other binding as :data:`_VARIABLE`."""
    names: dict[str, object] = {}
    variables: set[str] = set()
    for sub in ast.walk(node):
        if isinstance(sub, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names[sub.name] = _OPAQUE
        elif isinstance(sub, (ast.Import, ast.ImportFrom)):
            names.update(dict.fromkeys(((a.asname or a.name).split(".", 1)[0] for a in sub.names), _OPAQUE))
        elif isinstance(sub, ast.Name) and isinstance(sub.ctx, (ast.Store, ast.Del)):
            variables.add(sub.id)
        elif isinstance(sub, ast.arg):
            variables.add(sub.arg)
        elif isinstance(sub, ast.ExceptHandler) and sub.name:
            variables.add(sub.name)
        elif isinstance(sub, (ast.Global, ast.Nonlocal)):
            variables.update(sub.names)
        elif isinstance(sub, (ast.MatchAs, ast.MatchStar)) and sub.name:
            variables.add(sub.name)
        elif isinstance(sub, ast.MatchMapping) and sub.rest:
            variables.add(sub.rest)
    names.update(dict.fromkeys(variables, _VARIABLE))
    return names


def _keywords(call: ast.Call, env: _Env) -> tuple[tuple[str, object], ...]:
    out: list[tuple[str, object]] = []
    for kw in call.keywords:
        if kw.arg is None:
            raise _Unresolved
        out.append((kw.arg, _value(kw.value, env)))
    return tuple(out)


def _callee(func: ast.expr, env: _Env) -> str:
    """The last name of a called function: an imported or unknown name, or a method of
    an object (``checker.strip(...)``, ``proc.process(...)``); not a variable itself
    (``pipe(...)``), nor a constant or a result."""
    name = _dotted(func)
    bound = env.get(name.split(".", 1)[0], _OPAQUE)
    method = "." in name and (bound is _VARIABLE or isinstance(bound, _Step))
    if not name or (bound is not _OPAQUE and not method):
        raise _Unresolved
    return name.rsplit(".", 1)[-1]


def _step(node: ast.expr, env: _Env) -> _Step:
    """``Name(k=v, ...)``: a peer step built with constant keyword arguments only."""
    if not isinstance(node, ast.Call) or node.args or isinstance(node.func, ast.Call):
        raise _Unresolved
    name = _callee(node.func, env)
    return _Step(name, _keywords(node, env))


def _applied(node: ast.expr, env: _Env) -> _Applied:
    """A peer call on one constant text: ``f(text, k=v)``, ``Step(k=v)(text)``, ``step(text)``,
    or a variable holding one."""
    if isinstance(node, ast.Name) and isinstance(env.get(node.id), _Applied):
        return env[node.id]  # type: ignore[return-value]
    if not isinstance(node, ast.Call) or len(node.args) != 1 or isinstance(node.args[0], ast.Starred):
        raise _Unresolved
    text = _value(node.args[0], env)
    if not isinstance(text, str):
        raise _Unresolved
    func = node.func
    if isinstance(func, ast.Call) or (isinstance(func, ast.Name) and isinstance(env.get(func.id), _Step)):
        step = _step(func, env) if isinstance(func, ast.Call) else env[func.id]
        if node.keywords:
            raise _Unresolved
        return _Applied(step.name, text, step.keywords)  # type: ignore[union-attr]
    return _Applied(_callee(func, env), text, _keywords(node, env))


def _binding(node: ast.expr, env: _Env) -> object:
    """What a variable assigned ``node`` holds: a constant, a step, a call's result, or opaque."""
    for read in (_value, _step, _applied):
        try:
            return read(node, env)
        except _Unresolved:
            continue
    return _VARIABLE


def _bind(stmt: ast.stmt, env: _Env) -> None:
    """Update ``env`` with the names ``stmt`` binds: what a plain assignment holds
    (``_binding``), or opaque."""
    pairs: list[tuple[str, object]] = []
    if isinstance(stmt, ast.Assign):
        targets, value = stmt.targets, stmt.value
    elif isinstance(stmt, ast.AnnAssign) and stmt.value is not None:
        targets, value = [stmt.target], stmt.value
    else:
        targets, value = [], None
    for target in targets:
        if isinstance(target, ast.Name):
            pairs.append((target.id, _binding(value, env)))  # type: ignore[arg-type]
        elif (
            isinstance(target, ast.Tuple)
            and isinstance(value, ast.Tuple)
            and len(target.elts) == len(value.elts)
            and all(isinstance(t, ast.Name) for t in target.elts)
        ):
            pairs += [(t.id, _binding(v, env)) for t, v in zip(target.elts, value.elts)]  # type: ignore[attr-defined]
        elif (
            isinstance(target, ast.Tuple)
            and len(target.elts) == 2
            and isinstance(target.elts[0], ast.Name)
            and isinstance(value, ast.Call)
            and isinstance(value.func, ast.Attribute)
            and value.func.attr == "apply_aligned"
            and (
                isinstance(value.func.value, ast.Call)
                or (
                    isinstance(value.func.value, ast.Name) and isinstance(env.get(value.func.value.id), _Step)
                )
            )
        ):
            # ``text, offsets = step.apply_aligned(TEXT)``: the text is the step's result
            call = ast.Call(func=value.func.value, args=value.args, keywords=value.keywords)
            try:
                pairs.append((target.elts[0].id, _applied(call, env)))
            except _Unresolved:
                pass
    if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        env[stmt.name] = _OPAQUE  # the names inside are its own
    else:
        env.update(_bound_names(stmt))
    env.update(pairs)


def _parameter_rows(func: ast.FunctionDef, env: _Env) -> list[dict[str, object]] | None:
    """The argument rows of the ``pytest.mark.parametrize`` decorators (their product), ``None``
    when there are none, ``[]`` when one is not constant."""
    rows: list[dict[str, object]] | None = None
    for dec in func.decorator_list:
        if not (isinstance(dec, ast.Call) and _dotted(dec.func).endswith("mark.parametrize")):
            continue
        try:
            if len(dec.args) < 2:
                raise _Unresolved
            names = _value(dec.args[0], env)
            table = _iterable(_value(dec.args[1], env))
            if isinstance(names, str):
                names = tuple(n.strip() for n in names.split(",") if n.strip())
            if not names or not all(isinstance(n, str) for n in names):  # type: ignore[union-attr]
                raise _Unresolved
            new: list[dict[str, object]] = []
            for item in table:
                values = (item,) if len(names) == 1 else item  # type: ignore[arg-type]
                if not isinstance(values, tuple) or len(values) != len(names):  # type: ignore[arg-type]
                    raise _Unresolved
                new.append(dict(zip(names, values)))  # type: ignore[arg-type]
        except _Unresolved:
            return []
        rows = new if rows is None else [{**r, **n} for r in rows for n in new]
    return rows


def _assert_envs(func: ast.FunctionDef, env: _Env) -> dict[int, _Env]:
    """The names known at each assert of ``func``: statements are read in order; an assert
    inside a compound statement knows none of the names bound anywhere in it."""
    env = dict(env)
    out: dict[int, _Env] = {}
    for stmt in func.body:
        if isinstance(stmt, ast.Assert):
            out[id(stmt)] = env
        else:
            inner = dict(env)
            inner.update(_bound_names(stmt))
            for node in ast.walk(stmt):
                if isinstance(node, ast.Assert):
                    out[id(node)] = inner
        env = dict(env)
        _bind(stmt, env)
    return out


def _resolved_asserts(
    func: ast.FunctionDef, module_env: _Env
) -> list[tuple[str, list[tuple[str, str, dict[str, object], str]]]]:
    """``(suffix, [(function, text, keywords, expected) ...])`` for each parameter row of a test."""
    rows = _parameter_rows(func, module_env)
    arguments = func.args
    params = [a.arg for a in (*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs)]
    params += [a.arg for a in (arguments.vararg, arguments.kwarg) if a is not None]
    out: list[tuple[str, list[tuple[str, str, dict[str, object], str]]]] = []
    for index, row in enumerate([{}] if rows is None else rows):
        env = {**module_env, **dict.fromkeys(params, _VARIABLE), **row}
        envs = _assert_envs(func, env)
        found: list[tuple[str, str, dict[str, object], str]] = []
        for node in ast.walk(func):
            if not (isinstance(node, ast.Assert) and isinstance(node.test, ast.Compare)):
                continue
            test = node.test
            if len(test.ops) != 1 or not isinstance(test.ops[0], ast.Eq) or id(node) not in envs:
                continue
            here = envs[id(node)]
            for call, expected in ((test.left, test.comparators[0]), (test.comparators[0], test.left)):
                try:
                    applied, want = _applied(call, here), _value(expected, here)
                except _Unresolved:
                    continue
                if isinstance(want, str):
                    found.append((applied.name, applied.text, dict(applied.keywords), want))
                    break
        out.append(("" if rows is None else f"[{index}]", found))
    return out


def _module_env(tree: ast.Module) -> _Env:
    env: _Env = {}
    for stmt in tree.body:
        _bind(stmt, env)
    return env


def literal_cases(
    pin: Pin, root: Path, mapping: dict[str, Mapper], resolve: bool = False
) -> list[tuple[Case, Mapper | None, dict]]:
    """The ``assert f("literal") == "literal"`` of a peer's tests, named
    ``file::Class::test#k``; in scope when ``mapping`` knows the function.

    With ``resolve``, also the asserts whose text, expected value and keyword
    arguments are constant expressions of names (``_value``), whose call is a
    step object (``Step(k=v)(text)``, ``step(text)``) or whose result is held in
    a variable, once per row of the test's parametrize tables
    (``file::test[row]#k``).  That finds every assert the literal reading
    finds (sahlnlp, aranorm, arabcheck) and more, so their ``k`` would shift:
    those peers keep the literal reading, their case names are in the
    differences file."""
    out: list[tuple[Case, Mapper | None, dict]] = []
    for path in sorted((root / "tests").rglob("test_*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        module_env = _module_env(tree) if resolve else {}
        scopes: list[tuple[str, ast.FunctionDef]] = []
        for node in tree.body:
            if isinstance(node, ast.ClassDef):
                scopes += [(f"{node.name}::{f.name}", f) for f in node.body if isinstance(f, ast.FunctionDef)]
            elif isinstance(node, ast.FunctionDef):
                scopes.append((node.name, node))
        for name, func in scopes:
            runs = _resolved_asserts(func, module_env) if resolve else [("", _literal_asserts(func))]
            for suffix, found in runs:
                for k, (fname, text, keywords, expected) in enumerate(found, 1):
                    mapper = mapping.get(fname)
                    if mapper is not None and mapper(text, keywords) is None:
                        mapper = None
                    category = (
                        "out of scope" if mapper is None else "negative" if text == expected else "in scope"
                    )
                    case_id = f"{path.relative_to(root / 'tests')}::{name}{suffix}#{k}"
                    out.append(
                        (
                            Case(
                                f"{pin.name}-{pin.version}",
                                case_id,
                                fname,
                                category,
                                text,
                                expected,
                                expected,
                            ),
                            mapper,
                            keywords,
                        )
                    )
    return out


def _literal_asserts(func: ast.FunctionDef) -> list[tuple[str, str, dict[str, object], str]]:
    """The ``assert f("literal", k=literal) == "literal"`` of a test, in ``ast.walk`` order."""
    found: list[tuple[str, str, dict[str, object], str]] = []
    for node in ast.walk(func):
        if not (isinstance(node, ast.Assert) and isinstance(node.test, ast.Compare)):
            continue
        test = node.test
        if len(test.ops) != 1 or not isinstance(test.ops[0], ast.Eq):
            continue
        left, right = test.left, test.comparators[0]
        literal = _literal_call(left, right) or _literal_call(right, left)
        if literal is not None:
            found.append(literal)
    return found


def outcome(original: str, expected: str, got: str) -> str:
    if got == expected:
        return "agree"
    return "left alone" if got == original else "differs"


def report(
    cases: list[Case],
    name: str,
    fn: Callable[[str], str],
    known: dict[tuple[str, str], tuple[str, str, str]],
    show_agree: bool,
    results: dict[str, str | None] | None = None,
) -> int:
    """Print agreement by category for ``fn``; return the number of new differences."""
    counts: Counter[tuple[str, str]] = Counter()
    lines: list[str] = []
    new = 0
    for c in cases:
        got = fn(c.original) if results is None else results[c.case] or c.original
        result = outcome(c.original, c.expected, got)
        counts[(c.category, result)] += 1
        entry = known.get((c.suite, c.case))
        if result == "agree":
            if entry is not None:
                lines.append(f"  now agrees  {c.case:>4} [{c.category}] {c.label}  (listed as {entry[1]})")
            elif show_agree:
                lines.append(f"  agree       {c.case:>4} [{c.category}] {c.label}")
            continue
        if entry is None and c.category == "out of scope" and result == "left alone":
            entry = (result, "out-of-scope", "a codec nazif does not repair, left alone")
        if entry is None or entry[0] != result:
            new += 1
            listed = f" (listed as {entry[0]})" if entry else ""
            lines.append(f"  NEW         {c.case:>4} [{c.category}] {result}{listed}: {c.label}")
            lines.append(f"              got {got!r:.160}")
        else:
            lines.append(f"  {entry[1]:<12}{c.case:>4} [{c.category}] {result}: {entry[2]}")
    print(f"\n{name}")
    for category in ("in scope", "negative", "out of scope"):
        total = sum(v for (cat, _), v in counts.items() if cat == category)
        if not total and results is not None:
            continue
        parts = ", ".join(f"{counts[(category, r)]} {r}" for r in ("agree", "left alone", "differs"))
        print(f"  {category:<13} {total:>3} cases: {parts}")
    for line in lines:
        print(line)
    return new


def display_report(cases: list[Case], fn: Callable[[str], str]) -> None:
    """Full-fix comparison: repair then nazif's display preset against ftfy's ``fix_text``."""
    chosen = [c for c in cases if c.category == "in scope" and c.full_fix != c.expected]
    agree = sum(1 for c in chosen if clean(fn(c.original), "display") == c.full_fix)
    print(
        f"\nrepair_mojibake + display preset vs ftfy fix_text (in scope, where it does more): {agree}/{len(chosen)} agree"
    )


def literal_report(peer: LiteralPeer, cache: Path, known: dict[tuple[str, str], tuple[str, str, str]]) -> int:
    """Replay a peer's literal asserts through the mapped nazif steps."""
    pin, mapping = peer.pin, peer.mapping
    root = fetch(pin, cache)
    items = literal_cases(pin, root, mapping, resolve=peer.resolve)
    print(f"\n{pin.name} {pin.version}: {len(items)} literal asserts in tests/")
    replayed = [(c, m, kw) for c, m, kw in items if m is not None]
    skipped = sorted({c.label for c, m, _ in items if m is None})
    print(
        f"  not replayed: {len(items) - len(replayed)} asserts of what nazif has no step for, or not with those"
        f" options ({', '.join(skipped)})"
    )
    results: dict[str, str | None] = {c.case: m(c.original, kw) for c, m, kw in replayed if m is not None}
    cases = [c for c, _, _ in replayed]
    return report(
        cases, f"{pin.name} {pin.version} (mapped to nazif steps)", lambda t: t, known, False, results
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", help="download cache (default ~/.cache/nazif-peers or $NAZIF_PEERS_CACHE)")
    parser.add_argument("--sdist", help=f"a local {FTFY.name}-{FTFY.version}.tar.gz instead of downloading")
    parser.add_argument(
        "--builtin-only", action="store_true", help="only the built-in repair (no ftfy fixer)"
    )
    parser.add_argument("--show-agree", action="store_true", help="list the agreeing cases too")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a difference is not classed")
    parser.add_argument("--ftfy-only", action="store_true", help="only ftfy's cases")
    args = parser.parse_args()

    known = load_differences()
    root = fetch(FTFY, _cache_dir(args.cache), Path(args.sdist) if args.sdist else None)
    cases = ftfy_cases(root)
    print(f"ftfy {FTFY.version}: {len(cases)} cases from tests/test_cases.json")

    def builtin(text: str) -> str:
        return repair_mojibake(text, use_ftfy=False)

    modes: list[tuple[str, Callable[[str], str]]] = [("repair_mojibake(use_ftfy=False)", builtin)]
    if not args.builtin_only and ftfy_available():
        modes.insert(0, ("repair_mojibake (ftfy fixer)", repair_mojibake))
    new = 0
    for name, fn in modes:
        new += report(cases, name, fn, known, args.show_agree)
    display_report(cases, modes[0][1])
    if not args.ftfy_only:
        for peer in LITERAL_PEERS:
            new += literal_report(peer, _cache_dir(args.cache), known)
    if new:
        print(f"\n{new} difference(s) not classed in {DIFFERENCES.name}")
    return 1 if new and args.strict else 0


if __name__ == "__main__":
    raise SystemExit(main())
