"""Where ``nazif`` writes, and how it fails: devices, FIFOs, symbolic links,
descriptor names, a closed standard output, and inputs too deep or too big.

Most tests call the command's :func:`nazif.cli.main` in this process (stdout
and stderr captured by pytest); the few that need a real closed descriptor or a
real pipe run it as a subprocess.  Device tests write only to ``/dev/null``
and ``/dev/full`` (or, as root, to copies of those nodes made in a temporary
folder, so a regression cannot replace the real ones) and check afterwards
that they are still character devices.
"""

from __future__ import annotations

import errno
import json
import multiprocessing
import os
import stat
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import nazif
from nazif.cli import main
from nazif.cli.errors import UsageError
from nazif.cli.io import AtomicFile, DirectFile, open_output
from nazif.cli.records import JSONLineError, field_trie, locate_fields

posix_only = pytest.mark.skipif(os.name != "posix", reason="needs POSIX devices, FIFOs and descriptors")
linux_only = pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="needs /proc/self/fd")

DOC = "  Breaking\u00a0news:  the deal\u200b is off.  \n"
CLEAN = nazif.clean(DOC).rstrip("\n") + "\n"  # what ``nazif clean`` writes for DOC
DEEP = "[" * 100_000


def one_line(err: str) -> str:
    """``err`` is exactly one ``nazif:`` line, no traceback."""
    assert "Traceback" not in err, err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith("nazif: "), err
    return lines[0]


def leftovers(*folders: Path) -> list[str]:
    return sorted(p.name for folder in folders for p in folder.iterdir() if "nazif-tmp" in p.name)


@pytest.fixture
def doc(tmp_path: Path) -> Path:
    src = tmp_path / "doc.txt"
    src.write_text(DOC, encoding="utf-8")
    return src


# -- devices -------------------------------------------------------------------------
def _char_device(path: str) -> os.stat_result:
    try:
        st = os.stat(path)
    except OSError:
        pytest.skip(f"{path} does not exist here")
    if not stat.S_ISCHR(st.st_mode):
        pytest.skip(f"{path} is not a character device here")
    return st


def _device_node(tmp_path: Path, name: str) -> Iterator[Path]:
    """``/dev/<name>``; as root, a node of the same device made in ``tmp_path``
    (root could replace the real one if the code regressed).  Checks after the
    test that the node is still the same character device."""
    real = f"/dev/{name}"
    st = _char_device(real)
    path = Path(real)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        copy = tmp_path / f"{name}-node"
        try:
            os.mknod(copy, stat.S_IFCHR | 0o666, st.st_rdev)
            os.close(os.open(copy, os.O_WRONLY))  # a nodev mount refuses to open it
            path = copy
        except (OSError, AttributeError):
            pytest.skip("running as root, and no device node can be made in a temporary folder")
    yield path
    after = os.lstat(path)
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == st.st_rdev, f"{path} was replaced"
    assert stat.S_ISCHR(os.lstat(real).st_mode)


@pytest.fixture(params=["null", "full"])
def device(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Path]:
    yield from _device_node(tmp_path, request.param)


@pytest.fixture
def full(tmp_path: Path) -> Iterator[Path]:
    yield from _device_node(tmp_path, "full")


@posix_only
@pytest.mark.parametrize("real", ["/dev/null", "/dev/full"])
def test_the_real_device_nodes_are_opened_not_replaced(real):
    st = _char_device(real)
    sink = open_output(real)
    try:
        assert isinstance(sink, DirectFile), type(sink)
    finally:
        sink.abort()  # an AtomicFile would delete its temporary file here, never rename
    with pytest.raises(UsageError, match="character device"):
        open_output(real, keep_if_identical=True)
    assert os.lstat(real).st_rdev == st.st_rdev and stat.S_ISCHR(os.lstat(real).st_mode)


@posix_only
@pytest.mark.parametrize("option", ["-o", "--report"])
def test_output_onto_a_device_is_written_directly(device, doc, option, capsys):
    report = ["--report-all"] if option == "--report" else []
    code = main(["clean", *report, str(doc), option, str(device)])
    out, err = capsys.readouterr()
    if device.name.startswith("full"):
        assert code == 1
        assert one_line(err) == f"nazif: cannot write {device}: {os.strerror(errno.ENOSPC)}"
    else:
        assert code == 0, err
        assert err == ""
    if option == "--report" and code == 0:
        assert out == CLEAN
    assert leftovers(doc.parent) == []


