"""The ``domain`` command as a real process: verdicts in order, JSON contract, --brands, light imports."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def test_text_mode_explains_each_input_in_order(run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("domain", "аlipay.com", "www.paypal.com", "example.com", "--lang", "en")
    assert result.code == 0, result.err
    lines = [line for line in result.out.splitlines() if not line.startswith("    ")]
    assert [line.split()[0] for line in lines] == ["аlipay.com", "www.paypal.com", "example.com"]
    assert "uses Cyrillic 'а' in place of Latin 'a' to imitate alipay.com" in result.out
    assert "own domain" in result.out


def test_chinese_explanations(run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("domain", "аlipay.com", "icbc-kefu.com", "--lang", "zh")
    assert result.code == 0, result.err
    assert "西里尔字母“а”代替拉丁字母“a”" in result.out
    assert "中国工商银行" in result.out


def test_json_from_stdin_keeps_order_and_contract(run_cli) -> None:  # type: ignore[no-untyped-def]
    hosts = ["paypa1.com", "https://login.jd.com/x", "192.168.0.1", "jd-kefu.top", "", "not a host"]
    result = run_cli("domain", "-", "--json", stdin="\n".join(hosts) + "\n")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert [item["domain"] for item in data] == [host for host in hosts if host]
    assert all(set(item) == {"domain", "lookalike_of", "technique", "score"} for item in data)
    assert data[0]["lookalike_of"] == "paypal.com" and data[0]["technique"] == "ascii-lookalike"
    assert data[1]["lookalike_of"] is None
    assert data[2]["lookalike_of"] is None
    assert data[3]["lookalike_of"] == "jd.com" and 0.5 <= data[3]["score"] <= 1


def test_brands_file_adds_protected_brands(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    brands = tmp_path / "mine.txt"
    brands.write_text("# my bank\nmycoolbank.cn  # the real one\n\nhttps://www.myshop.com.cn/\n", encoding="utf-8")
    result = run_cli("domain", "--brands", str(brands), "--json", "rnycoolbank.cn", "myshop-login.com", "mycoolbank.cn")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert [item["lookalike_of"] for item in data] == ["mycoolbank.cn", "myshop.com.cn", None]


def test_bad_brands_file_is_one_line_error(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    brands = tmp_path / "bad.txt"
    brands.write_text("ok.com\n192.168.1.1\n", encoding="utf-8")
    result = run_cli("domain", "--brands", str(brands), "x.com")
    assert result.code == 2
    assert "line 2" in result.err and "Traceback" not in result.err
    missing = run_cli("domain", "--brands", str(tmp_path / "nope.txt"), "x.com")
    assert missing.code == 2 and "Traceback" not in missing.err


def test_no_input_is_usage_error(run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("domain")
    assert result.code == 2


def test_hostile_input_is_sanitised(run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("domain", "-", stdin="paypa1.com\x1b[31m\n\u202eevil.com\n" + "a" * 5000 + ".com\n")
    assert result.code == 0, result.err
    assert "\x1b" not in result.out and "\u202e" not in result.out


def test_domain_command_does_not_import_heavy_libraries() -> None:
    probe = (
        "import sys\nfrom privacy_hygiene.cli import cli\n"
        "try:\n    cli.main(['domain', 'paypa1.com'], standalone_mode=False)\nexcept SystemExit:\n    pass\n"
        "print('\\n'.join(sorted(sys.modules)), file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    modules = set(done.stderr.split())
    assert "paypal.com" in done.stdout
    for heavy in ("textual", "httpx", "bs4", "lxml", "tldextract", "requests", "privacy_hygiene.tui"):
        assert heavy not in modules, heavy


def test_add_list_and_remove_own_brands_in_the_state_store(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    env = {"PRIVACY_HYGIENE_HOME": str(tmp_path / "home")}
    listed = run_cli("domain", "--list-brands", "--lang", "en", env=env)
    assert listed.code == 0 and "not added any" in listed.out
    assert not (tmp_path / "home" / "state.sqlite3").exists()
    added = run_cli("domain", "--add-brand", "https://www.mycoolbank.cn/login", "--lang", "en", env=env)
    assert added.code == 0 and "mycoolbank.cn" in added.out
    judged = run_cli("domain", "--json", "rnycoolbank.cn", "online.mycoolbank.cn", env=env)
    assert [item["lookalike_of"] for item in json.loads(judged.out)] == ["mycoolbank.cn", None]
    listed = run_cli("domain", "--list-brands", env=env)
    assert listed.out.strip() == "mycoolbank.cn"
    removed = run_cli("domain", "--remove-brand", "mycoolbank.cn", "--lang", "en", env=env)
    assert removed.code == 0 and "no longer" in removed.out
    judged = run_cli("domain", "--json", "rnycoolbank.cn", env=env)
    assert json.loads(judged.out)[0]["lookalike_of"] is None


def test_bad_brand_argument_and_damaged_state(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    env = {"PRIVACY_HYGIENE_HOME": str(tmp_path)}
    bad = run_cli("domain", "--add-brand", "192.168.1.1", env=env)
    assert bad.code == 2 and "Traceback" not in bad.err
    (tmp_path / "state.sqlite3").write_bytes(b"this is not a database" * 100)
    judged = run_cli("domain", "--json", "paypa1.com", env=env)
    assert judged.code == 0, judged.err
    assert json.loads(judged.out)[0]["lookalike_of"] == "paypal.com"
    assert "Traceback" not in judged.err and judged.err.strip()


def test_undecodable_stdin_is_not_a_crash(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "privacy_hygiene", "domain", "-", "--json"],
        input=b"paypa1.com\n\xff\xfe\xfa.com\n",
        capture_output=True,
        check=False,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert len(data) == 2 and data[0]["lookalike_of"] == "paypal.com"
