"""The pipeline version stamped on every papers row and used as the cache key.

It is the package version plus one digest of what turns a paper into records: the code and
data (``schemas/``, ``extractors/`` and the per-paper stages in ``pipeline/process.py``) and the
installed versions of the libraries that read the papers (``READING_LIBRARIES``) and of the
OCR engine. So a cache
never serves results that the current code, or an upgraded reader, would not produce.
"""

import hashlib
from collections.abc import Mapping
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from extractors.formats import ocr

try:
    PACKAGE_VERSION = version("minutebook")
except PackageNotFoundError:  # running from a checkout that is not installed
    PACKAGE_VERSION = "0.0.0"

_ROOT = Path(__file__).resolve().parent.parent

#: the distributions a run reads papers with (PDF text and rules, Word, HTML, text encodings,
#: the tokenizer of the name rules). pdfplumber is not among them: a run never uses it (it is
#: the tests' reference table finder and the bench's baseline, an optional extra).
READING_LIBRARIES = ("pypdfium2", "python-docx", "lxml", "charset-normalizer", "spacy")


def _code_digest() -> str:
    digest = hashlib.sha256()
    files = [
        *sorted((_ROOT / "schemas").rglob("*.py")),
        *sorted((_ROOT / "extractors").rglob("*")),
        _ROOT / "pipeline" / "process.py",
    ]
    for path in files:
        if path.is_file() and path.suffix in (".py", ".csv", ".toml"):
            digest.update(path.relative_to(_ROOT).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def installed_versions(names: tuple[str, ...] = READING_LIBRARIES) -> dict[str, str]:
    """The installed version of each named distribution ("absent" when it is not installed)."""
    found = {}
    for name in names:
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = "absent"
    return found


def pipeline_version(package: str, code_digest: str, libraries: Mapping[str, str]) -> str:
    """``package+digest``: the digest covers the code digest and each library's name and
    version, so changing any of them changes the pipeline version."""
    digest = hashlib.sha256(code_digest.encode())
    for name, ver in sorted(libraries.items()):
        digest.update(f"\n{name}=={ver}".encode())
    return f"{package}+{digest.hexdigest()[:12]}"


def reading_versions() -> dict[str, str]:
    """The reading libraries' versions and the OCR engine's (a program, not a distribution:
    ``tesseract`` is its version or "absent", so installing or upgrading it is a new version)."""
    found = installed_versions()
    found[ocr.ENGINE] = ocr.engine_version()
    return found


PIPELINE_VERSION = pipeline_version(PACKAGE_VERSION, _code_digest(), reading_versions())
