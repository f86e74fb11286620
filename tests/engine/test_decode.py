"""Charset decoding: GBK, Big5, mis-declared UTF-8, BOMs, saved files."""

from __future__ import annotations

from pathlib import Path

import pytest

from privacy_hygiene.engine.decode import decode_html
from privacy_hygiene.engine.load import load_file

TEXT = "个人信息保护：请填写姓名和手机号。镕"  # 镕 is outside GB2312, inside GBK
BIG5_TEXT = "個人資料保護：請填寫姓名與電話"


def page(charset_meta: str, body: str) -> str:
    meta = f'<meta charset="{charset_meta}">' if charset_meta else ""
    return f"<html><head>{meta}<title>{body}</title></head><body><p>{body}</p></body></html>"


@pytest.mark.parametrize(
    ("declared_header", "declared_meta", "encoding", "text"),
    [
        ("gbk", "", "gbk", TEXT),
        ("", "gbk", "gbk", TEXT),
        ("gb2312", "gb2312", "gbk", TEXT),  # declared narrower than the real charset
        ("", "", "gbk", TEXT),  # nothing declared: detection
        ("utf-8", "gbk", "gbk", TEXT),  # header lies, meta is right
        ("big5", "big5", "big5", BIG5_TEXT),
        ("", "big5", "big5hkscs", BIG5_TEXT + "𨋢"),  # HKSCS character in a page declared big5
        ("gbk", "gbk", "utf-8", TEXT),  # declared GBK, really UTF-8 (strict GB18030 would garble it)
    ],
)
def test_decodes_chinese(declared_header: str, declared_meta: str, encoding: str, text: str) -> None:
    body = page(declared_meta, text).encode(encoding)
    decoded, _ = decode_html(body, declared_header or None)
    assert text in decoded


def test_bom_wins() -> None:
    body = "\ufeff<title>你好</title>".encode("utf-16-le")
    body = b"\xff\xfe" + body[2:]
    decoded, encoding = decode_html(body, "gbk")
    assert "你好" in decoded and encoding == "utf-16"


def test_saved_file_prefers_utf8(tmp_path: Path) -> None:
    path = tmp_path / "saved.html"
    path.write_bytes(page("gb2312", TEXT).encode("utf-8"))  # Chrome re-encodes but keeps the meta
    loaded = load_file(path)
    assert loaded.title == TEXT and loaded.encoding == "utf-8"


def test_saved_from_comment_sets_url(tmp_path: Path) -> None:
    path = tmp_path / "p.html"
    path.write_text("<!-- saved from url=(0027)http://example.org/login/ -->\n<title>x</title>", encoding="utf-8")
    assert load_file(path).url == "http://example.org/login/"
    assert load_file(path, as_url="https://other.example/").url == "https://other.example/"


def test_saved_from_ignores_non_http(tmp_path: Path) -> None:
    path = tmp_path / "p.html"
    path.write_text("<!-- saved from url=(0020)javascript:alert(1) -->", encoding="utf-8")
    assert load_file(path).url is None


def test_garbage_never_raises() -> None:
    decoded, _ = decode_html(bytes(range(256)) * 50, "no-such-charset")
    assert isinstance(decoded, str)
