"""Reading inputs, decoding with error positions, and writing outputs safely.

Outputs never appear half-written: a file output is written to a temporary
file beside its target and renamed over the target only when everything
succeeded; on an error, Ctrl-C or SIGTERM the temporary file is deleted.
A symbolic link to a file stays a link: the temporary file goes beside the
file it points to and is renamed over that file.  An output that is not a
regular file (a device such as ``/dev/null``, a FIFO, a socket, or a file
descriptor's name such as ``/dev/stdout`` or ``/proc/self/fd/1``) is written
directly, never replaced (see :func:`open_output`).

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
    "DirectFile",
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
    "open_output",
    "read_all",
    "regular_file_problem",
    "resolve_inputs",
    "stdout_binary",
    "utf8_position",
    "write_stdout",
]

STDIN_LABEL = "<stdin>"


def _chunk_size() -> int:
    """Bytes of input per task (1 MiB; records are cut at line ends)."""
    # Undocumented knob for tests (small chunks exercise ordering across tasks).
    try:
        return max(1, int(os.environ.get("NAZIF_CLI_CHUNK_BYTES", "")))
    except ValueError:
        return 1 << 20


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
        if sys.stdin is None:  # started with standard input closed (<&-)
            raise DataError("cannot read standard input: it is closed")
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


def iter_chunks(inp: Input, fh: BinaryIO, cutter: Cutter, size: int | None = None) -> Iterator[bytes]:
    """Stream ``fh`` as chunks of about ``size`` bytes that end where ``cutter`` says.

    ``size`` defaults to the chunk size of this run (read when the stream
    starts, so ``main()`` called in one process honours the test knob).
    Memory stays bounded by the chunk size (or the longest record).
    """
    if size is None:
        size = _chunk_size()
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
def _write_error(label: str, exc: OSError) -> DataError:
    return DataError(f"cannot write {label}: {exc.strerror or exc}")


def stdout_binary() -> BinaryIO:
    """Standard output's byte stream, or a :class:`DataError` when it is closed.

    A program started with its standard output closed (``nazif clean f >&-``)
    has ``sys.stdout`` set to ``None``.
    """
    stream = sys.stdout
    if stream is None:
        raise DataError("cannot write to standard output: it is closed")
    try:
        return stream.buffer  # type: ignore[no-any-return]
    except AttributeError:  # replaced by a text-only stream
        raise DataError("cannot write bytes to standard output") from None


def write_stdout(data: bytes) -> None:
    """Write ``data`` to standard output and flush it (a broken pipe propagates)."""
    sink = StdoutSink()
    sink.write(data)
    sink.flush()


class Sink:
    """Where output bytes go."""

    label = "<stdout>"

    def write(self, data: bytes) -> None:
        raise NotImplementedError

    def flush(self) -> None:
        """Pass what was written on now (for outputs read as they are written)."""

    def commit(self) -> None:
        """Make the output final."""

    def abort(self) -> None:
        """Throw the output away (a file output leaves nothing behind)."""


class StdoutSink(Sink):
    """Standard output (unbuffered beyond Python's own buffer)."""

    def __init__(self) -> None:
        self.stream = stdout_binary()

    def write(self, data: bytes) -> None:
        if data:
            try:
                self.stream.write(data)
            except BrokenPipeError:
                raise
            except (OSError, ValueError) as exc:  # EBADF: closed underneath; ValueError: closed file
                raise DataError(
                    f"cannot write to standard output: {getattr(exc, 'strerror', None) or exc}"
                ) from None

    def flush(self) -> None:
        try:
            self.stream.flush()
        except BrokenPipeError:
            raise
        except (OSError, ValueError) as exc:
            raise DataError(
                f"cannot write to standard output: {getattr(exc, 'strerror', None) or exc}"
            ) from None

    def commit(self) -> None:
        self.flush()

    def abort(self) -> None:
        try:
            self.stream.flush()
        except (OSError, ValueError):
            pass


_OPEN_SINKS: set[Sink] = set()


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _gzip_over(raw: BinaryIO, name: str) -> BinaryIO:
    return gzip.GzipFile(filename=name, mode="wb", fileobj=raw, mtime=0)  # type: ignore[return-value]


class _FileSink(Sink):
    """A sink over an open file (``_raw``), possibly through a gzip layer (``_fh``)."""

    _raw: BinaryIO
    _fh: BinaryIO
    _closed: bool
    label: str

    def write(self, data: bytes) -> None:
        if not data:
            return
        try:
            self._fh.write(data)
        except BrokenPipeError:
            raise  # a FIFO whose reader went away: like a closed pipe on stdout
        except OSError as exc:
            raise _write_error(self.label, exc) from None

    def _close(self) -> None:
        if not self._closed:
            self._closed = True
            try:
                if self._fh is not self._raw:
                    self._fh.close()
            finally:
                self._raw.close()

    def abort(self) -> None:
        """Close without reporting errors (the run is failing already)."""
        try:
            self._close()
        except OSError:
            pass
        _OPEN_SINKS.discard(self)


class AtomicFile(_FileSink):
    """A file written through a temporary file beside it, renamed on :meth:`commit`.

    ``path`` must be where the file really is (not a symbolic link: see
    :func:`open_output`, which resolves links); ``label`` is the name shown in
    messages.  ``keep_if_identical``: the bytes of the file as it is; when the
    new output is the same, :meth:`commit` leaves the file alone (its time
    stamps too).  ``.gz`` targets are gzip-compressed.
    """

    def __init__(
        self,
        path: str,
        *,
        keep_if_identical: bool = False,
        compress: bool | None = None,
        label: str | None = None,
    ) -> None:
        self.path = path
        self.label = label if label is not None else path
        self.keep_if_identical = keep_if_identical
        self.identical = True
        target = Path(path)
        parent = target.parent
        try:
            if target.is_dir():
                raise DataError(f"cannot write {self.label}: it is a folder")
            fd, self.tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".nazif-tmp", dir=parent)
        except DataError:
            raise
        except OSError as exc:
            raise _write_error(self.label, exc) from None
        _OPEN_SINKS.add(self)
        self._raw = os.fdopen(fd, "wb", buffering=1 << 20)
        compress = self.label.endswith(".gz") if compress is None else compress
        self._fh: BinaryIO = _gzip_over(self._raw, target.name[:-3]) if compress else self._raw
        self._closed = False

    def mark_changed(self) -> None:
        """The output differs from the target's current content."""
        self.identical = False

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
            raise _write_error(self.label, exc) from None
        _OPEN_SINKS.discard(self)

    def abort(self) -> None:
        super().abort()
        try:
            os.unlink(self.tmp)
        except OSError:
            pass


