"""``wats login``, ``wats logout`` and ``wats ping``: credentials and the connection check."""

from __future__ import annotations

import sys

import typer

from wats_cli._types import OutputFormat, output_option

app = typer.Typer()


def _read_token() -> str:
    """The token from stdin when piped, else from a hidden prompt (never from argv)."""
    if not sys.stdin.isatty():
        # A byte-order mark (a file saved by Notepad) is not part of the token.
        line = sys.stdin.readline().lstrip("\ufeff").strip()
        if not line:
            raise typer.BadParameter(
                "no token on stdin: pipe it in (`wats login < token.txt`), or run `wats login`"
                " on a terminal to type it"
            )
        return line
    return str(typer.prompt("API token (input hidden)", hide_input=True)).strip()


@app.command()
def login(
    verify: bool = typer.Option(
        True, "--verify/--no-verify", help="Check the token against the server before saving it."
    ),
    for_service: bool = typer.Option(
        False,
        "--for-service",
        help="Store it in the instance's 0600 token file for `wats service` (never the keyring).",
    ),
) -> None:
    """Store an API token for the instance (OS keyring, else a private 0600 file).

    The token is read from stdin when it is piped (`wats login < token.txt`), else from a
    hidden prompt; it is never taken as an argument. Create a token in WATS under
    Control Panel → Tokens. A --url given here is saved as the instance's server.url when
    the instance has none yet.
    """
    from pywats.config import get_key, load_instance, save_instance, set_key, warn_plain_http
    from wats_cli._context import client, connection, info, state, token_store, warn

    conn = connection()
    warn_plain_http(conn.url, emit=warn)
    token = _read_token()
    state().secrets.add(token)
    if verify:
        version = client(token).analytics.get_version()
        info(f"Token accepted by {conn.url} (server {version})")
    doc = load_instance(conn.instance)
    if not get_key(doc, "server.url"):
        set_key(doc, "server.url", conn.url)
        save_instance(conn.instance, doc)
    if for_service:
        from pywats.station.deploy.token import store_for_service

        path, owner = store_for_service(conn.instance, token)
        given = f", owned by {owner}" if owner else ""
        info(f"Logged in for the service: instance {conn.instance!r}, token file {path}{given}")
        return
    stored = token_store().save(conn.instance, token)
    if stored.warning:
        warn(stored.warning)
    info(f"Logged in: instance {conn.instance!r}, token stored in {stored.location}")


@app.command()
def logout() -> None:
    """Forget the instance's stored token (keyring and token file)."""
    from wats_cli._context import connection, info, token_store

    name = connection(require_url=False).instance
    if token_store().delete(name):
        info(f"Logged out: removed the token of instance {name!r}")
    else:
        info(f"Instance {name!r} had no stored token")


@app.command()
def ping(output: OutputFormat = output_option()) -> None:
    """Check the server: its version, the round-trip time and whether the token is accepted.

    The latency is that of a second, warm request: the first one also pays for loading the
    client and opening the connection, which says nothing about the server.
    """
    import time

    from wats_cli._context import client, emit

    api = client()
    version = api.analytics.get_version()
    started = time.perf_counter()
    api.analytics.get_version()
    latency_ms = (time.perf_counter() - started) * 1000
    emit(
        {
            "url": api.base_url,
            "server_version": version,
            "latency_ms": round(latency_ms, 1),
            "authenticated": True,
        },
        output,
    )
