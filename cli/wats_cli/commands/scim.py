"""``wats scim``: SCIM user provisioning, which authenticates with its own token.

``wats scim token`` prints a new SCIM token (made with the instance's API token); the user
commands read it from ``PYWATS_SCIM_TOKEN``, never from the command line.
"""

from __future__ import annotations

import typer

from wats_cli._types import OutputFormat, output_option

app = typer.Typer(help="SCIM user provisioning (its own token).", no_args_is_help=True)


@app.command()
def token(
    days: int = typer.Option(None, "--days", min=1, help="Days until it expires (server: 90)."),
) -> None:
    """Print a new SCIM token: `export PYWATS_SCIM_TOKEN=$(wats scim token)`."""
    from wats_cli._context import client, state

    jwt = client().scim.create_token(duration_days=days)
    state().secrets.add(jwt)
    typer.echo(jwt)


@app.command()
def users(
    filter: str = typer.Option(None, "--filter", help='A SCIM filter: userName eq "jdoe".'),
    output: OutputFormat = output_option(),
) -> None:
    """List users (needs PYWATS_SCIM_TOKEN: see `wats scim token`)."""
    import os

    from wats_cli._context import client, emit, state

    scim_token = os.environ.get("PYWATS_SCIM_TOKEN", "").strip()
    if scim_token:
        state().secrets.add(scim_token)  # masked in any message
    emit(
        list(client().scim.iter_users(filter=filter)),
        output,
        columns=["id", "userName", "displayName", "active", "externalId"],
    )
