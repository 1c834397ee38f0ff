"""Cold start to the first painted welcome screen, beside a bare PySide6 window
measured the same way in the same run (each in a fresh interpreter, alternating).

    python benchmarks/bench_startup.py [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

CHILD = Path(__file__).resolve().parent / "first_paint.py"


def measure(mode: str, data_dir: str) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    done = subprocess.run(
        [sys.executable, str(CHILD), mode, data_dir],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        cwd=CHILD.parent.parent,
        timeout=60,
    )
    return float(done.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    results: dict[str, list[float]] = {"bare": [], "kiosk": []}
    with tempfile.TemporaryDirectory() as data_dir:
        measure("kiosk", data_dir)  # first run creates the database; not counted
        for _ in range(args.runs):
            for mode in results:
                results[mode].append(measure(mode, data_dir))
    bare, kiosk = statistics.median(results["bare"]), statistics.median(results["kiosk"])
    print(f"\n{'start-up to first paint':32} {'median s':>9} {'p95 s':>7}")
    for mode, label in (("bare", "bare PySide6 window"), ("kiosk", "kiosk welcome screen")):
        values = sorted(results[mode])
        p95 = statistics.quantiles(values, n=20)[18] if len(values) > 1 else values[0]
        print(f"{label:32} {statistics.median(values):>9.3f} {p95:>7.3f}")
    print(f"{'ratio (goal ≤ 1.5)':32} {kiosk / bare:>9.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
