"""The plugin author's tools: check_golden, dry_run, loading by module:Class, XML safety."""

from __future__ import annotations

from pathlib import Path

import pytest

from pywats.reports import UUTReport
from pywats.station.converters import ConversionError, Converter, ConverterContext, load_converter
from pywats.station.converters.atml import ATMLConverter
from pywats.station.converters.dryrun import dry_run, parse_parameters
from pywats.station.converters.junit import JUnitConverter
from pywats.station.converters.testing import check_golden
from pywats.station.converters.wsxf import WSXFConverter


class KeyValueConverter(Converter):
    """A plugin as docs/converters.md shows it: ``key=value`` lines, one step per ``step.*``."""

    name = "keyvalue"
    patterns = ("*.kv",)

    def convert(self, path: Path, context: ConverterContext) -> list[UUTReport]:
        from datetime import datetime

        fields: dict[str, str] = {}
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            key, sep, value = line.partition("=")
            if not sep:
                raise ConversionError(f"{path.name}: line {number}: expected key=value")
            fields[key.strip()] = value.strip()
        report = UUTReport(
            id="6f1c4a52-0c1e-4c2a-9d4f-1d2e3f4a5b6c",
            pn=fields["pn"],
            sn=fields["sn"],
            rev="1",
            process_code=10,
            station_name=context.station_name,
            location=context.location,
            purpose=context.purpose,
            start=datetime.fromisoformat(fields["start"]),
        )
        for key, value in fields.items():
            if key.startswith("step."):
                report.root.add_numeric_step(key[5:], float(value), low=0, high=10)
        return [report]


@pytest.fixture
def kv_file(tmp_path: Path) -> Path:
    path = tmp_path / "unit.kv"
    path.write_text(
        "pn=PN-1\nsn=SN-1\nstart=2026-01-30T10:00:00+01:00\nstep.a=1.5\nstep.b=12\n",
        encoding="utf-8",
    )
    return path


def test_check_golden_writes_then_compares(kv_file: Path, tmp_path: Path) -> None:
    expected = tmp_path / "unit.expected.json"
    with pytest.raises(AssertionError, match="PYWATS_UPDATE_GOLDEN=1"):
        check_golden(KeyValueConverter(), kv_file, expected)
    check_golden(KeyValueConverter(), kv_file, expected, update=True)
    [report] = check_golden(KeyValueConverter(), kv_file, expected)
    assert report["result"] == "F"  # step b is out of range
    kv_file.write_text(kv_file.read_text(encoding="utf-8").replace("12", "2"), encoding="utf-8")
    with pytest.raises(AssertionError) as caught:
        check_golden(KeyValueConverter(), kv_file, expected)
    assert '-    "result": "F",' in str(caught.value)
    assert '+    "result": "P",' in str(caught.value)


def test_check_golden_refuses_invalid_reports(kv_file: Path, tmp_path: Path) -> None:
    kv_file.write_text(kv_file.read_text(encoding="utf-8").replace("SN-1", "S" * 101), "utf-8")
    with pytest.raises(AssertionError, match="produced invalid reports"):
        check_golden(KeyValueConverter(), kv_file, tmp_path / "x.json", update=True)


def test_dry_run_with_a_module_class_path(kv_file: Path) -> None:
    spec = f"{__name__}:KeyValueConverter"
    assert load_converter(spec).name == "keyvalue"
    result = dry_run(kv_file, spec, parameters={"x": 1})
    assert result.converter == "keyvalue"
    assert result.problems == []
    assert [s["name"] for s in result.reports[0]["root"]["steps"]] == ["a", "b"]


def test_parse_parameters() -> None:
    assert parse_parameters(["layout=measurement", "columns.value=Meas", 'misc=["A"]']) == {
        "layout": "measurement",
        "columns": {"value": "Meas"},
        "misc": ["A"],
    }
    with pytest.raises(ValueError, match="use KEY=VALUE"):
        parse_parameters(["oops"])


BOMB = (
    '<?xml version="1.0"?>\n<!DOCTYPE r [\n <!ENTITY a "aaaaaaaaaa">\n'
    ' <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">\n <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">\n]>\n'
    "<r>&c;</r>"
)
EXTERNAL = (
    '<?xml version="1.0"?>\n<!DOCTYPE r [\n <!ENTITY x SYSTEM "file:///etc/passwd">\n]>\n<r>&x;</r>'
)


@pytest.mark.parametrize("converter", [WSXFConverter(), JUnitConverter(), ATMLConverter()])
@pytest.mark.parametrize("text", [BOMB, EXTERNAL], ids=["bomb", "external"])
def test_every_xml_converter_refuses_entities(
    tmp_path: Path, converter: Converter, text: str
) -> None:
    source = tmp_path / "evil.xml"
    source.write_text(text, encoding="utf-8")
    with pytest.raises(ConversionError) as caught:
        converter.convert(source, ConverterContext())
    message = str(caught.value)
    assert message.startswith("evil.xml: line 3:")
    assert "entity declarations are refused" in message


