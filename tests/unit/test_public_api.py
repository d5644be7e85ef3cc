"""The public surface of ``pywats``: what ``__all__`` promises, resolves."""

from __future__ import annotations

import pytest

import pywats


def test_all_is_sorted_and_unique() -> None:
    assert pywats.__all__ == sorted(set(pywats.__all__))


def test_every_public_name_resolves() -> None:
    for name in pywats.__all__:
        assert getattr(pywats, name) is not None, name


def test_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="NoSuchThing"):
        pywats.NoSuchThing  # type: ignore[attr-defined]  # noqa: B018


def test_errors_read_as_pywats_names_in_tracebacks() -> None:
    assert pywats.NotFoundError.__module__ == "pywats"
    assert issubclass(pywats.NotFoundError, pywats.ApiError)
    assert issubclass(pywats.ApiError, pywats.WatsError)


def test_clients_share_one_signature() -> None:
    import inspect

    sync = inspect.signature(pywats.pyWATS.__init__)
    async_ = inspect.signature(pywats.AsyncWATS.__init__)
    assert list(sync.parameters) == list(async_.parameters)
