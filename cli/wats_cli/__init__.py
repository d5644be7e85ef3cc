"""The ``wats`` command (Typer). Thin: parse, call pywats, render."""
