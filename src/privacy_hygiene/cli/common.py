"""What every command shares: ``--lang``, error handling and exit codes.

Exit codes: 0 done; 1 done and a finding reached ``--fail-on``; 2 bad usage or unreadable input;
130 interrupted. Errors are one line on stderr, never a traceback.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from privacy_hygiene.errors import PrivacyHygieneError

F = TypeVar("F", bound=Callable[..., Any])

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

log = logging.getLogger("privacy_hygiene")


def lang_option(function: F) -> F:
    """``--lang zh|en`` (default: ``PRIVACY_HYGIENE_LANG``, then the locale)."""
    return click.option(
        "--lang",
        type=click.Choice(["zh", "en"]),
        default=None,
        help="Language of the output: zh or en (default: from the locale). 输出语言。",
    )(function)


def resolve_lang(lang: str | None) -> Any:
    """The language to use: this command's ``--lang``, the group's, or the locale."""
    from privacy_hygiene.i18n import detect_lang

    if lang is None:
        ctx = click.get_current_context(silent=True)
        while ctx is not None and lang is None:
            lang = ctx.params.get("lang")
            ctx = ctx.parent
    return detect_lang(lang)


def fail(message: str) -> None:
    """Print a one-line error and exit 2."""
    click.echo(f"privacy-hygiene: {message}", err=True)
    sys.exit(EXIT_USAGE)


def run_safely(command: click.Group) -> int:
    """Run the CLI; map errors to one-line messages and exit codes, never a traceback."""
    try:
        command.main(standalone_mode=False)
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.ClickException as exc:
        exc.show()
        return EXIT_USAGE
    except click.exceptions.Abort:
        click.echo("privacy-hygiene: interrupted", err=True)
        return EXIT_INTERRUPTED
    except KeyboardInterrupt:
        click.echo("privacy-hygiene: interrupted", err=True)
        return EXIT_INTERRUPTED
    except PrivacyHygieneError as exc:
        click.echo(f"privacy-hygiene: {exc}", err=True)
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK
    except SystemExit as exc:
        code = exc.code
        return code if isinstance(code, int) else (0 if code is None else EXIT_USAGE)
    except Exception as exc:  # the last line of defence: one line, details in the log file
        log.exception("unexpected error")
        click.echo(f"privacy-hygiene: unexpected error: {type(exc).__name__}: {exc}", err=True)
        return EXIT_USAGE
    return EXIT_OK


def print_json(value: Any) -> None:
    """JSON to stdout, UTF-8, not ASCII-escaped."""
    import json

    click.echo(json.dumps(value, ensure_ascii=False, indent=2))
