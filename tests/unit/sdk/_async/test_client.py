"""The client's wire manners, checked with httpx.MockTransport (no sockets).

Async source; ``_sync/`` is generated from it by scripts/unasync.py.
"""

from __future__ import annotations

import json
import uuid

import httpx
import pytest

from pywats import NotFoundError, ServerError, WatsError
from pywats._async._client import AsyncWATS
from pywats._options import RetryConfig
from pywats._version import __version__

TOKEN = "dGVzdDpzZWNyZXQ="


class Recorder:
    """A MockTransport handler that records requests and answers from a script."""

    def __init__(self, *answers: httpx.Response) -> None:
        self.requests: list[httpx.Request] = []
        self.answers = list(answers)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if self.answers:
            return self.answers.pop(0)
        return httpx.Response(200, json=[])


def client(
    recorder: Recorder, url: str = "https://acme.wats.com/api/", **kwargs: object
) -> AsyncWATS:
    return AsyncWATS(url, TOKEN, transport=httpx.MockTransport(recorder), **kwargs)  # type: ignore[arg-type]


@pytest.mark.anyio
async def test_headers_auth_and_url() -> None:
    recorder = Recorder()
    async with client(recorder, "http://srv:8080/wats/api") as api:
        assert api.base_url == "http://srv:8080/wats"
        await api.product.query(top=5)
    request = recorder.requests[0]
    assert str(request.url) == "http://srv:8080/wats/api/Product/Query?%24top=5"
    assert request.headers["Authorization"] == f"Basic {TOKEN}"
    assert request.headers["User-Agent"] == f"pywats/{__version__}"
    assert request.headers["Accept"] == "application/json"


@pytest.mark.anyio
async def test_credentials_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYWATS_SERVER_URL", "https://env.wats.com")
    monkeypatch.setenv("PYWATS_API_TOKEN", TOKEN)
    recorder = Recorder()
    async with AsyncWATS(transport=httpx.MockTransport(recorder)) as api:
        await api.process.query()
    assert recorder.requests[0].url.host == "env.wats.com"
    assert recorder.requests[0].headers["Authorization"] == f"Basic {TOKEN}"
    assert TOKEN not in repr(api)


@pytest.mark.anyio
async def test_submission_posts_the_wsjf_as_json() -> None:
    report_id = uuid.uuid4()
    recorder = Recorder(
        httpx.Response(200, json={"ID": str(report_id), "uuid": str(report_id), "Report_ID": 1})
    )
    wsjf = {
        "type": "T",
        "id": str(report_id),
        "pn": "PCB-1",
        "sn": "SN-1",
        "rev": "A",
        "processCode": 10,
        "result": "P",
        "machineName": "ST-1",
        "location": "L",
        "purpose": "P",
        "start": "2026-01-30T22:01:41.4707353+01:00",
        "root": {"id": 0, "group": "M", "stepType": "SequenceCall", "name": "Main", "status": "P"},
        "uut": {"user": "op"},
    }
    async with client(recorder) as api:
        assert await api.report.submit(wsjf) == report_id
    request = recorder.requests[0]
    assert request.method == "POST"
    assert request.url.path == "/api/Report/WSJF"
    assert request.headers["Content-Type"] == "application/json"
    assert json.loads(request.content)["sn"] == "SN-1"


@pytest.mark.anyio
async def test_wsxf_is_sent_as_xml_and_not_retried() -> None:
    recorder = Recorder(httpx.Response(503), httpx.Response(200, json={"ID": str(uuid.uuid4())}))
    async with client(recorder) as api:
        with pytest.raises(ServerError):
            await api.report.submit_wsxf(b"<Reports/>")
    assert len(recorder.requests) == 1
    assert recorder.requests[0].headers["Content-Type"] == "application/xml"
    assert recorder.requests[0].content == b"<Reports/>"


@pytest.mark.anyio
async def test_empty_200_answers_read_as_empty() -> None:
    recorder = Recorder(httpx.Response(200, content=b""))
    async with client(recorder) as api:
        assert await api.product.get_vendors() == []


@pytest.mark.anyio
async def test_lenient_mode_turns_404_into_none_for_lookups_only() -> None:
    recorder = Recorder(
        httpx.Response(404, json={"Message": "No product"}),
        httpx.Response(404, json={"Message": "No such route"}),
    )
    async with client(recorder, error_mode="lenient") as api:
        assert await api.product.get("X") is None
        with pytest.raises(NotFoundError, match="No such route"):
            await api.product.query()


