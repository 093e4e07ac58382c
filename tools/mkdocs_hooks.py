"""MkDocs hook: render the docstrings' doctests as code blocks.

The docstrings hold bare doctests (``>>> call()`` followed by its output), which
Markdown would read as running text; the output lists (``['arabic', 'latin']``)
would then look like reference links to mkdocs-autorefs and fail the strict build.
This hook registers a Markdown preprocessor that wraps every bare doctest block
(a ``>>>`` line and the lines up to the next blank line) in a ``pycon`` fence.
Blocks already inside a fence are left alone.  Configured in ``mkdocs.yml``.
"""

from __future__ import annotations

import re
from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor
from mkdocs.plugins import event_priority

_FENCE = re.compile(r"^\s*(```|~~~)")
_PROMPT = re.compile(r"^(\s*)>>> ")


class _DoctestFence(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        in_fence = False
        in_doctest = False
        for line in lines:
            if in_doctest and not line.strip():
                out.append("```")
                in_doctest = False
            if not in_doctest and _FENCE.match(line):
                in_fence = not in_fence
            elif not in_fence and not in_doctest:
                m = _PROMPT.match(line)
                if m:
                    out.append(m.group(1) + "```pycon")
                    in_doctest = True
            out.append(line)
        if in_doctest:
            out.append("```")
        return out


class DoctestFenceExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # before fenced_code (25), so the fences it adds are read as code
        md.preprocessors.register(_DoctestFence(md), "nazif_doctest_fence", 30)


@event_priority(100)  # before mkdocstrings reads the Markdown extensions
def on_config(config: Any) -> Any:
    config.markdown_extensions.append(DoctestFenceExtension())
    return config
