"""Hostile page text (markup, Markdown images and links, Rich markup, terminal escapes) stays text
in every export: nothing executes, nothing renders as markup, nothing loads from the network."""

from __future__ import annotations

import csv
import io
import json

import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from privacy_hygiene.i18n import Lang
from privacy_hygiene.plan.build import build_plan
from privacy_hygiene.plan.exporters import EXPORTERS
from privacy_hygiene.plan.model import Plan
from privacy_hygiene.plan.to_html import http_href, to_html
from privacy_hygiene.plan.to_markdown import escape, to_markdown
from tests.plan.conftest import FIXED_NOW, sample_inputs

CONTROL = [chr(code) for code in [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)] if code != 0x0D]


def hostile_plan(lang: Lang) -> Plan:
    return build_plan(sample_inputs(), lang, FIXED_NOW, include_details=True)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_markdown_renders_no_image_link_or_html(lang: Lang) -> None:
    source = to_markdown(hostile_plan(lang))
    html = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).render(source)
    soup = BeautifulSoup(html, "lxml")
    assert soup.find_all(["img", "a", "script", "iframe", "svg"]) == []
    assert not [tag for tag in soup.find_all(True) if any(name.startswith("on") for name in tag.attrs)]
    # the hostile text is still there, as text
    text = soup.get_text()
    assert "![x](http://evil/x.png)" in text
    assert "<script>alert(1)</script>" in text
    assert "[@click=app.quit]x[/]" in text
    assert "**bold**" in text


@pytest.mark.parametrize(
    "hostile",
    [
        "![x](http://evil/x.png)",
        "<img src=http://evil/p.gif>",
        "[a](javascript:alert(1))",
        "<http://evil/auto>",
        "www.evil.example",
        "x@evil.example",
        "`code` *em* _em_ ~~del~~ | cell",
        "&lt;script&gt;",
        "# heading",
    ],
)
def test_escape_keeps_every_markdown_construct_literal(hostile: str) -> None:
    html = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).render(escape(hostile))
    soup = BeautifulSoup(html, "lxml")
    assert [tag.name for tag in soup.find_all(True)] == ["html", "body", "p"]
    assert soup.get_text().strip() == hostile


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_html_has_no_script_handler_or_foreign_link(lang: Lang) -> None:
    page = to_html(hostile_plan(lang))
    soup = BeautifulSoup(page, "lxml")
    assert soup.find_all(["script", "img", "iframe", "object", "embed", "link", "base", "form"]) == []
    for tag in soup.find_all(True):
        assert not [name for name in tag.attrs if name.lower().startswith("on")], tag
        for attribute in ("href", "src", "action", "formaction", "srcset"):
            value = tag.get(attribute)
            if value is not None:
                assert attribute == "href" and str(value).startswith(("http://", "https://")), tag
    hrefs = [str(tag["href"]) for tag in soup.find_all("a")]
    assert hrefs == ["https://support.mozilla.org/kb/telemetry"]  # the javascript: ref made no link
    csp = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert csp is not None and "default-src 'none'" in str(csp["content"])
    assert "<script>alert(1)</script>" in soup.get_text()
    assert "@media print" in page and "page-break-before" in page
    assert "url(" not in page and "@import" not in page  # no remote fonts or images from CSS
    assert soup.find("html")["lang"] == ("zh-CN" if lang == "zh" else "en")  # type: ignore[index]


def test_http_href() -> None:
    assert http_href("https://example.com/a") == "https://example.com/a"
    assert http_href("HTTP://example.com") == "HTTP://example.com"
    for bad in (
        "javascript:alert(1)",
        " javascript:alert(1)",
        "data:text/html,x",
        "//evil.example",
        "http://",
        "vbscript:x",
        "http://[::1",
    ):
        assert http_href(bad) is None, bad


@pytest.mark.parametrize("format_name", sorted(EXPORTERS))
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_control_characters_in_any_export(format_name: str, lang: Lang) -> None:
    output = EXPORTERS[format_name].render(hostile_plan(lang))
    found = sorted({hex(ord(char)) for char in output if char in CONTROL})
    assert found == []
    assert "\x1b" not in output


def test_json_and_csv_stay_parseable_with_hostile_text() -> None:
    plan = hostile_plan("en")
    document = json.loads(EXPORTERS["json"].render(plan))
    assert document["plan"]["sites"][0]["title"].startswith("<script>")
    rows = list(csv.reader(io.StringIO(EXPORTERS["csv"].render(plan).lstrip("\ufeff"))))
    assert rows[0] == ["id", "principle", "title", "state", "due"]
    assert all(len(row) == 5 for row in rows)


def test_details_are_left_out_by_default() -> None:
    plan = build_plan(sample_inputs(), "en", FIXED_NOW)
    for exporter in EXPORTERS.values():
        output = exporter.render(plan)
        assert "bank.example.com" not in output, exporter.name
        assert "/home/ann" not in output, exporter.name


@settings(max_examples=120, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("abc XYZ019<>[]()!*_`~#+-.:@&;=/\\|{}'\"$%^?\u4e2d\u6587\uff1a\t")), max_size=60
    )
)
def test_escaped_text_always_renders_as_the_same_plain_text(text: str) -> None:
    html = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).render(f"- {escape(text)}")
    soup = BeautifulSoup(html, "lxml")
    assert {tag.name for tag in soup.find_all(True)} <= {"html", "body", "ul", "li"}
    assert soup.get_text().strip() == " ".join(text.split())
