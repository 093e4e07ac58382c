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
  ``ARABCHECK_MAP``).  safwatext 0.1.0 has no literal asserts of this form;
  araclean 0.3.0 (Python 3.12+) is not wired in yet.

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


FTFY = Pin("ftfy", "6.3.1", "9b3c3d90f84fb267fe64d375a07b7f8912d817cf86009ae134aa03e1819506ec")
ARANORM = Pin("aranorm", "1.2.0", "cea107e704900732b417f49446fe94f1c73a79923b9a9c52fa8458da1edfafc9")
ARABCHECK = Pin("arabcheck", "0.1.1", "ff13e76488fa9752fe4f4dfa1241d20106f340dc15080aa96430ad142b5da8ed")
SAHLNLP = Pin("sahlnlp", "1.1.0", "2c6fb4608367038c904ba5ce14d0d8de94395cf5c01e90bb0a57ced0975d2e74")

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

#: the peers replayed by their literal asserts, each with its map
LITERAL_PEERS: list[tuple[Pin, dict[str, Mapper]]] = [
    (SAHLNLP, SAHLNLP_MAP),
    (ARANORM, ARANORM_MAP),
    (ARABCHECK, ARABCHECK_MAP),
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


def literal_cases(pin: Pin, root: Path, mapping: dict[str, Mapper]) -> list[tuple[Case, Mapper | None, dict]]:
    """The ``assert f("literal") == "literal"`` of a peer's tests, named
    ``file::Class::test#k``; in scope when ``mapping`` knows the function."""
    out: list[tuple[Case, Mapper | None, dict]] = []
    for path in sorted((root / "tests").rglob("test_*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        scopes: list[tuple[str, ast.AST]] = []
        for node in tree.body:
            if isinstance(node, ast.ClassDef):
                scopes += [(f"{node.name}::{f.name}", f) for f in node.body if isinstance(f, ast.FunctionDef)]
            elif isinstance(node, ast.FunctionDef):
                scopes.append((node.name, node))
        for name, func in scopes:
            k = 0
            for node in ast.walk(func):
                if not (isinstance(node, ast.Assert) and isinstance(node.test, ast.Compare)):
                    continue
                test = node.test
                if len(test.ops) != 1 or not isinstance(test.ops[0], ast.Eq):
                    continue
                left, right = test.left, test.comparators[0]
                found = _literal_call(left, right) or _literal_call(right, left)
                if found is None:
                    continue
                k += 1
                fname, text, keywords, expected = found
                mapper = mapping.get(fname)
                if mapper is not None and mapper(text, keywords) is None:
                    mapper = None
                category = (
                    "out of scope" if mapper is None else "negative" if text == expected else "in scope"
                )
                case_id = f"{path.relative_to(root / 'tests')}::{name}#{k}"
                out.append(
                    (
                        Case(f"{pin.name}-{pin.version}", case_id, fname, category, text, expected, expected),
                        mapper,
                        keywords,
                    )
                )
    return out


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


def literal_report(
    pin: Pin, mapping: dict[str, Mapper], cache: Path, known: dict[tuple[str, str], tuple[str, str, str]]
) -> int:
    """Replay a peer's literal asserts through the mapped nazif steps."""
    root = fetch(pin, cache)
    items = literal_cases(pin, root, mapping)
    print(f"\n{pin.name} {pin.version}: {len(items)} literal asserts in tests/")
    replayed = [(c, m, kw) for c, m, kw in items if m is not None]
    skipped = sorted({c.label for c, m, _ in items if m is None})
    print(
        f"  not replayed: {len(items) - len(replayed)} asserts of what nazif has no step for ({', '.join(skipped)})"
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
        for pin, mapping in LITERAL_PEERS:
            new += literal_report(pin, mapping, _cache_dir(args.cache), known)
    if new:
        print(f"\n{new} difference(s) not classed in {DIFFERENCES.name}")
    return 1 if new and args.strict else 0


if __name__ == "__main__":
    raise SystemExit(main())
