"""Reading inputs, decoding with error positions, and writing outputs safely.

Outputs never appear half-written: a file output is written to a temporary
file beside its target and renamed over the target only when everything
succeeded; on an error, Ctrl-C or SIGTERM the temporary file is deleted.

>>> utf8_position(b"ab\\ncd\\xff", 5)
(1, 5)
>>> encode_text("a\\ud800b")
b'a\\xef\\xbf\\xbdb'
"""

from __future__ import annotations

import gzip
import os
import re
import stat
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .errors import DataError, UsageError

__all__ = [
    "AtomicFile",
    "DecodeFailure",
    "Input",
    "Sink",
    "StdoutSink",
    "abort_all",
    "csv_cut",
    "decode",
    "encode_json_line",
    "encode_text",
    "iter_chunks",
    "jsonl_cut",
    "open_input",
    "read_all",
    "resolve_inputs",
    "utf8_position",
]

STDIN_LABEL = "<stdin>"


def _chunk_size() -> int:
    # Undocumented knob for tests (small chunks exercise ordering across tasks).
    try:
        return max(1, int(os.environ.get("NAZIF_CLI_CHUNK_BYTES", "")))
    except ValueError:
        return 1 << 20


CHUNK_SIZE = _chunk_size()  # bytes of input per task (records are cut at line ends)


# -- inputs -----------------------------------------------------------------
@dataclass(frozen=True)
class Input:
    """One input: a file (or standard input when ``path`` is ``None``).

    ``rel`` is the name the file keeps under an output folder (``-o DIR/``):
    its base name, or its path relative to the folder given on the command line.
    """

    label: str
    path: str | None
    rel: str
    size: int | None = None

    @property
    def is_stdin(self) -> bool:
        return self.path is None

    @property
    def gzipped(self) -> bool:
        return self.path is not None and self.path.endswith(".gz")


def _file_input(path: str, rel: str) -> Input:
    try:
        st = os.stat(path)
    except OSError as exc:
        raise DataError(f"cannot read {path}: {exc.strerror or exc}") from None
    size = st.st_size if stat.S_ISREG(st.st_mode) and not path.endswith(".gz") else None
    return Input(path, path, rel, size)


def resolve_inputs(names: list[str]) -> list[Input]:
    """The inputs named on the command line; ``-`` (or nothing) is standard input.

    A folder stands for every file under it (recursively, sorted, skipping
    hidden files and folders).
    """
    if not names:
        names = ["-"]
    inputs: list[Input] = []
    for name in names:
        if name == "-":
            inputs.append(Input(STDIN_LABEL, None, "stdin"))
            continue
        if os.path.isdir(name):
            root = Path(name)
            found = []
            for dirpath, dirnames, filenames in os.walk(root):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                for fn in sorted(filenames):
                    if not fn.startswith("."):
                        full = Path(dirpath) / fn
                        found.append(_file_input(str(full), str(full.relative_to(root))))
            inputs.extend(found)
            continue
        inputs.append(_file_input(name, os.path.basename(name)))
    if sum(1 for i in inputs if i.is_stdin) > 1:
        raise UsageError("standard input (-) can be read only once")
    return inputs


def open_input(inp: Input) -> BinaryIO:
    """Open ``inp`` for reading bytes (``.gz`` files are decompressed)."""
    if inp.path is None:
        return sys.stdin.buffer
    try:
        if inp.gzipped:
            return gzip.open(inp.path, "rb")  # type: ignore[return-value]
        return open(inp.path, "rb")
    except OSError as exc:
        raise DataError(f"cannot read {inp.label}: {exc.strerror or exc}") from None


def _read_error(inp: Input, exc: Exception) -> DataError:
    reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return DataError(f"cannot read {inp.label}: {reason}")


def read_all(inp: Input, fh: BinaryIO) -> bytes:
    """The whole content of an opened input."""
    try:
        return fh.read()
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        raise _read_error(inp, exc) from None