class DirectFile(_FileSink):
    """An output that is not a regular file, written directly (opened, never replaced).

    A device (``/dev/null``), a FIFO, or a file descriptor's name
    (``/dev/stdout``, ``/proc/self/fd/1``): there is nothing to rename over,
    and renaming would put a regular file in its place.  A name of one of
    this process's own descriptors writes to that descriptor (so ``-o
    /dev/stdout >> log`` appends, as standard output would).  What was
    written before an error stays written, as with standard output.  Opening
    a FIFO waits for a reader, as the shell's ``>`` does.
    """

    def __init__(
        self, path: str, *, compress: bool | None = None, label: str | None = None, fd: int | None = None
    ) -> None:
        self.path = path
        self.label = label if label is not None else path
        try:
            if fd is not None:
                fd = os.dup(fd)
            else:
                # No O_CREAT: the output exists (it was checked); if it has
                # vanished since, fail rather than leave a regular file there.
                flags = os.O_WRONLY | getattr(os, "O_CLOEXEC", 0)
                if stat.S_ISREG(os.stat(path).st_mode):  # another process's descriptor
                    flags |= os.O_TRUNC
                fd = os.open(path, flags)
        except OSError as exc:
            raise _write_error(self.label, exc) from None
        self._raw = os.fdopen(fd, "wb", buffering=1 << 16)
        _OPEN_SINKS.add(self)
        compress = self.label.endswith(".gz") if compress is None else compress
        self._fh: BinaryIO = _gzip_over(self._raw, "") if compress else self._raw
        self._closed = False

    def flush(self) -> None:
        try:
            self._fh.flush()
            if self._fh is not self._raw:
                self._raw.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise _write_error(self.label, exc) from None

    def commit(self) -> None:
        try:
            self._close()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise _write_error(self.label, exc) from None
        finally:
            _OPEN_SINKS.discard(self)


