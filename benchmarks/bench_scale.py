"""Throughput of nazif in the engines, against ``nazif clean --jobs 2``; and two-pass site learning.

Builds a JSONL file as ``benchmarks/bench_cli.py`` does (the shared corpus's
records repeated up to ``--size-mb``; each record gets a ``site`` field, the
source prefix of its id, e.g. ``en-bbc``), then times, with the ``corpus``
preset:

* ``nazif clean --jsonl --field text --jobs 1`` and ``--jobs 2``;
* ``nazif clean ... --site-field site`` (two passes, one process), with the
  peak RSS of the process, at ``--size-mb`` and at a quarter of it (RSS flat
  in input size is the target);
* datatrove: ``JsonlReader -> NazifFilter -> JsonlWriter``, 2 tasks on 2 workers
  (the file split in two), if datatrove is installed;
* Spark ``local[2]``: ``clean_column`` on ``spark.read.json``, written to the
  ``noop`` sink, if pyspark is installed.

Targets (issue 12): Spark and datatrove >= 0.8x the CLI's ``--jobs 2``
throughput; two-pass site learning >= 0.5x single-pass ``--jobs 1``.

Usage::

    python benchmarks/bench_scale.py --size-mb 1000   # the issue's size
    python benchmarks/bench_scale.py --size-mb 20     # quick
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_cli import build, corpus_lines


def with_site(line: bytes) -> bytes:
    rec_id = json.loads(line).get("id", "")
    site = str(rec_id).rsplit("-", 1)[0] if isinstance(rec_id, str) else "site"
    body = line.rstrip(b"\r\n").rstrip()
    return body[:-1] + b', "site": ' + json.dumps(site).encode() + b"}\n"


def run(cmd: list[str]) -> tuple[float, int]:
    """Seconds and peak RSS (MB) of a child process."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(proc.pid, 0)
    dt = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise subprocess.CalledProcessError(proc.returncode, cmd)
    return dt, usage.ru_maxrss // 1024  # this process only (--jobs workers not included)


def bench_datatrove(parts: list[Path], out: Path) -> float | None:
    try:
        from datatrove.executor import LocalPipelineExecutor
        from datatrove.pipeline.readers import JsonlReader
        from datatrove.pipeline.writers import JsonlWriter

        from nazif.datatrove import NazifFilter
    except ImportError:
        return None
    steps = [
        JsonlReader(str(parts[0].parent), glob_pattern="part*.jsonl"),
        NazifFilter("corpus"),
        JsonlWriter(str(out), compression=None),
    ]
    t0 = time.perf_counter()
    LocalPipelineExecutor(steps, tasks=2, workers=2, logging_dir=str(out.parent / "dt-logs")).run()
    return time.perf_counter() - t0


def bench_spark(path: Path) -> float | None:
    try:
        from pyspark.sql import SparkSession

        from nazif.spark import clean_column
    except ImportError:
        return None
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = SparkSession.builder.master("local[2]").config("spark.ui.enabled", "false").getOrCreate()
    try:
        df = spark.read.json(str(path)).repartition(2)
        df.cache().count()  # read before timing: only the cleaning is timed
        t0 = time.perf_counter()
        clean_column(df, "text", preset="corpus").write.format("noop").mode("overwrite").save()
        return time.perf_counter() - t0
    finally:
        spark.stop()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size-mb", type=float, default=20.0)
    ap.add_argument("--tmpdir", default=None)
    args = ap.parse_args()
    lines = [with_site(x) for x in corpus_lines()]
    nazif = [sys.executable, "-m", "nazif", "clean", "--jsonl", "--field", "text", "--preset", "corpus"]
    with tempfile.TemporaryDirectory(prefix="nazif-scale-", dir=args.tmpdir) as tmp:
        t = Path(tmp)
        path = t / "bench.jsonl"
        nbytes, records, _ = build(path, lines, int(args.size_mb * 1e6))
        small = t / "small.jsonl"
        small_bytes, _, _ = build(small, lines, int(args.size_mb * 1e6 / 4))  # at least one corpus
        mb = nbytes / 1e6
        print(f"input: {mb:,.1f} MB JSONL, {records:,} records")
        res: dict[str, float] = {}
        for jobs in (1, 2):
            dt, rss = run([*nazif, "--jobs", str(jobs), str(path), "-o", os.devnull])
            res[f"cli{jobs}"] = dt
            print(f"nazif clean --jobs {jobs}:            {dt:7.1f} s  {mb / dt:6.2f} MB/s")
        dt, rss = run([*nazif, "--site-field", "site", str(path), "-o", os.devnull])
        _dt_s, rss_s = run([*nazif, "--site-field", "site", str(small), "-o", os.devnull])
        print(
            f"nazif clean --site-field (2 passes): {dt:7.1f} s  {mb / dt:6.2f} MB/s  "
            f"{res['cli1'] / dt:.2f}x single-pass --jobs 1 (target >= 0.5); "
            f"peak RSS {rss} MB at {mb:,.0f} MB vs {rss_s} MB at {small_bytes / 1e6:,.0f} MB"
        )
        half = len(lines) // 2
        parts = [t / "dt-in" / "part0.jsonl", t / "dt-in" / "part1.jsonl"]
        parts[0].parent.mkdir()
        with open(path, "rb") as src, open(parts[0], "wb") as a, open(parts[1], "wb") as b:
            for k, line in enumerate(src):
                (a if (k // max(1, half)) % 2 == 0 else b).write(line)
        dt = bench_datatrove(parts, t / "dt-out")
        if dt is None:
            print("datatrove: not installed, skipped")
        else:
            print(
                f"datatrove 2 tasks / 2 workers:      {dt:7.1f} s  {mb / dt:6.2f} MB/s  {res['cli2'] / dt:.2f}x CLI --jobs 2 (target >= 0.8)"
            )
        dt = bench_spark(path)
        if dt is None:
            print("spark: not installed, skipped")
        else:
            print(
                f"spark local[2] clean_column:        {dt:7.1f} s  {mb / dt:6.2f} MB/s  {res['cli2'] / dt:.2f}x CLI --jobs 2 (target >= 0.8)"
            )


if __name__ == "__main__":
    main()