@pytest.mark.anyio
async def test_copies_share_the_pool_and_closing_closes_it() -> None:
    recorder = Recorder()
    api = client(recorder)
    copy = api.with_options(max_retries=0, timeout=5.0, error_mode="lenient")
    assert copy.options.max_retries == 0
    assert copy.options.error_mode == "lenient"
    assert api.options.max_retries == 3
    assert copy.breaker is api.breaker
    assert copy.rate_limiter is api.rate_limiter
    await copy.process.query()
    await api.close()
    assert copy.is_closed


@pytest.mark.anyio
async def test_tls_and_proxy_settings() -> None:
    import certifi

    api = AsyncWATS(
        "https://acme.wats.com", TOKEN, verify=certifi.where(), proxy="http://proxy.local:3128"
    )
    assert api.options.verify == certifi.where()
    assert "proxy.local" not in repr(api.options)  # a proxy URL may carry credentials
    await api.close()
    with pytest.raises(FileNotFoundError):
        AsyncWATS("https://acme.wats.com", TOKEN, verify="/no/such/ca.pem")


@pytest.mark.anyio
async def test_misuse_is_refused_before_any_request() -> None:
    recorder = Recorder()
    async with client(recorder) as api:
        with pytest.raises(ValueError, match="part_number"):
            await api.product.get("")
        with pytest.raises(ValueError, match="GUID"):
            await api.rootcause.get("x")
        assert api.stations.active is None
    with pytest.raises(ValueError, match="error_mode"):
        AsyncWATS("https://acme.wats.com", TOKEN, error_mode="loose")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="no WATS API token"):
        AsyncWATS("https://acme.wats.com", "  ")
    assert recorder.requests == []


@pytest.mark.anyio
async def test_reading_a_report_as_wsxf() -> None:
    report_id = uuid.uuid4()
    recorder = Recorder(httpx.Response(200, content=b"<Reports><Report/></Reports>"))
    async with client(recorder) as api:
        xml = await api.report.get_wsxf(report_id, detail_level=7, include_attachments=False)
    assert xml == b"<Reports><Report/></Reports>"
    request = recorder.requests[0]
    assert request.url.path == f"/api/Report/Wsxf/{report_id}"
    assert request.url.params["detailLevel"] == "7"
    assert request.url.params["includeAttachments"] == "false"


@pytest.mark.anyio
async def test_retrying_stops_when_the_time_budget_is_spent() -> None:
    waits: list[float] = []

    async def record(seconds: float) -> None:
        waits.append(seconds)

    retry = RetryConfig(max_retries=10, initial_backoff=0.25, jitter=0.0, max_elapsed=1.0)
    recorder = Recorder(*(httpx.Response(500) for _ in range(20)))
    async with client(recorder, retry=retry, sleep=record, circuit_breaker=None) as api:
        with pytest.raises(ServerError):
            await api.product.query()
    # 0.25 + 0.5 = 0.75 s spent; the next wait (1 s) would pass the 1 s budget.
    assert waits == [0.25, 0.5]
    assert len(recorder.requests) == 3


@pytest.mark.anyio
async def test_jitter_stays_within_its_bound() -> None:
    waits: list[float] = []

    async def record(seconds: float) -> None:
        waits.append(seconds)

    retry = RetryConfig(max_retries=3, initial_backoff=1.0, max_backoff=1.5, jitter=0.5)
    recorder = Recorder(*(httpx.Response(503) for _ in range(3)))
    async with client(recorder, retry=retry, sleep=record) as api:
        assert await api.product.query() == []
    assert len(waits) == 3
    assert 1.0 <= waits[0] <= 1.5
    assert all(1.5 <= wait <= 2.0 for wait in waits[1:])  # capped at 1.5, plus jitter


@pytest.mark.anyio
async def test_an_unreadable_answer_is_a_wats_error() -> None:
    page = httpx.Response(200, html="<html><body>Please log in</body></html>")
    recorder = Recorder(page)
    async with client(recorder) as api:
        with pytest.raises(WatsError, match="could not be read") as info:
            await api.product.get("PCB-1")
        assert not info.value.retryable
        assert api.breaker is not None
        assert api.breaker.failures == 0
    assert len(recorder.requests) == 1
