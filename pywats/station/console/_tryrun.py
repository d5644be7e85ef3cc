"""The child process behind "Try a converter": one dry run, its outcome as JSON on stdout.

``python -m pywats.station.console._tryrun FILE [CONVERTER]`` with the converter context as
JSON on stdin (``station_name``, ``location``, ``purpose``, ``parameters``). It prints
``{"converter", "reports", "problems"}`` or ``{"error"}``. Running it in its own process
keeps the converters' modules and memory out of the service, and a timeout really stops it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

__all__ = ["main"]


def main(argv: list[str]) -> int:
    from pywats.config import ConfigError
    from pywats.station.converters import ConversionError, ConverterContext
    from pywats.station.converters.dryrun import dry_run

    context = json.loads(sys.stdin.read() or "{}")
    path = Path(argv[0])
    converter = argv[1] if len(argv) > 1 and argv[1] else None
    try:
        result = dry_run(
            path,
            converter,
            context=ConverterContext(
                station_name=str(context.get("station_name", "")),
                location=str(context.get("location", "")),
                purpose=str(context.get("purpose", "")),
                parameters=dict(context.get("parameters") or {}),
            ),
        )
    except (ConversionError, ConfigError, FileNotFoundError) as exc:
        out: dict[str, object] = {"error": str(exc)}
    except Exception as exc:  # a converter's own bug: report it, do not crash silently
        out = {"error": f"the converter failed: {type(exc).__name__}: {exc}"}
    else:
        # As the service does before it validates: the station's identity fills the gaps.
        from pywats.reports import check

        identity = {
            "machineName": context.get("station_name"),
            "location": context.get("location"),
            "purpose": context.get("purpose"),
        }
        for report in result.reports:
            for key, value in identity.items():
                if value and not report.get(key):
                    report[key] = value
        several = len(result.reports) > 1
        problems = [
            (f"report {i}: " if several else "") + line
            for i, report in enumerate(result.reports)
            for line in check(report)
        ]
        out = {"converter": result.converter, "reports": result.reports, "problems": problems}
    sys.stdout.write(json.dumps(out, ensure_ascii=True, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
