"""Seeing and steering a running ``wats watch``: its endpoint, ``wats status|stop|reload|pause|
resume``, hot reload, the server heartbeat, breaker recovery and metrics — all as processes
against the emulator."""

from __future__ import annotations

import http.client
import json
import os
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ._harness import RUN_WATS, Station, make_report, wait_for

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and modes")

WSJF_POST = ("POST", "/api/Report/WSJF")


def endpoint(st: Station) -> tuple[str, int]:
    info = json.loads((st.data / "service.json").read_text(encoding="utf-8"))
    host, port = info["endpoint"].removeprefix("http://").rsplit(":", 1)
    return host, int(port)


def secret(st: Station) -> str:
    return (st.data / "control.secret").read_text(encoding="utf-8").strip()


def call(
    st: Station,
    method: str,
    path: str,
    *,
    token: str | None = None,
    host: str | None = None,
) -> tuple[int, Any]:
    address, port = endpoint(st)
    conn = http.client.HTTPConnection(address, port, timeout=30)
    headers = {"Host": host or f"127.0.0.1:{port}"}
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    try:
        conn.request(method, path, headers=headers)
        answer = conn.getresponse()
        body = answer.read()
    finally:
        conn.close()
    try:
        return answer.status, json.loads(body)
    except ValueError:
        return answer.status, body.decode("utf-8", "replace")


def status(st: Station) -> dict[str, Any]:
    """``wats status -o json``, read again while the endpoint of a running service does not
    answer within the command's 2 s (a loaded machine): its live keys are missing then."""

    def read() -> dict[str, Any] | None:
        result = st.wats("status", "-i", "it", "-o", "json")
        assert result.returncode == 0, result.stderr
        data: dict[str, Any] = json.loads(result.stdout)
        return None if "endpoint_error" in data else data

    answer: dict[str, Any] = wait_for(read, 60, "wats status with the live state")
    return answer


def write_config(st: Station, edit: Callable[[dict[str, Any]], None]) -> None:
    import tomllib

    import tomli_w

    path = st.home / "config" / "instances" / "it.toml"
    document = tomllib.loads(path.read_text(encoding="utf-8"))
    edit(document)
    path.write_text(tomli_w.dumps(document), encoding="utf-8")


def test_endpoint_files_are_private_mutations_need_the_secret_and_a_loopback_host(
    station: Callable[..., Station],
) -> None:
    st = station()
    st.start()
    log = st.home / "log" / "it.log"
    for path in (st.data / "service.json", st.data / "control.secret", log):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    # Read-only routes are open on loopback; mutations are not.
    code, answer = call(st, "GET", "/ping")
    assert (code, answer["pong"], answer["instance"]) == (200, True, "it")
    code, config = call(st, "GET", "/config")
    assert code == 200
    assert config["server"]["token"] == "****"
    assert st.emulator.token not in json.dumps(config)
    for action in ("stop", "pause", "reload"):
        assert call(st, "POST", f"/{action}")[0] == 401
        assert call(st, "POST", f"/{action}", token="not-the-secret")[0] == 401
    # DNS rebinding: a page on evil.example resolved to 127.0.0.1 sends its own Host.
    assert call(st, "GET", "/status", host="evil.example")[0] == 400
    assert call(st, "POST", "/stop", token=secret(st), host="evil.example:80")[0] == 400
    assert st.alive()
    assert call(st, "GET", "/status", host="localhost")[0] == 200


