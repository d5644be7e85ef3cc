"""The report filter options ``wats report query`` and ``export`` share, and their OData.

``--pn``, ``--sn``, ``--since``, ``--until``, ``--result``, ``--station`` and ``--filter`` (an
extra OData expression) are joined with ``and``. Typer + stdlib at import; pywats on use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from wats_cli._types import ReportResult, parse_time

if TYPE_CHECKING:
    from pywats import Filter

__all__ = ["ODATA", "PN", "RESULT", "SINCE", "SN", "STATION", "UNTIL", "report_filter"]

PN = typer.Option(None, "--pn", help="Part number.")
SN = typer.Option(None, "--sn", help="Serial number.")
SINCE = typer.Option(None, "--since", help="Started at or after: 2026-11-01, 7d, 12h.")
UNTIL = typer.Option(None, "--until", help="Started before this time.")
RESULT = typer.Option(None, "--result", help="Overall result.")
STATION = typer.Option(None, "--station", help="Station (machine) name.")
ODATA = typer.Option(None, "--filter", help="An extra OData $filter expression.")


def report_filter(
    *,
    pn: str | None = None,
    sn: str | None = None,
    since: str | None = None,
    until: str | None = None,
    result: ReportResult | None = None,
    station: str | None = None,
    odata: str | None = None,
) -> Filter | None:
    """The OData filter the options ask for (None: every report).

    Raises:
        typer.BadParameter: ``--since``/``--until`` is not a time.
    """
    from pywats import F, Filter

    terms: list[Filter] = []
    if pn:
        terms.append(F("partNumber").eq(pn))
    if sn:
        terms.append(F("serialNumber").eq(sn))
    if since:
        terms.append(F("start").ge(parse_time(since, "--since")))
    if until:
        terms.append(F("start").lt(parse_time(until, "--until")))
    if result is not None:
        terms.append(F("result").eq(result.word))
    if station:
        terms.append(F("stationName").eq(station))
    if odata:
        terms.append(Filter(f"({odata})"))
    where = None
    for term in terms:
        where = term if where is None else where & term
    return where