@posix_only
def test_dev_full_error_is_one_line_for_a_big_output_and_with_workers(full, tmp_path, capsys):
    big = tmp_path / "big.jsonl"
    big.write_text("".join(json.dumps({"text": f"record  {i}"}) + "\n" for i in range(50_000)))
    for args in (["-o", str(full)], ["--jobs", "2", "-o", str(full)]):
        assert main(["clean", str(big), *args]) == 1
        assert os.strerror(errno.ENOSPC) in one_line(capsys.readouterr().err)
    assert leftovers(tmp_path) == []


# -- FIFOs -----------------------------------------------------------------------------
def _reader(path: Path) -> tuple[threading.Thread, list[bytes]]:
    got: list[bytes] = []

    def read() -> None:
        with open(path, "rb") as fh:
            got.append(fh.read())

    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    return thread, got


def _unblock(path: Path) -> None:
    """Open the FIFO at both ends without blocking, so whoever waits on it goes on."""
    fd = os.open(path, os.O_RDWR | os.O_NONBLOCK)
    os.close(fd)


def _in_thread(func: Callable[[], int], fifo: Path, timeout: float = 30) -> int:
    result: list[int] = []
    thread = threading.Thread(target=lambda: result.append(func()), daemon=True)
    thread.start()
    thread.join(timeout)
    if thread.is_alive():
        _unblock(fifo)
        thread.join(5)
        raise AssertionError("the command blocked on the FIFO")
    return result[0]


@posix_only
@pytest.mark.parametrize("option", ["-o", "--report"])
def test_output_onto_a_fifo_streams_into_it(tmp_path, doc, option, capsys):
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    reader, got = _reader(fifo)
    report = ["--report-all"] if option == "--report" else []
    code = main(["clean", *report, str(doc), option, str(fifo)])
    reader.join(30)
    out, err = capsys.readouterr()
    assert code == 0, err
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert leftovers(tmp_path) == []
    if option == "-o":
        assert got == [CLEAN.encode("utf-8")]
    else:
        assert out == CLEAN
        entries = [json.loads(line) for line in got[0].splitlines()]
        assert entries and all(e["file"] == str(doc) for e in entries)


@posix_only
def test_in_place_on_a_fifo_or_a_device_is_refused_before_reading(tmp_path, doc, capsys):
    fifo = tmp_path / "in.fifo"
    os.mkfifo(fifo)
    code = _in_thread(lambda: main(["clean", "--in-place", str(doc), str(fifo)]), fifo)
    assert code == 2
    assert one_line(capsys.readouterr().err) == (
        f"nazif: --in-place rewrites regular files, and {fifo} is a FIFO"
    )
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert doc.read_text(encoding="utf-8") == DOC  # nothing was cleaned
    if os.path.exists("/dev/null") and stat.S_ISCHR(os.stat("/dev/null").st_mode):
        assert main(["clean", "--in-place", "/dev/null"]) == 2
        assert "character device" in one_line(capsys.readouterr().err)


# -- descriptor names --------------------------------------------------------------------
@linux_only
def test_proc_self_fd_of_a_pipe_is_written_to_the_pipe(doc, capsys):
    r, w = os.pipe()
    try:
        with open(r, "rb", closefd=False) as rfh:
            got: list[bytes] = []
            thread = threading.Thread(target=lambda: got.append(rfh.read()), daemon=True)
            thread.start()
            code = main(["clean", str(doc), "-o", f"/proc/self/fd/{w}"])
            os.close(w)
            w = -1
            thread.join(30)
    finally:
        os.close(r)
        if w >= 0:
            os.close(w)
    assert code == 0, capsys.readouterr().err
    assert got == [CLEAN.encode("utf-8")]


