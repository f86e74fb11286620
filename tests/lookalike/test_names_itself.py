"""A page that calls itself by its own domain's name (in two places) speaks for its own organisation."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from privacy_hygiene.catalog import Catalog
from privacy_hygiene.lookalike.mentions import names_itself

PAGE = (
    "<html><head><title>Wanderly Rewards</title></head><body><h1>Your points</h1>"
    "<footer>&copy; 2026 Wanderly, Inc.</footer></body></html>"
)


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("www.wanderly.com", True),
        ("wanderly.co.uk", True),
        # named by a domain anyone can make look like a name: hyphens, cheap TLDs, hosting suffixes
        ("wanderly-points.com", False),
        ("wanderly.top", False),
        ("wanderly.netlify.app", False),
        # another organisation's domain
        ("travelpoints.com", False),
    ],
)
def test_own_name(host: str, expected: bool, catalog: Catalog) -> None:
    assert names_itself(BeautifulSoup(PAGE, "html.parser"), host, catalog) is expected


def test_one_mention_is_not_enough(catalog: Catalog) -> None:
    page = "<html><head><title>Wanderly Rewards</title></head><body><h1>Your points</h1></body></html>"
    assert not names_itself(BeautifulSoup(page, "html.parser"), "wanderly.com", catalog)


def test_keyword_labels_do_not_count(catalog: Catalog) -> None:
    page = "<html><head><title>Secure</title></head><body><h1>Secure</h1></body></html>"
    assert not names_itself(BeautifulSoup(page, "html.parser"), "secure.com", catalog)
