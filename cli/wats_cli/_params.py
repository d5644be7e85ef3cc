"""What every ``wats`` command gets, whoever wrote it: global options anywhere, plain help, fast
parameters.

:class:`~wats_cli._errors.WatsGroup` calls :func:`prepare` once on the finished command tree,
so a command added later (by ``app.command()`` or ``add_typer``) needs nothing of its own:

- **Global options in every position.** ``-i/--instance``, ``--url``, ``-o/--output``,
  ``-v/--verbose``, ``-q/--quiet`` and ``--retries`` are the root's options; a copy of each
  is added to every group and command that does not define the same flag itself, so
  ``wats login -i line2``, ``wats -i line2 login`` and ``wats product get X -o json`` all
  work. A copy only updates the run's :class:`~wats_cli._context.State` (the root callback
  has made it by then); a command's own ``--output`` or ``--instance`` keeps precedence
  because its body reads ``own or state().output``.
- **Help without internal type names.** Typer 0.29 writes ``<str>``, ``<list[str]>``,
  ``<int range>`` and ``{KEY}``; options get a metavar (``N`` for numbers, the choices for
  enums, the name otherwise) and arguments read ``KEY``, ``[KEY]`` and ``FILE...``.
- **No pydantic on the command path.** Typer 0.29 builds a pydantic ``TypeAdapter`` on a
  parameter's first value, which imports pydantic (about 100 ms, most of a cold start). The
  parameter types wats uses (str, int, float, bool, enums, paths, lists of them) are
  converted here instead, with Click's messages; anything else keeps Typer's path. On a
  Typer without that machinery (< 0.29) nothing is replaced.
"""

from __future__ import annotations

import copy
import enum
from pathlib import Path
from typing import Any

import typer

try:  # Typer >= 0.26 vendors Click
    from typer._click import ClickException
except ImportError:  # pragma: no cover - depends on the installed Typer
    from click import ClickException  # type: ignore[assignment]

from wats_cli._types import OutputFormat

__all__ = ["GLOBAL_OPTIONS", "ClickException", "prepare", "tidy_params"]


def _state() -> Any:
    from wats_cli._context import state

    return state()


def _set_instance(ctx: Any, param: Any, value: str | None) -> None:
    if value is not None:
        _state().instance = value


def _set_url(ctx: Any, param: Any, value: str | None) -> None:
    if value is not None:
        _state().url = value


def _set_output(ctx: Any, param: Any, value: Any) -> None:
    if value is not None:
        _state().output = OutputFormat(value)


def _set_verbose(ctx: Any, param: Any, value: int | None) -> None:
    if value:
        from wats_cli._context import set_verbosity

        set_verbosity(_state().verbose + value)


def _set_quiet(ctx: Any, param: Any, value: bool | None) -> None:
    if value:
        _state().quiet = True


def _set_retries(ctx: Any, param: Any, value: int | None) -> None:
    if value is not None:
        _state().retries = value


# The root callback's parameter names, and what a copy of each does with a value.
_SETTERS = {
    "instance": _set_instance,
    "url": _set_url,
    "output": _set_output,
    "verbose": _set_verbose,
    "quiet": _set_quiet,
    "retries": _set_retries,
}

#: The flags every command accepts (a test checks each one on every command).
GLOBAL_OPTIONS = ("-i", "--instance", "--url", "-o", "--output", "-v", "-q", "--retries")


def _copies(templates: list[Any]) -> list[Any]:
    """Copies of the root's global options for one command (a parameter has one owner).

    A copy is the root's own parameter object (whatever class this Typer builds), renamed so
    it cannot clash with a command's parameter, with no default (an absent flag changes
    nothing) and a callback that writes the run's state instead of a function argument.
    """
    out = []
    for template in templates:
        option = copy.copy(template)
        option.name = f"wats_global_{template.name}"
        option.expose_value = False
        option.default = None
        option.show_default = False
        option.callback = _SETTERS[template.name]
        if hasattr(option, "_runtime_param"):
            option._runtime_param = None
        out.append(option)
    return out


def prepare(root: Any) -> None:
    """Give every command below ``root`` the global options, plain help and fast parameters."""
    templates = [p for p in root.params if p.name in _SETTERS]
    _tidy_all(root)
    for sub in (getattr(root, "commands", None) or {}).values():
        _walk(sub, templates)


def tidy_params(command: Any) -> None:
    """Plain help and fast conversion for parameters added after :func:`prepare` (Typer adds
    ``--install-completion`` to the root when it runs)."""
    for param in command.params:
        _tidy(param)


def _walk(command: Any, templates: list[Any]) -> None:
    taken = {opt for p in command.params for opt in (*p.opts, *p.secondary_opts)}
    at = next((i for i, p in enumerate(command.params) if "--help" in p.opts), None)
    at = len(command.params) if at is None else at
    for option in _copies(templates):
        if not taken.intersection(option.opts):
            command.params.insert(at, option)
            at += 1
    _tidy_all(command)
    for sub in (getattr(command, "commands", None) or {}).values():
        _walk(sub, templates)


