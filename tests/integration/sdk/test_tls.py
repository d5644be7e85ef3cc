"""TLS: a certificate the client does not trust fails once, clearly, and a CA bundle fixes it.

The server is the emulator behind uvicorn with a certificate from a private CA made on the
spot (tests/reliability/_tls.py), so verification fails exactly as against a real WATS server
with a self-signed or internal-CA certificate.
"""

from __future__ import annotations

import ssl
from typing import Any

import httpx
import pytest

from pywats import WatsConnectionError
from pywats._async._client import AsyncWATS
from pywats._http import translate_transport_errors
from pywats._options import BreakerConfig, RetryConfig
from pywats._sync._client import pyWATS
from tests.integration.sdk._async.test_report import make_report
from tests.reliability._tls import Certificates, TlsEmulator

# Retries on, with no jitter: any retry would show as a recorded wait.
RETRY = RetryConfig(max_retries=3, initial_backoff=0.25, max_backoff=2.0, jitter=0.0)


def _assert_certificate_message(error: WatsConnectionError, server: TlsEmulator) -> None:
    text = str(error)
    assert error.retryable is False
    assert text.startswith(f"TLS certificate verification failed for {server.url}: ")
    assert "CERTIFICATE_VERIFY_FAILED" in text
    assert 'verify="ca.pem"' in text
    assert "SSL_CERT_FILE" in text
    assert server.token not in text
    assert isinstance(error.__cause__, httpx.ConnectError)


def test_untrusted_certificate_is_one_attempt_with_advice(tls_server: TlsEmulator) -> None:
    waits: list[float] = []
    breaker = BreakerConfig(failure_threshold=1, reset_timeout=30)
    with pyWATS(
        tls_server.url,
        tls_server.token,
        retry=RETRY,
        circuit_breaker=breaker,
        sleep=waits.append,
    ) as api:
        with pytest.raises(WatsConnectionError) as refused:
            api.analytics.get_version()
        assert waits == []  # no retry was even scheduled
        _assert_certificate_message(refused.value, tls_server)
        # A threshold of 1 would open on any counted failure: the breaker is untouched,
        # so the next call says "certificate" again rather than "circuit open".
        with pytest.raises(WatsConnectionError) as again:
            api.analytics.get_version()
        _assert_certificate_message(again.value, tls_server)
    # The class-level flag is unchanged: other connection failures stay retryable.
    assert WatsConnectionError.retryable is True


@pytest.mark.anyio
async def test_untrusted_certificate_async_and_ca_bundle(
    tls_server: TlsEmulator, certificates: Certificates
) -> None:
    waits: list[float] = []

    async def record(seconds: float) -> None:
        waits.append(seconds)

    async with AsyncWATS(tls_server.url, tls_server.token, retry=RETRY, sleep=record) as api:
        with pytest.raises(WatsConnectionError) as refused:
            await api.analytics.get_version()
    assert waits == []
    _assert_certificate_message(refused.value, tls_server)

    async with AsyncWATS(tls_server.url, tls_server.token, verify=str(certificates.ca)) as api:
        assert "emulator" in await api.analytics.get_version()


def test_ca_bundle_path_makes_the_sync_client_work(
    tls_server: TlsEmulator, certificates: Certificates
) -> None:
    with pyWATS(tls_server.url, tls_server.token, verify=str(certificates.ca)) as api:
        assert "emulator" in api.analytics.get_version()


def test_host_name_mismatch_is_not_retryable(
    tls_server: TlsEmulator, certificates: Certificates
) -> None:
    # The certificate is trusted but presented for a name it does not cover.
    context = ssl.create_default_context(cafile=str(certificates.ca))
    with (
        httpx.Client(verify=context, timeout=10) as http,
        pytest.raises(WatsConnectionError) as refused,
        translate_transport_errors(),
    ):
        http.get(tls_server.url + "/api/App/Version", extensions={"sni_hostname": "wats.invalid"})
    assert refused.value.retryable is False
    assert "Hostname mismatch" in str(refused.value)
    assert "certificate" in str(refused.value)


def test_plain_connection_failure_stays_retryable() -> None:
    with pytest.raises(WatsConnectionError) as refused, translate_transport_errors():
        raise httpx.ConnectError("[Errno 111] Connection refused")
    assert refused.value.retryable is True
    assert "could not reach" in str(refused.value)


def _report() -> dict[str, Any]:
    return make_report("TLS-SN-1").to_wsjf()


@pytest.mark.anyio
async def test_station_submitter_uses_the_verify_setting(
    tls_server: TlsEmulator, certificates: Certificates
) -> None:
    from pywats.station.uploader import SdkSubmitter, classify

    refused = SdkSubmitter(tls_server.url, tls_server.token)
    try:
        with pytest.raises(WatsConnectionError) as caught:
            await refused.submit(_report())
    finally:
        await refused.aclose()
    assert caught.value.retryable is False
    assert classify(caught.value).park is False  # kept pending: the report is not at fault
    for verify in (str(certificates.ca), False):
        trusting = SdkSubmitter(tls_server.url, tls_server.token, verify=verify)
        try:
            assert await trusting.submit(_report())
        finally:
            await trusting.aclose()
