"""Per technique: hosts that must be flagged with the right brand, and real hosts that must not."""

from __future__ import annotations

import pytest

from privacy_hygiene.lookalike import Detector


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector()


FLAGGED = [
    # Unicode confusable skeletons (Cyrillic, Greek, Armenian, marks, hooks), also as punycode
    ("аlipay.com", "alipay.com", "homoglyph"),
    ("xn--lipay-3ve.com", "alipay.com", "homoglyph"),
    ("раураl.com", "paypal.com", "homoglyph"),
    ("аррӏе.com", "apple.com", "homoglyph"),
    ("gοοgle.com", "google.com", "homoglyph"),
    ("ɡoogle.com", "google.com", "homoglyph"),
    ("ícbc.com.cn", "icbc.com.cn", "homoglyph"),
    ("јd.com", "jd.com", "homoglyph"),
    ("taobaօ.com", "taobao.com", "homoglyph"),
    ("ɗropbox.com", "dropbox.com", "homoglyph"),
    ("binanсe.com", "binance.com", "homoglyph"),
    ("microsoftоnline.com", "microsoftonline.com", "homoglyph"),
    ("ЅАМЅUNG.com", "samsung.com", "homoglyph"),
    ("nеtflix.com", "netflix.com", "homoglyph"),
    ("coinbasė.com", "coinbase.com", "homoglyph"),
    ("metamαsk.io", "metamask.io", "homoglyph"),
    # a hooked letter TR39 leaves alone (ƈ) inside a brand's alias
    ("ƈhasebank.com", "chase.com", "combosquatting"),
    # ASCII look-alikes
    ("rnicrosoft.com", "microsoft.com", "ascii-lookalike"),
    ("paypa1.com", "paypal.com", "ascii-lookalike"),
    ("g00gle.com", "google.com", "ascii-lookalike"),
    ("vvellsfargo.com", "wellsfargo.com", "ascii-lookalike"),
    ("clropbox.com", "dropbox.com", "ascii-lookalike"),
    ("1cbc.com.cn", "icbc.com.cn", "ascii-lookalike"),
    ("aIipay.com", "alipay.com", "ascii-lookalike"),
    ("arnazon.com", "amazon.com", "ascii-lookalike"),
    # edit distance and adjacent swaps
    ("paypla.com", "paypal.com", "transposition"),
    ("gogole.com", "google.com", "transposition"),
    ("icbc.com.cn".replace("icbc", "ibcc"), "icbc.com.cn", "transposition"),
    ("taboao.com", "taobao.com", "transposition"),
    ("alipya.com", "alipay.com", "transposition"),
    ("facebok.com", "facebook.com", "omission"),
    ("amazn.com", "amazon.com", "omission"),
    ("linkedn.com", "linkedin.com", "omission"),
    ("paypall.com", "paypal.com", "repetition"),
    ("gooogle.com", "google.com", "repetition"),
    ("taobaoo.com", "taobao.com", "repetition"),
    ("pay-pal.com", "paypal.com", "hyphenation"),
    ("ali-pay.com", "alipay.com", "hyphenation"),
    ("coinbaase.com", "coinbase.com", "repetition"),
    ("netfliex.com", "netflix.com", "insertion"),
    ("paypak.com", "paypal.com", "replacement"),
    ("meituam.com", "meituan.com", "ascii-lookalike"),
    ("paypam.com", "paypal.com", "bitsquatting"),
    ("wellsfarqo.com", "wellsfargo.com", "ascii-lookalike"),
    ("bankofamerrica.com", "bankofamerica.com", "repetition"),
    ("bankofamrica.com", "bankofamerica.com", "omission"),
    ("wellfsargo.com", "wellsfargo.com", "transposition"),
    ("bankofamericca.com", "bankofamerica.com", "repetition"),
    ("p.aypal.com", "paypal.com", "dot-insertion"),
    ("icbcs.com.cn", "icbc.com.cn", "insertion"),
    ("ebays.com", "ebay.com", "insertion"),
    # TLD swap and suffix games
    ("paypal.xyz", "paypal.com", "tld-swap"),
    ("alipay.top", "alipay.com", "tld-swap"),
    ("icbc.cn.com", "icbc.com.cn", "suffix-game"),
    ("icbc-cn.com", "icbc.com.cn", "target-embedding"),
    ("icbccomcn.top", "icbc.com.cn", "suffix-game"),
    ("paypalcom.com", "paypal.com", "suffix-game"),
    ("www-paypal.com", "paypal.com", "suffix-game"),
    ("12306cn.com", "12306.cn", "suffix-game"),
    ("jd.top", "jd.com", "tld-swap"),
    ("taobao.com.tw", "taobao.com", "suffix-game"),
    # target embedding: the brand's whole domain inside a longer host
    ("icbc.com.cn.example.top", "icbc.com.cn", "target-embedding"),
    ("paypal.com.secure-login.net", "paypal.com", "target-embedding"),
    ("www.apple.com.id-verify.info", "apple.com", "target-embedding"),
    ("ccb.com.verify.top", "ccb.com", "target-embedding"),
    ("jd-com.shop", "jd.com", "target-embedding"),
    ("12306.cn.tickets.vip", "12306.cn", "target-embedding"),
    ("boc-cn.icu", "boc.cn", "target-embedding"),
    # the brand's name where it does not belong
    ("paypal.evilsite.com", "paypal.com", "brand-embedding"),
    ("mycoinbasewallet.com", "coinbase.com", "combosquatting"),
    ("netflixbilling.com", "netflix.com", "combosquatting"),
    # combosquatting, English and pinyin
    ("paypal-login.com", "paypal.com", "combosquatting"),
    ("secure-chase.com", "chase.com", "combosquatting"),
    ("appleid-verify.com", "apple.com", "combosquatting"),
    ("icbc-kefu.com", "icbc.com.cn", "combosquatting"),
    ("jdkefu.com", "jd.com", "combosquatting"),
    ("qq-denglu.top", "qq.com", "combosquatting"),
    ("ccb-yinhang.com", "ccb.com", "combosquatting"),
    ("alipay-tuikuan.cn", "alipay.com", "combosquatting"),
    ("zhifubao-denglu.com", "alipay.com", "combosquatting"),
    ("gongshang-yinhang.com", "icbc.com.cn", "combosquatting"),
    ("jianhang-kefu.net", "ccb.com", "combosquatting"),
    ("jiansheyinhang.com", "ccb.com", "combosquatting"),
    ("zhongguoyinhang-login.com", "boc.cn", "combosquatting"),
    ("12306-kefu.com", "12306.cn", "combosquatting"),
    ("chinatax-zhengwu.com", "chinatax.gov.cn", "combosquatting"),
    ("unionpay-verify.net", "unionpay.com", "combosquatting"),
    ("sf-express-kefu.com", "sf-express.com", "combosquatting"),
    ("micros0ft-support.net", "microsoft.com", "combosquatting"),
    ("login.paypal.secure-account.com", "paypal.com", "combosquatting"),
    ("wechatpay-refund.com", "wechatpay.com.hk", "combosquatting"),
    ("binance-airdrop.xyz", "binance.com", "combosquatting"),
    ("ups-delivery-8812x.com", "ups.com", "combosquatting"),
    ("att-mail-verify01.weebly.com", "att.com", "combosquatting"),
    ("icbcvip.com", "icbc.com.cn", "combosquatting"),
    ("paypal-verify01.com", "paypal.com", "combosquatting"),
    ("paypal-resolution-center.com", "paypal.com", "combosquatting"),
    ("discord-nitro-gift.com", "discord.com", "brand-embedding"),
    ("paypal-x7k2q.com", "paypal.com", "brand-embedding"),
    ("dhl-tracking.info", "dhl.com", "combosquatting"),
    ("usps-redelivery.com", "usps.com", "combosquatting"),
    ("12306-tuipiao.com", "12306.cn", "combosquatting"),
    ("paypa-login.com", "paypal.com", "omission"),
    ("www.icloud-findmy.com", "icloud.com", "brand-embedding"),
]