def _tidy_all(command: Any) -> None:
    for param in command.params:
        _tidy(param)
    # Click makes --help per context, after this walk: tidy it when it is made.
    make_help = getattr(command, "get_help_option", None)
    if make_help is None:
        return

    def get_help_option(ctx: Any) -> Any:
        option = make_help(ctx)
        if option is not None:
            _tidy(option)
        return option

    command.get_help_option = get_help_option


# --- help text and fast conversion for Typer's own parameters ----------------------------


def _tidy(param: Any) -> None:
    descriptor = getattr(param, "type_descriptor", None)
    if descriptor is None:
        return  # a plain Click parameter (ours, or an older Typer's): nothing to change
    annotation = descriptor.annotation
    element = _element(annotation)
    if getattr(param, "param_type_name", "") == "argument":
        if param.metavar is None:
            param.metavar = (param.name or "value").upper()
        _override(param, "display_type_rich", _no_type)
        _override(param, "_usage_display_name", _argument_usage(param))
    elif param.metavar is None and not getattr(param, "is_flag", False):
        param.metavar = _option_metavar(param, element)
    converter = _converter(element, descriptor.parameter_info)
    if converter is not None and hasattr(param, "_runtime_param"):
        param._runtime_param = _FastParam(converter, is_list=element is not annotation)


def _override(param: Any, name: str, value: Any) -> None:
    if hasattr(param, name):
        setattr(param, name, value)


def _no_type(ctx: Any = None) -> None:
    return None


def _argument_usage(param: Any) -> Any:
    def usage() -> str:
        name = str(param.metavar) if param.required else f"[{param.metavar}]"
        return name + "..." if param.nargs != 1 else name

    return usage


def _element(annotation: Any) -> Any:
    args = getattr(annotation, "__args__", None)
    if getattr(annotation, "__origin__", None) is list and args and len(args) == 1:
        return args[0]
    return annotation


def _option_metavar(param: Any, element: Any) -> str:
    if isinstance(element, type) and issubclass(element, enum.Enum):
        return "[" + "|".join(str(m.value) for m in element) + "]"
    if element in (int, float):
        return "N"
    return (param.name or "value").upper()


def _converter(element: Any, info: Any) -> Any:
    """A function str -> value for ``element``, or None to leave it to Typer."""
    if getattr(info, "parser", None) is not None:
        return None
    if element is str:
        return str
    if element is bool:
        return _boolean
    if element in (int, float):
        return _number(element, info.min, info.max, bool(info.clamp))
    if isinstance(element, type) and issubclass(element, enum.Enum):
        return _choice(element, bool(info.case_sensitive))
    if element is Path and not (
        info.exists
        or info.resolve_path
        or info.writable
        or not info.file_okay
        or not info.dir_okay
        or info.path_type is not None
    ):
        return Path
    return None


_TRUE = {"1", "true", "t", "yes", "y", "on"}
_FALSE = {"0", "false", "f", "no", "n", "off", ""}


def _boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE or text in _FALSE:
        return text in _TRUE
    raise ValueError(f"{value!r} is not a valid boolean.")


def _number(kind: type, low: float | None, high: float | None, clamp: bool) -> Any:
    name = "integer" if kind is int else "float"

    def convert(value: Any) -> Any:
        try:
            number = kind(value)
        except (TypeError, ValueError):
            raise ValueError(f"{value!r} is not a valid {name}.") from None
        if clamp:
            number = max(number, low) if low is not None else number
            return min(number, high) if high is not None else number
        if (low is not None and number < low) or (high is not None and number > high):
            if low is not None and high is not None:
                span = f"{low}<=x<={high}"
            else:
                span = f"x>={low}" if low is not None else f"x<={high}"
            raise ValueError(f"{number} is not in the range {span}.")
        return number

    return convert


def _choice(kind: type[enum.Enum], case_sensitive: bool) -> Any:
    def norm(text: str) -> str:
        return text if case_sensitive else text.casefold()

    def convert(value: Any) -> Any:
        if isinstance(value, kind):
            return value
        for member in kind:
            if norm(str(member.value)) == norm(str(value)):
                return member
        names = ", ".join(repr(str(m.value)) for m in kind)
        raise ValueError(f"{value!r} is not one of {names}.")

    return convert


class _FastParam:
    """Converts a parameter's value like Typer's runtime parameter, without pydantic."""

    __slots__ = ("_convert", "_is_list")

    def __init__(self, convert: Any, *, is_list: bool) -> None:
        self._convert = convert
        self._is_list = is_list

    def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
        multi = bool(param.multiple) or param.nargs == -1
        if value is None:
            return () if multi else None
        try:
            if self._is_list or multi:
                if isinstance(value, str):
                    raise ValueError("Value must be an iterable.")
                return [self._convert(v) for v in value]
            return self._convert(value)
        except ValueError as exc:
            raise typer.BadParameter(str(exc), ctx=ctx, param=param) from None
