"""The pipeline version (the cache key) changes with the code and with the reading libraries."""

from __future__ import annotations

import re
import tomllib

import pytest

from pipeline.version import (
    PACKAGE_VERSION,
    PIPELINE_VERSION,
    READING_LIBRARIES,
    _code_digest,
    installed_versions,
    pipeline_version,
    reading_versions,
)
from tests.conftest import ROOT

BASE = {name: "1.2.3" for name in READING_LIBRARIES}


@pytest.mark.parametrize("library", READING_LIBRARIES)
def test_upgrading_a_reading_library_changes_the_pipeline_version(library: str) -> None:
    upgraded = {**BASE, library: "1.2.4"}
    assert pipeline_version("0.1.0", "abc", upgraded) != pipeline_version("0.1.0", "abc", BASE)
    assert pipeline_version("0.1.0", "abc", {**BASE, library: "absent"}) != pipeline_version(
        "0.1.0", "abc", BASE
    )


def test_the_pipeline_version_is_a_function_of_package_code_and_libraries() -> None:
    one = pipeline_version("0.1.0", "abc", BASE)
    assert one == pipeline_version("0.1.0", "abc", dict(reversed(BASE.items())))
    assert one.startswith("0.1.0+") and re.fullmatch(r"[0-9a-f]{12}", one.split("+")[1])
    assert pipeline_version("0.1.0", "abd", BASE) != one
    assert pipeline_version("0.1.1", "abc", BASE) != one


def test_the_pipeline_version_covers_the_installed_readers() -> None:
    installed = installed_versions()
    assert set(installed) == {"pypdfium2", "python-docx", "lxml", "charset-normalizer", "spacy"}
    assert "absent" not in installed.values()
    readers = reading_versions()
    assert readers == {**installed, "tesseract": readers["tesseract"]}
    assert PIPELINE_VERSION == pipeline_version(PACKAGE_VERSION, _code_digest(), readers)
    assert installed_versions(("no-such-distribution",)) == {"no-such-distribution": "absent"}


def test_pypdfium2_is_the_minor_version_pinned() -> None:
    """The raw pdfium calls were tested on one minor version of pypdfium2: pyproject pins it."""
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    (pin,) = [d for d in deps if d.startswith("pypdfium2")]
    minor = re.fullmatch(r"pypdfium2~=(\d+\.\d+)\.\d+", pin)
    assert minor, pin
    assert installed_versions(("pypdfium2",))["pypdfium2"].startswith(minor.group(1) + ".")


def test_the_ocr_engine_version_is_read_from_the_program(monkeypatch) -> None:
    from extractors.formats import ocr

    assert re.fullmatch(r"\d+\.\d+[\w.\-]*", ocr.engine_version())  # make setup installs it
    monkeypatch.setenv(ocr.ENGINE_ENV, "/nonexistent/tesseract")
    assert ocr.engine_version() == "absent"
    assert reading_versions()["tesseract"] == "absent"
