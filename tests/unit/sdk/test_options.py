from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pywats._options import (
    BreakerConfig,
    ClientOptions,
    RateLimit,
    RetryConfig,
    normalize_base_url,
    resolve_credentials,
)

SENTINEL = "c2VudGluZWwtaWQ6c2VudGluZWwtc2VjcmV0"  # base64 of a made-up "id:secret"


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("https://acme.wats.com", "https://acme.wats.com"),
        ("https://acme.wats.com/", "https://acme.wats.com"),
        ("https://acme.wats.com/api", "https://acme.wats.com"),
        ("https://acme.wats.com/api/", "https://acme.wats.com"),
        ("https://acme.wats.com/API", "https://acme.wats.com"),
        ("HTTPS://acme.wats.com//", "https://acme.wats.com"),
        ("  acme.wats.com  ", "https://acme.wats.com"),
        ("http://srv:8080/wats/api/", "http://srv:8080/wats"),
        ("http://srv/wats", "http://srv/wats"),
        ("http://127.0.0.1:5000/", "http://127.0.0.1:5000"),
        ("http://srv/apis", "http://srv/apis"),
    ],
)
def test_base_url_is_normalised(given: str, expected: str) -> None:
    assert normalize_base_url(given) == expected


@pytest.mark.parametrize(
    "bad", ["", "   ", "ftp://srv", "https://user:pw@srv", "https:///x", "https://srv/?a=1"]
)
def test_bad_base_urls_are_refused(bad: str) -> None:
    with pytest.raises(ValueError, match="URL"):
        normalize_base_url(bad)


def test_credentials_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYWATS_SERVER_URL", "https://env.wats.com/api/")
    monkeypatch.setenv("PYWATS_API_TOKEN", SENTINEL)
    assert resolve_credentials(None, None) == ("https://env.wats.com", SENTINEL)
    # Arguments win over the environment.
    assert resolve_credentials("https://arg.wats.com", "tok") == ("https://arg.wats.com", "tok")


def test_missing_credentials_say_which_variable_to_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PYWATS_SERVER_URL", raising=False)
    monkeypatch.delenv("PYWATS_API_TOKEN", raising=False)
    with pytest.raises(ValueError, match="PYWATS_SERVER_URL"):
        resolve_credentials(None, "tok")
    with pytest.raises(ValueError, match="PYWATS_API_TOKEN"):
        resolve_credentials("https://x.wats.com", None)


def test_a_pasted_basic_header_is_accepted() -> None:
    assert resolve_credentials("x.wats.com", f"Basic {SENTINEL}")[1] == SENTINEL


def test_options_repr_hides_the_token_and_proxy() -> None:
    options = ClientOptions(
        base_url="https://x.wats.com", token=SENTINEL, proxy="http://u:pw@proxy:3128"
    )
    assert SENTINEL not in repr(options)
    assert "pw" not in repr(options)


def test_settings_validate_their_values() -> None:
    with pytest.raises(ValueError, match="max_retries"):
        RetryConfig(max_retries=-1)
    with pytest.raises(ValueError, match="max_calls"):
        RateLimit(0, 60)
    with pytest.raises(ValueError, match="failure_threshold"):
        BreakerConfig(failure_threshold=0)
    with pytest.raises(ValueError, match="error_mode"):
        ClientOptions(base_url="https://x", token="t", error_mode="loose")  # type: ignore[arg-type]


@given(
    st.sampled_from(["http", "https", "HTTPS"]),
    st.from_regex(r"[a-z][a-z0-9-]{0,20}(\.[a-z]{2,5}){0,2}(:[0-9]{2,5})?", fullmatch=True),
    # A virtual directory that is itself called "api" is ambiguous; leave it out.
    st.from_regex(r"(/[A-Za-z0-9_-]{1,8}){0,3}", fullmatch=True).filter(
        lambda path: "api" not in path.lower().split("/")
    ),
    st.sampled_from(["", "/", "/api", "/api/", "/API"]),
)
def test_normalisation_is_idempotent_and_strips_api(
    scheme: str, host: str, path: str, tail: str
) -> None:
    once = normalize_base_url(f"{scheme}://{host}{path}{tail}")
    assert normalize_base_url(once) == once
    assert not once.endswith("/")
    assert not once.lower().endswith("/api")
    assert once.endswith(path.rstrip("/"))
