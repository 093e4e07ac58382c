"""Throughput and memory of ``nazif clean`` on a large JSONL file.

Builds a JSONL file by repeating the shared corpus's records (their original
lines, so the JSON is real crawler output) up to ``--size-mb`` (default
1000 MB) in a temporary folder, then runs

    nazif clean --jsonl --field text --preset display FILE > /dev/null

with ``--jobs 1`` and ``--jobs 2``, and reports MB/s (of the JSONL file and of
the text it holds), the time relative to the Python API cleaning the same
texts in one process, and the peak resident memory of the command's main
process and of its process tree.

Also measured: how much this machine actually runs in parallel (two
processes of a pure-Python loop against one), since ``--jobs 2`` cannot
scale better than that.

Targets: ``--jobs 1`` within 1.5x of the API's time; ``--jobs 2`` at least
1.8x faster than ``--jobs 1`` on an idle 2-core machine; peak RSS < 200 MB
regardless of input size.

Usage::

    python benchmarks/bench_cli.py                 # 1 GB
    python benchmarks/bench_cli.py --size-mb 200   # quicker
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"
sys.path.insert(0, str(Path(__file__).resolve().parent))


def corpus_lines() -> list[bytes]:
    """The records of the shared corpus as their original JSON lines (or the
    bundled texts as records when the corpus is absent)."""
    files = [SHARED_CORPUS / f"{lang}.jsonl.gz" for lang in ("ar", "en", "mixed")]
    if all(f.exists() for f in files):
        lines: list[bytes] = []
        for f in files:
            with gzip.open(f, "rb") as fh:
                lines.extend(line if line.endswith(b"\n") else line + b"\n" for line in fh)
        return lines
    from corpus import load_texts  # bundled fallback, says so on stderr

    return [
        json.dumps({"id": i, "text": t}, ensure_ascii=False).encode() + b"\n"
        for i, t in enumerate(load_texts())
    ]


def build(path: Path, lines: list[bytes], size: int) -> tuple[int, int, int]:
    """Write ``lines`` repeatedly to ``path`` until ``size`` bytes; return
    ``(bytes, records, repetitions)``."""
    block = b"".join(lines)
    reps = max(1, -(-size // len(block)))  # at least ``size``
    with open(path, "wb") as fh:
        for _ in range(reps):
            fh.write(block)
    return reps * len(block), reps * len(lines), reps


def _descendants(pid: int) -> list[int]:
    pids = [pid]
    k = 0
    while k < len(pids):
        try:
            with open(f"/proc/{pids[k]}/task/{pids[k]}/children") as fh:
                pids += [int(p) for p in fh.read().split()]
        except OSError:
            pass
        k += 1
    return pids


def _tree_rss(pid: int) -> tuple[int, int]:
    """(largest RSS of one process, summed RSS) in KB over ``pid``'s descendants
    (the nazif process and its workers; ``pid`` itself is /usr/bin/time or nazif)."""
    sizes = []
    for p in _descendants(pid):
        try:
            with open(f"/proc/{p}/status") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        sizes.append(int(line.split()[1]))
        except OSError:
            pass
    return (max(sizes) if sizes else 0, sum(sizes))


TIME = "/usr/bin/time"


def run_cli(path: Path, jobs: int, preset: str) -> dict[str, float]:
    cmd = [
        sys.executable,
        "-m",
        "nazif",
        "clean",
        "--jsonl",
        "--field",
        "text",
        "--preset",
        preset,
        "--jobs",
        str(jobs),
        "--quiet",
        str(path),
    ]
    timed = os.path.exists(TIME)
    if timed:  # GNU time reports the peak RSS of nazif and of the workers it waited for
        cmd = [TIME, "-f", "NAZIF-MAXRSS-KB=%M NAZIF-CPU=%U+%S", *cmd]
    peak = {"one": 0, "sum": 0}
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            one, total = _tree_rss(proc.pid)
            peak["one"] = max(peak["one"], one)
            peak["sum"] = max(peak["sum"], total)
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    err = proc.stderr.read().decode() if proc.stderr else ""
    proc.wait()
    elapsed = time.perf_counter() - start
    done.set()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"nazif clean failed ({proc.returncode}): {err}")
    maxrss = None
    cpu = float("nan")
    for line in err.splitlines():
        if line.startswith("NAZIF-MAXRSS-KB="):
            rss, cpu_text = line.split()
            maxrss = int(rss.split("=")[1]) / 1024
            user, system = cpu_text.split("=")[1].split("+")
            cpu = float(user) + float(system)
    return {
        "seconds": elapsed,
        "cpu": cpu,
        "maxrss_mb": maxrss if maxrss is not None else float("nan"),
        "peak_one_mb": peak["one"] / 1024,
        "peak_tree_mb": peak["sum"] / 1024,
    }


API_SCRIPT = """
import json, sys, time
from nazif.pipeline import Pipeline
path, preset, reps = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open(path, encoding="utf-8") as fh:
    texts = [json.loads(line)["text"] for line in fh if line.strip()]
