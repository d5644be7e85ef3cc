from __future__ import annotations

import pytest

from pywats._station import Station, StationRegistry


def test_station_fills_only_empty_fields() -> None:
    station = Station("ST-1", "Line 1", "Production")
    report = {"machineName": "", "location": "Bench 4"}
    assert station.apply(report) is report
    assert report == {"machineName": "ST-1", "location": "Bench 4", "purpose": "Production"}


def test_station_checks_its_fields() -> None:
    with pytest.raises(ValueError, match="name"):
        Station("  ")
    with pytest.raises(ValueError, match="100"):
        Station("ST", "x" * 101)
    with pytest.raises(TypeError):
        Station(42)  # type: ignore[arg-type]
    assert Station.local().name


def test_registry_tracks_the_active_station() -> None:
    registry = StationRegistry()
    assert registry.active is None
    a, b = Station("A"), Station("B")
    registry.add(a)
    registry.add(b)
    assert registry.active == a  # the first one added
    assert registry.activate("B") == b
    assert registry.active == b
    assert [s.name for s in registry] == ["A", "B"]
    assert "A" in registry
    assert len(registry) == 2
    assert registry.remove("B") == b
    assert registry.active == a
    with pytest.raises(KeyError, match="registered: A"):
        registry.get("C")
    with pytest.raises(KeyError):
        registry.activate("C")
    assert "A" in repr(registry)
