"""The necessity policy of heuristics/purposes.toml, and purposes from composition and words."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from privacy_hygiene.catalog import Catalog
from privacy_hygiene.forms import analyze_forms
from privacy_hygiene.forms.analyze import lexicons
from privacy_hygiene.forms.necessity import judge
from privacy_hygiene.models import Page, Severity


@pytest.mark.parametrize(
    ("kind", "purpose", "mainland", "real_name", "unneeded", "severity"),
    [
        ("phone", "registration", True, False, False, Severity.INFO),  # 2021 rules: phone at sign-up
        ("phone", "newsletter", True, False, True, Severity.MEDIUM),
        ("national_id", "registration", True, False, True, Severity.HIGH),
        ("national_id", "registration", True, True, False, Severity.INFO),  # rail, bank, government
        ("national_id", "login", True, False, False, Severity.INFO),  # portals that sign in by ID number
        ("national_id", "login", False, False, True, Severity.HIGH),
        ("national_id", "survey", True, False, True, Severity.CRITICAL),
        ("card_cvc", "checkout", False, False, False, Severity.INFO),
        ("card_cvc", "prize_claim", False, False, True, Severity.CRITICAL),
        ("payment_pin", "other", False, False, True, Severity.CRITICAL),
        ("birth_time", "fortune_telling", True, False, True, Severity.HIGH),
        ("gender", "newsletter", False, False, True, Severity.MEDIUM),
        ("gender", "survey", False, False, False, Severity.INFO),
        ("email", "survey", False, False, False, Severity.INFO),  # not sensitive at all
    ],
)
def test_policy(
    catalog: Catalog, kind: str, purpose: str, mainland: bool, real_name: bool, unneeded: bool, severity: Severity
) -> None:
    _, table = lexicons(catalog)
    verdict = judge(kind, True, purpose, table, mainland=mainland, real_name=real_name)
    assert verdict.unneeded is unneeded
    assert verdict.severity == severity
    assert judge(kind, False, purpose, table, mainland=mainland).unneeded is False  # optional: never flagged


@pytest.mark.parametrize(
    ("body", "purpose"),
    [
        ('<form method="post"><input type="email" name="e"><button>Sign up</button></form>', "newsletter"),
        (
            '<h2>Create an account</h2><form method="post"><input type="email" name="e">'
            "<button>Sign up</button></form>",
            "registration",
        ),
        (
            '<h2>Forgot your password?</h2><form method="post"><input type="email" name="e">'
            "<button>Send</button></form>",
            "password_recovery",
        ),
        ('<form method="post"><textarea name="comment"></textarea><button>Post</button></form>', "contact"),
        (
            '<form method="post"><select name="size"><option>S</option></select><input name="qty" value="1"></form>',
            "checkout",
        ),
        ('<form method="get"><select name="sort"><option>Newest</option></select></form>', "other"),
        ('<form action="/s"><input name="q"><button>Go</button></form>', "search"),
        (
            '<form method="post">手机号<input name="m">验证码<input name="c"><button type="button">获取验证码</button>'
            "<button>登录</button></form>",
            "login",
        ),
        (
            '<form method="post"><input name="u"><input type="password" name="p"><input type="password" name="p2">'
            "</form>",
            "registration",
        ),
        # a lucky draw's sign-in box is a sign-in: it asks how to log in, not for a prize's details
        (
            '<h1>幸运大抽奖</h1><form method="post">手机号<input name="m">验证码<input name="c">'
            "<button>立即抽奖</button></form>",
            "login",
        ),
        (
            '<h1>幸运大抽奖</h1><form method="post">姓名<input name="n">手机号<input name="m">'
            "地址<input name='a'><button>领取奖品</button></form>",
            "prize_claim",
        ),
        # a callback request is a contact form (name + phone, no message box)
        (
            '<form method="post">Имя<input name="n"> Телефон<input name="t">'
            "<button>Заказать обратный звонок</button></form>",
            "contact",
        ),
        (
            '<form method="post">Name<input name="n"> Phone<input name="t" type="tel">'
            "<button>Call me back</button></form>",
            "contact",
        ),
        ('<form method="post">称呼<input name="n"> 手机<input name="t"><button>预约回电</button></form>', "contact"),
        # a lone box in a GET form is a search, unless it names a coupon or a quantity
        (
            '<form><label for="d">Enter discount code</label><input id="d" name="discount_code">'
            "<button>Apply</button></form>",
            "checkout",
        ),
        ('<form action="/cart/add">数量<input name="pcount" value="1"><button>加入购物车</button></form>', "checkout"),
        (
            '<form action="/find"><label for="z">Keywords</label><input id="z" name="words"><button>Go</button></form>',
            "search",
        ),
    ],
)
def test_purpose(make_page: Callable[..., Page], catalog: Catalog, body: str, purpose: str) -> None:
    (form,) = analyze_forms(make_page(f"<html><head><title>Home</title></head><body>{body}</body></html>"), catalog)
    assert form.purpose == purpose


def test_the_title_speaks_only_for_forms_that_ask_something_personal(
    make_page: Callable[..., Page], catalog: Catalog
) -> None:
    html = (
        "<html><head><title>八字算命 免费测算</title></head><body>"
        '<form method="post"><select name="order"><option>最新</option></select></form>'
        '<form method="post">姓名<input name="n">生日<input name="b" type="date"></form></body></html>'
    )
    first, second = analyze_forms(make_page(html), catalog)
    assert (first.purpose, second.purpose) == ("other", "fortune_telling")


KYC_FORM = """<html lang="en"><head><title>Open an account</title></head><body><h1>Open an account</h1>
<form method="post" action="/sign-up/details">
<label for="n">Legal name</label><input id="n" name="legal_name" required>
<label for="d">Date of birth</label><input id="d" name="dob" type="date" required>
<label for="a">Home address</label><input id="a" name="home_address" required>
<label for="e">Email</label><input id="e" name="email" type="email" required>
<button>Continue</button></form></body></html>"""


@pytest.mark.parametrize(
    ("url", "unneeded"),
    [
        ("https://www.monzo.com/sign-up", set()),  # a bank's own domain: know your customer
        ("https://secure.hsbc.co.uk/open-account", set()),
        ("https://monzo-accounts.help/sign-up", {"dob", "home_address"}),  # not the bank's domain
        ("https://www.spotify.com/signup", {"dob", "home_address"}),  # a brand, but not a regulated one
        ("https://www.amtrak.com/guestrewards/enroll", set()),  # a rail operator's own site
    ],
)
def test_a_regulated_brands_own_domain_may_verify_identity(
    make_page: Callable[..., Page], catalog: Catalog, url: str, unneeded: set[str]
) -> None:
    (form,) = analyze_forms(make_page(KYC_FORM, url), catalog)
    assert {field.name for field in form.fields if field.unneeded} == unneeded


PATIENT_FORM = """<html lang="{lang}"><head><title>{title}</title></head><body><h1>{title}</h1>
<form method="post" action="/submit">
<label for="n">{name}</label><input id="n" name="name" required>
<label for="d">{dob}</label><input id="d" name="dob" type="date" required>
<label for="p">{phone}</label><input id="p" name="tel" type="tel" required>
<textarea name="note" aria-label="{note}"></textarea>
<button>{send}</button></form></body></html>"""


@pytest.mark.parametrize(
    ("title", "lang", "words", "unneeded"),
    [
        (
            "Request an appointment - Riverside Clinic",
            "en",
            ("Name", "Date of birth", "Phone", "Reason", "Send"),
            set(),
        ),
        ("预约挂号 - 第三人民医院", "zh-CN", ("姓名", "出生日期", "手机号", "病情描述", "提交"), set()),
        ("Contact our design studio", "en", ("Name", "Date of birth", "Phone", "Message", "Send"), {"dob"}),
        ("联系我们 - 装修公司", "zh-CN", ("姓名", "出生日期", "手机号", "留言", "提交"), {"dob"}),
    ],
)
def test_a_patient_must_be_identified_but_a_studio_has_no_use_for_a_birth_date(
    make_page: Callable[..., Page],
    catalog: Catalog,
    title: str,
    lang: str,
    words: tuple[str, ...],
    unneeded: set[str],
) -> None:
    name, dob, phone, note, send = words
    html = PATIENT_FORM.format(title=title, lang=lang, name=name, dob=dob, phone=phone, note=note, send=send)
    (form,) = analyze_forms(make_page(html, "https://example.com/form"), catalog)
    assert {field.name for field in form.fields if field.unneeded} == unneeded


BANK_LOGIN = """<html lang="zh-CN"><head><title>个人银行大众版 登录</title></head><body>
<form method="post" action="Login.aspx"><table>
<tr><td>一卡通卡号</td><td><input name="ClientNo" required></td></tr>
<tr><td>取款密码</td><td><input name="AtmPwd" type="password" maxlength="6" required></td></tr>
</table><button>登录</button></form></body></html>"""


@pytest.mark.parametrize(
    ("url", "flagged"),
    [("https://pbsz.ebank.cmbchina.com/Login.aspx", False), ("https://cmbchina-ebank.top/Login", True)],
)
def test_a_banks_own_site_may_ask_its_card_pin(
    make_page: Callable[..., Page], catalog: Catalog, url: str, flagged: bool
) -> None:
    (form,) = analyze_forms(make_page(BANK_LOGIN, url), catalog)
    assert any(field.unneeded for field in form.fields) is flagged


RAIL_SIGN_UP = """<html lang="en"><head><title>Next Generation eTicketing System - User Registration</title>
<meta name="description" content="National railway ticketing: user registration"></head><body>
<h1>Create your account</h1><form method="post" action="/signup">
<label>User name *<input name="u" required></label><label>Password *<input name="p" type="password" required></label>
<label>Security question *<select name="q" required><option>What is your pet name?</option></select></label>
<label>Security answer *<input name="a" required></label>
<label>Date of birth *<input name="dob" type="date" required></label>
<label>Gender *<select name="g" required><option>Male</option><option>Female</option></select></label>
<label>Address *<input name="addr" required></label><label>Pin code *<input name="pin" required></label>
</form></body></html>"""


@pytest.mark.parametrize(
    ("title", "unneeded"),
    [
        ("Next Generation eTicketing System - User Registration", set()),  # a rail ticketing account
        ("Cooking Club - User Registration", {"a", "dob", "g", "addr"}),
    ],
)
def test_a_rail_ticketing_account_may_verify_the_passenger(
    make_page: Callable[..., Page], catalog: Catalog, title: str, unneeded: set[str]
) -> None:
    html = RAIL_SIGN_UP.replace("Next Generation eTicketing System - User Registration", title)
    if "Cooking" in title:
        html = html.replace("National railway ticketing: user registration", "Recipes and cooking tips")
    (form,) = analyze_forms(make_page(html, "https://www.example.in/signup"), catalog)
    assert {field.name for field in form.fields if field.unneeded} == unneeded
