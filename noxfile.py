"""Developer sessions: ``nox -s tests lint types regenerate bench reliability``."""

from __future__ import annotations

import nox

nox.options.sessions = ["lint", "types", "tests"]
nox.options.reuse_existing_virtualenvs = True

PYTHON = ["3.11"]


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """Run the default test suite (fast; loopback only)."""
    session.install("-e", ".[dev]")
    session.run("pytest", *session.posargs)


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    """Ruff lint and format check, and the sync twin drift check."""
    session.install("ruff==0.17.6")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("python", "scripts/unasync.py", "--check")


@nox.session(python=PYTHON)
def types(session: nox.Session) -> None:
    """Mypy, strict, over the hand-written packages."""
    session.install("-e", ".[dev]")
    session.run("mypy")


@nox.session(python=PYTHON)
def regenerate(session: nox.Session) -> None:
    """Regenerate generated/wats_api from openapi/wats.yaml (``-- --check`` to only compare)."""
    session.run("python", "scripts/regenerate.py", *session.posargs, external=True)


@nox.session(python=PYTHON)
def bench(session: nox.Session) -> None:
    """Side-by-side benchmarks into benchmarks/results.md and README's table (``-- --only 4 6``)."""
    session.install("-e", ".[dev]")
    session.run("python", "benchmarks/run.py", *session.posargs)


@nox.session(python=PYTHON)
def reliability(session: nox.Session) -> None:
    """The full reliability suite (minutes): crash torture, faults, bad input, secrets."""
    session.install("-e", ".[dev]")
    session.run(
        "pytest",
        "tests/reliability",
        *session.posargs,
        env={"PYWATS_RELIABILITY_FULL": "1"},
    )
