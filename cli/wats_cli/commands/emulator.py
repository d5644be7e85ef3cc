"""``wats emulator``: serve a local WATS-compatible server for demos, tests and offline work."""

from __future__ import annotations

from typing import Any

import typer

app = typer.Typer()


@app.command("emulator")
def emulator(
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on."),
    port: int = typer.Option(8080, "--port", min=0, max=65535, help="TCP port (0: any free one)."),
    db: str = typer.Option(
        ":memory:", "--db", help="SQLite file to keep data across restarts (default: in memory)."
    ),
    token: str = typer.Option(
        None,
        "--token",
        envvar="PYWATS_EMULATOR_TOKEN",
        show_default=False,
        help="Token to accept (default: a new random one, printed at start).",
    ),
    sample_data: bool = typer.Option(
        False,
        "--sample-data",
        help="Load sample products (PCB-1001, PSU-12), a fixture (FX-0001) and a week of test"
        " reports at start, for trying the README's examples.",
    ),
    fault: list[str] = typer.Option(
        [],
        "--fault",
        help="Inject faults (repeatable): 503x3, 429x2:retry-after=1, latency=0.2, drop x2, "
        "rate=0.1,seed=42; add @METHOD /path to target one operation.",
    ),
) -> None:
    """Serve the WATS emulator until interrupted (Ctrl-C).

    Prints `PYWATS_SERVER_URL=...` and `PYWATS_API_TOKEN=...` on stdout: the variables the
    SDK and the CLI read, ready to export in another shell. Ctrl-C stops it gracefully
    (exit code 130, as for any interrupted wats command).
    """
    import sys

    try:
        import uvicorn

        from pywats.testing._app import create_app
        from pywats.testing._faults import Faults
        from pywats.testing._server import bind, new_token
    except ImportError as exc:
        typer.echo(
            f"error: the emulator needs its extra ({exc.name} is missing): "
            "pip install 'pywats[emulator]'",
            err=True,
        )
        raise typer.Exit(3) from None

    faults = Faults()
    for spec in fault:
        try:
            Faults().apply(spec)  # checked now; applied once the sample data is in
        except ValueError as exc:
            raise typer.BadParameter(str(exc), param_hint="--fault") from None
    if not sample_data:
        for spec in fault:
            faults.apply(spec)
    secret = token or new_token()
    try:
        sock = bind(host, port)
    except OSError as exc:
        typer.echo(f"error: cannot listen on {host}:{port}: {exc.strerror or exc}", err=True)
        raise typer.Exit(1) from None
    bound_port = sock.getsockname()[1]
    shown_host = f"[{host}]" if ":" in host else host
    app_ = create_app(db=db, tokens=[secret], faults=faults)
    typer.echo(f"PYWATS_SERVER_URL=http://{shown_host}:{bound_port}")
    typer.echo(f"PYWATS_API_TOKEN={secret}")
    sys.stdout.flush()
    where = "in memory" if db == ":memory:" else db
    extra = f"; faults: {', '.join(fault)}" if fault else ""
    config = uvicorn.Config(
        app_, log_level="warning", access_log=False, lifespan="on", timeout_graceful_shutdown=2
    )
    server = uvicorn.Server(config)
    if sample_data:
        _load_when_started(server, f"http://{shown_host}:{bound_port}", secret, faults, fault)
    else:
        typer.echo(f"WATS emulator serving (data {where}{extra}). Press Ctrl-C to stop.", err=True)
    server.run(sockets=[sock])


def _load_when_started(server: Any, url: str, token: str, faults: Any, specs: list[str]) -> None:
    """Post the sample data from a helper thread once the server accepts requests."""
    import threading
    import time

    def load() -> None:
        deadline = time.monotonic() + 30
        while not server.started and not server.should_exit:
            if time.monotonic() > deadline:
                return
            time.sleep(0.01)
        from pywats.testing._samples import load_samples

        try:
            counts = load_samples(url, token)
        except Exception as exc:  # a demo aid: say so and keep serving
            typer.echo(f"warning: the sample data could not be loaded: {exc}", err=True)
            return
        finally:
            faults.clear()  # the samples' requests are not counted; --fault starts now
            for spec in specs:
                faults.apply(spec)
        typer.echo(
            f"WATS emulator serving with sample data ({counts['products']} products,"
            f" {counts['reports']} reports, asset FX-0001): try `wats product get PCB-1001`."
            " Press Ctrl-C to stop.",
            err=True,
        )

    threading.Thread(target=load, name="wats-emulator-samples", daemon=True).start()