Cutter = Callable[[bytes, int], tuple[int, int]]


def jsonl_cut(block: bytes, state: int) -> tuple[int, int]:
    """Where to cut ``block`` so a chunk ends at a line end (``-1``: nowhere)."""
    return block.rfind(b"\n") + 1 or -1, 0


def csv_cut(block: bytes, parity: int, quote: bytes = b'"') -> tuple[int, int]:
    """Where to cut ``block`` so a chunk ends at the end of a CSV record.

    A newline ends a record when an even number of quote characters precede
    it (``parity`` is that count's parity for the bytes carried over from the
    previous block).  Returns the cut and the parity of what follows it.

    >>> csv_cut(b'a,"b\\nc"\\nd,"e\\n', 0)
    (8, 1)
    """
    total = cur = (parity + block.count(quote)) & 1  # parity before len(block)
    end = len(block)
    while True:
        nl = block.rfind(b"\n", 0, end)
        if nl < 0:
            return -1, total
        before = cur ^ (block.count(quote, nl, end) & 1)
        if before == 0:
            return nl + 1, (block.count(quote, nl + 1) & 1)
        cur, end = before, nl


def iter_chunks(inp: Input, fh: BinaryIO, cutter: Cutter, size: int = CHUNK_SIZE) -> Iterator[bytes]:
    """Stream ``fh`` as chunks of about ``size`` bytes that end where ``cutter`` says.

    Memory stays bounded by the chunk size (or the longest record).
    """
    parts: list[bytes] = []
    state = 0
    # read1 returns what a pipe has without waiting for a full chunk, so
    # records from a slow producer come out as they arrive.
    read = getattr(fh, "read1", fh.read) if inp.is_stdin else fh.read
    while True:
        try:
            block = read(size)
        except (OSError, EOFError, gzip.BadGzipFile) as exc:
            raise _read_error(inp, exc) from None
        if not block:
            if parts:
                yield b"".join(parts)
            return
        cut, new_state = cutter(block, state)
        if cut < 0:
            parts.append(block)
            state = new_state
            continue
        parts.append(block[:cut])
        yield b"".join(parts)
        parts = [block[cut:]] if cut < len(block) else []
        state = new_state


# -- decoding ---------------------------------------------------------------
class DecodeFailure(Exception):
    """Bytes that are not UTF-8; ``message`` names the line and byte offset."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def utf8_position(data: bytes, index: int) -> tuple[int, int]:
    """``(line, index)`` of byte ``index`` in ``data``: the 0-based line it is
    on, and the index itself."""
    return data.count(b"\n", 0, index), index


def decode(data: bytes, errors: str, label: str, line: int = 1, offset: int = 0) -> str:
    """Decode UTF-8 ``data`` (which starts at ``line``/byte ``offset`` of ``label``).

    ``errors``: ``strict`` raises :class:`DecodeFailure` naming the file, line
    and byte offset; ``replace`` puts U+FFFD for each bad sequence; ``skip``
    drops the bad bytes.
    """
    if errors == "strict":
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as exc:
            rel_line, index = utf8_position(data, exc.start)
            bad = data[exc.start : exc.end].hex(" ")
            raise DecodeFailure(
                f"{label}:{line + rel_line}: invalid UTF-8 at byte offset {offset + index} "
                f"(bytes {bad}: {exc.reason}); use --errors replace or --errors skip to read it anyway"
            ) from None
    return data.decode("utf-8", "replace" if errors == "replace" else "ignore")


_SURROGATE = re.compile("[\ud800-\udfff]")


def encode_text(text: str) -> bytes:
    """UTF-8 bytes of ``text``; a lone surrogate (not encodable) becomes U+FFFD."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text).encode("utf-8")


