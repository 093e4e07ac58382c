"""Throughput of every registered step and every preset, with ftfy.fix_text as reference.

Usage (from the project root)::

    python benchmarks/bench_steps.py [--lang ar|en|mixed] [--repeat 3] [--no-ftfy]

Reads ``../shared/corpus/*.jsonl.gz`` when present (real news, 21 MB), the
bundled examples otherwise.  Prints MB/s of UTF-8 input per step and preset
(best of ``--repeat`` runs) and the ratio to ``ftfy.fix_text`` measured in the
same run.  Speed is measured here, never asserted in tests.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import nazif
from corpus import best_seconds, corpus_available, load_texts, utf8_megabytes
from nazif import Pipeline
from nazif.steps import get_info, step_names


def paired_seconds(
    func: Callable[[str], object], reference: Callable[[str], object], texts: list[str], repeat: int
) -> tuple[float, float]:
    """Best seconds of ``func`` and of ``reference`` over ``texts``, timed in
    turn (reference, func, reference, func …) so both see the same load."""
    best_func = best_ref = float("inf")
    for _ in range(repeat):
        best_ref = min(best_ref, best_seconds(reference, texts, 1))
        best_func = min(best_func, best_seconds(func, texts, 1))
    return best_func, best_ref


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=["ar", "en", "mixed"], default=None)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-ftfy", action="store_true", help="skip the ftfy reference")
    parser.add_argument("--steps", default="", help="comma-separated subset of steps")
    parser.add_argument("--limit", type=int, default=0, help="use only the first N documents (quick runs)")
    args = parser.parse_args()

    texts = load_texts(args.lang)
    if args.limit > 0:
        texts = texts[: args.limit]
    mb = utf8_megabytes(texts)
    source = "shared corpus" if corpus_available() else "bundled examples"
    print(
        f"nazif {nazif.__version__}: {len(texts)} documents, {mb:.1f} MB UTF-8 ({source}, lang={args.lang or 'all'})"
    )

    ftfy_rate = None
    if not args.no_ftfy:
        try:
            import ftfy
        except ImportError:
            print("ftfy not installed: no reference (pip install -e '.[bench]')")
        else:
            secs = best_seconds(ftfy.fix_text, texts, 1)
            ftfy_rate = mb / secs
            print(f"{'ftfy.fix_text (reference)':34s} {ftfy_rate:8.1f} MB/s")

    def row(label: str, func: Callable[[str], object], repeat: int) -> float:
        secs = best_seconds(func, texts, repeat)
        rate = mb / secs
        ratio = f"  {rate / ftfy_rate:6.1f}x ftfy" if ftfy_rate else ""
        print(f"{label:34s} {rate:8.1f} MB/s{ratio}")
        return secs

    wanted = [s for s in args.steps.split(",") if s] or step_names()
    print("\nsteps")
    for name in wanted:
        info = get_info(name)
        kind = "lossless" if info.lossless else "lossy"
        row(f"  {name} ({kind})", info.func, args.repeat)

    print("\npresets (and explain's cost as a multiple of a plain call of the same preset)")
    if ftfy_rate:
        print("  (each preset timed alternately with ftfy.fix_text, the ratio from the best of each:")
        print("   ftfy's speed drifts with the machine's load, so only alternate timings are comparable)")
    for preset in nazif.preset_names():
        pipeline = Pipeline.from_preset(preset)
        if ftfy_rate:
            plain, reference = paired_seconds(pipeline, ftfy.fix_text, texts, args.repeat)
            print(
                f"  {preset:32s} {mb / plain:8.1f} MB/s  {reference / plain:6.1f}x ftfy (ftfy {mb / reference:.1f} MB/s)"
            )
        else:
            plain = row(f"  {preset}", pipeline, args.repeat)
        explained = best_seconds(pipeline.explain, texts, 1)
        print(f"{'    explain':34s} {mb / explained:8.1f} MB/s  {explained / plain:6.1f}x a plain call")


if __name__ == "__main__":
    main()
