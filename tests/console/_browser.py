"""Small browser helpers with bounded waits."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._webdriver import Browser

WAIT = 30.0  # ends a test that would hang; a page that is there returns at once


def until(predicate: Callable[[], Any], what: str, timeout: float = WAIT) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        try:
            value = predicate()
        except Exception:  # the element is being swapped by htmx, or not there yet: look again
            value = None
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:g} s waiting for {what}")
        time.sleep(0.1)


def text_of(driver: Browser, css: str) -> str:
    return driver.find_element("css selector", css).text


def click(driver: Browser, css: str) -> None:
    """Click ``css`` once it is there (a page still loading, or htmx swapping it, is waited
    for: CI once looked for the nav before the dashboard had loaded)."""

    def attempt() -> bool:
        driver.find_element("css selector", css).click()
        return True

    until(attempt, f"{css} to be there to click")


def shoot(driver: Browser, folder: Path, name: str) -> Path:
    """A full-page screenshot (the window grown to the page's height, within reason)."""
    height = int(driver.execute_script("return document.documentElement.scrollHeight"))
    driver.set_window_size(1280, max(700, min(height + 140, 2400)))
    time.sleep(0.3)  # let the page lay itself out at the new size
    path = folder / f"{name}.png"
    driver.save_screenshot(str(path))
    driver.set_window_size(1280, 1000)
    return path
