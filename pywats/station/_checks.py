"""Range checks for the service's numeric settings and the folders' common parameters.

Every value is checked when the instance file is loaded, and the message names the key, the
value and what is allowed: NaN and infinity are refused everywhere (``stable_seconds = inf``
would never take a file, ``rescan_seconds = nan`` never scan), as are values outside a sane
range (``concurrency = 9223372036854775807``).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any, NamedTuple, cast

from pywats.config import ConfigError

__all__ = ["RANGES", "check_finite", "check_number", "check_parameters"]

DAY = 86400.0


class Range(NamedTuple):
    low: float
    low_inclusive: bool
    high: float
    whole: bool
    allowed: str


RANGES: dict[str, Range] = {
    "concurrency": Range(1, True, 64, True, "a whole number of parallel uploads, 1-64"),
    "requests_per_minute": Range(
        0, True, 1_000_000, True, "a whole number of requests per minute, 0 (no limit)-1000000"
    ),
    "upload_timeout": Range(0, False, DAY, False, "seconds, more than 0 and at most 86400"),
    "max_retry_after": Range(0, True, 30 * DAY, False, "seconds, 0-2592000 (30 days)"),
    "retention_days": Range(0, True, 36500, False, "days, 0 (keep for ever)-36500"),
    "min_free_mb": Range(0, True, 1e9, False, "megabytes, 0 (no floor)-1000000000"),
    "poll_seconds": Range(0, False, 3600, False, "seconds, more than 0 and at most 3600"),
    "rescan_seconds": Range(0, False, DAY, False, "seconds, more than 0 and at most 86400"),
    "stable_seconds": Range(0, True, DAY, False, "seconds, 0-86400"),
    "min_age_seconds": Range(0, True, DAY, False, "seconds, 0-86400"),
    "converter_timeout": Range(0, False, DAY, False, "seconds, more than 0 and at most 86400"),
    "max_file_mb": Range(0, True, 1e6, False, "megabytes, 0 (no limit)-1000000"),
    "converter_memory_mb": Range(0, True, 1e7, False, "megabytes, 0 (no cap)-10000000"),
    "shutdown_timeout": Range(0, True, 3600, False, "seconds, 0-3600"),
    "retry_step": Range(0, True, 30 * DAY, False, "a list of seconds 0-2592000, e.g. [5, 60]"),
    "heartbeat_seconds": Range(0, False, DAY, False, "seconds, more than 0 and at most 86400"),
    "breaker_open_seconds": Range(0, True, 3600, False, "seconds, 0-3600"),
    "breaker_failures": Range(1, True, 1000, True, "a whole number of failures, 1-1000"),
}


def check_number(key: str, field: str, value: Any) -> float | int:
    """``value`` if it is a finite number in the range of ``field``, else ``ConfigError``."""
    spec = RANGES[field]
    kinds: tuple[type, ...] = (int,) if spec.whole else (int, float)
    if isinstance(value, bool) or not isinstance(value, kinds):
        raise ConfigError(f"{key} = {value!r} is not allowed; expected {spec.allowed}")
    number = cast("float | int", value)
    if not math.isfinite(number):
        raise ConfigError(f"{key} = {value!r} is not a finite number; expected {spec.allowed}")
    too_low = number < spec.low or (number == spec.low and not spec.low_inclusive)
    if too_low or number > spec.high:
        raise ConfigError(f"{key} = {value!r} is out of range; expected {spec.allowed}")
    return number if spec.whole else float(number)


def check_finite(key: str, value: float) -> None:
    """For settings built in code (attrs validators): refuse NaN and infinity."""
    if isinstance(value, float) and not math.isfinite(value):
        raise ConfigError(f"{key} = {value!r} is not a finite number")


def check_parameters(where: str, parameters: Mapping[str, Any]) -> None:
    """Check the parameters every converter reads (``operation_code``, ``operator``).

    A wrong type here used to send every file to Error/ as if the files were bad.
    """
    code = parameters.get("operation_code")
    if code is not None:
        if isinstance(code, str) and code.strip().isdigit():
            code = int(code)
        if isinstance(code, bool) or not isinstance(code, int) or not 0 <= code <= 2**31 - 1:
            raise ConfigError(
                f"{where}.parameters.operation_code = {parameters['operation_code']!r} is not"
                " allowed; expected a whole number 0-2147483647 (the WATS process code)"
            )
    operator = parameters.get("operator")
    if operator is not None and (not isinstance(operator, str) or not operator.strip()):
        raise ConfigError(
            f"{where}.parameters.operator = {operator!r} is not allowed; expected the"
            " operator's name as text"
        )
