"""The command line: argparse parsers of every subcommand, and ``--steps`` parsing.

``--steps`` names steps as the Python API does, with options after a colon;
further options of the same step follow after commas.  Option values are
read as JSON literals when they are (numbers, ``true``, lists) and as plain
strings otherwise:

>>> parse_steps("normalize_whitespace,normalize_quotes:style=typographic,normalize_digits:to=ascii")
['normalize_whitespace', ['normalize_quotes', {'style': 'typographic'}], ['normalize_digits', {'to': 'ascii'}]]
>>> parse_steps('keep_lines:scripts=["arabic","latin"],min_share=0.5')
[['keep_lines', {'scripts': ['arabic', 'latin'], 'min_share': 0.5}]]
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from ..steps import step_names
from .errors import UsageError

__all__ = ["DEFAULT_PRESET", "build_parser", "parse_steps", "parse_value"]

DEFAULT_PRESET = "display"


# -- --steps ------------------------------------------------------------------
def _split_top_level(text: str, sep: str = ",") -> list[str]:
    """Split on ``sep`` outside brackets, braces and double quotes."""
    parts: list[str] = []
    depth = 0
    quoted = False
    escaped = False
    current: list[str] = []
    for ch in text:
        if quoted:
            current.append(ch)
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                quoted = False
            continue
        if ch == '"':
            quoted = True
        elif ch in "[{":
            depth += 1
        elif ch in "]}":
            depth = max(0, depth - 1)
        elif ch == sep and depth == 0:
            parts.append("".join(current))
            current = []
            continue
        current.append(ch)
    parts.append("".join(current))
    return parts


def parse_value(text: str) -> Any:
    """A JSON literal when ``text`` is one, else ``text`` itself.

    >>> parse_value("0.5"), parse_value("true"), parse_value("ascii")
    (0.5, True, 'ascii')
    """
    text = text.strip()
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return text


def _import_step(module: str, attr: str) -> Any:
    """The function ``attr`` of ``module`` (``--steps package.module:function``)."""
    from .user_modules import import_from_here

    mod = import_from_here(module, f"--steps {module}:{attr}")
    func = getattr(mod, attr, None)
    if not callable(func):
        raise UsageError(f"--steps: module {module!r} has no function {attr!r}")
    return func


def parse_steps(text: str) -> list[Any]:
    """Step specs (as :class:`nazif.Pipeline` accepts them) from ``--steps`` text.

    A step is a registered name (``normalize_quotes``), with options after a
    colon (``normalize_quotes:style=typographic``), or a function of your own
    as ``package.module:function`` (options after a further colon).

    >>> parse_steps("normalize_whitespace,normalize_digits:to=ascii")
    ['normalize_whitespace', ['normalize_digits', {'to': 'ascii'}]]
    >>> parse_steps("textwrap:dedent")[0].__name__
    'dedent'
    """
    specs: list[Any] = []
    for token in _split_top_level(text):
        token = token.strip()
        if not token:
            continue
        name, colon, rest = token.partition(":")
        if "=" in name:  # "key=value": another option of the previous step
            key, _, value = token.partition("=")
            if not specs:
                raise UsageError(f"--steps: option {token!r} comes before any step name")
            last = specs[-1]
            if isinstance(last, str):
                last = specs[-1] = [last, {}]
            last[1][key.strip()] = parse_value(value)
            continue
        name = name.strip()
        if not colon:
            specs.append(name)
            continue
        attr, colon2, more = rest.partition(":")
        if "=" not in attr and attr.strip().isidentifier() and name not in step_names():
            # "package.module:function[:option=value]": a function of your own
            func = _import_step(name, attr.strip())
            if not colon2:
                specs.append(func)
                continue
            name, rest = func, more
        key, eq, value = rest.partition("=")
        if not eq or not key.strip():
            raise UsageError(f"--steps: expected {name}:option=value, got {token!r}")
        specs.append([name, {key.strip(): parse_value(value)}])
    if not specs:
        raise UsageError("--steps: no step given")
    return specs


# -- parsers ------------------------------------------------------------------
class _Formatter(argparse.RawDescriptionHelpFormatter):
    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=30)


def _add_pipeline_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("pipeline (one of)")
    x = g.add_mutually_exclusive_group()
    x.add_argument(
        "-p",
        "--preset",
        metavar="NAME",
        help=f"a named pipeline: display, search, corpus or page (default: {DEFAULT_PRESET}; "
        "corpus for scraped article text, page for the text of whole pages)",
    )
    x.add_argument(
        "-s",
        "--steps",
        metavar="SPEC",
        help="comma-separated step names, options after a colon, e.g. "
        "normalize_whitespace,normalize_quotes:style=typographic",
    )
    g.add_argument(
        "--mode",
        choices=("article", "page"),
        help="chrome removal mode for the pipeline's remove_chrome step: article (an article "
        "container's text; conservative) or page (a whole page's text: menus, header and footer go too)",
    )
    x.add_argument(
        "-c",
        "--config",
        metavar="FILE",
        help='a pipeline saved as JSON: a list of steps, or {"preset": ..., "steps": [...]}',
    )
    g.add_argument(
        "--import",
        dest="imports",
        action="append",
        default=[],
        metavar="MODULE",
        help="import MODULE first (repeatable; found from the current folder too), so that the steps "
        "it registers with @nazif.steps.step can be named in --steps or --config",
    )


def _add_format_options(p: argparse.ArgumentParser, *, default_field: str = "text") -> Any:
    g = p.add_argument_group("input format")
    x = g.add_mutually_exclusive_group()
    x.add_argument(
        "--text",
        dest="format",
        action="store_const",
        const="text",
        help="each input is one text document (default, except for .jsonl/.csv/.tsv files)",
    )
    x.add_argument(
        "--lines", dest="format", action="store_const", const="lines", help="each line is a separate document"
    )
    x.add_argument(
        "--jsonl",
        dest="format",
        action="store_const",
        const="jsonl",
        help="JSON lines: clean the --field(s) of each record, keep the rest byte for byte",
    )
    x.add_argument(
        "--csv",
        dest="format",
        action="store_const",
        const="csv",
        help="CSV with a header row: clean the --field column(s)",
    )
    x.add_argument(
        "--tsv",
        dest="format",
        action="store_const",
        const="tsv",
        help="like --csv with tab-separated columns",
    )
    g.add_argument(
        "-f",
        "--field",
        action="append",
        metavar="PATH",
        help=f"field to clean (repeatable); dotted path for nested JSON keys, e.g. meta.body; "
        f"a column name for CSV (default: {default_field})",
    )
    g.add_argument("--delimiter", metavar="CHAR", help="CSV column separator (default , or tab for --tsv)")
    g.add_argument(
        "--errors",
        choices=("strict", "replace", "skip"),
        default="strict",
        help="invalid UTF-8: stop with its position (strict, default), "
        "put U+FFFD for it (replace) or drop the bad bytes (skip)",
    )
    return g


def _add_quiet(p: argparse.ArgumentParser) -> None:
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no warnings on stderr")


CLEAN_EPILOG = """\
examples:
  nazif clean page.txt                          clean one file to stdout (preset display)
  curl -s URL | nazif clean --html --preset corpus   the clean text of a web page
  nazif clean --preset corpus scraped.txt       clean text scraped from pages
  nazif clean --preset corpus pages/ -o clean/  clean a folder into another folder
  nazif clean --in-place notes/*.txt            rewrite files (each only if it changed)
  nazif clean --jsonl --field text --field meta.title dump.jsonl -o clean.jsonl --jobs 2
  nazif clean --csv --field body articles.csv --report changes.jsonl --stats
  nazif clean --steps normalize_whitespace,normalize_digits:to=ascii notes.txt

exit codes: 0 success, 1 data or I/O error, 2 usage error, 130 interrupted."""

EXPLAIN_EPILOG = """\
examples:
  nazif explain page.txt                        what the display preset changes, step by step
  nazif explain --preset corpus page.txt        what would be removed from a scraped page, and why
  nazif explain --jsonl --field text --record 12 dump.jsonl
  nazif explain --json page.txt | jq .step      the changes as JSON lines

Invisible characters are shown: ⟨U+200B⟩ markers, NBSP as ⍽ (a boxed
space), removed text as [-...-] and inserted text as {+...+} (coloured on a
terminal unless NO_COLOR is set)."""

SEGMENTS_EPILOG = """\
examples:
  nazif segments page.txt                       one JSON line per script run
  nazif segments --candidates ar,en page.txt    languages restricted to Arabic and English
  nazif segments --jsonl --field text dump.jsonl | jq 'select(.script=="latin")'"""

SCRIPTS_EPILOG = """\
examples:
  nazif scripts page.txt                        one JSON line per line: script, language, confidence
  nazif scripts --candidates ar,en --jsonl --field text dump.jsonl"""

CHROME_FIND_EPILOG = """\
examples:
  nazif chrome find page.txt                    the chrome lines the article mode would remove
  nazif chrome find --mode page page.txt        whole-page text: menus, footers, share bars
  nazif chrome find --lexicon site.tsv page.txt with a learned site lexicon"""

CHROME_LEARN_EPILOG = """\
examples:
  nazif chrome learn pages/*.txt -o site.tsv    learn the lines a site repeats on its pages
  nazif chrome learn --jsonl --field html_text crawl.jsonl -o site.tsv
  nazif chrome learn --set min_pages=5 pages/ -o site.tsv"""

STEPS_EPILOG = """\
examples:
  nazif steps                                   every step with a one-line summary
  nazif steps --json | jq -r .name"""

PRESETS_EPILOG = """\
examples:
  nazif presets                                 every preset with its steps
  nazif presets --json"""

MAIN_EPILOG = """\
examples:
  nazif clean page.txt                          clean a file (preset display) to stdout
  nazif clean --preset corpus --jsonl --field text dump.jsonl -o clean.jsonl --jobs 2
  nazif explain --preset corpus page.txt        what each step would change, and why

Run 'nazif COMMAND --help' for the options of a command."""


def build_parser() -> argparse.ArgumentParser:
    """The ``nazif`` argument parser."""
    from .. import __version__

    parser = argparse.ArgumentParser(
        prog="nazif",
        description="Clean text scraped from Arabic and English websites.",
        epilog=MAIN_EPILOG,
        formatter_class=_Formatter,
    )
    parser.add_argument("-V", "--version", action="version", version=f"nazif {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    # clean
    p = sub.add_parser(
        "clean",
        help="clean files, pipes, JSONL and CSV",
        epilog=CLEAN_EPILOG,
        formatter_class=_Formatter,
        description="Clean text documents, or text fields of JSON-lines and CSV records.",
    )
    p.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="files or folders to clean; - or nothing for standard input (.gz files are read decompressed)",
    )
    _add_pipeline_options(p)
    g = _add_format_options(p)
    g.add_argument(
        "--on-error",
        choices=("stop", "skip", "keep"),
        default="stop",
        help="a bad record (broken JSON, missing field, invalid UTF-8): stop with its position "
        "(default), skip it (left out of the output), or keep it unchanged",
    )
    g.add_argument(
        "--site-field",
        metavar="FIELD",
        help="JSON lines: learn the lines each site repeats and remove them too (two passes over "
        "the files); FIELD holds the page URL (its host is the site) or a site name",
    )
    g.add_argument(
        "--html",
        action="store_true",
        help="the documents (or --field values) are HTML: take the lines a browser shows "
        "(needs nazif[html]) and clean them as nazif.html.clean_html does: lines the DOM marks as "
        "chrome (nav, footer, share bars ...) go, and chrome removal weighs DOM and text evidence "
        "together (a chrome step with its own options runs on the rest as set)",
    )
    g = p.add_argument_group("output")
    x = g.add_mutually_exclusive_group()
    x.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        help="output file, or folder (ending in / or existing) for one file per input; "
        "default: standard output; .gz is compressed",
    )
    x.add_argument(
        "-i",
        "--in-place",
        action="store_true",
        help="rewrite each input file (through a temporary file, renamed on success)",
    )
    g.add_argument(
        "--report",
        metavar="FILE",
        help="write JSON lines of the lines removed as chrome (file, record, field, step, span, rule, entry); "
        "with --report-all, of every change of every step",
    )
    g.add_argument(
        "--report-all",
        action="store_true",
        help="with --report: every change of every step (explains each record: much slower)",
    )
    g.add_argument("--stats", action="store_true", help="print per-step counts on stderr at the end")
    g.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=1,
        metavar="N",
        help="worker processes (default 1; 0 = one per CPU); output order and bytes are the same",
    )
    _add_quiet(g)  # type: ignore[arg-type]

    # explain
    p = sub.add_parser(
        "explain",
        help="show what each step changes in one document",
        epilog=EXPLAIN_EPILOG,
        formatter_class=_Formatter,
        description="Show, for one document, each step's changes as a readable diff.",
    )
    p.add_argument("file", nargs="?", default="-", metavar="FILE", help="the document (default: stdin)")
    _add_pipeline_options(p)
    _add_format_options(p)
    p.add_argument(
        "--record",
        type=int,
        default=1,
        metavar="N",
        help="with --jsonl/--csv: the record at line N (default: the first record)",
    )
    p.add_argument("--json", action="store_true", help="print the changes as JSON lines")
    p.add_argument("--context", type=int, default=30, metavar="N", help="characters of context (default 30)")
    p.add_argument("--max", type=int, default=50, metavar="N", help="changes shown per step (default 50)")
    p.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the diff (auto: when stdout is a terminal and NO_COLOR is unset)",
    )

    # segments / scripts
    for name, helptext, epilog in (
        ("segments", "script runs of a text as JSON lines", SEGMENTS_EPILOG),
        ("scripts", "script and language of each line as JSON lines", SCRIPTS_EPILOG),
    ):
        p = sub.add_parser(
            name,
            help=helptext,
            epilog=epilog,
            formatter_class=_Formatter,
            description=helptext[0].upper() + helptext[1:] + ".",
        )
        p.add_argument("files", nargs="*", metavar="FILE", help="files or folders; - or nothing for stdin")
        _add_format_options(p)
        p.add_argument(
            "--candidates",
            metavar="LANGS",
            help="comma-separated ISO 639-1 codes the language must be one of, e.g. ar,en",
        )
        p.add_argument("--no-language", action="store_true", help="script only, no language detection")
        p.add_argument(
            "--no-text",
            dest="text_field",
            action="store_false",
            help="leave out each segment's or line's text (offsets are enough)",
        )
        _add_quiet(p)

    # chrome
    p = sub.add_parser(
        "chrome",
        help="find site chrome, or learn a site's lexicon",
        formatter_class=_Formatter,
        description="Site chrome: menus, share bars, 'Read also', language switchers.",
        epilog="commands:\n  find    the chrome in a text, as JSON lines\n"
        "  learn   learn a site lexicon from many pages of the site\n\n"
        "examples:\n  nazif chrome find page.txt\n"
        "  nazif chrome learn pages/ -o site.tsv",
    )
    csub = p.add_subparsers(dest="chrome_command", metavar="COMMAND")
    csub.required = True
    q = csub.add_parser(
        "find",
        help="the chrome in a text, as JSON lines",
        epilog=CHROME_FIND_EPILOG,
        formatter_class=_Formatter,
        description="Print one JSON line per chrome line found (what remove_chrome removes).",
    )
    q.add_argument("files", nargs="*", metavar="FILE", help="files or folders; - or nothing for stdin")
    q.add_argument(
        "--mode",
        choices=("article", "page"),
        default="article",
        help="article: text of an article area (conservative, default); page: whole-page text",
    )
    q.add_argument("--lexicon", metavar="FILE", help="a site lexicon (from 'nazif chrome learn') to use too")
    _add_format_options(q)
    _add_quiet(q)
    q = csub.add_parser(
        "learn",
        help="learn a site lexicon from its pages",
        epilog=CHROME_LEARN_EPILOG,
        formatter_class=_Formatter,
        description="Find the lines that repeat across many pages of one site and save "
        "them as a site lexicon.",
    )
    q.add_argument("files", nargs="*", metavar="PAGE", help="page files or folders, or JSONL with --jsonl")
    q.add_argument("-o", "--output", metavar="FILE", help="where to save the lexicon (default: stdout)")
    q.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a threshold passed to nazif.chrome.learn, e.g. min_pages=5 (repeatable)",
    )
    _add_format_options(q, default_field="text")
    _add_quiet(q)

    # steps / presets
    p = sub.add_parser(
        "steps",
        help="list the cleaning steps",
        epilog=STEPS_EPILOG,
        formatter_class=_Formatter,
        description="List the registered steps.",
    )
    p.add_argument("--json", action="store_true", help="JSON lines: name, lossless, summary, module")
    p = sub.add_parser(
        "presets",
        help="list the presets",
        epilog=PRESETS_EPILOG,
        formatter_class=_Formatter,
        description="List the presets and their steps.",
    )
    p.add_argument("--json", action="store_true", help="JSON lines: name and steps")
    return parser


def check_jobs(jobs: int | None) -> None:
    if jobs is not None and jobs < 0:
        raise UsageError("--jobs must be 0 (one per CPU) or more")