def encode_json_line(text: str) -> bytes:
    """UTF-8 bytes of a JSON text; lone surrogates are written as ``\\uXXXX`` escapes.

    They can only stand inside JSON strings (they came from such escapes), so
    the line stays valid JSON and loses nothing.
    """
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text).encode("utf-8")


# -- outputs ----------------------------------------------------------------
class Sink:
    """Where output bytes go."""

    label = "<stdout>"

    def write(self, data: bytes) -> None:
        raise NotImplementedError

    def commit(self) -> None:
        """Make the output final."""

    def abort(self) -> None:
        """Throw the output away (a file output leaves nothing behind)."""


class StdoutSink(Sink):
    """Standard output (unbuffered beyond Python's own buffer)."""

    def __init__(self) -> None:
        self.stream = sys.stdout.buffer

    def write(self, data: bytes) -> None:
        if data:
            try:
                self.stream.write(data)
            except BrokenPipeError:
                raise
            except OSError as exc:
                raise DataError(f"cannot write to standard output: {exc.strerror or exc}") from None

    def commit(self) -> None:
        try:
            self.stream.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise DataError(f"cannot write to standard output: {exc.strerror or exc}") from None

    def abort(self) -> None:
        try:
            self.stream.flush()
        except (OSError, ValueError):
            pass


_OPEN_SINKS: set[AtomicFile] = set()


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


class AtomicFile(Sink):
    """A file written through a temporary file beside it, renamed on :meth:`commit`.

    ``keep_if_identical``: the bytes of the file as it is; when the new output
    is the same, :meth:`commit` leaves the file alone (its time stamps too).
    ``.gz`` targets are gzip-compressed.
    """

    def __init__(self, path: str, *, keep_if_identical: bool = False, compress: bool | None = None) -> None:
        self.path = path
        self.label = path
        self.keep_if_identical = keep_if_identical
        self.identical = True
        target = Path(path)
        parent = target.parent
        try:
            if target.is_dir():
                raise DataError(f"cannot write {path}: it is a folder")
            fd, self.tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".nazif-tmp", dir=parent)
        except DataError:
            raise
        except OSError as exc:
            raise DataError(f"cannot write {path}: {exc.strerror or exc}") from None
        _OPEN_SINKS.add(self)
        self._raw = os.fdopen(fd, "wb", buffering=1 << 20)
        compress = path.endswith(".gz") if compress is None else compress
        self._fh: BinaryIO = (
            gzip.GzipFile(filename=target.name[:-3], mode="wb", fileobj=self._raw, mtime=0)  # type: ignore[assignment]
            if compress
            else self._raw
        )
        self._closed = False

    def write(self, data: bytes) -> None:
        if not data:
            return
        try:
            self._fh.write(data)
        except OSError as exc:
            raise DataError(f"cannot write {self.path}: {exc.strerror or exc}") from None

    def mark_changed(self) -> None:
        """The output differs from the target's current content."""
        self.identical = False

    def _close(self) -> None:
        if not self._closed:
            self._closed = True
            if self._fh is not self._raw:
                self._fh.close()
            self._raw.close()

    def commit(self) -> None:
        try:
            self._close()
            if self.keep_if_identical and self.identical:
                os.unlink(self.tmp)
            else:
                try:
                    mode = stat.S_IMODE(os.stat(self.path).st_mode)
                except OSError:
                    mode = _default_mode()
                os.chmod(self.tmp, mode)
                os.replace(self.tmp, self.path)
        except OSError as exc:
            self.abort()
            raise DataError(f"cannot write {self.path}: {exc.strerror or exc}") from None
        _OPEN_SINKS.discard(self)

    def abort(self) -> None:
        try:
            self._close()
        except OSError:
            pass
        try:
            os.unlink(self.tmp)
        except OSError:
            pass
        _OPEN_SINKS.discard(self)


def abort_all() -> None:
    """Delete every temporary output file still open (on error or interruption)."""
    for sink in list(_OPEN_SINKS):
        sink.abort()
