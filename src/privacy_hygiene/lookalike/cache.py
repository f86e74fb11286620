"""The brand index on disk, so ``privacy-hygiene domain`` starts in a fraction of a second.

Parsing brands.toml with the standard TOML reader and building the deletion index costs about
0.1 s; decoding the finished index from MessagePack costs a few milliseconds. The cache file lives
in the user's data folder (``PRIVACY_HYGIENE_HOME``), is named after a digest of the data files,
the person's extra brands and the index format, and is rebuilt whenever any of them changes. A
missing, unreadable, stale or corrupt cache is simply rebuilt; failing to write it is not an error.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import msgspec

from privacy_hygiene.catalog import Catalog
from privacy_hygiene.lookalike.index import BrandIndex, build_index

#: bump when BrandIndex or how it is built changes
FORMAT = "brand-index-6"
_SOURCES = ("brands.toml", "lookalike.toml", "confusables.txt")


def _digest(catalog: Catalog, extra: tuple[str, ...]) -> str:
    digest = hashlib.sha256(FORMAT.encode())
    for name in _SOURCES:
        digest.update(catalog.root.joinpath(name).read_bytes())
    digest.update("\n".join(extra).encode())
    return digest.hexdigest()[:24]


def cache_path(catalog: Catalog, extra: tuple[str, ...]) -> Path:
    """Where the index for this data and these extra brands is kept."""
    from privacy_hygiene.paths import data_dir

    return data_dir() / "cache" / f"{FORMAT}-{_digest(catalog, extra)}.msgpack"


def load_or_build(catalog: Catalog, extra: tuple[str, ...]) -> BrandIndex:
    """The index from the disk cache, or built (and then cached)."""
    try:
        path = cache_path(catalog, extra)
    except OSError:
        return build_index(catalog, extra)
    try:
        return msgspec.msgpack.decode(path.read_bytes(), type=BrandIndex)
    except (OSError, msgspec.DecodeError, msgspec.ValidationError):
        pass
    index = build_index(catalog, extra)
    _write(path, msgspec.msgpack.encode(index))
    return index


def _write(path: Path, data: bytes) -> None:
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".index-")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
        for old in path.parent.glob(f"{FORMAT.rsplit('-', 1)[0]}-*.msgpack"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        return
