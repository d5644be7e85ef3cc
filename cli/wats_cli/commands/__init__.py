"""One module per command group; each imports only typer and the stdlib at top level."""
