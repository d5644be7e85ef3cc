"""A minimal W3C WebDriver client over httpx, driving Debian's chromedriver + headless Chromium.

The console's browser tests need a real browser, not a client library: this is the handful
of WebDriver commands they use (https://www.w3.org/TR/webdriver2/), with Selenium's method
names. Why not Selenium itself: it requires trio, and with trio installed httpcore imports it
in every pywats process (+6.8 MB RSS in the station service, whose idle RSS tests bound) and
anyio's pytest plugin runs every async test on trio too.
"""

from __future__ import annotations

import base64
import contextlib
import socket
import subprocess
import time
from pathlib import Path
from typing import Any

import httpx

__all__ = ["Browser", "Element", "WebDriverError"]

_ELEMENT = "element-6066-11e4-a52e-4f735466cecf"  # the W3C web element key


class WebDriverError(RuntimeError):
    """chromedriver answered with an error (``no such element``, ``stale element``, ...)."""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Element:
    def __init__(self, browser: Browser, element_id: str) -> None:
        self._browser = browser
        self._id = element_id

    def _call(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        return self._browser._call(method, f"/element/{self._id}{path}", body)

    @property
    def text(self) -> str:
        return str(self._call("GET", "/text"))

    def click(self) -> None:
        self._call("POST", "/click", {})

    def clear(self) -> None:
        self._call("POST", "/clear", {})

    def send_keys(self, text: str) -> None:
        self._call("POST", "/value", {"text": text})


class Browser:
    """One headless Chromium session (start with ``Browser.start``, end with ``quit``)."""

    def __init__(self, process: subprocess.Popen[bytes], base: str, session: str) -> None:
        self._process = process
        self._http = httpx.Client(base_url=f"{base}/session/{session}", timeout=30)
        self._base = base
        self._session = session

    @classmethod
    def start(cls, chromium: str, chromedriver: str, *, width: int = 1280) -> Browser:
        port = _free_port()
        process = subprocess.Popen(
            [chromedriver, f"--port={port}"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                with contextlib.suppress(httpx.TransportError):
                    if httpx.get(f"{base}/status", timeout=2).json()["value"]["ready"]:
                        break
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("chromedriver did not start")
                time.sleep(0.1)
            options = {
                "binary": chromium,
                "args": [
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-dev-shm-usage",
                    "--disable-gpu",
                    f"--window-size={width},1000",
                    "--no-first-run",
                    "--disable-extensions",
                ],
            }
            capabilities = {
                "browserName": "chrome",
                "goog:chromeOptions": options,
                "goog:loggingPrefs": {"browser": "ALL"},
                "timeouts": {"pageLoad": 60000, "script": 30000},
            }
            answer = httpx.post(
                f"{base}/session",
                json={"capabilities": {"alwaysMatch": capabilities}},
                timeout=60,
            ).json()["value"]
            if "sessionId" not in answer:
                raise RuntimeError(f"chromedriver refused a session: {answer.get('message')}")
        except BaseException:
            process.kill()
            process.wait(10)
            raise
        return cls(process, base, answer["sessionId"])

    def _call(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        answer = self._http.request(method, path, json=body)
        value = answer.json().get("value") if answer.content else None
        if answer.status_code >= 400:
            error = value.get("error", "") if isinstance(value, dict) else ""
            message = value.get("message", "") if isinstance(value, dict) else ""
            raise WebDriverError(f"{error}: {message.splitlines()[0] if message else ''}")
        return value

    # -- the Selenium-named commands the tests use ----------------------------------------

    def get(self, url: str) -> None:
        self._call("POST", "/url", {"url": url})

    @property
    def current_url(self) -> str:
        return str(self._call("GET", "/url"))

    def back(self) -> None:
        self._call("POST", "/back", {})

    def find_element(self, using: str, value: str) -> Element:
        found = self._call("POST", "/element", {"using": using, "value": value})
        return Element(self, found[_ELEMENT])

    def find_elements(self, using: str, value: str) -> list[Element]:
        found = self._call("POST", "/elements", {"using": using, "value": value})
        return [Element(self, item[_ELEMENT]) for item in found]

    def delete_all_cookies(self) -> None:
        self._call("DELETE", "/cookie")

    def execute_script(self, script: str, *args: Any) -> Any:
        return self._call("POST", "/execute/sync", {"script": script, "args": list(args)})

    def set_window_size(self, width: int, height: int) -> None:
        self._call("POST", "/window/rect", {"width": width, "height": height})

    def save_screenshot(self, path: str | Path) -> None:
        Path(path).write_bytes(base64.b64decode(self._call("GET", "/screenshot")))

    def get_log(self, kind: str) -> list[dict[str, Any]]:
        """The browser console's entries since the last call (chromedriver's log command)."""
        entries: list[dict[str, Any]] = self._call("POST", "/se/log", {"type": kind})
        return entries

    def quit(self) -> None:
        """End the session (chromedriver closes Chromium), then stop chromedriver.

        The session's own URL, without a trailing slash: ``DELETE .../session/ID/`` is a 404,
        and chromedriver stopped with a session open leaves Chromium running, orphaned.
        """
        try:
            with contextlib.suppress(httpx.HTTPError):
                httpx.delete(f"{self._base}/session/{self._session}", timeout=30)
        finally:
            self._http.close()
            self._process.terminate()
            try:
                self._process.wait(10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait(10)
