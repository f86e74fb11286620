"""Field description, label inference, required markers and hostile input, case by case."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from privacy_hygiene.catalog import Catalog
from privacy_hygiene.catalog.schemas.forms import FormsFile
from privacy_hygiene.forms import analyze_forms
from privacy_hygiene.forms.describe import name_tokens
from privacy_hygiene.models import FormField, Page


def fields_of(
    make_page: Callable[..., Page], catalog: Catalog, body: str, url: str = "https://example.com/"
) -> list[FormField]:
    forms = analyze_forms(make_page(f"<html><body>{body}</body></html>", url), catalog)
    assert len(forms) == 1
    return list(forms[0].fields)


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (("signup[mailAddress]",), "signup mail address"),
        (("user_phone1",), "user phone 1"),
        (("loginUserDTO.id_no", "cardCode"), "login user dto id no card code"),
        (("HTMLParser",), "html parser"),
        (("手机号",), "手机号"),
    ],
)
def test_name_tokens(values: tuple[str, ...], expected: str) -> None:
    assert name_tokens(*values) == expected


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        ('<form><label for="a">Email</label><input id="a" name="x1"></form>', "email"),
        ('<form><label>手机号码 <input name="x1"></label></form>', "phone"),
        ('<form><span id="l">身份证号</span><input name="x1" aria-labelledby="l"></form>', "national_id"),
        ('<form><table><tr><td>真实姓名：</td><td><input name="x1"></td></tr></table></form>', "full_name"),
        ('<form><dl><dt>出生日期</dt><dd><input name="x1"></dd></dl></form>', "birth_date"),
        (
            "<form><table><tr><th>E-mail</th><th>Phone</th></tr>"
            '<tr><td><input name="a"></td><td><input name="x1"></td></tr></table></form>',
            "phone",
        ),
        ('<form><input name="x1" placeholder="請輸入行動電話"></form>', "phone"),
        ('<form><input name="x1" autocomplete="shipping postal-code" placeholder="Name"></form>', "postal_code"),
        ('<form>公司名称<input name="x1"></form>', "other"),
        ('<form>Company name <input name="x1"></form>', "other"),
        ('<form>图形验证码<input name="x1"><img src="/c.png"></form>', "captcha"),
        ('<form>短信验证码<input name="x1"></form>', "sms_code"),
        ('<form>验证码<input name="x1"><button type="button">获取验证码</button></form>', "sms_code"),
        ('<form>Security code <input name="x1"></form>', "captcha"),
        ('<form>Card number <input name="c"> Security code <input name="x1"></form>', "card_cvc"),
        ('<form>支付密码<input type="password" name="x1"></form>', "payment_pin"),
        ('<form>Mother\'s maiden name <input name="x1"></form>', "security_answer"),
        ('<form><input name="xingming"></form>', "full_name"),
        ('<form><input name="sfz"></form>', "national_id"),
        ('<form>Leave this field empty <input name="email" type="email"></form>', "other"),
        ('<form>Coupon code <input name="coupon_code"></form>', "other"),
        ('<form>Prénom <input name="a"> Nom <input name="x1"></form>', "family_name"),
        ('<form><textarea name="g-recaptcha-response"></textarea></form>', "captcha"),
        ('<form>City <input name="c"> Pin code <input name="x1"></form>', "postal_code"),  # India
        ('<form>Card number <input name="c"> Card PIN code <input type="password" name="x1"></form>', "payment_pin"),
        ('<form>Radio <input type="radio" name="q" value="1"> One</form>', "other"),
    ],
)
def test_kind_from_what_the_page_says(make_page: Callable[..., Page], catalog: Catalog, body: str, kind: str) -> None:
    # post: a lone box in a GET form is a search box whatever its label says
    assert fields_of(make_page, catalog, body.replace("<form>", '<form method="post">', 1))[-1].kind == kind


@pytest.mark.parametrize(
    ("body", "required"),
    [
        ('<form>姓名<input name="a"><font color="red">*</font></form>', True),
        ('<form><span class="red">*</span>姓名<input name="a"></form>', True),
        ('<form>姓名<input name="a" required></form>', True),
        ('<form>姓名<input name="a" aria-required="false"></form>', False),
        ('<form>姓名<input name="a" lay-verify="required|phone"></form>', True),
        ('<form><div class="el-form-item is-required"><input name="a"></div></form>', True),
        ('<form><label for="a" class="ant-form-item-required">姓名</label><input id="a"></form>', True),
        ('<form>姓名（选填）<input name="a"></form>', False),
        ('<form>Phone (optional) <input name="a"></form>', False),
        ('<form>Name <input name="a"> * <br> Email: <input name="b"></form>', True),
        ('<form>Name: <input name="a"><br>* Email: <input name="b"></form>', False),
        ('<form><p>所有项目均为必填</p>姓名<input name="a"></form>', True),
        ('<form>姓名<input name="a"></form>', False),
        ('<form>姓名<input name="a" class="validate[required,custom[onlyLetter]]"></form>', True),
        ('<form>手机<input name="a" datatype="m" ignore="ignore"></form>', False),
        ('<form>手机<input name="a" datatype="m"></form>', True),
        ('<form><div class="form-group required"><label>Email</label><input name="a"></div></form>', True),
        (
            '<form><table><tr><th>이름 <img src="r.gif" alt="필수"></th><td><input name="a"></td></tr></table></form>',
            True,
        ),
        ('<form><table><tr><th>전화 (선택)</th><td><input name="a"></td></tr></table></form>', False),
        ('<form><label>Cognome (obbligatorio)</label><input name="a"></form>', True),
        ('<form><label>Телефон (необязательно)</label><input name="a"></form>', False),
        ('<form><label>Email</label><input name="a" placeholder="Không bắt buộc"></form>', False),
        ('<form><label><input type="radio" name="v" value="1"> Да, обязательно</label></form>', False),
    ],
)
def test_required_markers(make_page: Callable[..., Page], catalog: Catalog, body: str, required: bool) -> None:
    assert fields_of(make_page, catalog, body)[0].required is required


def test_split_address_selects_share_the_label_and_its_asterisk(
    make_page: Callable[..., Page], catalog: Catalog
) -> None:
    body = '<form><p><b>*</b>所在地区 <select name="p1"></select><select name="p2"></select></p></form>'
    fields = fields_of(make_page, catalog, body)
    assert [(field.kind, field.required) for field in fields] == [("address", True), ("address", True)]


def test_hostile_pages_are_bounded_and_sanitised(make_page: Callable[..., Page], catalog: Catalog) -> None:
    assert analyze_forms(make_page(""), catalog) == ()
    assert analyze_forms(make_page("<<<>>>"), catalog) == ()
    deep = "<div>" * 5000 + '<form><input name="q"></form>' + "</div>" * 5000
    analyze_forms(make_page(deep), catalog)  # must not recurse itself to death
    many = "<form>" + "".join(f'<input name="f{n}">' for n in range(3000)) + "</form>"
    (form,) = analyze_forms(make_page(many), catalog)
    assert len(form.fields) == 400
    evil = '<form action="/x\x1b[31m"><input name="a\x1b]0;pwned\x07b" type="email"></form>'
    (form,) = analyze_forms(make_page(evil), catalog)
    payload = form.to_json()
    assert "\x1b" not in str(payload)
    assert payload["fields"][0]["kind"] == "email"


def test_form_indices_follow_document_order(make_page: Callable[..., Page], catalog: Catalog) -> None:
    html = '<form><input name="q"></form><div><form action="/b"><input type="password" name="p"></form></div>'
    forms = analyze_forms(make_page(html), catalog)
    assert [form.index for form in forms] == [0, 1]
    assert [len(form.fields) for form in forms] == [1, 1]
    assert len(forms) == len(make_page(html).soup.find_all("form"))


def test_a_bad_pattern_in_forms_toml_fails_with_its_path(tmp_path: Path) -> None:
    from privacy_hygiene.errors import HeuristicsError
    from privacy_hygiene.paths import heuristics_root

    root = tmp_path / "heuristics"
    shutil.copytree(str(heuristics_root()), root)
    text = (root / "forms.toml").read_text(encoding="utf-8")
    (root / "forms.toml").write_text(text.replace("'邮编', ", "'邮编(', ", 1), encoding="utf-8")
    with pytest.raises(HeuristicsError, match=r"kind\[\d+\]\.terms"):
        Catalog(root).file("forms.toml", FormsFile)


def test_labels_in_the_row_above_are_column_headers(make_page: Callable[..., Page], catalog: Catalog) -> None:
    body = (
        '<form method="post"><table><tr><td>Telephone</td><td>Name</td><td>姓名</td></tr>'
        '<tr><td><input name="a"></td><td><input name="b"></td><td><input name="c"></td></tr></table></form>'
    )
    assert [field.kind for field in fields_of(make_page, catalog, body)] == ["phone", "full_name", "full_name"]


@pytest.mark.parametrize(
    "html",
    [
        '<form id="a"><input name="x"><form id="b"><input name="y"></form><input name="z"></form><form id="c"></form>',
        '<table><form id="a"><tr><td><input name="x"></td></tr></form></table><form id="b"><input name="q"></form>',
        '<p><form id="a"><input name="x"></p><form id="b"></form>',
        '<form id="a"><select name="s"><option>1<form id="b"></select></form>',
    ],
)
def test_forms_and_fields_agree_with_beautifulsoup_lxml(
    make_page: Callable[..., Page], catalog: Catalog, html: str
) -> None:
    # the analysis parses with lxml directly; the form indices must be the ones BeautifulSoup sees
    page = make_page(html)
    expected = [
        [element.get("name") for element in form.find_all(["input", "select", "textarea"])]
        for form in page.soup.find_all("form")
    ]
    got = [[field.name for field in form.fields] for form in analyze_forms(page, catalog)]
    assert got == expected