LEGITIMATE = [
    # brands' own domains and subdomains
    "www.paypal.com",
    "paypal.me",
    "mybank.icbc.com.cn",
    "www.icbc.com.cn",
    "ibsbjstar.ccb.com",
    "www.boc.cn",
    "www.bankcomm.com",
    "www.cmbchina.com",
    "www.95516.com",
    "pay.weixin.qq.com",
    "item.jd.com",
    "img10.360buyimg.com",
    "kyfw.12306.cn",
    "www.gov.cn",
    "etax.chinatax.gov.cn",
    "www.sf-express.com",
    "gw.alipayobjects.com",
    "login.microsoftonline.com",
    "outlook.live.com",
    "www.google.de",
    "www.amazon.co.jp",
    "appleid.apple.com",
    "www.apple.com.cn",
    "static.xx.fbcdn.net",
    "beijing.gov.cn",
    "www.tsinghua.edu.cn",
    # ordinary words and real sites near short brands (jd, qq, boc, ccb, abc, cmb, ups ...)
    "jdsports.com",
    "abcnews.go.com",
    "www.cnbc.com",
    "www.bose.com",
    "www.lg.com",
    "groups.io",
    "www.purchase.com",
    "pineapple.com",
    "www.applebees.com",
    "www.family.com",
    "apply.com",
    "www.accounting.org",
    "checking.net",
    "mailbox.org",
    "helpline.com",
    "www.bocconi.it",
    "cities.com",
    "www.hyundai.com",
    "www.instacart.com",
    "www.starlingbank.com",
    "www.softbank.jp",
    "www.11st.co.kr",
    "www.hexun.com",
    # real names one edit from a brand, which are words or other companies
    "goodie.com",
    "boogie.com",
    "lower.com",
    "sheen.com",
    "twister.com",
    "untied.com",
    "www.paypay.ne.jp",
    "www.yandex.ru",
    "intuitive.com",
    "aboriginal.org",
    "battlefield.com",
    "www.infidelity.com",
    "office.com.au",
    "abc-news-online.com",
    "www.bosch.com",
    # the brand's own side projects and fan sites in plain words; project pages on hosting platforms
    "netflixtechblog.com",
    "spotifycharts.com",
    "dropboxforum.com",
    "netflix.github.io",
    "paypal.zendesk.com",
    "netflix.myworkdayjobs.com",
    "hsbcs.net",
    # internationalised names in their own language: accents are a language, not a trick
    "bücher.de",
    "münchen.de",
    "zürich.ch",
    "straße.de",
    "françois.fr",
    "nestlé.com",
    "пример.рф",
    "ελλάδα.gr",
    "例子.中国",
    "www.discogs.com",
    "www.loews.com",
    # everyday pinyin that is also a bank's alias: zhaoshang (investment), jianshe (construction)
    "www.zhaoshang-touzi.com",
    "jianshe-gongcheng.cn",
    "www.huaxia.com",
    # not hosts, or IPs
    "192.168.1.1",
    "http://[2001:db8::1]/login",
    "http://3232235777/",
    "",
    "not a host",
]