@linux_only
@pytest.mark.parametrize("name", ["/dev/stdout", "/proc/self/fd/1"])
def test_stdout_names_write_to_the_descriptor_even_when_it_is_a_regular_file(tmp_path, doc, name):
    # fd 1 is a regular file opened for appending: the output is added to it,
    # the file is not replaced, and nothing named "... (deleted)" appears.
    log = tmp_path / "log.txt"
    log.write_text("before\n")
    with open(log, "ab") as fh:
        proc = subprocess.run(
            [sys.executable, "-m", "nazif", "clean", str(doc), "-o", name],
            stdout=fh,
            stderr=subprocess.PIPE,
            timeout=60,
        )
    assert proc.returncode == 0, proc.stderr.decode()
    assert log.read_text(encoding="utf-8") == "before\n" + CLEAN
    assert sorted(p.name for p in tmp_path.iterdir()) == ["doc.txt", "log.txt"]


@posix_only
def test_a_closed_descriptor_name_is_one_line(doc, capsys):
    fd = os.open(os.devnull, os.O_RDONLY)
    os.close(fd)  # now certainly not open
    name = f"/dev/fd/{fd}" if os.path.isdir("/dev/fd") else f"/proc/self/fd/{fd}"
    assert main(["clean", str(doc), "-o", name]) == 1
    assert "cannot write" in one_line(capsys.readouterr().err)


# -- symbolic links ------------------------------------------------------------------------
@posix_only
@pytest.mark.parametrize("option", ["-o", "--report"])
def test_a_symlink_output_stays_a_link_and_its_target_is_written(tmp_path, doc, option, capsys):
    real_dir, link_dir = tmp_path / "real", tmp_path / "links"
    real_dir.mkdir()
    link_dir.mkdir()
    target = real_dir / "out.txt"
    target.write_text("old\n")
    target.chmod(0o640)
    link = link_dir / "out.txt"
    link.symlink_to(os.path.relpath(target, link_dir))
    report = ["--report-all"] if option == "--report" else []
    code = main(["clean", *report, str(doc), option, str(link)])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert link.is_symlink() and link.resolve() == target.resolve()
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    if option == "-o":
        assert target.read_text(encoding="utf-8") == CLEAN
    else:
        assert out == CLEAN
        assert json.loads(target.read_text(encoding="utf-8").splitlines()[0])["file"] == str(doc)
    assert leftovers(real_dir, link_dir) == []


@posix_only
def test_a_chain_of_links_and_a_dangling_link(tmp_path, doc, capsys):
    target = tmp_path / "final.txt"
    (tmp_path / "mid").symlink_to("final.txt")
    (tmp_path / "first").symlink_to("mid")
    assert main(["clean", str(doc), "-o", str(tmp_path / "first")]) == 0
    assert target.read_text(encoding="utf-8") == CLEAN  # created through the dangling chain
    assert (tmp_path / "first").is_symlink() and (tmp_path / "mid").is_symlink()
    (tmp_path / "nowhere").symlink_to("missing-folder/x.txt")
    assert main(["clean", str(doc), "-o", str(tmp_path / "nowhere")]) == 1
    assert "cannot write" in one_line(capsys.readouterr().err)
    (tmp_path / "loop1").symlink_to("loop2")
    (tmp_path / "loop2").symlink_to("loop1")
    assert main(["clean", str(doc), "-o", str(tmp_path / "loop1")]) == 1
    assert "cannot write" in one_line(capsys.readouterr().err)
    assert (tmp_path / "loop1").is_symlink()
    assert leftovers(tmp_path) == []


@posix_only
def test_in_place_on_a_symlink_cleans_the_target_and_keeps_the_link(tmp_path, capsys):
    data = tmp_path / "data"
    data.mkdir()
    target = data / "doc.txt"
    target.write_text(DOC, encoding="utf-8")
    target.chmod(0o600)
    link = tmp_path / "doc-link.txt"
    link.symlink_to(target)
    assert main(["clean", "--in-place", str(link)]) == 0, capsys.readouterr().err
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text(encoding="utf-8") == CLEAN
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert leftovers(tmp_path, data) == []


