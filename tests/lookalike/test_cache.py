"""The on-disk brand index: written once, reused, rebuilt when stale or corrupt."""

from __future__ import annotations

from privacy_hygiene.catalog import Catalog
from privacy_hygiene.lookalike.cache import cache_path, load_or_build
from privacy_hygiene.lookalike.index import build_index


def test_cache_is_written_reused_and_survives_corruption(catalog: Catalog) -> None:
    path = cache_path(catalog, ())
    assert not path.exists()
    built = load_or_build(catalog, ())
    assert path.is_file()
    assert load_or_build(catalog, ()) == built
    assert built == build_index(catalog, ())
    path.write_bytes(b"\x00not msgpack")
    assert load_or_build(catalog, ()) == built


def test_extra_brands_get_their_own_cache(catalog: Catalog) -> None:
    assert cache_path(catalog, ("mine.cn",)) != cache_path(catalog, ())
    index = load_or_build(catalog, ("mine.cn",))
    assert index.brand_of("mine.cn") == "user-mine-cn"


def test_unwritable_cache_folder_is_not_an_error(catalog: Catalog, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("PRIVACY_HYGIENE_HOME", str(blocker))
    assert load_or_build(catalog, ()).exact