pipeline = Pipeline.from_preset(preset)
pipeline(texts[0])
t0, c0 = time.perf_counter(), time.process_time()
for _ in range(reps):
    for t in texts:
        pipeline(t)
print(time.perf_counter() - t0, time.process_time() - c0)
"""


def api_seconds(one_pass: Path, preset: str, reps: int) -> tuple[float, float]:
    """Wall and CPU seconds the Python API takes, in a fresh process, to clean
    the texts of one corpus pass ``reps`` times (the texts the command cleans)."""
    out = subprocess.run(
        [sys.executable, "-c", API_SCRIPT, str(one_pass), preset, str(reps)], capture_output=True, text=True
    )
    if out.returncode != 0:
        raise SystemExit(f"the API run failed: {out.stderr}")
    wall, cpu = out.stdout.split()
    return float(wall), float(cpu)


def text_megabytes(lines: list[bytes]) -> float:
    return sum(len(json.loads(line)["text"].encode("utf-8", "surrogatepass")) for line in lines) / 1e6


def parallel_capacity() -> float:
    """How many times more pure-Python work two processes do than one here."""
    code = "import time\nt=time.perf_counter()\nx=0\nfor i in range(6_000_000): x+=i\nprint(time.perf_counter()-t)"

    def timed(n: int) -> float:
        t0 = time.perf_counter()
        procs = [subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.DEVNULL) for _ in range(n)]
        for p in procs:
            p.wait()
        return time.perf_counter() - t0

    one = timed(1)
    two = timed(2)
    return 2 * one / two


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size-mb", type=float, default=1000.0, help="size of the JSONL file (default 1000)")
    ap.add_argument("--jobs", default="1,2", help="comma-separated --jobs values (default 1,2)")
    ap.add_argument("--preset", default="display")
    ap.add_argument("--repeat", type=int, default=1, help="rounds of runs; the best time counts (default 1)")
    ap.add_argument(
        "--tmpdir", default=None, help="where to write the file (default: the system temp folder)"
    )
    args = ap.parse_args()

    lines = corpus_lines()
    with tempfile.TemporaryDirectory(prefix="nazif-bench-", dir=args.tmpdir) as tmp:
        path = Path(tmp) / "bench.jsonl"
        one_pass = Path(tmp) / "one-pass.jsonl"
        one_pass.write_bytes(b"".join(lines))
        t0 = time.perf_counter()
        nbytes, records, reps = build(path, lines, int(args.size_mb * 1e6))
        text_mb = text_megabytes(lines) * reps
        print(
            f"input: {nbytes / 1e6:,.0f} MB JSONL, {records:,} records "
            f"({len(lines):,} corpus records x {reps}), {text_mb:,.0f} MB of text; "
            f"built in {time.perf_counter() - t0:.1f} s"
        )
        capacity = parallel_capacity()
        print(
            f"machine: 2 processes do {capacity:.2f}x the work of 1 (pure-Python loop; ideal 2.00; "
            "less means other programs are using the CPUs)"
        )
        api_time = api_cpu = float("inf")
        results: dict[int, dict[str, float]] = {}
        job_values = [int(j) for j in args.jobs.split(",")]
        for _round in range(args.repeat):  # interleaved rounds; the best time of each counts
            wall, cpu = api_seconds(one_pass, args.preset, reps)
            api_time, api_cpu = min(api_time, wall), min(api_cpu, cpu)
            for jobs in job_values:
                r = run_cli(path, jobs, args.preset)
                best_cpu = min(r["cpu"], results[jobs]["cpu"]) if jobs in results else r["cpu"]
                if jobs not in results or r["seconds"] < results[jobs]["seconds"]:
                    results[jobs] = r
                results[jobs]["cpu"] = best_cpu
        print(
            f"Python API, preset {args.preset}: {api_time:6.1f} s  {text_mb / api_time:6.1f} MB/s of text "
            f"(same texts, one process; {api_cpu:.1f} s CPU)"
        )
        for jobs in job_values:
            r = results[jobs]
            print(
                f"nazif clean --jobs {jobs}: {r['seconds']:6.1f} s  {nbytes / 1e6 / r['seconds']:6.1f} MB/s JSONL  "
                f"{text_mb / r['seconds']:6.1f} MB/s text  time/API {r['seconds'] / api_time:4.2f}x  "
                f"CPU {r['cpu']:.1f} s (CPU/API {r['cpu'] / api_cpu:4.2f}x)  "
                f"peak RSS: {r['maxrss_mb']:.0f} MB (GNU time: largest process), sampled: largest "
                f"{r['peak_one_mb']:.0f} MB, all processes together {r['peak_tree_mb']:.0f} MB"
            )
        if 1 in results and 2 in results:
            speedup = results[1]["seconds"] / results[2]["seconds"]
            print(
                f"--jobs 2 speed-up over --jobs 1: {speedup:.2f}x "
                f"(this machine's parallelism allowed {capacity:.2f}x when measured)"
            )


if __name__ == "__main__":
    main()
