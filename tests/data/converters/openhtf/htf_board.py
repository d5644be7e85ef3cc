"""A small OpenHTF test whose OutputToJSON record the OpenHTF converter tests read.

Run: python htf_board.py OUT.json [SERIAL]  (needs ``pip install openhtf``; not collected).
"""

from __future__ import annotations

import sys

import openhtf as htf
from openhtf.output.callbacks import json_factory
from openhtf.util import units


@htf.measures(
    htf.Measurement("rail_3v3").in_range(3.2, 3.4).with_units(units.VOLT),
    htf.Measurement("standby_mA").in_range(maximum=1.0),
    htf.Measurement("firmware").equals("1.4.2"),
    htf.Measurement("self_test"),
)
def power(test):  # type: ignore[no-untyped-def]
    test.measurements.rail_3v3 = 3.31
    test.measurements.standby_mA = 0.8
    test.measurements.firmware = "1.4.2"
    test.measurements.self_test = True


@htf.measures(
    htf.Measurement("gain").with_dimensions(units.HERTZ).with_units(units.DECIBEL),
    htf.Measurement("offset").within_percent(10.0, 5),
    htf.Measurement("noise").in_range(0, 1),
)
def response(test):  # type: ignore[no-untyped-def]
    for freq, gain in [(10, 1.0), (100, 2.5), (1000, 1.5)]:
        test.measurements.gain[freq] = gain
    test.measurements.offset = 12.0
    test.measurements.noise = float("nan")
    test.attach("sweep.csv", b"f,gain\n10,1.0\n100,2.5\n1000,1.5\n", mimetype="text/csv")


def main(path: str, serial: str) -> None:
    test = htf.Test(power, response, test_name="PCB-3003", test_description="board test")
    test.add_output_callbacks(json_factory.OutputToJSON(path, indent=1))
    test.execute(test_start=lambda: serial)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "SN-7007")
