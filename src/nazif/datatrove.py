"""datatrove pipeline steps: nazif as a formatter, a filter and two-pass site learning.

Needs the ``datatrove`` extra (``pip install "nazif[datatrove]"``)::

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from nazif.datatrove import NazifFilter, NazifSiteCounts, NazifSiteFilter

    # one pass, built-in chrome lexicon only
    LocalPipelineExecutor([JsonlReader("in/"), NazifFilter(), JsonlWriter("out/")], tasks=4).run()

    # two passes, with what each site repeats (cf. SentenceDedupSignature -> SentenceDedupFilter)
    LocalPipelineExecutor([JsonlReader("in/"), NazifSiteCounts("counts/")], tasks=4).run()
    LocalPipelineExecutor([JsonlReader("in/"), NazifSiteFilter("counts/"), JsonlWriter("out/")], tasks=4).run()

:class:`NazifFormatter` rewrites ``doc.text`` as ``nazif.clean(text, preset)``
does and drops nothing.  :class:`NazifFilter` does the same, counts every
chrome removal per rule and every step that changed the text with
``stat_update`` (``nazif_remove_chrome:lexicon-line``, ``nazif_normalize_quotes`` …),
drops the documents that cleaning leaves empty with the reason
``nazif_empty``, and with ``metadata_key`` keeps the ``(start, end, rule,
score)`` spans of the changes (coordinates of the input text) in
``doc.metadata``.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from datatrove.data import Document, DocumentsPipeline
from datatrove.io import DataFolderLike, get_datafolder
from datatrove.pipeline.base import PipelineStep
from datatrove.pipeline.filters.base_filter import BaseFilter
from datatrove.pipeline.formatters.base import BaseFormatter
from datatrove.utils.typeshelper import StatHints

from ._scale import Cleaner
from .chrome.learn import SiteCounts, site_of

__all__ = ["NazifFilter", "NazifFormatter", "NazifSiteCounts", "NazifSiteFilter"]

# Reason given to datatrove for a document that cleaning leaves empty.
EMPTY_REASON = "nazif_empty"
# File name ending of the per-rank site counts written by NazifSiteCounts.
COUNTS_SUFFIX = ".nazif_sites.jsonl"


class NazifFormatter(BaseFormatter):
    """``doc.text = nazif.clean(doc.text, preset)``; no document is dropped."""

    name = "🧹 nazif"

    def __init__(self, preset: str = "corpus") -> None:
        super().__init__()
        self.cleaner = Cleaner(preset)

    def format(self, text: str) -> str:
        return self.cleaner.clean(text)


class NazifFilter(BaseFilter):
    """Clean ``doc.text`` with a preset; drop documents left empty (reason ``nazif_empty``).

    ``metadata_key`` (e.g. ``"nazif"``) stores the spans of the changes in
    ``doc.metadata[metadata_key]`` as ``[start, end, rule, score]`` lists;
    ``exclusion_writer`` saves the dropped documents, as for any datatrove
    filter.
    """

    name = "🧹 nazif filter"

    def __init__(
        self,
        preset: str = "corpus",
        *,
        metadata_key: str | None = None,
        exclusion_writer: Any = None,
    ) -> None:
        super().__init__(exclusion_writer)
        self.preset = preset
        self.metadata_key = metadata_key
        self.cleaner = Cleaner(preset)

    def _site(self, doc: Document) -> str | None:
        return None

    def filter(self, doc: Document) -> bool | tuple[bool, str]:
        site = self._site(doc)
        if self.metadata_key:
            text, spans = self.cleaner.clean_with_spans(doc.text, site)
            doc.metadata[self.metadata_key] = [list(sp) for sp in spans]
            rules = [sp[2] for sp in spans]
        else:
            text, rules = self.cleaner.clean_with_rules(doc.text, site)
        for rule, n in Counter(rules).items():
            self.stat_update(f"nazif_{rule}", value=n)
        doc.text = text
        if not isinstance(text, str) or not text.strip():
            return False, EMPTY_REASON
        return True


class NazifSiteCounts(PipelineStep):
    """Pass 1 of site learning: count the lines of every site; write one counts file per rank.

    The site is ``site_of(doc.metadata[site_key])`` (the host of a URL, or a
    site name); documents without one are not counted.  Writes
    ``{rank:05d}.nazif_sites.jsonl`` to ``output_folder`` (see
    :class:`nazif.chrome.learn.SiteCounts`); yields nothing.  Lines are
    counted in the text as read.
    """

    type = "🧹 - NAZIF"
    name = "🧮 site counts"

    def __init__(self, output_folder: DataFolderLike, *, site_key: str = "url", **thresholds: Any) -> None:
        super().__init__()
        self.output_folder = get_datafolder(output_folder)
        self.site_key = site_key
        self.thresholds = thresholds
        SiteCounts(**thresholds)  # fail early on bad thresholds

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        counts = SiteCounts(**self.thresholds)
        for doc in data:
            with self.track_time():
                self.stat_update(StatHints.total)
                site = site_of(doc.metadata.get(self.site_key))
                if site and isinstance(doc.text, str):
                    counts.add(site, doc.text)
        with self.output_folder.open(f"{rank:05d}{COUNTS_SUFFIX}", mode="wt", encoding="utf-8") as f:
            for line in counts.to_jsonl():
                f.write(line + "\n")
        return
        yield


class NazifSiteFilter(NazifFilter):
    """Pass 2 of site learning: :class:`NazifFilter` with each site's learned lines.

    Reads and merges every counts file that :class:`NazifSiteCounts` wrote
    to ``data_folder`` (all ranks), and adds each site's lexicon to chrome
    removal for that site's documents; the safety rules of chrome removal
    hold (a page's headline is kept, prose goes only when most of the site's
    pages repeat it).
    """

    name = "🧹 nazif site filter"

    def __init__(
        self,
        data_folder: DataFolderLike,
        preset: str = "corpus",
        *,
        site_key: str = "url",
        metadata_key: str | None = None,
        exclusion_writer: Any = None,
    ) -> None:
        super().__init__(preset, metadata_key=metadata_key, exclusion_writer=exclusion_writer)
        self.data_folder = get_datafolder(data_folder)
        self.site_key = site_key

    def _site(self, doc: Document) -> str | None:
        return site_of(doc.metadata.get(self.site_key)) or None

    def _load(self) -> SiteCounts | None:
        total: SiteCounts | None = None
        for path in self.data_folder.list_files(glob_pattern=f"*{COUNTS_SUFFIX}"):
            with self.data_folder.open(path, mode="rt", encoding="utf-8") as f:
                part = SiteCounts.from_jsonl(f)
            total = part if total is None else total.merge(part)
        return total

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        counts = self._load()
        lexicons = counts.lexicons() if counts is not None else {}
        self.stat_update("nazif_sites_learned", value=len(lexicons))
        self.cleaner = Cleaner(self.preset, lexicons)
        yield from super().run(data, rank, world_size)
