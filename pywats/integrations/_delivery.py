"""Commit before send: where a report from a test framework goes, in the order that loses nothing.

::

    report ──► the instance's durable queue (SQLite, fsync'd) ──► a delivery pass, bounded,
      │         the one `wats watch` uploads from                  unless the service runs
      │ (the queue cannot be written)
      ├──► a WSJF file in a spool folder: a [[folders]] entry with converter "wsjf" (the
      │    running service takes it), else <data>/instances/<name>/spool (taken into the
      │    queue by the next `wats queue push` or integration run)
      │ (no folder can be written either)
      ├──► one direct upload attempt
      │ (that failed too)
      └──► the whole report logged at ERROR, the only copy left

Nothing here raises: a test framework must never lose its run because of the upload (OpenHTF
swallows exceptions from output callbacks). Every failure is logged at WARNING or ERROR on the
``pywats.integrations`` logger and described in the returned :class:`Delivery`.
"""

from __future__ import annotations

import json
import logging
import socket
import time
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from pywats.station.config import StationConfig

__all__ = ["Delivery", "commit", "instance_settings"]

log = logging.getLogger("pywats.integrations")


@attrs.frozen(kw_only=True)
class Delivery:
    """Where one report went."""

    report_id: str
    serial_number: str
    instance: str
    outcome: str
    """``delivered``, ``queued`` (delivery left to the service or a later pass), ``parked``
    (refused; kept for an operator), ``spooled``, ``sent`` (directly, unqueued) or ``lost``."""
    queue_id: int | None = None
    where: str = ""
    """The queue file or the spooled file."""
    detail: str = ""
    elapsed_ms: float = 0.0

    @property
    def safe(self) -> bool:
        """Whether the report is durably somewhere (queue, spool or server)."""
        return self.outcome != "lost"

    def summary(self) -> str:
        """One line for a person: where the report is and what happens next."""
        head = f"report {self.report_id} (SN {self.serial_number})"
        push = f"`wats queue push -i {self.instance}`"
        if self.outcome == "delivered":
            return f"{head}: queued as {self.queue_id}; delivered"
        if self.outcome == "queued":
            return f"{head}: queued as {self.queue_id}; {self.detail}"
        if self.outcome == "parked":
            return (
                f"{head}: queued as {self.queue_id}; parked, not delivered: {self.detail}"
                f" (see `wats queue show {self.queue_id} -i {self.instance}`)"
            )
        if self.outcome == "spooled":
            return f"{head}: the queue could not be written ({self.detail}); spooled to" + (
                f" {self.where}; the station service or {push} takes it"
            )
        if self.outcome == "sent":
            return f"{head}: the queue could not be written ({self.detail}); sent directly"
        return f"{head}: NOT SAVED ({self.detail}); the report is in the log"


def instance_settings(instance: str | None, config_path: Path | None = None) -> StationConfig:
    """The instance's settings; its default locations when it has no (readable) file.

    A test run must not lose its report because the station was never configured: the queue
    then lives at the instance's default place and waits for ``wats queue push``.
    """
    from pywats.config import ConfigError, resolve_instance
    from pywats.station.config import load_config
    from pywats.station.push import unconfigured

    name = resolve_instance(instance)
    try:
        return load_config(name, path=config_path, for_service=False)
    except ConfigError as exc:
        log.warning("instance %r: %s; using its default queue", name, exc)
        return unconfigured(name)


def commit(
    report: Mapping[str, Any],
    *,
    instance: str | None = None,
    config_path: Path | None = None,
    deliver: bool = True,
    timeout: float = 10.0,
    source: str = "",
    converter: str = "",
    settings: StationConfig | None = None,
) -> Delivery:
    """Commit one WSJF report to the instance's queue, then deliver it within ``timeout`` s.

    Never raises (see the module). ``deliver=False`` only queues it. ``settings`` (from
    :func:`instance_settings`) saves reading the instance file again.
    """
    started = time.perf_counter()
    data = dict(report)
    report_id = str(data.get("id") or "")
    sn = str(data.get("sn") or "")
    name = instance or "default"
    try:
        if settings is None:
            settings = instance_settings(instance, config_path)
        name = settings.name
        _fill_identity(data, settings)
        delivery = _commit(
            data, settings, deliver=deliver, timeout=timeout, source=source, converter=converter
        )
    except Exception as exc:  # a bug or an unreadable setting: the report must still survive
        log.exception("report %s (SN %s) could not be committed", report_id, sn)
        delivery = _last_resort(data, name, f"{type(exc).__name__}: {exc}", None)
    delivery = attrs.evolve(delivery, elapsed_ms=(time.perf_counter() - started) * 1000)
    level = logging.INFO if delivery.outcome in ("delivered", "queued") else logging.ERROR
    log.log(level, "%s", delivery.summary())
    return delivery