def test_open_output_resolves_a_link_to_its_target(tmp_path):
    target = tmp_path / "t.txt"
    target.write_text("x")
    link = tmp_path / "l.txt"
    try:
        link.symlink_to(target)
    except OSError:
        pytest.skip("no symbolic links here")
    sink = open_output(str(link))
    try:
        assert isinstance(sink, AtomicFile)
        assert Path(sink.path) == target.resolve() and sink.label == str(link)
        assert Path(sink.tmp).parent == target.resolve().parent
    finally:
        sink.abort()


def test_report_onto_a_folder_is_one_line(tmp_path, doc, capsys):
    folder = tmp_path / "reports"
    folder.mkdir()
    assert main(["clean", str(doc), "--report", str(folder)]) == 1
    assert one_line(capsys.readouterr().err) == f"nazif: cannot write {folder}: it is a folder"
    assert list(folder.iterdir()) == []


# -- inputs nested too deeply, or too big ---------------------------------------------------
def test_json_nested_too_deeply_is_a_json_line_error():
    with pytest.raises(JSONLineError, match="nested deeper than the JSON parser allows"):
        locate_fields('{"text": "a", "x": ' + DEEP + "}", 0, field_trie(["text"]))
    with pytest.raises(JSONLineError, match="nested deeper"):
        locate_fields('{"text": ' + DEEP + "}", 0, field_trie(["text"]))


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_deep_json_record_is_one_line_or_skipped(tmp_path, jobs, capsys):
    src = tmp_path / "deep.jsonl"
    good = json.dumps({"text": "a  b"})
    src.write_text(good + "\n" + '{"text": "x", "n": ' + DEEP + "}\n" + good + "\n")
    assert main(["clean", "--jobs", jobs, str(src)]) == 1
    msg = one_line(capsys.readouterr().err)
    assert msg.startswith(f"nazif: {src}:2: invalid JSON") and "nested deeper" in msg
    assert main(["clean", "--jobs", jobs, "--on-error", "skip", str(src)]) == 0
    out, err = capsys.readouterr()
    assert out == json.dumps({"text": "a b"}) + "\n" + json.dumps({"text": "a b"}) + "\n"
    assert "nested deeper" in err and "Traceback" not in err


def test_deep_json_in_explain_segments_and_config(tmp_path, capsys):
    src = tmp_path / "deep.jsonl"
    src.write_text('{"text": ' + DEEP + "}\n")
    for command in (["explain", str(src)], ["segments", str(src)]):
        assert main(command) == 1
        assert "nested deeper" in one_line(capsys.readouterr().err)
    config = tmp_path / "steps.json"
    config.write_text(DEEP)
    assert main(["clean", "--config", str(config), str(src)]) == 2
    assert "nested deeper" in one_line(capsys.readouterr().err)
    # an option value is a JSON literal when it is one; this one is kept as text
    code = main(["clean", "--steps", "normalize_whitespace:x=" + "[" * 5000, str(tmp_path / "none.txt")])
    assert code == 2
    one_line(capsys.readouterr().err)


def _raise_memory(self, task):  # a Cleaner.run that runs out of memory
    raise MemoryError


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_memory_error_is_one_line(monkeypatch, doc, jobs, capsys):
    if jobs == "2" and multiprocessing.get_start_method() != "fork":
        pytest.skip("workers see the patched cleaner only when forked")
    monkeypatch.setattr("nazif.cli.engine.Cleaner.run", _raise_memory)
    assert main(["clean", "--jobs", jobs, str(doc)]) == 1
    assert one_line(capsys.readouterr().err).startswith("nazif: out of memory")


def test_recursion_error_anywhere_is_one_line(monkeypatch, doc, capsys):
    def deep(self, task):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr("nazif.cli.engine.Cleaner.run", deep)
    assert main(["clean", str(doc)]) == 1
    assert "nested too deeply" in one_line(capsys.readouterr().err)


# -- a closed standard output -------------------------------------------------------------------
@pytest.mark.parametrize(
    "command",
    [["clean"], ["explain"], ["segments"], ["steps"], ["presets"]],
    ids=lambda c: c[0],
)
def test_stdout_none_is_one_line(monkeypatch, doc, command, capsys):
    args = [*command, str(doc)] if command[0] in ("clean", "explain", "segments") else command
    monkeypatch.setattr(sys, "stdout", None)
    assert main(args) == 1
    assert one_line(capsys.readouterr().err) == "nazif: cannot write to standard output: it is closed"