# A name that stands for an open file descriptor: writing to the file it
# points to is writing to that descriptor, so it is opened, never replaced.
_DESCRIPTOR_NAME = re.compile(
    r"/proc/(?P<pid>self|thread-self|\d+)(?:/task/\d+)?/fd/(?P<fd>\d+)|/dev/(?:fd/(?P<dev_fd>\d+)|(?P<std>stdout|stderr))"
)
_MAX_LINKS = 40  # links followed before giving up (the kernel's own limit)


def _descriptor(path: str) -> int | None:
    """When ``path``, or a symbolic link on the way to its file, is a file
    descriptor's name: the descriptor's number if it is one of this process's
    own, else ``-1``.  ``None`` for any other path."""
    current = os.path.abspath(path)
    for _ in range(_MAX_LINKS):
        m = _DESCRIPTOR_NAME.fullmatch(current)
        if m:
            if m["std"]:
                return 1 if m["std"] == "stdout" else 2
            if m["dev_fd"]:
                return int(m["dev_fd"])
            if m["pid"] in ("self", "thread-self") or int(m["pid"]) == os.getpid():
                return int(m["fd"])
            return -1
        try:
            target = os.readlink(current)
        except (OSError, ValueError):
            return None
        current = os.path.normpath(os.path.join(os.path.dirname(current), target))
    return None


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def regular_file_problem(path: str) -> str | None:
    """Why ``path`` cannot be rewritten in place (``None``: it is a regular file,
    maybe through symbolic links, or it does not exist)."""
    try:
        st = os.stat(path)
    except OSError:
        return None  # reading it reports the problem
    if not stat.S_ISREG(st.st_mode):
        return _kind(st.st_mode)
    if _descriptor(path) is not None:
        return "the name of a file descriptor"
    return None


def open_output(path: str, *, keep_if_identical: bool = False, compress: bool | None = None) -> Sink:
    """The sink that writes the file output ``path``, by what ``path`` is:

    - a regular file, or nothing yet: :class:`AtomicFile` (temporary file
      beside it, renamed over it on success);
    - a symbolic link (to a file, or to nothing yet): the same, beside and
      over the file it points to, so the link stays a link;
    - a device, FIFO, socket or a descriptor's name (``/dev/stdout``,
      ``/proc/self/fd/N``): :class:`DirectFile` (written directly);
    - a folder: a :class:`DataError`.

    ``keep_if_identical`` (``--in-place``) needs a regular file: anything
    else is a :class:`UsageError`.
    """
    try:
        st: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        st = None
    except OSError as exc:  # a link loop, a permission
        raise _write_error(path, exc) from None
    if st is None:
        if _descriptor(path) is not None:
            raise DataError(f"cannot write {path}: that file descriptor is not open")
        # a new file; through a dangling link, the file the link points to
        real = os.path.realpath(path) if os.path.islink(path) else path
        return AtomicFile(real, keep_if_identical=keep_if_identical, compress=compress, label=path)
    if stat.S_ISDIR(st.st_mode):
        raise DataError(f"cannot write {path}: it is a folder")
    descriptor = _descriptor(path)
    if stat.S_ISREG(st.st_mode) and descriptor is None:
        return AtomicFile(
            os.path.realpath(path), keep_if_identical=keep_if_identical, compress=compress, label=path
        )
    if keep_if_identical:
        what = "the name of a file descriptor" if descriptor is not None else _kind(st.st_mode)
        raise UsageError(f"--in-place rewrites regular files, and {path} is {what}")
    own = descriptor if descriptor is not None and descriptor >= 0 else None
    return DirectFile(path, compress=compress, fd=own)


def abort_all() -> None:
    """Delete every temporary output file still open (on error or interruption);
    close the direct outputs."""
    for sink in list(_OPEN_SINKS):
        sink.abort()
