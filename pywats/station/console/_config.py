"""The Configuration page: the instance file as a form, checked, saved, hot-reloaded.

A changed field is parsed by :func:`pywats.config.parse_value` (what ``wats config set``
does), then the whole document is checked by :func:`pywats.config.validate_document` and the
station's own reader :func:`pywats.station.config.config_from_mapping` (what ``wats config``
runs before it writes): the same rules, the same messages (key, value, what is allowed).
Only a document that passes is written, atomically, and the running service re-reads it
(``control.reload()``); if the service still refuses it, the previous file is put back.
The token is not a setting: it is never shown here and cannot be set here.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import attrs
from starlette.responses import RedirectResponse, Response

from pywats.station.console._web import Ctx

__all__ = ["FIELDS", "FOLDER_FIELDS", "config_page", "config_save"]


@attrs.frozen
class Field:
    key: str
    label: str
    attribute: str
    """The StationConfig attribute that shows the value in effect."""
    hint: str = ""
    choices: tuple[str, ...] = ()


FIELDS = (
    Field("server.url", "Server URL", "server_url", "https://acme.wats.com"),
    Field("server.verify", "Verify TLS", "verify", "true, false or a CA bundle file"),
    Field("station.name", "Station name", "station_name", "machineName on reports"),
    Field("station.location", "Location", "location"),
    Field("station.purpose", "Purpose", "purpose"),
    Field("upload.concurrency", "Parallel uploads", "concurrency", "1-64"),
    Field("upload.timeout", "Upload timeout (s)", "upload_timeout"),
    Field("upload.requests_per_minute", "Requests / minute", "requests_per_minute", "0 = no limit"),
    Field("queue.retry_ladder", "Retry ladder (s)", "retry_ladder", "[5, 15, 60, 300, 900]"),
    Field("queue.retention_days", "Keep delivered (days)", "retention_days"),
    Field("queue.min_free_mb", "Minimum free disk (MB)", "min_free_mb"),
    Field("intake.poll_seconds", "Poll every (s)", "poll_seconds"),
    Field("intake.rescan_seconds", "Full rescan every (s)", "rescan_seconds"),
    Field("intake.stable_seconds", "File stable for (s)", "stable_seconds"),
    Field("intake.min_age_seconds", "Minimum file age (s)", "min_age_seconds"),
    Field("intake.converter_timeout", "Converter timeout (s)", "converter_timeout"),
    Field("service.shutdown_timeout", "Shutdown grace (s)", "shutdown_timeout"),
)
FOLDER_FIELDS = (
    Field("path", "Folder", "path"),
    Field("converter", "Converter", "converter", "wsjf, csv, junit, ... or module:Class"),
    Field("patterns", "Patterns", "patterns", "comma-separated, e.g. *.csv, *.txt"),
    Field("post_action", "After upload", "post_action", choices=("move", "delete", "zip", "keep")),
    Field("observer", "Watch with", "observer", choices=("auto", "native", "polling")),
    Field("recursive", "Subfolders", "recursive", choices=("false", "true")),
)
_FIELD_KEYS = {f.key for f in FIELDS}


def shown(value: Any) -> str:
    """A value as the form shows it: text as is, anything else as a TOML literal."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return _literal(value)


