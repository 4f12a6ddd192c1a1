"""The pipeline version stamped on every papers row and used as the cache key.

It is the package version plus a digest of the code and data that turn a paper into records
(``schemas/``, ``extractors/`` and the per-paper stages), so a cache never serves results that
the current code would not produce.
"""

import hashlib
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

try:
    PACKAGE_VERSION = version("minutebook")
except PackageNotFoundError:  # running from a checkout that is not installed
    PACKAGE_VERSION = "0.0.0"

_ROOT = Path(__file__).resolve().parent.parent


def _code_digest() -> str:
    digest = hashlib.sha256()
    files = [*sorted((_ROOT / "schemas").rglob("*.py")), *sorted((_ROOT / "extractors").rglob("*")),
             _ROOT / "pipeline" / "process.py"]
    for path in files:
        if path.is_file() and path.suffix in (".py", ".csv", ".toml"):
            digest.update(path.relative_to(_ROOT).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


PIPELINE_VERSION = f"{PACKAGE_VERSION}+{_code_digest()}"