def _fill_identity(data: dict[str, Any], settings: StationConfig) -> None:
    # The same defaults the service gives converted files (machineName = the host name).
    for key, value in (
        ("machineName", settings.station_name or socket.gethostname()[:100]),
        ("location", settings.location),
        ("purpose", settings.purpose),
    ):
        if value and not data.get(key):
            data[key] = value


def _commit(
    data: dict[str, Any],
    settings: StationConfig,
    *,
    deliver: bool,
    timeout: float,
    source: str,
    converter: str,
) -> Delivery:
    from pywats.station.queue import ReportQueue

    report_id, sn = str(data["id"]), str(data.get("sn") or "")
    base = Delivery(report_id=report_id, serial_number=sn, instance=settings.name, outcome="")
    try:
        with ReportQueue(settings.queue_path) as queue:
            queue.add([data], source=source, converter=converter)
            item = queue.find(report_id)
            assert item is not None
    except Exception as exc:
        log.error("the queue %s cannot be written: %s", settings.queue_path, exc)
        return _spool(data, settings, f"{type(exc).__name__}: {exc}")
    queued = attrs.evolve(base, queue_id=item.id, where=str(settings.queue_path))
    if not deliver:
        return attrs.evolve(queued, outcome="queued", detail="delivery not asked for")
    return _deliver(queued, settings, timeout)


def _deliver(queued: Delivery, settings: StationConfig, timeout: float) -> Delivery:
    from pywats.station.push import push
    from pywats.station.queue import ReportQueue, State

    later = f"run `wats queue push -i {settings.name}` or start `wats watch -i {settings.name}`"
    try:
        result = push(settings, timeout=timeout)
    except Exception as exc:
        log.warning("the delivery pass for instance %r failed: %s", settings.name, exc)
        return attrs.evolve(queued, outcome="queued", detail=f"not delivered yet ({exc}); {later}")
    if not result.ran:
        if "running" in result.reason:
            detail = "will be delivered by the station service"
        else:
            detail = (
                f"not delivered: {result.reason}; set it, then run"
                f" `wats queue push -i {settings.name}`"
            )
        return attrs.evolve(queued, outcome="queued", detail=detail)
    with ReportQueue(settings.queue_path) as queue:
        item = queue.find(queued.report_id)
    if item is not None and item.state == State.DELIVERED:
        return attrs.evolve(queued, outcome="delivered")
    if item is not None and item.state == State.PARKED:
        return attrs.evolve(queued, outcome="parked", detail=item.last_error)
    error = item.last_error if item is not None else result.last_error
    return attrs.evolve(
        queued, outcome="queued", detail=f"not delivered yet ({error or 'no time left'}); {later}"
    )


def _spool(data: dict[str, Any], settings: StationConfig, why: str) -> Delivery:
    from pywats._atomic import atomic_file
    from pywats.station.push import spool_dir

    folders = [f.path for f in settings.folders if f.converter == "wsjf"]
    folders.append(spool_dir(settings))
    text = json.dumps(data, ensure_ascii=False)
    for folder in folders:
        target = folder / f"{data['id']}.json"
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            with atomic_file(target, "w") as handle:  # 0600, fsync'd, renamed into place
                handle.write(text)
        except OSError as exc:
            log.error("cannot spool report %s to %s: %s", data["id"], folder, exc)
            continue
        return Delivery(
            report_id=str(data["id"]),
            serial_number=str(data.get("sn") or ""),
            instance=settings.name,
            outcome="spooled",
            where=str(target),
            detail=why,
        )
    return _last_resort(data, settings.name, why + "; no spool folder could be written", settings)


def _last_resort(
    data: dict[str, Any], name: str, why: str, settings: StationConfig | None
) -> Delivery:
    report_id, sn = str(data.get("id") or ""), str(data.get("sn") or "")
    if settings is not None and settings.server_url:
        try:
            _send_directly(data, settings)
        except Exception as exc:
            why = f"{why}; direct upload failed: {exc}"
        else:
            return Delivery(
                report_id=report_id, serial_number=sn, instance=name, outcome="sent", detail=why
            )
    # The only copy left: the whole report in the log, where an operator can take it from.
    log.error(
        "report %s (SN %s) is in no queue, spool or server: %s; its WSJF follows\n%s",
        report_id,
        sn,
        why,
        json.dumps(data, ensure_ascii=False, default=str),
    )
    return Delivery(
        report_id=report_id, serial_number=sn, instance=name, outcome="lost", detail=why
    )


def _send_directly(data: dict[str, Any], settings: StationConfig) -> None:
    from pywats import pyWATS
    from pywats.station.config import read_token

    token = settings.token or read_token(settings.name)
    if not token:
        raise RuntimeError(f"no API token for instance {settings.name!r}")
    api = pyWATS(settings.server_url, token, verify=settings.verify, timeout=10.0, retry=None)
    with api:
        api.report.submit(data)
