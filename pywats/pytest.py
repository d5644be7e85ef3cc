"""The pytest plugin: a test session (or each DUT) becomes one WATS UUT report.

Installed with pywats (entry point ``pytest11``) but inactive unless asked for::

    pytest --wats --wats-instance ict --wats-pn PCB-1001 --wats-sn SN-42
    pytest -p pywats.pytest ...           (also where plugin autoloading is off)

or the same as ini keys (``wats_instance``, ``wats_pn``, ``wats_sn``, ``wats_rev``,
``wats_process_code``, ``wats_timeout``, ``wats_dut_param``; ``--wats`` itself can go in
``addopts``). A test records measurements through the ``wats`` fixture::

    def test_rail(wats):
        assert wats.numeric("3V3", read_rail(), low=3.2, high=3.4, unit="V")

Without the plugin switched on, the fixture records nothing and every call still returns the
verdict, so the same tests run anywhere. This module is loaded in every pytest run where
pywats is installed: it defines options and a fixture and imports nothing else until asked.
The work is in :mod:`pywats.integrations._pytest`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from pywats.integrations._build import Recorder

__all__ = ["pytest_addoption", "pytest_configure", "wats"]

PLUGIN_NAME = "pywats-wats-session"
_INI: tuple[tuple[str, str, str | None], ...] = (
    ("wats_instance", "the station instance whose queue takes the report", None),
    ("wats_pn", "the part number (default: the project folder's name)", None),
    ("wats_sn", "the serial number (default: one made from the host and time)", None),
    ("wats_rev", "the revision (default 1)", None),
    ("wats_process_code", "the WATS process (operation) code (default 10)", None),
    ("wats_timeout", "seconds the delivery at session end may take (default 10)", "10"),
    ("wats_dut_param", "the parametrize argument that names the DUT (default dut)", "dut"),
)


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("wats", "WATS test reports (pywats)")
    group.addoption(
        "--wats",
        action="store_true",
        default=False,
        help="Send this session's results to WATS (through the instance's durable queue).",
    )
    group.addoption("--wats-instance", metavar="NAME", help="The station instance (-i).")
    group.addoption("--wats-pn", metavar="PN", help="The unit's part number.")
    group.addoption("--wats-sn", metavar="SN", help="The unit's serial number.")
    group.addoption("--wats-rev", metavar="REV", help="The unit's revision.")
    group.addoption(
        "--wats-process-code", metavar="CODE", type=int, help="The process (operation) code."
    )
    group.addoption("--wats-timeout", metavar="SECONDS", type=float, help="Delivery time bound.")
    for name, text, default in _INI:
        parser.addini(name, text, default=default)


def _requested(config: pytest.Config) -> bool:
    if config.getoption("wats", False):
        return True
    plugins: Any = getattr(config.option, "plugins", None) or []
    return "pywats.pytest" in plugins


def pytest_configure(config: pytest.Config) -> None:
    if not _requested(config) or config.pluginmanager.has_plugin(PLUGIN_NAME):
        return
    from pywats.integrations._pytest import WatsPlugin

    config.pluginmanager.register(WatsPlugin(config), PLUGIN_NAME)


@pytest.fixture
def wats(request: pytest.FixtureRequest) -> Recorder:
    """Record measurements and name the unit in this test's WATS step (see the module)."""
    plugin = request.config.pluginmanager.get_plugin(PLUGIN_NAME)
    if plugin is None:
        from pywats.integrations._build import Recorder

        return Recorder(None, None)
    return plugin.recorder(request.node)  # type: ignore[no-any-return]
