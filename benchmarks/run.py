"""Run every benchmark, one after another, each printing its table.

QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/run.py [--quick]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

BENCHMARKS = {
    "start-up": ("bench_startup.py", ["--runs", "15"], ["--runs", "5"]),
    "start-up on X": ("bench_startup_x.py", ["--runs", "15"], ["--runs", "5"]),
    "ticket latency": ("bench_ticket.py", ["--runs", "40"], ["--runs", "10"]),
    "taps": ("bench_taps.py", ["--cycles", "40"], ["--cycles", "5"]),
    "printing": ("bench_printing.py", [], []),
    "queue": ("bench_queue.py", ["--tickets", "200"], ["--tickets", "50"]),
    "display": ("bench_display.py", ["--calls", "30"], ["--calls", "10"]),
    "report queries at scale": (
        "bench_reports_scale.py",
        ["--days", "365", "--per-day", "500"],
        ["--days", "30", "--per-day", "100", "--runs", "3"],
    ),
    "reports and review pack": (
        "bench_reports.py",
        ["--days", "365", "--per-day", "1000"],
        ["--days", "30", "--per-day", "200"],
    ),
    "messenger": ("bench_messenger.py", [], ["--events", "10", "--backlog", "200"]),
    "soak": ("bench_soak.py", ["--journeys", "10000"], ["--journeys", "200", "--every", "100"]),
}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="fewer runs (a smoke test)")
    parser.add_argument("only", nargs="*", help=f"run only these: {', '.join(BENCHMARKS)}")
    args = parser.parse_args()
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    status = 0
    for name, (script, full, quick) in BENCHMARKS.items():
        if args.only and name not in args.only:
            continue
        if not (HERE / script).exists():
            continue
        print(f"\n=== {name}", flush=True)
        done = subprocess.run(
            [sys.executable, str(HERE / script), *(quick if args.quick else full)],
            env=env,
            check=False,
        )
        status |= done.returncode
    return status


if __name__ == "__main__":
    raise SystemExit(main())