@pytest.mark.parametrize(("host", "brand", "technique"), FLAGGED)
def test_flagged_with_the_right_brand(detector: Detector, host: str, brand: str, technique: str) -> None:
    verdict = detector.check(host)
    assert verdict.lookalike_of == brand, (host, verdict)
    assert verdict.technique == technique, (host, verdict)
    assert 0.5 <= verdict.score <= 1


@pytest.mark.parametrize("host", LEGITIMATE)
def test_legitimate_hosts_are_not_flagged(detector: Detector, host: str) -> None:
    verdict = detector.check(host)
    assert verdict.lookalike_of is None, (host, verdict)


def test_short_brands_need_more_than_a_short_word(detector: Detector) -> None:
    # two and three letters: a keyword, the brand's suffix or a visual trick is needed
    for host in ("jdx.com", "qqa.com", "bocy.com", "ccbx.com", "jdm.com", "abcd.com", "cmbs.net", "boc.de"):
        assert not detector.check(host).flagged, host
    for host, brand in (("jd-denglu.com", "jd.com"), ("qqkefu.cn", "qq.com"), ("boc-login.top", "boc.cn")):
        assert detector.check(host).lookalike_of == brand, host


def test_score_orders_evidence(detector: Detector) -> None:
    homoglyph = detector.check("аlipay.com").score
    typo = detector.check("alipya.com").score
    swap = detector.check("alipay.org").score
    assert homoglyph > typo > swap >= 0.5


def test_mixed_script_without_brand_is_suspicious_but_names_nothing(detector: Detector) -> None:
    verdict = detector.check("sоmeshop.com")  # Cyrillic о in an unknown name
    assert verdict.technique == "mixed-script"
    assert verdict.lookalike_of is None
    assert detector.check("пример.рф").technique is None  # whole-script Cyrillic under its own TLD


def test_user_brands_are_protected_and_never_flagged(detector: Detector) -> None:
    mine = Detector(extra=["mycoolbank.cn"])
    assert mine.check("mycoolbank-login.com").lookalike_of == "mycoolbank.cn"
    assert mine.check("rnycoolbank.cn").lookalike_of == "mycoolbank.cn"
    assert mine.check("online.mycoolbank.cn").lookalike_of is None
    assert detector.check("mycoolbank-login.com").lookalike_of is None


def test_json_contract(detector: Detector) -> None:
    assert detector.check("paypa1.com").to_json() == {
        "domain": "paypa1.com",
        "lookalike_of": "paypal.com",
        "technique": "ascii-lookalike",
        "score": 0.9,
    }
