"""``wats demo``: run the whole station pipeline locally against the built-in emulator."""

from __future__ import annotations

import typer

app = typer.Typer()


@app.command("demo")
def demo(
    count: int = typer.Option(12, "--count", min=1, max=10_000, help="Sample result files."),
    keep_running: bool = typer.Option(
        False, "--keep-running", help="Stay up after the summary (Ctrl-C stops)."
    ),
    timeout: float = typer.Option(60.0, "--timeout", min=1.0, help="Give up after seconds."),
    sample_data: bool = typer.Option(
        None,
        "--sample-data/--no-sample-data",
        help="Load the emulator's sample products and reports (default: with --keep-running).",
        show_default=False,
    ),
) -> None:
    """Show the station service at work, with no WATS account needed.

    Starts the WATS emulator in this process, a station instance watching a temporary folder,
    writes sample test results into it (plus one broken file, while the server fails the first
    uploads), shows them flow through, and prints a summary. Exits 0 once the server has
    acknowledged every sample and the broken file is in Error/. With --keep-running it
    prints the emulator's URL and token, and loads sample data (PCB-1001 ...).
    """
    import sys

    try:
        import starlette  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError as exc:
        typer.echo(
            f"error: the demo needs the emulator extra ({exc.name} is missing): "
            "pip install 'pywats[emulator]'",
            err=True,
        )
        raise typer.Exit(3) from None
    from pywats.station.demo import run_demo

    result = run_demo(
        count=count,
        keep_running=keep_running,
        timeout=timeout,
        out=sys.stderr,
        sample_data=sample_data,
    )
    if not result.ok:
        typer.echo(
            f"error: within {timeout:g} s, {result.delivered} of {result.samples} samples were"
            f" acknowledged and {result.rejected_files} of 1 broken file reached Error/",
            err=True,
        )
        raise typer.Exit(1)
