"""OpenHTF → WATS: an output callback that commits each test record before it sends it.

::

    import openhtf as htf
    from pywats.integrations.openhtf import to_wats

    test = htf.Test(power, response, test_name="PCB-3003")
    test.add_output_callbacks(to_wats(instance="ict"))
    test.execute(test_start=lambda: "SN-7007")

The record is converted in-process with the OpenHTF converter's mapping (the one ``wats
watch`` applies to ``OutputToJSON`` files, see :mod:`pywats.station.converters.openhtf`),
committed to the instance's durable queue and then delivered by a bounded pass unless the
station service runs (:mod:`pywats.integrations._delivery`). OpenHTF ignores exceptions raised
by output callbacks, so this callback raises none: it logs on the ``pywats.integrations``
logger, and a record it cannot convert is kept as OpenHTF JSON under
``<data>/instances/<name>/spool/unconverted/``.
"""

from __future__ import annotations

import json
import logging
import time
from pathlib import Path
from typing import Any

from pywats.integrations._delivery import Delivery, commit, instance_settings

__all__ = ["WatsOutput", "to_wats"]

log = logging.getLogger("pywats.integrations")


class WatsOutput:
    """The output callback :func:`to_wats` returns; ``last`` is the latest :class:`Delivery`."""

    def __init__(
        self,
        instance: str | None,
        *,
        config: Path | None,
        deliver: bool,
        timeout: float,
        parameters: dict[str, Any],
    ) -> None:
        self.instance = instance
        self.config = config
        self.deliver = deliver
        self.timeout = timeout
        self.parameters = parameters
        self.last: Delivery | None = None
        self.elapsed_ms = 0.0
        """Time the last call took, conversion and delivery included."""

    def __call__(self, test_record: Any) -> None:
        started = time.perf_counter()
        try:
            self.last = self._handle(test_record)
        except Exception:  # never into OpenHTF: it would swallow it without a word
            log.exception("the OpenHTF record could not be handed to WATS")
        self.elapsed_ms = (time.perf_counter() - started) * 1000

    def _handle(self, test_record: Any) -> Delivery | None:
        from pywats.station.converters import ConverterContext
        from pywats.station.converters.openhtf import record_to_report

        record = record_as_json(test_record)
        settings = instance_settings(self.instance, self.config)
        context = ConverterContext(
            station_name=settings.station_name,
            location=settings.location,
            purpose=settings.purpose,
            parameters=self.parameters,
        )
        try:
            report = record_to_report(record, context, name="OpenHTF record").to_wsjf()
        except Exception as exc:
            self._keep_unconverted(record, settings.queue_path.parent, exc)
            return None
        return commit(
            report,
            instance=settings.name,
            config_path=self.config,
            deliver=self.deliver,
            timeout=self.timeout,
            source=f"openhtf:{record.get('dut_id')}",
            converter="openhtf",
            settings=settings,
        )

    def _keep_unconverted(self, record: dict[str, Any], data_dir: Path, exc: Exception) -> None:
        from pywats._atomic import atomic_file

        folder = data_dir / "spool" / "unconverted"
        name = f"{record.get('dut_id') or 'record'}-{record.get('start_time_millis') or 0}.json"
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            with atomic_file(folder / name, "w") as handle:
                json.dump(record, handle)
        except OSError as write_error:
            log.error(
                "the OpenHTF record of %s cannot be converted (%s) nor kept (%s); it follows\n%s",
                record.get("dut_id"),
                exc,
                write_error,
                json.dumps(record, default=str),
            )
            return
        log.error(
            "the OpenHTF record of %s cannot be converted: %s; kept as %s",
            record.get("dut_id"),
            exc,
            folder / name,
        )


def record_as_json(test_record: Any) -> dict[str, Any]:
    """The record as ``OutputToJSON`` writes it (attachments inline, base64)."""
    from openhtf.output.callbacks import json_factory

    encoded = json_factory.convert_test_record_to_json(test_record)
    value = json.loads("".join(json_factory.stream_json(encoded)))
    if not isinstance(value, dict):
        raise TypeError("OpenHTF encoded the record as something other than an object")
    return value


def to_wats(
    instance: str | None = None,
    *,
    config: Path | None = None,
    deliver: bool = True,
    timeout: float = 10.0,
    part_number: str | None = None,
    revision: str | None = None,
    process_code: int | None = None,
    operator: str | None = None,
) -> WatsOutput:
    """An OpenHTF output callback that sends each test record to WATS without losing it.

    Args:
        instance: the station instance (default: ``PYWATS_INSTANCE_ID``, else ``default``);
            its queue is the one ``wats watch -i NAME`` uploads from.
        config: the instance's TOML file, when not the default one.
        deliver: after committing, try to deliver (when no service runs); False only queues.
        timeout: seconds the delivery attempt may take at most.
        part_number, revision: used when the record's metadata names none (default: the
            test name, ``1``).
        process_code: the WATS process (operation) code (default 10).
        operator: used when the record's metadata has no ``operator_name``.
    """
    parameters: dict[str, Any] = {}
    for key, value in (
        ("pn", part_number),
        ("rev", revision),
        ("operation_code", process_code),
        ("operator", operator),
    ):
        if value is not None:
            parameters[key] = value
    return WatsOutput(
        instance, config=config, deliver=deliver, timeout=timeout, parameters=parameters
    )
