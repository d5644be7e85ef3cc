"""A sentinel token must appear in no log line, repr, error, pickle or traceback local."""

from __future__ import annotations

import logging
import pickle
import traceback

import pytest

from pywats import AuthenticationError, WatsError
from pywats._sync._client import pyWATS
from pywats.testing import Emulator

SENTINEL = "U0VOVElORUwtVE9LRU46ZG8tbm90LWxlYWs="  # Base64 of "SENTINEL-TOKEN:do-not-leak"


def test_the_token_never_leaks(fresh: Emulator, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    with pyWATS(fresh.url, SENTINEL) as api:
        assert SENTINEL not in repr(api)
        assert SENTINEL not in repr(api.options)
        assert SENTINEL not in repr(api.product)
        with pytest.raises(AuthenticationError) as info:
            api.product.get("PCB-1")
    error: WatsError = info.value
    assert error.status == 401
    assert "PYWATS_API_TOKEN" in str(error)  # says what to do next

    texts = [
        str(error),
        repr(error),
        repr(vars(error)),
        repr(pickle.loads(pickle.dumps(error)).__dict__),
        caplog.text,
        "".join(traceback.TracebackException.from_exception(error, capture_locals=True).format()),
    ]
    for text in texts:
        assert SENTINEL not in text
    assert fresh.faults.hits("GET", "/api/Product/PCB-1") == 1
