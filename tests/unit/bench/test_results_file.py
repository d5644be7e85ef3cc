"""``benchmarks/results.md`` is written section by section: a full run writes every section,
``--only`` re-writes its sections and keeps the others byte for byte, nothing hand-kept stays,
and the README's table is what ``readme_table.py`` renders from it.

No benchmark runs here: the sections' benchmarks are replaced by fakes giving fixed rows.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[3]
BENCH = REPO / "benchmarks"


def _load(name: str, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    monkeypatch.syspath_prepend(str(BENCH))
    return importlib.import_module(name)


@pytest.fixture
def fake_run(monkeypatch: pytest.MonkeyPatch) -> Any:
    """``run.main`` with every section's benchmark replaced by one giving fixed rows; the
    returned object's ``rate`` sets the figure the next run measures."""
    run = _load("run", monkeypatch)
    sections = _load("_sections", monkeypatch)
    rows = _load("_rows", monkeypatch)
    state = {"rate": 100.0, "calls": []}

    def produce_for(key: str) -> Any:
        def produce(ctx: Any) -> list[Any]:
            state["calls"].append(key)
            if key == state.get("interrupt_at"):
                raise KeyboardInterrupt
            if key == "7":
                ctx.notes.append("a note from the benchmark")
            if key == "8":
                raise RuntimeError("the benchmark broke")
            ours = rows.Cell.of([state["rate"], state["rate"] * 1.1])
            anchor = rows.Cell.of([state["rate"] / 4])
            floor = rows.Cell.of([state["rate"] * 1.05])
            return [rows.Row(key, f"job of section {key}", "per_s", ours, anchor, floor)]

        return produce

    fakes = {
        key: sections.Spec(key, f"Title {key}", f"How {key} is measured.", produce_for(key))
        for key in sections.SPECS
    }
    monkeypatch.setattr(run, "SPECS", fakes)
    monkeypatch.setattr(run.readme_table, "update", lambda *a, **k: pytest.fail("README"))
    state["main"] = run.main
    state["keys"] = list(fakes)
    return state


def _blocks(text: str) -> dict[str, str]:
    pattern = r"^<!-- section (\w+) begin.*?^<!-- section \1 end -->\n"
    return {m[1]: m[0] for m in re.finditer(pattern, text, re.DOTALL | re.MULTILINE)}