def _literal(value: Any) -> str:
    """A TOML literal on one line: ``true``, ``30.0``, ``"text"``, ``[5.0, 15.0]``."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # a valid TOML basic string
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_literal(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k} = {_literal(v)}" for k, v in value.items()) + "}"
    return json.dumps(str(value))


def _folder_shown(raw: Any, name: str) -> str:
    value = raw.get(name) if isinstance(raw, dict) else None
    if name == "patterns" and isinstance(value, list):
        return ", ".join(str(p) for p in value)
    if name == "recursive":
        return "true" if value is True else "false"
    if value is None and name in {"post_action", "observer"}:
        return {"post_action": "move", "observer": "auto"}[name]
    return shown(value)


def _form_values(doc: dict[str, Any]) -> dict[str, str]:
    from pywats.config import get_key

    values = {f.key: shown(get_key(doc, f.key)) for f in FIELDS}
    for index, raw in enumerate(doc.get("folders") or []):
        for field in FOLDER_FIELDS:
            values[f"folders.{index}.{field.key}"] = _folder_shown(raw, field.key)
    return values


def _others(doc: dict[str, Any]) -> list[tuple[str, str]]:
    """Keys of the file this form does not edit (shown read-only), secrets left out."""
    from pywats.config import flatten

    out = []
    for key, value in flatten({k: v for k, v in doc.items() if k != "folders"}).items():
        if key in _FIELD_KEYS or key.rsplit(".", 1)[-1].lower() in {"token", "api_token"}:
            continue
        out.append((key, shown(value)))
    return out


def _effective(ctx: Ctx) -> dict[str, str]:
    config = ctx.control.config
    return {f.key: shown(_plain(getattr(config, f.attribute, None))) for f in FIELDS}


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def _render(
    ctx: Ctx,
    doc: dict[str, Any],
    values: dict[str, str],
    errors: dict[str, str],
    general: list[str],
    status: int = 200,
) -> Response:
    return ctx.render(
        "config.html",
        status,
        fields=FIELDS,
        folder_fields=FOLDER_FIELDS,
        folder_count=len(doc.get("folders") or []),
        values=values,
        effective=_effective(ctx),
        errors=errors,
        general=general,
        others=_others(doc),
        path=ctx.control.config_path,
        saved=ctx.request.query_params.get("saved") == "1",
    )


def _read(path: Path) -> dict[str, Any]:
    from pywats.config import read_toml

    return read_toml(path)


async def config_page(ctx: Ctx) -> Response:
    from pywats.config import ConfigError

    try:
        doc = _read(ctx.control.config_path)
    except ConfigError as exc:
        return ctx.render("message.html", 500, title="The instance file is broken", text=str(exc))
    return _render(ctx, doc, _form_values(doc), {}, [])


def apply_form(
    doc: dict[str, Any], before: dict[str, str], form: dict[str, str]
) -> tuple[dict[str, Any], dict[str, str]]:
    """The document with the fields the user changed; errors by key for values refused."""
    from pywats.config import ConfigError, delete_key, parse_value, set_key

    new = copy.deepcopy(doc)
    errors: dict[str, str] = {}
    for field in FIELDS:
        text = form.get(field.key)
        if text is None or text.strip() == before.get(field.key, ""):
            continue
        text = text.strip()
        try:
            if text:
                set_key(new, field.key, parse_value(field.key, text, known_only=False))
            else:
                delete_key(new, field.key)
        except ConfigError as exc:
            errors[field.key] = str(exc)
    for index, raw in enumerate(new.get("folders") or []):
        if not isinstance(raw, dict):
            continue
        for field in FOLDER_FIELDS:
            key = f"folders.{index}.{field.key}"
            text = form.get(key)
            if text is None or text.strip() == before.get(key, ""):
                continue
            text = text.strip()
            if field.key == "patterns":
                patterns = [p.strip() for p in text.split(",") if p.strip()]
                if patterns:
                    raw["patterns"] = patterns
                else:
                    raw.pop("patterns", None)
            elif field.key == "recursive":
                raw["recursive"] = text == "true"
            elif text:
                raw[field.key] = text
            else:
                raw.pop(field.key, None)
    return new, errors


def check(ctx: Ctx, doc: dict[str, Any]) -> None:
    """The checks ``wats config`` runs before writing an instance file (raise ConfigError)."""
    from pywats.config import validate_document
    from pywats.station.config import config_from_mapping, instance_paths

    path = ctx.control.config_path
    validate_document(doc, base=path.parent)
    where = instance_paths(ctx.control.instance)
    config_from_mapping(
        ctx.control.instance, doc, base=path.parent, data_path=where.data, log_path=where.log
    )


def _key_of(message: str) -> str:
    for field in FIELDS:
        if field.key in message:
            return field.key
    for field in FIELDS:  # attrs validators name the attribute: "concurrency = 0 must be ..."
        if message.startswith((f"{field.attribute} ", f"{field.key} ")):
            return field.key
    return ""


async def config_save(ctx: Ctx) -> Response:
    from pywats._atomic import atomic_file
    from pywats.config import ConfigError, write_toml

    path = ctx.control.config_path
    try:
        previous = path.read_bytes()
        doc = _read(path)
    except (OSError, ConfigError) as exc:
        return ctx.render("message.html", 500, title="The instance file is broken", text=str(exc))
    before = _form_values(doc)
    submitted = {**before, **{k: v for k, v in ctx.form.items() if k in before}}
    new, errors = apply_form(doc, before, ctx.form)
    if errors:
        return _render(ctx, doc, submitted, errors, [], 422)
    try:
        check(ctx, new)
    except ConfigError as exc:
        key, message = _key_of(str(exc)), str(exc)
        if key and key not in message:  # attrs names the attribute only: say which key
            message = f"{key}: {message}"
        return _render(ctx, doc, submitted, {key: message} if key else {}, [message], 422)
    if new == doc:
        return RedirectResponse(ctx.url("config?saved=1"), status_code=303)
    write_toml(path, new)
    try:
        await ctx.control.reload()
    except ConfigError as exc:
        with atomic_file(path, "wb") as handle:  # the service keeps what it runs: so does the file
            handle.write(previous)
        message = f"the service refused the new configuration, nothing changed: {exc}"
        return _render(ctx, doc, submitted, {}, [message], 422)
    return RedirectResponse(ctx.url("config?saved=1"), status_code=303)
