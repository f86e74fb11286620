"""Input addresses are normalised and validated before any connection; property tests that URL
normalisation and every analyzer never raise on arbitrary text and HTML."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from privacy_hygiene.analyzers import ANALYZERS, AnalysisContext
from privacy_hygiene.catalog import Catalog
from privacy_hygiene.engine.targets import parse_target
from privacy_hygiene.engine.urls import AddressError, normalize_url
from privacy_hygiene.errors import UsageError
from privacy_hygiene.models import Page, RedirectHop, TlsInfo


@pytest.mark.parametrize(
    ("given_url", "expected"),
    [
        ("example.com", "https://example.com/"),
        ("  Example.COM/path?q=1#frag ", "https://example.com/path?q=1"),
        ("http://example.com", "http://example.com/"),
        ("example.com:8443/x", "https://example.com:8443/x"),
        ("localhost:8080", "https://localhost:8080/"),
        ("http://127.0.0.1:5000/a", "http://127.0.0.1:5000/a"),
        ("http://[::1]:8080/", "http://[::1]:8080/"),
        ("https://例子.中国/登录", "https://xn--fsqu00a.xn--fiqs8s/登录"),
        ("www.例子。中国", "https://www.xn--fsqu00a.xn--fiqs8s/"),
        ("https://BÜCHER.example/", "https://xn--bcher-kva.example/"),
        ("https://example.com./", "https://example.com/"),
    ],
)
def test_normalised(given_url: str, expected: str) -> None:
    assert normalize_url(given_url) == expected


@pytest.mark.parametrize(
    ("bad", "words_en", "words_zh"),
    [
        ("", "empty", "空"),
        ("   ", "empty", "空"),
        ("htp:/x", "only http and https", "只能检查"),
        ("javascript:alert(1)", "is code or data", "代码"),
        ("data:text/html,<script>x</script>", "is code or data", "代码"),
        ("file:///etc/passwd", "file path", "文件路径"),
        ("ftp://example.com/", "only http and https", "只能检查"),
        ("http://", "names no site", "没有网站名"),
        ("http:/example.com", "not a valid web address", "不是有效的网址"),
        ("http://[::1:bad/", "not a valid web address", "不是有效的网址"),
        ("http://a..b/", "not a valid site name", "网站名无效"),
        ("http://-bad-.com/", "not a valid site name", "网站名无效"),
        ("http://☃.net/", "not a valid site name", "网站名无效"),
        ("http://xn--abc/", "not a valid site name", "网站名无效"),
        ("http://exa mple.com/", "not a valid web address", "不是有效的网址"),
        ("http://example.com:99999/", "not a valid web address", "不是有效的网址"),
        ("http://example.com\x1b[2J/", "not a valid web address", "不是有效的网址"),
        ("http://example.com/" + "a" * 100_000, "absurdly long", "长得离谱"),
    ],
)
def test_refused_with_a_clear_reason(bad: str, words_en: str, words_zh: str) -> None:
    with pytest.raises(AddressError) as caught:
        normalize_url(bad)
    assert words_en in str(caught.value)
    assert words_zh in caught.value.local.zh
    assert len(str(caught.value)) < 300, "the message must stay one readable line"
    assert "\x1b" not in str(caught.value)


def test_targets_tell_paths_from_addresses(tmp_path: object) -> None:
    assert parse_target("example.com").url == "https://example.com/"
    with pytest.raises(UsageError):
        parse_target("javascript:alert(1)")
    with pytest.raises(UsageError, match="no such file"):
        parse_target("missing-page.html")


@given(st.text(max_size=300))
@settings(max_examples=400, deadline=None)
def test_normalize_never_raises_anything_but_usage_error(text: str) -> None:
    try:
        result = normalize_url(text)
    except UsageError:
        return
    assert result.startswith(("http://", "https://"))
    assert normalize_url(result) == result, "normalising twice changes nothing"


URLISH = st.builds(
    lambda scheme, host, rest: f"{scheme}{host}{rest}",
    st.sampled_from(["", "http://", "https://", "HTTP://", "htp:", "//", "javascript:", "http:/"]),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=40),
    st.text(max_size=40),
)


@given(URLISH)
@settings(max_examples=400, deadline=None)
def test_url_like_text_never_crashes(text: str) -> None:
    with contextlib.suppress(UsageError):
        normalize_url(text)


TAGS = ["form", "input", "script", "iframe", "img", "link", "meta", "base", "title", "a", "select", "p"]
ATTRS = ["action", "method", "src", "href", "type", "name", "id", "rel", "content", "http-equiv", "autocomplete"]
HTML_PIECES = st.one_of(
    st.text(max_size=30),
    st.builds(
        lambda tag, attrs, body: f"<{tag} " + " ".join(f'{a}="{v}"' for a, v in attrs) + f">{body}</{tag}>",
        st.sampled_from(TAGS),
        st.lists(st.tuples(st.sampled_from(ATTRS), st.text(max_size=30)), max_size=4),
        st.text(max_size=20),
    ),
    st.sampled_from(["<", ">", "</form>", "<form", "&#27;[2J", "\x00", "<![CDATA[", "<!--", "]]>", "\u202e"]),
)
HEADERS = st.lists(
    st.tuples(
        st.sampled_from(
            ["set-cookie", "content-security-policy", "strict-transport-security", "referrer-policy", "x-foo"]
        ),
        st.text(max_size=60),
    ),
    max_size=5,
)


@given(
    html=st.lists(HTML_PIECES, max_size=25).map("".join),
    url=st.one_of(st.none(), st.sampled_from(["https://example.com/", "http://例子.中国/a", "https://1.2.3.4/"])),
    headers=HEADERS,
    status=st.one_of(st.none(), st.integers(100, 599)),
    source=st.sampled_from(["http", "file"]),
    is_html=st.booleans(),
    tls=st.one_of(st.none(), st.builds(TlsInfo, st.booleans(), st.text(max_size=12), st.text(max_size=20))),
    hops=st.lists(st.builds(RedirectHop, st.text(max_size=30), st.integers(300, 399)), max_size=3),
    download=st.text(max_size=20),
    content_type=st.sampled_from(["text/html", "application/pdf", "application/vnd.android.package-archive", ""]),
)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_every_analyzer_never_raises(catalog: Catalog, **fields: object) -> None:
    page = Page(
        target="fuzz",
        url=fields["url"],  # type: ignore[arg-type]
        html=fields["html"],  # type: ignore[arg-type]
        final_url=fields["url"],  # type: ignore[arg-type]
        headers=tuple(fields["headers"]),  # type: ignore[arg-type]
        status=fields["status"],  # type: ignore[arg-type]
        source=fields["source"],  # type: ignore[arg-type]
        is_html=fields["is_html"],  # type: ignore[arg-type]
        tls=fields["tls"],  # type: ignore[arg-type]
        redirects=tuple(fields["hops"]),  # type: ignore[arg-type]
        download_filename=fields["download"],  # type: ignore[arg-type]
        content_type=fields["content_type"],  # type: ignore[arg-type]
    )
    ctx = AnalysisContext(page, catalog)
    for analyzer in ANALYZERS:
        for finding in analyzer.analyze(page, ctx):
            assert finding.rule_id in analyzer.rules


def test_bare_chinese_domain_with_ideographic_dot_is_an_address() -> None:
    assert parse_target("例子。中国/登录").url == "https://xn--fsqu00a.xn--fiqs8s/登录"


@given(
    coding=st.sampled_from(["gzip", "deflate", "br", "zstd", "identity", ""]),
    chunks=st.lists(st.binary(max_size=200), max_size=8),
    room=st.integers(0, 5000),
)
@settings(max_examples=300, deadline=None)
def test_bounded_decoder_never_exceeds_room_or_raises_unexpectedly(coding: str, chunks: list[bytes], room: int) -> None:
    from privacy_hygiene.engine.decompress import BoundedDecoder, DecodeError

    decoder = BoundedDecoder(coding)
    try:
        for chunk in chunks:
            assert len(decoder.feed(chunk, room)) <= room
    except DecodeError:
        pass


def test_network_errors_map_to_plain_words() -> None:
    import httpx

    from privacy_hygiene.engine.fetch import FetchOptions, _mapped

    cases = {
        "dns": httpx.ConnectError("[Errno -2] Name or service not known"),
        "connect": httpx.ConnectError("[Errno 111] Connection refused"),
        "timeout": httpx.ReadTimeout("timed out"),
        "protocol": httpx.RemoteProtocolError("illegal header"),
    }
    for kind, exc in cases.items():
        failure = _mapped(exc, "https://例子.example/", [], FetchOptions())
        assert failure.kind == kind
        assert failure.local.zh and failure.local.en and "\n" not in str(failure)