def test_status_stop_and_status_again_read_the_queue(station: Callable[..., Station]) -> None:
    st = station()
    st.start()
    reports = [make_report(f"ST-{i}") for i in range(5)]
    for i, report in enumerate(reports):
        st.drop(f"s{i}.json", report)
    st.wait_stored({r["id"] for r in reports})
    # The snapshot is refreshed in the service's loop: a file's count lands after its move to
    # Done, which follows the queue commit wait_stored saw, so wait for both.
    live = wait_for(
        lambda: (s := status(st))["server"] == "online" and s["folders"][0]["converted"] == 5 and s,
        30,
        "server online and 5 files counted",
    )
    assert live["running"] is True
    assert live["state"] == "running"
    assert live["server_version"]
    assert live["server_latency_ms"] is not None
    assert live["folders"][0]["converter"] == "wsjf"
    assert live["folders"][0]["converted"] == 5
    stopped = st.wats("stop", "-i", "it")
    assert stopped.returncode == 0, stopped.stderr
    assert "stopped" in stopped.stderr
    assert st.proc is not None
    assert st.proc.wait(timeout=30) == 0
    st.proc = None
    after = status(st)
    assert after["running"] is False
    assert after["queue"]["counts"]["delivered"] == 5
    assert {row["state"] for row in st.queue_rows()} == {"delivered"}
    assert not (st.data / "control.secret").exists()
    again = st.wats("stop", "-i", "it")
    assert again.returncode == 0
    assert "not running" in again.stderr
    refused = st.wats("pause", "-i", "it")
    assert refused.returncode == 1
    assert "next: wats watch -i it" in refused.stderr
    # The hint, run as printed, starts the service again.
    hinted = subprocess.Popen(
        [sys.executable, "-c", RUN_WATS, "watch", "-i", "it"],
        env=st.env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(
            lambda: (s := status(st))["running"] and s.get("state") == "running",
            60,
            "the hinted wats watch to run",
        )
        assert st.wats("stop", "-i", "it").returncode == 0
        assert hinted.wait(timeout=30) == 0
    finally:
        if hinted.poll() is None:
            hinted.kill()
            hinted.wait(timeout=30)


def test_restart_starts_again_in_place_and_files_still_flow(
    station: Callable[..., Station],
) -> None:
    st = station()
    st.start()
    before = json.loads((st.data / "service.json").read_text(encoding="utf-8"))
    restarted = st.wats("restart", "-i", "it")
    assert restarted.returncode == 0, restarted.stderr
    after = json.loads((st.data / "service.json").read_text(encoding="utf-8"))
    assert after["pid"] == before["pid"]
    assert after["started_at"] > before["started_at"]
    report = make_report("RS-1")
    st.drop("r.json", report)
    st.wait_stored({report["id"]})
    assert st.stop() == 0


def test_a_refused_token_shows_as_unauthorized(station: Callable[..., Station]) -> None:
    st = station()
    st.env["PYWATS_API_TOKEN"] = "bm90OnRoZS10b2tlbg=="
    st.start()
    shown = wait_for(
        lambda: (s := status(st))["server"] == "unauthorized" and s, 30, "unauthorized"
    )
    assert shown["server_error"]
    # The log line and the status snapshot are written by different steps: wait for both.
    wait_for(lambda: "refuses the station's token" in st.output(), 30, "the refusal logged")
    assert st.stop() == 0


def test_reload_picks_up_a_new_folder_and_a_broken_file_changes_nothing(
    tmp_path: Path, station: Callable[..., Station]
) -> None:
    st = station()
    st.start()
    second = tmp_path / "second"
    second.mkdir()

    def add_folder(document: dict[str, Any]) -> None:
        document["folders"].append({"path": str(second), "converter": "wsjf"})

    write_config(st, add_folder)
    started = time.perf_counter()
    result = st.wats("reload", "-i", "it", "-o", "json")
    reload_ms = (time.perf_counter() - started) * 1000
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["ok"] is True
    report = make_report("RL-1")
    (second / "r.json").write_text(json.dumps(report), encoding="utf-8")
    st.wait_stored({report["id"]})
    # A broken file: refused with the reason, shown in status and the log, nothing stops.
    path = st.home / "config" / "instances" / "it.toml"
    good = path.read_text(encoding="utf-8")
    write_config(st, lambda document: document["upload"].update(concurrency="many"))
    broken = st.wats("reload", "-i", "it")
    assert broken.returncode == 3, broken.stderr
    assert "upload.concurrency" in broken.stderr
    # status is a snapshot the service refreshes in its own loop: allow it one refresh
    wait_for(
        lambda: "upload.concurrency" in (status(st)["reload_error"] or ""),
        30,
        "the refused reload to show in status",
    )
    shown = status(st)
    assert "upload.concurrency" in shown["reload_error"]
    assert "upload.concurrency" in shown["config_error"]
    assert shown["state"] == "running"
    more = [make_report("RL-2"), make_report("RL-3")]
    st.drop("a.json", more[0])
    (second / "b.json").write_text(json.dumps(more[1]), encoding="utf-8")
    st.wait_stored({r["id"] for r in more})
    assert st.alive()
    # The mtime watch: the corrected file is applied without a command.
    path.write_text(good, encoding="utf-8")
    wait_for(lambda: not status(st)["reload_error"], 30, "the corrected file to be reloaded")
    assert "reload refused" in st.output()
    # SIGHUP: a change the mtime watch cannot see (same mtime) is applied on the signal.
    third = tmp_path / "third"
    third.mkdir()
    mtime = path.stat().st_mtime_ns
    write_config(st, lambda d: d["folders"].append({"path": str(third), "converter": "wsjf"}))
    os.utime(path, ns=(mtime, mtime))
    assert st.proc is not None
    st.proc.send_signal(signal.SIGHUP)
    last = make_report("RL-4")
    (third / "d.json").write_text(json.dumps(last), encoding="utf-8")
    st.wait_stored({last["id"]})
    assert "reloading: SIGHUP" in st.output()
    assert st.stop() == 0
    print(f"\nreload (wats reload, round trip of the CLI process): {reload_ms:.0f} ms")
    print(f"reload (service side): {answer['took_ms']} ms")


def test_pause_holds_files_in_their_folder_until_resume(station: Callable[..., Station]) -> None:
    st = station()
    st.start()
    paused = st.wats("pause", "-i", "it")
    assert paused.returncode == 0, paused.stderr
    report = make_report("PA-1")
    source = st.drop("p.json", report)
    time.sleep(1.0)  # poll_seconds is 0.1: the file would long be taken if intake ran
    assert source.exists()
    assert "paused by an operator" in status(st)["intake_paused"]
    resumed = st.wats("resume", "-i", "it")
    assert resumed.returncode == 0, resumed.stderr
    st.wait_stored({report["id"]})
    assert st.stop() == 0


def test_backlog_goes_within_a_second_of_the_first_successful_probe(
    station: Callable[..., Station],
) -> None:
    st = station(
        queue={"retry_ladder": [20.0, 60.0], "min_free_mb": 0},
        upload={
            "concurrency": 4,
            "timeout": 5,
            "requests_per_minute": 0,
            "breaker_failures": 2,
            "breaker_open_seconds": 1.0,
        },
    )
    st.emulator.faults.add(*WSJF_POST, status=503, times=None)
    st.start()
    reports = [make_report(f"BR-{i:02d}") for i in range(12)]
    for i, report in enumerate(reports):
        st.drop(f"b{i:02d}.json", report)
    wait_for(lambda: st.emulator.faults.hits(*WSJF_POST) >= 2, 60, "failed uploads")
    wait_for(lambda: call(st, "GET", "/health")[1]["breaker"] == "open", 30, "breaker open")
    # The breaker opening is a reason to look at the server: status says offline at once.
    wait_for(lambda: call(st, "GET", "/status")[1]["server"] == "offline", 30, "server offline")
    # A burst of 503s and at least one failed probe (the breaker lets one through after 1 s;
    # on a loaded machine a fixed 1.5 s did not always see one).
    opened, opened_at = st.emulator.faults.hits(*WSJF_POST), time.monotonic()
    wait_for(
        lambda: (
            st.emulator.faults.hits(*WSJF_POST) > opened and time.monotonic() - opened_at >= 1.5
        ),
        30,
        "a failed probe",
    )
    st.emulator.faults.clear()
    recovered = time.monotonic()
    wait_for(lambda: st.stored_ids(), 30, "the first delivery after recovery")
    first = time.monotonic()
    st.wait_stored({r["id"] for r in reports}, timeout=60)
    backlog = time.monotonic()
    # Without the fix the rows refused while the breaker was open, and those that failed
    # before it opened, waited on the ladder: its first step is 20 s. (On a quiet machine the
    # backlog goes in well under a second; the bound leaves room for a loaded one.)
    assert backlog - first < 10.0, f"backlog took {backlog - first:.2f} s after the probe"
    wait_for(lambda: "server answering again after" in st.output(), 30, "the recovery logged")
    wait_for(lambda: call(st, "GET", "/status")[1]["server"] == "online", 30, "server online")
    assert st.stop() == 0
    print(f"\nserver recovery -> first upload: {first - recovered:.2f} s (breaker open 1 s)")
    print(f"first upload (probe) -> whole backlog of 12: {backlog - first:.2f} s")


def test_metrics_and_idle_memory(station: Callable[..., Station]) -> None:
    pytest.importorskip("prometheus_client")
    psutil = pytest.importorskip("psutil")
    st = station()
    st.start()
    assert st.proc is not None
    time.sleep(3.0)  # idle, as the benchmark measures it: started, nothing to do
    idle_mb = psutil.Process(st.proc.pid).memory_info().rss / 1e6
    assert idle_mb < 60, f"idle RSS {idle_mb:.1f} MB"
    reports = [make_report(f"MX-{i}") for i in range(3)]
    for i, report in enumerate(reports):
        st.drop(f"m{i}.json", report)
    st.wait_stored({r["id"] for r in reports})
    wait_for(lambda: call(st, "GET", "/status")[1]["delivered"] == 3, 30, "delivered 3")
    started = time.perf_counter()
    code, text = call(st, "GET", "/metrics")
    scrape_ms = (time.perf_counter() - started) * 1000
    assert code == 200
    for line in (
        "pywats_station_reports_delivered_total 3.0",
        'pywats_station_queue_rows{state="delivered"} 3.0',
        'pywats_station_conversions_total{converter="wsjf"} 3.0',
        'pywats_station_breaker_state{state="closed"} 1.0',
        "pywats_station_intake_paused 0.0",
        "pywats_station_upload_seconds_count 3.0",
    ):
        assert line in text, line
    assert "pywats_station_build_info{" in text
    started = time.perf_counter()
    assert call(st, "GET", "/metrics")[0] == 200
    again_ms = (time.perf_counter() - started) * 1000
    rss_mb = psutil.Process(st.proc.pid).memory_info().rss / 1e6
    assert st.stop() == 0
    print(
        f"\n/metrics scrape: first {scrape_ms:.1f} ms (loads prometheus_client), then"
        f" {again_ms:.1f} ms; RSS of wats watch idle {idle_mb:.1f} MB, after work {rss_mb:.1f} MB"
    )
