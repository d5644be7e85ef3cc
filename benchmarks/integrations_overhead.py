"""What the test-framework integrations add to a run: ms per test and ms at session end.

Run: ``python benchmarks/integrations_overhead.py [N]`` (default 300 tests). Each figure is
the minimum of 3 runs in fresh processes, on a throwaway ``PYWATS_HOME``; run times are the
child's CPU time (steadier than wall time on a shared machine), the session-end and callback
figures wall time measured in-process:

- pytest: N trivial tests that each record one numeric measurement through the ``wats``
  fixture, run with the plugin not loaded (``-p no:pywats.pytest``), loaded but inactive (the
  default), and active (``--wats``); per test = (active - not loaded) / N, session end as the
  plugin measures it (report build + queue commit + delivery).
- Robot Framework: N tests recording one measurement, with and without the listener.
- OpenHTF: the output callback's own time for one 3-measurement record.

"Queue only" runs use an instance without a server URL (commit, no upload); "delivered" runs
add one upload to a local emulator.
"""

from __future__ import annotations

import os
import re
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

N = int(sys.argv[1]) if len(sys.argv) > 1 else 300
RUNS = 3

PYTEST_SUITE = """
import pytest

@pytest.mark.parametrize("i", range({n}))
def test_point(i, wats):
    assert wats.numeric("v", 1.0, low=0.0, high=2.0, unit="V")
"""

ROBOT_SUITE = """
*** Settings ***
Library     pywats.integrations.robot.WatsLibrary
Test Template    Measure

*** Test Cases ***    VALUE
{cases}

*** Keywords ***
Measure
    [Arguments]    ${{value}}
    Record Numeric    v    ${{value}}    low=0    high=2    unit=V
"""

HTF = """
import sys, time
import openhtf as htf
from pywats.integrations.openhtf import to_wats

@htf.measures(htf.Measurement("a").in_range(0, 2), htf.Measurement("b").in_range(0, 2),
              htf.Measurement("c").equals("x"))
def phase(test):
    test.measurements.a = 1.0
    test.measurements.b = 1.5
    test.measurements.c = "x"

callback = to_wats(instance="bench", timeout=5)
test = htf.Test(phase, test_name="BENCH")
test.add_output_callbacks(callback)
test.execute(test_start=lambda: "SN-1")
print("CALLBACK_MS", round(callback.elapsed_ms, 1))
"""


def timed(args: list[str], env: dict[str, str], cwd: Path) -> tuple[float, str]:
    """The child's CPU time (user + system) in ms: steadier than wall time on a busy box."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(args, env=env, cwd=cwd, capture_output=True, text=True, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu * 1000, done.stdout + done.stderr


def best(args: list[str], env: dict[str, str], cwd: Path) -> tuple[float, str]:
    results = [timed(args, env, cwd) for _ in range(RUNS)]
    return min(results, key=lambda r: r[0])


def main() -> None:
    from pywats.testing import Emulator

    with tempfile.TemporaryDirectory() as tmp, Emulator() as server:
        root = Path(tmp)
        home = root / "home"
        config = home / "config" / "instances"
        config.mkdir(parents=True)
        (config / "bench.toml").write_text(
            '[station]\nname = "B"\nlocation = "L"\npurpose = "P"\n', encoding="utf-8"
        )
        (config / "up.toml").write_text(
            f'[server]\nurl = "{server.url}"\n[station]\nname = "B"\nlocation = "L"\n'
            'purpose = "P"\n',
            encoding="utf-8",
        )
        env = {**os.environ, "PYWATS_HOME": str(home), "PYWATS_API_TOKEN": server.token}
        (root / "test_bench.py").write_text(PYTEST_SUITE.format(n=N), encoding="utf-8")
        pytest = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_bench.py"]
        unloaded, _ = best([*pytest, "-p", "no:pywats.pytest"], env, root)
        inactive, _ = best(pytest, env, root)
        active, out = best([*pytest, "--wats", "--wats-instance", "bench"], env, root)
        end_queue = re.findall(r"session end took (\d+) ms", out)
        _, out_up = best([*pytest, "--wats", "--wats-instance", "up"], env, root)
        end_up = re.findall(r"session end took (\d+) ms", out_up)
        print(f"pytest, {N} tests (min of {RUNS} runs):")
        print(f"  plugin not loaded  {unloaded:8.0f} ms")
        for label, ms in (("loaded, inactive", inactive), ("--wats", active)):
            print(f"  {label:18} {ms:8.0f} ms  ({(ms - unloaded) / N:+.3f} ms/test)")
        print(f"  session end: queue only {end_queue} ms, delivered {end_up} ms")

        cases = "\n".join(f"Point {i}    1.0" for i in range(N))
        (root / "bench.robot").write_text(ROBOT_SUITE.format(cases=cases), encoding="utf-8")
        robot = [sys.executable, "-m", "robot", "--output", "NONE", "--report", "NONE"]
        robot += ["--log", "NONE", "--console", "none"]
        plain, _ = best([*robot, "bench.robot"], env, root)
        listener = "pywats.integrations.robot.Wats:instance=bench"
        listened, _ = best([*robot, "--listener", listener, "bench.robot"], env, root)
        out = timed(
            [*robot, "--listener", listener.replace("bench", "up"), "bench.robot"], env, root
        )[1]
        print(
            f"robot, {N} tests: without {plain:.0f} ms, with listener {listened:.0f} ms"
            f" ({(listened - plain) / N:+.3f} ms/test, queue only);"
            f" delivered run: {re.findall(r'WATS: .*', out)}"
        )

        (root / "htf.py").write_text(HTF, encoding="utf-8")
        for instance in ("bench", "up"):
            script = HTF if instance == "bench" else HTF.replace('"bench"', '"up"')
            (root / "htf.py").write_text(script, encoding="utf-8")
            times = [timed([sys.executable, "htf.py"], env, root)[1] for _ in range(RUNS)]
            callbacks = [float(m) for t in times for m in re.findall(r"CALLBACK_MS ([\d.]+)", t)]
            shown = min(callbacks) if callbacks else times[-1][-500:]
            print(f"openhtf callback ({instance}): {shown} ms")


if __name__ == "__main__":
    main()
