"""An OpenHTF test written with ``OutputToJSON(inline_attachments=False)`` whose last phase
raises: the record names its attachments without data and carries the exception.

Run: python htf_noinline.py OUT.json [SERIAL]  (needs ``pip install openhtf``; not collected).
"""

from __future__ import annotations

import sys

import openhtf as htf
from openhtf.output.callbacks import json_factory
from openhtf.util import units


@htf.measures(htf.Measurement("vin").in_range(11.0, 13.0).with_units(units.VOLT))
def supply(test):  # type: ignore[no-untyped-def]
    test.measurements.vin = 12.1
    test.attach("scope.csv", b"t,v\n0,0.0\n1,12.1\n", mimetype="text/csv")


def fan(test):  # type: ignore[no-untyped-def]
    raise RuntimeError("fan tachometer not responding (I2C NACK at 0x2c)")


def main(path: str, serial: str) -> None:
    test = htf.Test(supply, fan, test_name="FAN-BOARD", test_description="fan board")
    test.add_output_callbacks(json_factory.OutputToJSON(path, inline_attachments=False, indent=1))
    test.execute(test_start=lambda: serial)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "SN-FAN-1")