def test_a_full_run_writes_every_section(fake_run: Any, tmp_path: Path) -> None:
    out = tmp_path / "results.md"
    out.write_text("# old results\n\nA hand-kept note that must not survive.\n", encoding="utf-8")
    assert fake_run["main"](["--no-anchor", "--output", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    blocks = _blocks(text)
    assert list(blocks) == fake_run["keys"]  # every section, in order
    assert "hand-kept" not in text
    assert "- cores: " in text
    one = blocks["1"]
    assert "## 1. Title 1" in one
    assert re.search(r"Measured \d{4}-\d\d-\d\d \d\d:\d\d UTC at \S+ in ", one)
    assert "| 1 | job of section 1 | 105/s ±5% | 25/s | 105/s | 4.2x faster | ±0% |" in one
    assert "How: How 1 is measured." in one
    assert "- pywats-api 0.6.0rc1: not run (--no-anchor)" in one
    assert "- a note from the benchmark" in blocks["7"]
    # a section whose benchmark crashes says so, and the others are still written
    assert "fails: RuntimeError: the benchmark broke" in blocks["8"]
    assert "- the benchmark failed: RuntimeError: the benchmark broke" in blocks["8"]


def test_only_rewrites_its_sections_and_keeps_the_others_byte_for_byte(
    fake_run: Any, tmp_path: Path
) -> None:
    out = tmp_path / "results.md"
    assert fake_run["main"](["--no-anchor", "--output", str(out)]) == 0
    before = _blocks(out.read_text(encoding="utf-8"))
    fake_run["rate"], fake_run["calls"] = 300.0, []
    assert fake_run["main"](["--no-anchor", "--only", "2", "6", "--output", str(out)]) == 0
    assert fake_run["calls"] == ["2", "6"]  # only those sections were measured
    after = _blocks(out.read_text(encoding="utf-8"))
    assert list(after) == list(before)
    for key in before:
        if key in ("2", "6"):
            assert "315/s ±5%" in after[key]
            assert after[key] != before[key]
        else:
            assert after[key] == before[key], key


def test_a_run_stopped_half_way_keeps_the_sections_it_finished(
    fake_run: Any, tmp_path: Path
) -> None:
    out = tmp_path / "results.md"
    fake_run["interrupt_at"] = "3"
    with pytest.raises(KeyboardInterrupt):
        fake_run["main"](["--no-anchor", "--output", str(out)])
    assert list(_blocks(out.read_text(encoding="utf-8"))) == ["1", "2"]


def test_text_outside_the_sections_is_dropped(fake_run: Any, tmp_path: Path) -> None:
    out = tmp_path / "results.md"
    assert fake_run["main"](["--no-anchor", "--output", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    end = "<!-- section 3 end -->\n"
    out.write_text(text.replace(end, end + "\nSomeone's hand-kept table\n"), encoding="utf-8")
    assert fake_run["main"](["--no-anchor", "--only", "1", "--output", str(out)]) == 0
    rewritten = out.read_text(encoding="utf-8")
    assert "hand-kept" not in rewritten
    assert _blocks(rewritten)["3"] == _blocks(text)["3"]


def test_readme_table_is_rendered_from_results(monkeypatch: pytest.MonkeyPatch) -> None:
    readme_table = _load("readme_table", monkeypatch)
    results = (BENCH / "results.md").read_text(encoding="utf-8")
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    expected = readme_table.render(results)
    start = readme.index(readme_table.BEGIN)
    shown = readme[start : readme.index(readme_table.END) + len(readme_table.END) + 1]
    assert shown == expected, (
        "README.md's benchmark table differs from benchmarks/results.md:"
        " run python benchmarks/readme_table.py"
    )


def test_readme_lines_show_the_medians_ratios_and_targets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    readme_table = _load("readme_table", monkeypatch)
    results = _load("_results", monkeypatch)
    rows = _load("_rows", monkeypatch)
    row = rows.Row(
        "6",
        "export 2,000 reports (100 steps): `wats report export`, default -j 8",
        "per_s",
        rows.Cell.of([40.0, 44.0]),
        rows.Cell.of([10.0]),
        rows.Cell.of([41.0], "a loop"),
        target=30.0,
        note="a note in the name cell",
    )
    section = results.Section("6", "Bulk", [row], "How.", "Measured 2026-12-03 21:40 UTC at x")
    text = results.render_header({"cores": "2"}) + "\n" + results.render_section(section)
    block = readme_table.render(text)
    line = next(x for x in block.splitlines() if x.startswith("| export 2,000 reports"))
    assert line == (
        "| export 2,000 reports (`wats report export`): rate / memory | 42/s / not measured"
        " | 10/s / — | 41/s / — | 4.2x faster; -2% vs httpx / — | ≥ 30/s ✓ |"
    )
    # each figure stays under its label ("rate / memory"); a line whose rows are not in the
    # results says so
    assert "| sync GET latency | not measured | — | — | — |  |" in block
    assert "sync GET latency: section 4 /^sync GET .*latency/" in readme_table.missing(text)
    export = [m for m in readme_table.missing(text) if m.startswith("export 2,000")]
    assert export == [
        "export 2,000 reports (`wats report export`): rate / memory:"
        " section 6 /^export [\\d,]+ reports: peak RSS/"
    ]
    readme = tmp_path / "README.md"
    readme.write_text(f"intro\n{readme_table.BEGIN}\nold\n{readme_table.END}\nrest\n")
    source = tmp_path / "results.md"
    source.write_text(text, encoding="utf-8")
    assert readme_table.update(readme, source, check=True) is False
    assert readme_table.update(readme, source) is False
    assert readme.read_text() == f"intro\n{block}rest\n"
    assert readme_table.update(readme, source, check=True) is True
