"""A Scrapy item pipeline that cleans item fields with nazif.

Needs the ``scrapy`` extra (``pip install nazif[scrapy]``).  In the
project's ``settings.py``::

    ITEM_PIPELINES = {"nazif.scrapy.NazifPipeline": 300}
    NAZIF_FIELDS = {"body": "corpus", "title": "display"}   # text fields -> preset
    NAZIF_HTML_FIELDS = {"html": "corpus"}                  # HTML fields -> preset (clean_html)
    NAZIF_HTML_SELECTOR = "article"                          # optional: article container
    NAZIF_REMOVALS_FIELD = "nazif_removals"                  # optional: where removed lines go
    NAZIF_DROP_EMPTY = True                                  # drop items left with no text

``NAZIF_FIELDS`` and ``NAZIF_HTML_FIELDS`` also accept a list of field names
(preset ``corpus``).  The pipeline:

- builds each preset's pipeline once (``nazif.clean`` caches them);
- cleans only the fields it is told about, in place, and leaves every other
  field alone; a field that is missing, ``None`` or not a ``str`` (``NaN``)
  passes through unchanged;
- writes the removed chrome lines to ``NAZIF_REMOVALS_FIELD`` (a list of
  ``{"field", "line", "text", "rule", "entry"}`` dicts) when set;
- counts removals per rule in Scrapy's stats (``nazif/removed/<rule>``) and
  cleaned fields in ``nazif/fields_cleaned``;
- with ``NAZIF_DROP_EMPTY``, raises ``DropItem`` (logged by Scrapy with the
  reason) when every configured field that held text is empty after cleaning.

It works with dicts, ``scrapy.Item`` and any item type ``itemadapter``
supports.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

try:
    from itemadapter import ItemAdapter
    from scrapy.exceptions import DropItem, NotConfigured
except ImportError as exc:  # pragma: no cover - only without the extra
    raise ImportError("nazif.scrapy needs Scrapy: pip install 'nazif[scrapy]'") from exc

import nazif
from nazif.presets import preset_spec

__all__ = ["NazifPipeline"]

DEFAULT_PRESET = "corpus"


def _fields(value: Any, setting: str) -> dict[str, str]:
    if value is None or value == "":
        return {}
    if isinstance(value, str):
        value = [f.strip() for f in value.split(",") if f.strip()]
    if isinstance(value, Mapping):
        out = {str(k): str(v) for k, v in value.items()}
    elif isinstance(value, (list, tuple)):
        out = {str(f): DEFAULT_PRESET for f in value}
    else:
        raise TypeError(
            f"{setting} expects a dict field -> preset or a list of fields, got {type(value).__name__}"
        )
    for field, preset in out.items():
        try:
            preset_spec(preset)
        except KeyError as exc:
            raise ValueError(f"{setting}[{field!r}]: {exc.args[0]}") from None
    return out


class NazifPipeline:
    """Clean the configured fields of each item (see the module docstring)."""

    def __init__(
        self,
        fields: Mapping[str, str] | None = None,
        html_fields: Mapping[str, str] | None = None,
        *,
        selector: str | None = None,
        removals_field: str | None = None,
        drop_empty: bool = False,
        stats: Any = None,
    ) -> None:
        self.fields = dict(fields or {})
        self.html_fields = dict(html_fields or {})
        if not self.fields and not self.html_fields:
            raise NotConfigured("NazifPipeline: set NAZIF_FIELDS and/or NAZIF_HTML_FIELDS")
        self.selector = selector or None
        self.removals_field = removals_field or None
        self.drop_empty = drop_empty
        self.stats = stats
        self._clean_html: Any = None
        if self.html_fields:
            from nazif.html import clean_html_with_removals  # needs lxml: fail at start-up, not per item

            self._clean_html = clean_html_with_removals

    @classmethod
    def from_crawler(cls, crawler: Any) -> NazifPipeline:
        s = crawler.settings
        return cls(
            _fields(s.get("NAZIF_FIELDS"), "NAZIF_FIELDS"),
            _fields(s.get("NAZIF_HTML_FIELDS"), "NAZIF_HTML_FIELDS"),
            selector=s.get("NAZIF_HTML_SELECTOR"),
            removals_field=s.get("NAZIF_REMOVALS_FIELD"),
            drop_empty=s.getbool("NAZIF_DROP_EMPTY", False),
            stats=crawler.stats,
        )

    def _count(self, key: str, n: int = 1) -> None:
        if self.stats is not None and n:
            self.stats.inc_value(key, n)

    def process_item(self, item: Any, spider: Any = None) -> Any:
        """Clean the item's configured fields in place and return it."""
        adapter = ItemAdapter(item)
        removed: list[dict[str, Any]] = []
        had_text = False
        all_empty = True
        jobs = [(f, p, False) for f, p in self.fields.items()] + [
            (f, p, True) for f, p in self.html_fields.items()
        ]
        for field, preset, is_html in jobs:
            value = adapter.get(field)
            if is_html and isinstance(value, (bytes, bytearray)):
                pass
            elif not isinstance(value, str):
                continue  # missing, None, NaN, a list: passed through unchanged
            had_text = True
            if is_html:
                out, found = self._clean_html(value, preset=preset, selector=self.selector)
            else:
                assert isinstance(value, str)  # bytes go only to HTML fields (above)
                out, found = nazif.clean(value, preset, removals=True)
            adapter[field] = out
            self._count("nazif/fields_cleaned")
            if out.strip():
                all_empty = False
            for r in found:
                self._count(f"nazif/removed/{r.rule}")
                if self.removals_field:
                    removed.append(
                        {"field": field, "line": r.line, "text": r.text, "rule": r.rule, "entry": r.entry}
                    )
        if self.removals_field:
            adapter[self.removals_field] = removed
        if self.drop_empty and had_text and all_empty:
            self._count("nazif/dropped_empty")
            fields = ", ".join(f for f, _, _ in jobs)
            raise DropItem(f"nazif: no text left in {fields} after cleaning")
        return item
