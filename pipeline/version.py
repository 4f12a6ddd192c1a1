"""The pipeline version stamped on every papers row and used as the cache key."""

from importlib.metadata import PackageNotFoundError, version

try:
    PACKAGE_VERSION = version("minutebook")
except PackageNotFoundError:  # running from a checkout that is not installed
    PACKAGE_VERSION = "0.0.0"

#: Bump the suffix whenever extraction output changes for the same input: it invalidates caches.
PIPELINE_VERSION = f"{PACKAGE_VERSION}+x1"
