"""``wats config``: named instance configurations (one TOML file per instance)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import typer

from wats_cli._types import OutputFormat, output_option

if TYPE_CHECKING:
    from pathlib import Path

app = typer.Typer(
    help=(
        "Named configurations (instances): server URL, station identity. Settings are looked"
        " up as flag > environment (PYWATS_SERVER_URL, PYWATS_API_TOKEN, PYWATS_INSTANCE_ID)"
        " > instance file > default. Tokens are not settings: see `wats login`."
    ),
    no_args_is_help=True,
)


def _save(name: str, doc: dict[str, object]) -> Path:
    """Write the instance file once both the client keys and the station service accept it."""
    from pywats.config import instance_path, save_instance, validate_document
    from pywats.station.config import config_from_mapping, instance_paths

    validate_document(doc)
    # The station service owns its sections (folders, queue, upload, ...): its reader judges
    # them, so a file `wats config` writes is one `wats watch` can start from.
    where = instance_paths(name)
    config_from_mapping(
        name, doc, base=instance_path(name).parent, data_path=where.data, log_path=where.log
    )
    return save_instance(name, doc)


@app.command()
def init(
    url: str = typer.Option(None, "--url", help="WATS server address, e.g. https://acme.wats.com."),
    station_name: str = typer.Option(None, "--station-name", help="Station name in reports."),
    location: str = typer.Option(None, "--location", help="Station location."),
    purpose: str = typer.Option(None, "--purpose", help="Station purpose."),
    interactive: bool = typer.Option(
        None,
        "--interactive/--no-input",
        help="Ask for what the flags did not give (default: only when stdin is a terminal).",
        show_default=False,
    ),
) -> None:
    """Create or update the instance's configuration file.

    On a terminal it asks for what the flags did not give (and, hidden, for a token);
    with --no-input or when stdin is not a terminal, only the flags are used.
    """
    from pywats.config import get_key, load_instance, parse_value, set_key
    from wats_cli._context import connection, info, state, token_store, warn

    st = state()
    name = connection(require_url=False).instance
    doc = load_instance(name)
    if interactive is None:
        interactive = sys.stdin.isatty()
    given = {
        "server.url": url or st.url,
        "station.name": station_name,
        "station.location": location,
        "station.purpose": purpose,
    }
    for key, value in given.items():
        if value is None and interactive:
            current = get_key(doc, key)
            value = (
                typer.prompt(
                    f"{key}", default="" if current is None else str(current), show_default=True
                ).strip()
                or None
            )
            if value is None:
                continue
        if value is not None:
            set_key(doc, key, parse_value(key, value))
    if not get_key(doc, "server.url"):
        raise typer.BadParameter(
            "the server URL is required: pass --url https://<your-server>", param_hint="--url"
        )
    path = _save(name, doc)
    info(f"Wrote {path} (instance {name!r})")
    from pywats.config import warn_plain_http

    warn_plain_http(str(get_key(doc, "server.url")), emit=warn)
    if interactive:
        token = typer.prompt(
            "API token (hidden; empty to skip and run `wats login` later)",
            default="",
            show_default=False,
            hide_input=True,
        ).strip()
        if token:
            st.secrets.add(token)
            stored = token_store().save(name, token)
            if stored.warning:
                warn(stored.warning)
            info(f"Token stored in {stored.location}")


@app.command()
def show(output: OutputFormat = output_option()) -> None:
    """Show the settings in effect for the instance, and where each came from."""
    from pywats.config import flatten, instance_path, load_instance
    from wats_cli._context import connection, emit

    conn = connection(require_url=False)
    path = instance_path(conn.instance)
    rows: dict[str, object] = {
        "instance": conn.instance,
        "file": str(path) + ("" if path.exists() else " (not created)"),
        "server.url": conn.url or None,
        "server.url source": conn.url_source,
        "token": f"set ({conn.token_source})"
        if conn.token
        else "not set (run `wats login"
        + ("`)" if conn.instance == "default" else f" -i {conn.instance}`)"),
    }
    for key, value in flatten(load_instance(conn.instance)).items():
        rows.setdefault(key, value)
    emit(rows, output)


@app.command("get")
def get_(
    key: str = typer.Argument(..., metavar="KEY", help="Dotted key, e.g. server.url."),
) -> None:
    """Print one value from the instance file (exit 1 when it is not set)."""
    import json

    from pywats.config import get_key, load_instance
    from wats_cli._context import connection

    name = connection(require_url=False).instance
    value = get_key(load_instance(name), key)
    if value is None:
        typer.echo(f"{key} is not set in instance {name!r}", err=True)
        raise typer.Exit(1)
    if isinstance(value, bool):
        typer.echo("true" if value else "false")
    elif isinstance(value, (dict, list)):
        typer.echo(json.dumps(value))
    else:
        typer.echo(str(value))


@app.command("set")
def set_(
    key: str = typer.Argument(
        ...,
        metavar="KEY",
        help="Dotted key: server.url, station.name, upload.concurrency, queue.retry_ladder, ...",
    ),
    value: str = typer.Argument(..., metavar="VALUE", help="The new value."),
) -> None:
    """Set one value in the instance file (checked before it is written).

    Values are TOML literals: 30, true, [5, 15, 60], "text with spaces" (a bare word is text
    too). Quotes are never stored: "ICT 9" and 'ICT 9' both set the text ICT 9.
    """
    from pywats.config import ConfigError, load_instance, parse_value, set_key
    from pywats.station.config import settable_keys
    from wats_cli._context import connection, info

    name = connection(require_url=False).instance
    doc = load_instance(name)
    try:
        set_key(doc, key, parse_value(key, value, known_only=False))
        path = _save(name, doc)
    except ConfigError as exc:
        known = settable_keys()
        if key in known or not any(w in str(exc) for w in ("unknown key", "not a known key")):
            raise  # a bad value (or a secret): the message names key, value and what to do
        # An unknown key: one complete list, whichever part of pywats owns the key.
        raise ConfigError(
            f"unknown key {key!r}: the keys are {', '.join(known)}"
            " ([[folders]] tables are edited in the file: `wats config path` shows it)"
        ) from None
    info(f"Set {key} in {path}")


@app.command()
def unset(
    key: str = typer.Argument(..., metavar="KEY", help="Dotted key, e.g. station.purpose."),
) -> None:
    """Remove one value from the instance file."""
    from pywats.config import delete_key, load_instance
    from wats_cli._context import connection, info

    name = connection(require_url=False).instance
    doc = load_instance(name)
    if delete_key(doc, key):
        _save(name, doc)
        info(f"Removed {key} from instance {name!r}")
    else:
        info(f"{key} was not set in instance {name!r}")


@app.command()
def path() -> None:
    """Print the path of the instance's configuration file."""
    from pywats.config import instance_path
    from wats_cli._context import connection

    typer.echo(str(instance_path(connection(require_url=False).instance)))


@app.command("list")
def list_(output: OutputFormat = output_option()) -> None:
    """List the configured instances."""
    from pywats.config import get_key, instance_path, list_instances, load_instance
    from wats_cli._context import emit, token_store

    store = token_store()
    rows = [
        {
            "instance": name,
            "server.url": get_key(load_instance(name), "server.url"),
            "token": "stored" if store.load(name) else "none",
            "file": str(instance_path(name)),
        }
        for name in list_instances()
    ]
    emit(rows, output, columns=["instance", "server.url", "token"])
