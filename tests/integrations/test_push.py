"""``wats queue push``: the one-shot delivery pass, as a command."""

from __future__ import annotations

import json

import pytest

from ._site import Site


def test_queue_push_without_a_server_is_a_clear_error(offline_site: Site) -> None:
    done = offline_site.wats("wats queue push -i it --timeout 3")
    assert done.returncode == 0, done.stderr  # nothing queued: nothing to fail
    assert json.loads(done.stdout)["tried"] == 0
    offline_site.write_config(server={})
    done = offline_site.wats("wats queue push -i it")
    assert done.returncode == 3
    assert "server.url is not set" in done.stderr
    assert "Traceback" not in done.stderr


def test_queue_push_exit_codes_say_what_stays(offline_site: Site) -> None:
    from pywats.station.queue import ReportQueue
    from tests.integration.station._harness import make_report

    with ReportQueue(offline_site.queue_path) as queue:
        queue.add([make_report("SN-Q-1")])  # no station identity: refused before sending
    done = offline_site.wats("wats queue push -i it --timeout 30")
    assert done.returncode == 7, done.stdout + done.stderr
    assert json.loads(done.stdout)["parked"] == 1

    good = {**make_report("SN-Q-2"), "machineName": "M", "location": "L", "purpose": "P"}
    with ReportQueue(offline_site.queue_path) as queue:
        queue.add([good])
    done = offline_site.wats("wats queue push -i it --timeout 30")
    assert done.returncode == 6, done.stdout + done.stderr  # the server is down
    result = json.loads(done.stdout)
    assert (result["tried"], result["delivered"], result["pending"]) == (1, 0, 1)
    assert "Delivered 0, parked 0, still pending 1" in done.stderr


def test_queue_push_leaves_the_queue_to_a_running_service(site: Site) -> None:
    from filelock import FileLock

    from pywats.station.queue import ReportQueue
    from tests.integration.station._harness import make_report

    with ReportQueue(site.queue_path) as queue:
        queue.add([make_report("SN-Q-3")])
    with FileLock(str(site.data / "service.lock")):
        done = site.wats("wats queue push -i it")
    assert done.returncode == 0, done.stderr
    assert "Nothing to do: the station service of instance 'it'" in done.stderr
    assert json.loads(done.stdout)["ran"] is False


def test_queue_commands_read_an_instance_that_has_no_file(
    offline_site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pywats.integrations import commit
    from tests.integration.station._harness import make_report

    monkeypatch.setenv("PYWATS_HOME", offline_site.env["PYWATS_HOME"])
    delivery = commit(make_report("SN-BARE-1"), instance="bare", timeout=2)
    assert delivery.outcome == "queued"  # never configured: queued all the same
    assert "server.url is not set" in delivery.detail
    done = offline_site.wats("wats queue list -i bare -o json")
    assert done.returncode == 0, done.stderr
    [row] = json.loads(done.stdout)
    assert row["serial_number"] == "SN-BARE-1"


def test_a_refused_report_is_parked_and_the_hint_shows_it(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    import re

    from pywats.integrations import commit
    from tests.integration.station._harness import make_report

    site.write_config(station={"name": "INTEG-01"})  # no location or purpose
    monkeypatch.setenv("PYWATS_HOME", site.env["PYWATS_HOME"])
    monkeypatch.setenv("PYWATS_API_TOKEN", site.env["PYWATS_API_TOKEN"])
    delivery = commit(make_report("SN-PARK-1"), instance="it", timeout=30)
    assert delivery.outcome == "parked"
    [hint] = re.findall(r"see `(wats queue show \d+ -i it)`", delivery.summary())
    done = site.wats(hint + " -o json")
    assert done.returncode == 0, done.stderr
    shown = json.loads(done.stdout)
    assert shown["state"] == "parked"
    assert "location is required" in shown["last_error"]
