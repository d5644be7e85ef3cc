from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pywats.station.config import ConfigError
from pywats.station.converters import (
    ConversionError,
    Converter,
    ConverterContext,
    available_converters,
    load_converter,
    report_to_dict,
)
from pywats.station.converters.wsjf import WSJFConverter


class Upper(Converter):
    name = "upper"
    patterns = ("*.txt",)

    def convert(self, path: Path, context: ConverterContext) -> list[dict[str, Any]]:
        return [{"type": "T", "sn": path.read_text().upper(), "pn": "P"}]


class NotAConverter:
    pass


def test_loads_the_wsjf_converter_by_entry_point() -> None:
    assert "wsjf" in available_converters()
    converter = load_converter("wsjf")
    assert isinstance(converter, WSJFConverter)
    assert converter.patterns == ("*.json", "*.wsjf")


def test_loads_by_module_and_class() -> None:
    converter = load_converter(f"{__name__}:Upper")
    assert converter.name == "upper"


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("nosuch", "not an installed converter; use one of .*wsjf"),
        ("nosuch.module:X", "cannot be loaded"),
        (f"{__name__}:Missing", "cannot be loaded"),
        (f"{__name__}:NotAConverter", "name a subclass of"),
    ],
)
def test_bad_converter_specs(spec: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_converter(spec)


def test_report_to_dict_accepts_mappings_and_report_objects() -> None:
    class Report:
        def to_wsjf(self) -> dict[str, Any]:
            return {"id": "x"}

    assert report_to_dict({"id": "y"}) == {"id": "y"}
    assert report_to_dict(Report()) == {"id": "x"}
    with pytest.raises(ConversionError, match="returned a int"):
        report_to_dict(3)


def uut(**extra: Any) -> dict[str, Any]:
    return {"type": "T", "pn": "PN-1", "sn": "SN-1", "rev": "A", "uut": {}, **extra}


def test_wsjf_passes_reports_through_and_fills_defaults(tmp_path: Path) -> None:
    file = tmp_path / "r.json"
    file.write_text(json.dumps([uut(), uut(sn="SN-2", uut={"user": "alice"})]), encoding="utf-8")
    context = ConverterContext(parameters={"operator": "station", "operation_code": 50})
    first, second = WSJFConverter().convert(file, context)
    assert first["uut"]["user"] == "station"
    assert second["uut"]["user"] == "alice"
    assert first["processCode"] == 50


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"type": "T", "pn": ', "not valid JSON at line 1 column"),
        (b"\xff\xfe\x00garbage", "not UTF-8"),
        (b'{"type": "X", "pn": "a", "sn": "b"}', "'type' is 'X'"),
        (b'{"type": "T", "pn": "a"}', "'sn' is missing"),
        (b"[1]", r"r.json\[0\]: a WSJF report must be a JSON object"),
        (b"[]", "r.json: the JSON array holds no report"),
        (b" [ ]\n", "r.json: the JSON array holds no report"),
    ],
)
def test_wsjf_rejects_bad_input_clearly(tmp_path: Path, content: bytes, message: str) -> None:
    file = tmp_path / "r.json"
    file.write_bytes(content)
    with pytest.raises(ConversionError, match=message):
        WSJFConverter().convert(file, ConverterContext())
