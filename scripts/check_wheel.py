"""Check that the wheel stands alone: build it, install it into a fresh venv, run it.

    python scripts/check_wheel.py          # exit 1 naming the step that failed

Builds ``pywats-*.whl`` with ``pip wheel --no-deps``, makes a venv in a temporary folder (no
source tree, no ``../shared`` next to it), installs ``<wheel>[emulator]``, then from that
folder runs ``wats --version`` and ``wats demo`` (emulator + station + samples; exits 0), and
checks that ``pywats`` was imported from the venv and that the wheel carries its LICENSE.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(argv: list[str], *, cwd: Path, env: dict[str, str], timeout: float) -> str:
    started = time.monotonic()
    done = subprocess.run(
        argv, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    took = time.monotonic() - started
    print(f"  {' '.join(Path(a).name if i == 0 else a for i, a in enumerate(argv))}: {took:.1f} s")
    if done.returncode != 0:
        sys.stderr.write(done.stdout + done.stderr)
        raise SystemExit(f"check_wheel: {argv[0]} ... exited {done.returncode}")
    return done.stdout


def main() -> int:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYWATS_", "PYTHONPATH"))}
    with tempfile.TemporaryDirectory(prefix="pywats-wheel-") as tmp:
        work = Path(tmp)
        env["PYWATS_HOME"] = str(work / "home")
        print("check_wheel:")
        _run(
            [
                sys.executable,
                "-m",
                "pip",
                "wheel",
                "--quiet",
                "--no-deps",
                "-w",
                str(work),
                str(ROOT),
            ],
            cwd=work,
            env=env,
            timeout=300,
        )
        (wheel,) = work.glob("pywats-*.whl")
        with zipfile.ZipFile(wheel) as archive:
            if not any(name.endswith(".dist-info/licenses/LICENSE") for name in archive.namelist()):
                raise SystemExit(f"check_wheel: {wheel.name} carries no LICENSE")
        venv = work / "venv"
        # No pip inside the venv (ensurepip takes ~25 s here): this pip installs into it.
        _run(
            [sys.executable, "-m", "venv", "--without-pip", str(venv)],
            cwd=work,
            env=env,
            timeout=120,
        )
        scripts = venv / ("Scripts" if os.name == "nt" else "bin")
        python = scripts / "python"
        _run(
            [
                sys.executable,
                "-m",
                "pip",
                "--python",
                str(python),
                "install",
                "-q",
                f"{wheel}[emulator]",
            ],
            cwd=work,
            env=env,
            timeout=600,
        )
        where = _run(
            [str(python), "-c", "import pywats, wats_cli; print(pywats.__file__)"],
            cwd=work,
            env=env,
            timeout=60,
        )
        if not Path(where.strip()).is_relative_to(venv):
            raise SystemExit(f"check_wheel: pywats came from {where.strip()}, not the venv")
        wats = str(scripts / "wats")
        print("  " + _run([wats, "--version"], cwd=work, env=env, timeout=60).strip())
        _run([wats, "demo"], cwd=work, env=env, timeout=180)
        print(f"check_wheel: {wheel.name} installs and runs on its own")
    return 0


if __name__ == "__main__":
    sys.exit(main())
