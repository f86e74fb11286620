"""Pretext rules (PH-CONTENT-310/320): the "your account, card, ETC or parcel has a problem" story of
bank, payment, courier and government phishing. For each rule a page that must be flagged and a near
miss that must not, in Chinese and English; plus the general mechanisms they rely on (a form placed
straight in <body> is framed by the blocks above it; a quoted phrase is a mention, not an offer)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from privacy_hygiene.catalog import Catalog
from privacy_hygiene.models import Page, Severity
from tests.analyzers.test_content import html, worst

ZH_CARD_FORM = (
    '<form method="post" action="/next"><input name="xm" placeholder="姓名"><input name="sfz" placeholder="身份证号">'
    '<input name="kh" placeholder="银行卡号"><input name="sj" placeholder="预留手机号"><button>提交</button></form>'
)
EN_LOGIN_FORM = (
    '<form method="post" action="/signin"><input name="email" type="email" placeholder="Email">'
    '<input name="pw" type="password" placeholder="Password"><button>Log in</button></form>'
)
EN_CARD_FORM = (
    '<form method="post" action="pay.php"><input name="name" placeholder="Full name">'
    '<input name="card" placeholder="Card number"><input name="exp" placeholder="MM/YY">'
    '<input name="cvv" placeholder="CVV"><button>Pay</button></form>'
)

CASES = [
    # PH-CONTENT-310: the story alone is a low tip
    ("zh-etc-words", html("ETC", "<p>您的ETC已失效，请联系客服。</p>"), {"PH-CONTENT-310": Severity.LOW}),
    (
        "en-locked-words",
        html("Notice", "<p>Your account has been temporarily suspended.</p>", "en"),
        {"PH-CONTENT-310": Severity.LOW},
    ),
    # near miss: the bank's own warning that it never asks ("不会…冻结", "will never")
    (
        "zh-bank-warning",
        html("安全提示", "<p>本行不会以账户被冻结为由要求您提供验证码。</p>" + ZH_CARD_FORM.replace("提交", "查询")),
        {},
    ),
    (
        "en-courier-warning",
        html("Redelivery", "<p>We will never text you asking for a redelivery fee.</p>", "en"),
        {},
    ),
    # PH-CONTENT-320: the story framing a form: card data → high, a password → medium
    (
        "zh-etc-card-form",
        html("ETC服务", "<div class='notice'>尊敬的车主：您的ETC已失效，请在线认证。</div>" + ZH_CARD_FORM),
        {"PH-CONTENT-310": Severity.LOW, "PH-CONTENT-320": Severity.HIGH},
    ),
    (
        "zh-yibao-card-form",
        html("医保服务", "<h2>您的医保卡异常，已被暂停使用</h2>" + ZH_CARD_FORM),
        {"PH-CONTENT-310": Severity.LOW, "PH-CONTENT-320": Severity.HIGH},
    ),
    (
        "en-limited-login",
        html("Sign in", "<div>Your account access has been limited.</div>" + EN_LOGIN_FORM, "en"),
        {"PH-CONTENT-310": Severity.LOW, "PH-CONTENT-320": Severity.MEDIUM},
    ),
    (
        "en-redelivery-card",
        html("Redelivery", "<h1>Your package is on hold</h1><p>Pay the $0.30 redelivery fee.</p>" + EN_CARD_FORM, "en"),
        {"PH-CONTENT-310": Severity.LOW, "PH-CONTENT-320": Severity.HIGH},
    ),
    # the money-to-you stories: compensation for a lost parcel, a tax refund, a higher credit limit
    (
        "zh-lost-parcel-compensation",
        html("理赔", "<p>您的快递在运输途中丢失，可获得三倍赔偿共计356元，请填写收款信息。</p>" + ZH_CARD_FORM),
        {"PH-CONTENT-310": Severity.LOW, "PH-CONTENT-320": Severity.HIGH},
    ),
    (
        "en-locked-apple-id",
        html("Locked", "<h1>Your Apple ID has been locked for security reasons</h1>" + EN_LOGIN_FORM, "en"),
        {"PH-CONTENT-310": Severity.LOW, "PH-CONTENT-320": Severity.MEDIUM},
    ),
    (
        "en-customs-fee",
        html("Customs", "<h2>Import duties of $2.99 must be paid before release</h2>" + EN_CARD_FORM, "en"),
        {"PH-CONTENT-310": Severity.LOW, "PH-CONTENT-320": Severity.HIGH},
    ),
    (
        "zh-deposit-to-unfreeze",
        html("解冻", "<h2>您的花呗额度已被冻结</h2><p>需缴纳保证金进行流水验证</p>" + ZH_CARD_FORM),
        {"PH-CONTENT-310": Severity.LOW, "PH-CONTENT-320": Severity.HIGH},
    ),
    (
        "en-unpaid-toll",
        html("Toll", "<h2>Unpaid toll notice</h2><p>Pay $6.99 to avoid a late fee.</p>" + EN_CARD_FORM, "en"),
        {"PH-CONTENT-310": Severity.LOW, "PH-CONTENT-320": Severity.HIGH},
    ),
    (
        "zh-hant-frozen",
        html("帳戶安全", "<h2>您的帳戶已被凍結，請立即驗證身份</h2>" + ZH_CARD_FORM, "zh-TW"),
        {"PH-CONTENT-310": Severity.LOW, "PH-CONTENT-320": Severity.HIGH},
    ),
    (
        "zh-hant-parcel",
        html("包裹", "<p>您的包裹因地址不詳無法派送</p>" + ZH_CARD_FORM, "zh-TW"),
        {"PH-CONTENT-310": Severity.LOW, "PH-CONTENT-320": Severity.HIGH},
    ),
    # near miss: a service's own "update payment method" page tells no story
    (
        "en-update-payment",
        html("Account", "<h1>Update payment method</h1><p>Your next bill is on 12 May.</p>" + EN_CARD_FORM, "en"),
        {},
    ),
    # near miss: the bank's own risk notice describing what impostors send (冒充, impersonate)
    (
        "zh-impostor-notice",
        html("风险提示", "<div>近期有不法分子冒充银行发送您的账户已被冻结等短信。</div>" + ZH_CARD_FORM),
        {},
    ),
    (
        "en-impostor-notice",
        html("Alert", "<div>Fraudsters send texts saying your account has been suspended.</div>" + EN_LOGIN_FORM, "en"),
        {},
    ),
    # near miss: a plain login or checkout with no story; the story far from an unrelated search box
    ("en-plain-login", html("Sign in", "<h1>Welcome back</h1>" + EN_LOGIN_FORM, "en"), {}),
    ("zh-plain-checkout", html("结算", "<h3>收货信息</h3>" + ZH_CARD_FORM), {}),
    (
        "zh-story-without-secrets",
        html("积分", "<p>您的积分即将清零</p><form><input name='q' placeholder='搜索商品'></form>"),
        {"PH-CONTENT-310": Severity.LOW},
    ),
]


@pytest.mark.parametrize(("name", "page_html", "expected"), CASES, ids=[case[0] for case in CASES])
def test_rule(
    name: str, page_html: str, expected: dict[str, Severity], make_page: Callable[..., Page], catalog: Catalog
) -> None:
    found = worst(make_page(page_html, "https://example.com/"), catalog)
    pretext = {rule: severity for rule, severity in found.items() if rule in ("PH-CONTENT-310", "PH-CONTENT-320")}
    assert pretext == expected


def test_top_level_form_is_framed_by_the_blocks_above(make_page: Callable[..., Page], catalog: Catalog) -> None:
    """A phishing kit puts its notice and its form side by side in <body>: the notice frames the form;
    the same notice after an unrelated page section and far down the page does not."""
    framed = html("服务", "<div>您的账户已被冻结，请完成身份核验</div>" + ZH_CARD_FORM)
    assert worst(make_page(framed, "https://example.com/"), catalog).get("PH-CONTENT-320") == Severity.HIGH
    far = html(
        "服务",
        ZH_CARD_FORM + "".join(f"<p>段落{i}</p>" for i in range(5)) + "<div>您的账户已被冻结</div>",
    )
    assert "PH-CONTENT-320" not in worst(make_page(far, "https://example.com/"), catalog)


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("你是否参加过网上的“免费领取”活动？", False),
        ("警方提醒：「免费领」的手环要付运费", False),
        ("【免费领取】智能手环", True),  # 【】 is how scam kits shout, not a quotation
        ("今日免费领取智能手环", True),
        ("短信称“恭喜您获得本期免费领取资格，请点击链接”，请勿相信", False),  # inside a longer quotation
        ("“活动”已结束。今日免费领取智能手环，“限量”供应", True),  # quotations elsewhere do not hide it
    ],
)
def test_quoted_phrase_is_a_mention(text: str, flagged: bool, make_page: Callable[..., Page], catalog: Catalog) -> None:
    found = worst(make_page(html("活动", f"<p>{text}</p>"), "https://example.com/"), catalog)
    assert ("PH-CONTENT-110" in found) is flagged


def test_wechat_red_packet_is_prize_bait(make_page: Callable[..., Page], catalog: Catalog) -> None:
    body = "<p>张三 给你发了一个红包</p><p>红包已存入零钱，提现需验证身份</p>" + ZH_CARD_FORM
    found = worst(make_page(html("微信红包", body), "https://example.com/"), catalog)
    assert found["PH-CONTENT-110"] == Severity.LOW
    assert found["PH-CONTENT-120"] == Severity.HIGH
    assert found["PH-CONTENT-320"] == Severity.HIGH


@pytest.mark.parametrize(
    ("page_html", "rule", "floor"),
    [
        (
            html(
                "Quiz",
                "<h1>What does your birthday say about you?</h1><form>"
                "<input name='n' placeholder='First name'><input name='b' placeholder='Birthday (MM/DD/YYYY)'>"
                "<input name='p' placeholder='Mobile number'></form>",
                "en",
            ),
            "PH-CONTENT-020",
            Severity.MEDIUM,
        ),
        (
            html(
                "新人礼",
                "<div><img src='/b.jpg' alt='新人专享 注册即领 iPhone 16'></div><form>"
                "<input name='sj' placeholder='手机号'><input name='sfz' placeholder='身份证号'>"
                "<button>注册并领取</button></form>",
            ),
            "PH-CONTENT-120",
            Severity.MEDIUM,
        ),
        (
            html(
                "试用",
                "<h2>您已入选本期体验官，0元试用，仅需支付29元保证金</h2><form>"
                "<input name='xm' placeholder='姓名'><input name='sj' placeholder='手机号'>"
                "<input name='dz' placeholder='收货地址'></form>",
            ),
            "PH-CONTENT-130",
            Severity.MEDIUM,
        ),
        (
            html(
                "Fairy",
                "<h1>Find your fairy name</h1><form><input name='m' placeholder='Birth month'>"
                "<input name='x' placeholder=\"Mother's maiden name\"></form>",
                "en",
            ),
            "PH-CONTENT-030",
            Severity.MEDIUM,
        ),
    ],
)
def test_new_wording_reaches_the_structural_rules(
    page_html: str, rule: str, floor: Severity, make_page: Callable[..., Page], catalog: Catalog
) -> None:
    assert worst(make_page(page_html, "https://example.com/"), catalog)[rule] >= floor


def test_article_about_birthdays_is_only_a_hint(make_page: Callable[..., Page], catalog: Catalog) -> None:
    article = html(
        "Study",
        "<h1>What does your birthday say about you? Not much, a study finds</h1><p>No link to personality.</p>"
        "<form action='/search'><input name='q' placeholder='Search'></form>",
        "en",
    )
    found = worst(make_page(article, "https://news.example.com/"), catalog)
    assert all(severity <= Severity.LOW for severity in found.values())
    assert "PH-CONTENT-020" not in found


@pytest.mark.parametrize(
    ("above", "flagged"),
    [
        ("<h1>BTC giveaway: send 0.1 BTC and receive double back</h1>", True),
        ("<h1>关注我们的公众号，获取每周新闻</h1>", False),
    ],
)
def test_top_level_qr_code_is_read_with_the_blocks_above(
    above: str, flagged: bool, make_page: Callable[..., Page], catalog: Catalog
) -> None:
    """A QR code in a block of its own straight under <body>: what it is for is written just above."""
    page_html = html("活动", f"{above}<p><img src='/img/qr.png' alt='QR'></p><p>bc1qxy2kgdyg</p>")
    found = worst(make_page(page_html, "https://example.com/"), catalog)
    assert ("PH-CONTENT-140" in found) is flagged


@pytest.mark.parametrize(
    ("url", "flagged"),
    [
        ("https://www.barclays.co.uk/help/locked-out/", False),  # the bank's own domain
        ("https://claims.example.gov/refund", False),  # a government suffix
        ("https://barclays-secure-unlock.com/help/", True),
        ("https://unlock-help.example.com/", True),
    ],
)
def test_story_on_the_institutions_own_site_is_its_notice(
    url: str, flagged: bool, make_page: Callable[..., Page], catalog: Catalog
) -> None:
    page_html = html("Locked", "<h1>Your account has been temporarily suspended</h1>" + EN_CARD_FORM, "en")
    found = worst(make_page(page_html, url), catalog)
    assert found["PH-CONTENT-310"] == Severity.LOW
    assert ("PH-CONTENT-320" in found) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Get $750 to your Cash App! Complete 3 deals to receive your reward.", True),
        ("One grand prize winner will receive a $1,000 gift card. No purchase necessary.", False),
    ],
)
def test_reward_lead_generation_words(
    text: str, flagged: bool, make_page: Callable[..., Page], catalog: Catalog
) -> None:
    found = worst(make_page(html("Offer", f"<h1>{text}</h1>", "en"), "https://example.com/"), catalog)
    assert (found.get("PH-CONTENT-110") == Severity.LOW) is flagged
