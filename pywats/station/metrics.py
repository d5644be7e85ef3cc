"""``GET /metrics``: the station's state in the Prometheus text format.

The service keeps plain counters (no metrics library on the hot path); at each scrape a
collector turns the service's state into metric families with ``prometheus_client`` (the
optional extra ``pywats[metrics]``). Without the library the route says how to enable it.

::

    pywats_station_queue_rows{state}              rows in the queue by state
    pywats_station_reports_delivered_total        (also _retried_, _parked_, _quarantined_)
    pywats_station_upload_seconds                 histogram of one submission's round trip
    pywats_station_conversions_total{converter}   files converted, by converter
    pywats_station_conversion_errors_total{converter}
    pywats_station_files_waiting                  files found, not yet complete
    pywats_station_breaker_state{state}           1 for the breaker's current state
    pywats_station_server_online                  1 when the last server check passed
    pywats_station_intake_paused                  1 while intake is paused
    pywats_station_up                             1 running, 0 in error
    pywats_station_build_info{version,python,instance}
"""

from __future__ import annotations

import bisect
import platform
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pywats.station.control import StationControl

__all__ = ["BUCKETS", "CONTENT_TYPE", "Histogram", "render"]

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
BUCKETS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)
_PREFIX = "pywats_station_"


class Histogram:
    """Counts of observations per upper bound (``BUCKETS``), their sum and their count."""

    def __init__(self) -> None:
        self.counts = [0] * (len(BUCKETS) + 1)
        self.sum = 0.0
        self.count = 0

    def observe(self, value: float) -> None:
        self.counts[bisect.bisect_left(BUCKETS, value)] += 1
        self.sum += value
        self.count += 1

    def cumulative(self) -> list[tuple[str, int]]:
        """``(upper bound, observations <= bound)`` pairs ending with ``+Inf``."""
        running = 0
        out: list[tuple[str, int]] = []
        for bound, count in zip([*map(str, BUCKETS), "+Inf"], self.counts, strict=True):
            running += count
            out.append((bound, running))
        return out


def render(control: StationControl) -> bytes | None:
    """The metrics page, or None when ``prometheus_client`` is not installed."""
    try:
        from prometheus_client import CollectorRegistry, generate_latest
    except ImportError:
        return None
    registry = CollectorRegistry(auto_describe=False)
    registry.register(_Collector(control))
    body: bytes = generate_latest(registry)
    return body


class _Collector:
    def __init__(self, control: StationControl) -> None:
        self.control = control

    def describe(self) -> list[Any]:
        return []

    def collect(self) -> Any:
        from prometheus_client.core import (
            CounterMetricFamily,
            GaugeMetricFamily,
            HistogramMetricFamily,
        )

        from pywats import __version__

        data = self.control.metrics_data()
        snap = data["snapshot"]
        rows = GaugeMetricFamily(
            _PREFIX + "queue_rows", "Rows in the queue by state", labels=["state"]
        )
        for state, count in sorted(((snap.get("queue") or {}).get("counts") or {}).items()):
            rows.add_metric([state], count)
        yield rows
        for name, key in (
            ("reports_delivered", "delivered"),
            ("reports_retried", "retried"),
            ("reports_parked", "parked"),
            ("reports_quarantined", "quarantined"),
        ):
            yield CounterMetricFamily(
                _PREFIX + name, f"Reports {key} since the service started", value=snap.get(key) or 0
            )
        hist: Histogram = data["upload_seconds"]
        yield HistogramMetricFamily(
            _PREFIX + "upload_seconds",
            "Round trip of one report submission, in seconds",
            buckets=hist.cumulative(),
            sum_value=hist.sum,
        )
        conversions = CounterMetricFamily(
            _PREFIX + "conversions", "Files converted, by converter", labels=["converter"]
        )
        for converter, count in sorted(data["conversions"].items()):
            conversions.add_metric([converter], count)
        yield conversions
        errors = CounterMetricFamily(
            _PREFIX + "conversion_errors",
            "Files that could not be converted, by converter",
            labels=["converter"],
        )
        for converter, count in sorted(data["conversion_errors"].items()):
            errors.add_metric([converter], count)
        yield errors
        yield GaugeMetricFamily(
            _PREFIX + "files_waiting",
            "Files found in the folders, not yet complete",
            value=snap.get("files_waiting") or 0,
        )
        breaker = GaugeMetricFamily(
            _PREFIX + "breaker_state", "1 for the circuit breaker's state", labels=["state"]
        )
        current = str(snap.get("breaker"))
        for state in ("closed", "open", "half_open"):
            breaker.add_metric([state], 1 if current == state else 0)
        yield breaker
        yield GaugeMetricFamily(
            _PREFIX + "server_online",
            "1 when the last check of the server (version + token) passed",
            value=1 if snap.get("server") == "online" else 0,
        )
        yield GaugeMetricFamily(
            _PREFIX + "intake_paused",
            "1 while intake is paused (operator or low disk)",
            value=1 if snap.get("intake_paused") else 0,
        )
        yield GaugeMetricFamily(
            _PREFIX + "up", "1 running, 0 in error", value=0 if snap.get("state") == "error" else 1
        )
        info = GaugeMetricFamily(
            _PREFIX + "build_info",
            "The station's software",
            labels=["version", "python", "instance"],
        )
        info.add_metric([__version__, platform.python_version(), self.control.instance], 1)
        yield info