class _BadFD:
    """A standard output whose descriptor was closed underneath it."""

    class _Buffer:
        def write(self, data: bytes) -> int:
            raise OSError(errno.EBADF, os.strerror(errno.EBADF))

        def flush(self) -> None:
            pass

    def __init__(self) -> None:
        self.buffer = self._Buffer()

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, os.strerror(errno.EBADF))

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        raise OSError(errno.EBADF, os.strerror(errno.EBADF))


@pytest.mark.parametrize("command", [["clean"], ["explain"], ["steps"]], ids=lambda c: c[0])
def test_stdout_ebadf_is_one_line(monkeypatch, doc, command, capsys):
    args = [*command, str(doc)] if command[0] != "steps" else command
    monkeypatch.setattr(sys, "stdout", _BadFD())
    assert main(args) == 1
    assert one_line(capsys.readouterr().err) == (
        f"nazif: cannot write to standard output: {os.strerror(errno.EBADF)}"
    )


def _close_stdout() -> None:
    os.close(1)


@posix_only
def test_started_with_stdout_closed(tmp_path, doc):
    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "nazif", *args],
            stdin=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            preexec_fn=_close_stdout,
            timeout=60,
        )

    for args in (["clean", str(doc)], ["steps"], ["clean", "--jobs", "2", str(doc)]):
        proc = run(*args)
        assert proc.returncode == 1, proc.stderr
        assert one_line(proc.stderr.decode()) == "nazif: cannot write to standard output: it is closed"
    out = tmp_path / "out.txt"
    proc = run("clean", str(doc), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert out.read_text(encoding="utf-8") == CLEAN
    assert leftovers(tmp_path) == []


# -- a closed pipe -------------------------------------------------------------------------------
@posix_only
@pytest.mark.parametrize(
    "args",
    [["clean", "--lines"], ["segments"], ["clean", "--lines", "-o", "/dev/stdout"]],  # the file comes last
    ids=["clean", "segments", "dev-stdout"],
)
def test_head_closing_the_pipe_is_quiet(tmp_path, args):
    src = tmp_path / "many.txt"
    # segments writes a line per segment (many writes: 20 000 lines are plenty, and
    # segmenting 200 000 takes seconds); clean writes the document in one piece,
    # which must be big enough that writes go on after the reader has gone
    lines = 20_000 if args[0] == "segments" else 200_000
    src.write_text("".join(f"line  {i} عربي\n" for i in range(lines)), encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "nazif", *args, str(src)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read()
    assert proc.wait(timeout=120) == 141
    assert err == b""


@posix_only
def test_a_fifo_whose_reader_goes_away_is_a_quiet_broken_pipe(tmp_path, capsys):
    src = tmp_path / "many.txt"
    src.write_text("".join(f"line  {i}\n" for i in range(300_000)), encoding="utf-8")
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)

    def read_a_little() -> None:
        with open(fifo, "rb") as fh:
            fh.read(100)

    reader = threading.Thread(target=read_a_little, daemon=True)
    reader.start()
    code = _in_thread(lambda: main(["clean", "--lines", str(src), "-o", str(fifo)]), fifo, timeout=120)
    reader.join(30)
    assert code == 141
    assert capsys.readouterr().err == ""
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def _close_stderr() -> None:
    os.close(2)


@posix_only
def test_started_with_stderr_closed_still_runs_and_exits_with_the_code(tmp_path):
    src = tmp_path / "deep.jsonl"
    src.write_text(json.dumps({"text": "a  b"}) + "\n" + '{"text": ' + DEEP + "}\n")
    for args, code, out in (
        (["--on-error", "skip"], 0, json.dumps({"text": "a b"}) + "\n"),
        ([], 1, json.dumps({"text": "a b"}) + "\n"),
    ):
        proc = subprocess.run(
            [sys.executable, "-m", "nazif", "clean", *args, str(src)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            preexec_fn=_close_stderr,
            timeout=60,
        )
        assert proc.returncode == code
        assert proc.stdout.decode() == out
