"""Large result files written at bench time (never committed): JUnit, WSXF and CSV.

Each writer streams to disk and stops at the size asked for (within one test case, step or
row), so a 100 MB file costs no memory to make.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["WRITERS", "write_csv", "write_junit", "write_wsxf"]


def write_junit(path: Path, size: int) -> int:
    """A pytest-like JUnit file of ``size`` bytes; returns the number of test cases."""
    count = 0
    with path.open("w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="utf-8"?>\n<testsuites>\n')
        out.write('<testsuite name="load" timestamp="2026-12-01T10:00:00+00:00">\n')
        out.write('<properties><property name="serial_number" value="BIG-1"/>')
        out.write('<property name="part_number" value="PCB-BIG"/></properties>\n')
        while out.tell() < size - 200:
            out.write(
                f'<testcase classname="load.group{count % 50}" name="test_case_{count}"'
                ' time="0.001">'
            )
            if count % 97 == 0:
                out.write(f'<failure message="value {count} out of range">trace {count}</failure>')
            out.write("</testcase>\n")
            count += 1
        out.write("</testsuite>\n</testsuites>\n")
    return count


_WSXF_HEAD = (
    '<?xml version="1.0" encoding="utf-8"?>\n'
    '<Reports xmlns="http://wats.virinco.com/schemas/WATS/Report/wsxf">\n'
)


def write_wsxf(path: Path, size: int) -> int:
    """A WSXF file of UUT reports of 200 numeric steps each; returns the number of reports."""
    count = 0
    with path.open("w", encoding="utf-8") as out:
        out.write(_WSXF_HEAD)
        while out.tell() < size - 200:
            out.write(
                f'<Report type="UUT" Start="2026-12-01T10:00:00+01:00" Result="Passed"'
                f' SN="BIG-{count}" PN="PCB-BIG" Rev="A" MachineName="BENCH" Location="Lab"'
                ' Purpose="Test">\n<UUT UserLoginName="bench"/><Process Code="10"/>\n'
                '<Step Group="Main" Name="MainSequence Callback" StepType="SequenceCall"'
                ' Status="Passed">\n'
            )
            for i in range(200):
                out.write(
                    f'<Step Group="Main" Name="Rail {i}" StepType="ET_NLT" Status="Passed">'
                    f'<NumericLimit Name="Rail {i}" NumericValue="{3.3 + i / 1000:.3f}"'
                    ' CompOperator="GELE" LowLimit="3.2" HighLimit="3.6" Units="V"'
                    ' Status="Passed"/></Step>\n'
                )
            out.write("</Step>\n</Report>\n")
            count += 1
        out.write("</Reports>\n")
    return count


def write_csv(path: Path, size: int) -> int:
    """A CSV file of one row per step, 1,000 steps per unit; returns the number of rows."""
    count = 0
    with path.open("w", encoding="utf-8") as out:
        out.write("SerialNumber,PartNumber,Revision,Start,Step,Value,Low,High,Unit\n")
        while out.tell() < size - 200:
            unit = count // 1000
            out.write(
                f"BIG-{unit},PCB-BIG,A,2026-12-01 10:00:00,Step {count % 1000},"
                f"{3.3 + (count % 7) / 100:.2f},3.2,3.4,V\n"
            )
            count += 1
    return count


WRITERS = {"junit": (write_junit, "xml"), "wsxf": (write_wsxf, "wsxf"), "csv": (write_csv, "csv")}
