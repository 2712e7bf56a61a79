"""Benchmark: the command line's start-up, whole processes (not a timed test).

Run ``python bench/bench_cli.py [RUNS]``. It starts ``disclosure-flow deadline …`` (a
deadline with a pause, an extension and ``--as-of``, explanation printed) and
``python -c "import disclosure_flow"`` in turn, RUNS times each (21 by default) after a
warm-up, and prints the medians of their wall-clock and CPU times and of the ratio of
each pair (pairing keeps the ratio steady when the machine's speed drifts). It also
lists which layers the deadline command loaded (``python -X importtime`` shows the
same). Target: the deadline command ≤ 1.3× the import, wall clock; a target not met
prints a ``MISSED`` line (and the exit status is 1).
"""

from __future__ import annotations

import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

TARGET = 1.3
DEADLINE = [
    "deadline",
    "2026-09-28",
    "--pause",
    "2026-10-12:2026-10-20:third_party",
    "--extend",
    "10:负责人:2026-10-26",
    "--as-of",
    "2026-11-20",
]


def command() -> list[str]:
    """``disclosure-flow`` as installed beside this interpreter, else ``python -m``."""
    script = Path(sys.executable).with_name("disclosure-flow")
    found = str(script) if script.exists() else shutil.which("disclosure-flow")
    return [found] if found else [sys.executable, "-m", "disclosure_flow"]


def run(argv: list[str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system) of one process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def loaded_layers(argv: list[str]) -> list[str]:
    """The subpackages of disclosure_flow the command imported."""
    code = (
        "import sys; from disclosure_flow.cli import main; main(sys.argv[1:]); "
        "print(' '.join(sorted({m.split('.')[1] for m in sys.modules "
        "if m.startswith('disclosure_flow.') and m.count('.') >= 1})), file=sys.stderr)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, *argv], check=True, capture_output=True, text=True
    )
    return out.stderr.strip().splitlines()[-1].split()


def main(argv: list[str]) -> int:
    runs = int(argv[1]) if len(argv) > 1 else 21
    deadline = [*command(), *DEADLINE]
    baseline = [sys.executable, "-c", "import disclosure_flow"]
    run(deadline)
    run(baseline)  # warm-up: the files in the page cache
    a_wall, a_cpu, b_wall, b_cpu = [], [], [], []
    for _ in range(runs):
        wall, cpu = run(deadline)
        a_wall.append(wall)
        a_cpu.append(cpu)
        wall, cpu = run(baseline)
        b_wall.append(wall)
        b_cpu.append(cpu)
    wall_ratio = statistics.median(a / b for a, b in zip(a_wall, b_wall, strict=True))
    cpu_ratio = statistics.median(a / b for a, b in zip(a_cpu, b_cpu, strict=True))
    ms = 1e3
    print(f"whole processes, {runs} pairs, medians")
    print(f"  A {' '.join(deadline[:2])} …")
    print(f"  B {' '.join(baseline)}")
    print(f"{'':12}{'A ms':>10}{'B ms':>10}{'A/B':>8}")
    print(
        f"{'wall clock':12}{statistics.median(a_wall) * ms:>10.1f}"
        f"{statistics.median(b_wall) * ms:>10.1f}{wall_ratio:>7.2f}×   target ≤ {TARGET}×"
    )
    print(
        f"{'CPU':12}{statistics.median(a_cpu) * ms:>10.1f}"
        f"{statistics.median(b_cpu) * ms:>10.1f}{cpu_ratio:>7.2f}×"
    )
    print("layers the deadline command loaded:", " ".join(loaded_layers(DEADLINE)))
    if wall_ratio > TARGET:
        print(f"MISSED: the deadline command {wall_ratio:.2f}× the import, target ≤ {TARGET}×")
        return 1
    print("target met")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