def test_unreadable_inputs(tmp_path: Path) -> None:
    folder = tmp_path / "dir.xml"
    folder.mkdir()
    with pytest.raises(ConversionError, match="is a directory"):
        JUnitConverter().convert(folder, ConverterContext())
    with pytest.raises(FileNotFoundError):
        dry_run(tmp_path / "missing.xml")


@pytest.mark.parametrize(
    ("converter", "root"),
    [
        (WSXFConverter(), "<testsuites>"),
        (JUnitConverter(), "<Reports>"),
        (ATMLConverter(), "<testsuites>"),
    ],
)
def test_the_root_is_checked_before_the_rest_is_parsed(
    tmp_path: Path, converter: Converter, root: str
) -> None:
    # 8 MB of a document of another kind, broken at the end: refused by its first tag, at
    # once, without reading on (a whole-document parse would report the broken end).
    source = tmp_path / "other.xml"
    with source.open("w", encoding="utf-8") as out:
        out.write(root + "\n")
        for _ in range(200):
            out.write("<x>" + "y" * 40_000 + "</x>\n")
        out.write("<broken")
    with pytest.raises(ConversionError) as caught:
        converter.convert(source, ConverterContext())
    assert f"other.xml: line 1, column 1: {root}" in str(caught.value)
    assert "is not a" in str(caught.value)


@pytest.mark.parametrize(
    ("spec", "known"),
    [
        ("csv", "columns, delimiter, encoding, header, layout, misc, operation_code"),
        ("atml", "operation_code, operator, pn, rev, sn"),
        ("openhtf", "operation_code, operator, pn, rev, sn"),
        ("wsxf", "operation_code, operator"),
        ("wsjf", "operation_code, operator"),
    ],
)
def test_every_builtin_converter_refuses_unknown_parameters(spec: str, known: str) -> None:
    from pywats.station.converters import ParameterError

    converter = load_converter(spec)
    with pytest.raises(ParameterError) as caught:
        converter.check_parameters({"layuot": "measurement", "operator": "op"})
    assert f"converter {spec!r} does not know the parameter 'layuot'" in str(caught.value)
    assert known in str(caught.value)


REAL_INPUTS = Path(__file__).resolve().parents[3] / ".." / "shared" / "fixtures" / "real-inputs"


def _real_files() -> list[tuple[str, Path]]:
    kinds = ("junit", "atml", "openhtf", "csv")
    return [
        (kind, path)
        for kind in kinds
        for path in sorted((REAL_INPUTS / kind).glob("*"))
        if path.is_file()
    ]


@pytest.mark.skipif(
    not REAL_INPUTS.is_dir(), reason=f"{REAL_INPUTS} is absent (../shared is not checked out)"
)
@pytest.mark.parametrize(("kind", "path"), _real_files(), ids=lambda v: getattr(v, "name", v))
def test_every_shared_real_file_converts_to_valid_reports(kind: str, path: Path) -> None:
    # Files written by the tools themselves (SOURCES.md there says which); TestStand writes
    # no part number, which is given as a parameter, as an operator would.
    parameters = {"pn": "PART-1"} if kind == "atml" else {}
    result = dry_run(path, kind, parameters=parameters)
    assert result.reports
    assert result.problems == []


def test_a_subclass_of_a_builtin_converter_may_read_its_own_parameters() -> None:
    from pywats.station.converters.wsjf import WSJFConverter

    class Marked(WSJFConverter):  # lists no parameters of its own: not checked
        name = "marked"

    Marked().check_parameters({"marker_dir": "/tmp"})


def test_the_service_refuses_to_start_with_an_unknown_folder_parameter(tmp_path: Path) -> None:
    # [folders.parameters] layuot = ...: `wats watch` stops at start, naming the known ones.
    from pywats.config import ConfigError
    from pywats.station.config import FolderConfig, StationConfig
    from pywats.station.queue import ReportQueue
    from pywats.station.service import StationService

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    folder = FolderConfig(path=inbox, converter="csv", parameters={"layuot": "measurement"})
    config = StationConfig(
        name="t",
        server_url="http://unused",
        station_name="S",
        location="L",
        purpose="P",
        folders=(folder,),
        queue_path=tmp_path / "queue.sqlite3",
    )
    queue = ReportQueue(config.queue_path)
    try:
        with pytest.raises(ConfigError) as caught:
            StationService(config, queue=queue, submitter=object())  # type: ignore[arg-type]
    finally:
        queue.close()
    message = str(caught.value)
    assert message.startswith(f"folder {inbox}: converter 'csv' does not know the parameter")
    assert "'layuot' (did you mean 'layout'?)" in message
