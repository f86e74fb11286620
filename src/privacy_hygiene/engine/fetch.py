"""Fetch a page over http(s) safely: a deadline, a byte cap, redirects by hand, no cookies kept.

- One overall deadline per URL (``asyncio.timeout``) on top of connect/read timeouts: a server that
  trickles a byte a second never trips a read timeout, and cancelling also ends a read that blocks.
- Bodies are read raw and decoded by :mod:`~privacy_hygiene.engine.decompress` in bounded steps
  (httpx's own decoders never run); at most ``max_bytes`` decoded bytes are kept, and the page is
  audited as truncated.
- Redirects are followed by hand (at most ``max_redirects``, loops detected, only http(s), never from
  a public site to this computer or a private network) and recorded on the page.
- A certificate that fails verification does not end the audit: the page is read again without
  verification, described, and marked (``Page.tls``) so the ``connection`` analyzer reports it.
- Cookies live only within one target's redirect chain; the shared client never stores any.

Facts go on the :class:`Page`; findings are made by the analyzers.
"""

from __future__ import annotations

import asyncio
import http.cookiejar
import ipaddress
import os
import socket
from collections.abc import Callable, Coroutine, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from privacy_hygiene import __version__
from privacy_hygiene.engine.tls import CertificateFailure, certificate_failure, ssl_context, unverified_context
from privacy_hygiene.errors import FetchError, UsageError
from privacy_hygiene.i18n import LocalText, both
from privacy_hygiene.models import Page, RedirectHop, TlsInfo

if TYPE_CHECKING:
    import httpx

USER_AGENT = (
    f"privacy-hygiene/{__version__} (privacy audit requested by a user; +https://pypi.org/project/privacy-hygiene/)"
)
T = TypeVar("T")
_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_PROXY_VARIABLES = ("ALL_PROXY", "all_proxy", "HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy")


@dataclass(frozen=True)
class FetchOptions:
    """Limits and trust settings for fetching."""

    #: per network read (and write); the deadline bounds the whole fetch
    timeout: float = 10.0
    #: overall wall-clock limit for one URL, redirects and the TLS re-read included
    deadline: float = 20.0
    connect_timeout: float = 5.0
    max_bytes: int = 5 * 1024 * 1024
    #: tags parsed at most: each costs ~0.5 KB of tree, so this bounds a page's tree to ~50 MB
    #: (ordinary pages have a few thousand tags)
    max_tags: int = 100_000
    max_redirects: int = 10
    ca_bundle: str | None = None
    accept_language: str = "zh-CN,zh;q=0.9,en;q=0.8"
    #: honour HTTP(S)_PROXY / ALL_PROXY / NO_PROXY from the environment
    use_env_proxy: bool = True


class FetchFailure(FetchError):
    """A fetch that produced no page; ``local`` says why in both languages, ``redirects`` is the
    chain followed before it failed."""

    def __init__(
        self, key: str, *, url: str, kind: str, redirects: Sequence[RedirectHop] = (), **values: object
    ) -> None:
        self.local: LocalText = both(f"fetch.{key}", **values)
        super().__init__(self.local.en, url=url, kind=kind)
        self.redirects = tuple(redirects)


class ProxyError(UsageError):
    """The proxy settings in the environment cannot be used."""

    def __init__(self, key: str, **values: object) -> None:
        self.local: LocalText = both(f"fetch.{key}", **values)
        super().__init__(self.local.en)


class _NoCookies(http.cookiejar.DefaultCookiePolicy):
    """The shared client's policy: never store or send a cookie (each target has its own jar)."""

    def set_ok(self, cookie: http.cookiejar.Cookie, request: Any) -> bool:
        return False

    def return_ok(self, cookie: http.cookiejar.Cookie, request: Any) -> bool:
        return False


class Fetcher:
    """Fetches pages through one shared connection pool (``async with Fetcher(...) as f``).

    ``max_connections`` bounds the pool; callers bound concurrency with a semaphore of the same
    size, so no request ever waits on the pool.
    """

    def __init__(self, options: FetchOptions | None = None, *, max_connections: int = 8) -> None:
        self.options = options or FetchOptions()
        self._max_connections = max(1, max_connections)
        self._verified: httpx.AsyncClient | None = None
        self._unverified: httpx.AsyncClient | None = None

    async def __aenter__(self) -> Fetcher:
        self._verified = self._client(ssl_context(self.options.ca_bundle))
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        for client in (self._verified, self._unverified):
            if client is not None:
                await client.aclose()

    def _client(self, context: Any) -> httpx.AsyncClient:
        import httpx

        options = self.options
        try:
            return httpx.AsyncClient(
                verify=context,
                timeout=httpx.Timeout(options.timeout, connect=options.connect_timeout, pool=None),
                limits=httpx.Limits(
                    max_connections=self._max_connections, max_keepalive_connections=self._max_connections
                ),
                headers={
                    "User-Agent": USER_AGENT,
                    "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
                    "Accept-Encoding": "gzip, deflate, br, zstd",
                    "Accept-Language": options.accept_language,
                },
                cookies=http.cookiejar.CookieJar(policy=_NoCookies()),
                follow_redirects=False,
                trust_env=options.use_env_proxy,
            )
        except ImportError as exc:
            raise ProxyError("proxy_socks_missing", variable=_proxy_variable(socks=True)) from exc
        except ValueError as exc:
            raise ProxyError("proxy_invalid", variable=_proxy_variable(), reason=str(exc)) from exc

    async def fetch(self, url: str) -> Page:
        """The page at ``url`` (already normalised); :class:`FetchFailure` when nothing came back."""
        assert self._verified is not None, "use 'async with Fetcher(...)'"
        deadline = self.options.deadline
        progress = _Progress()
        try:
            async with asyncio.timeout(deadline):
                return await self._fetch(url, progress)
        except TimeoutError:
            raise FetchFailure(
                "deadline", url=url, kind="deadline", redirects=progress.hops, seconds=f"{deadline:g}"
            ) from None

    async def _fetch(self, url: str, progress: _Progress) -> Page:
        from privacy_hygiene.engine.page_read import ReadError, read_page

        assert self._verified is not None
        client = self._verified
        failure: CertificateFailure | None = None
        while True:
            progress.hops = []
            try:
                response, final = await self._follow(url, client, progress)
                try:
                    return await read_page(url, final, response, progress.hops, self.options, failure)
                finally:
                    await response.aclose()
            except ReadError as exc:
                raise FetchFailure(exc.key, url=url, kind=exc.kind, redirects=progress.hops, **exc.values) from exc
            except FetchFailure:
                if failure is not None:  # the certificate failure matters more than the re-read's
                    return _tls_only_page(url, failure, progress.hops)
                raise
            except Exception as exc:
                found = certificate_failure(exc)
                if found is None or failure is not None:
                    if failure is not None:  # the unverified re-read failed too: describe what we know
                        return _tls_only_page(url, failure, progress.hops)
                    raise _mapped(exc, url, progress.hops, self.options) from exc
                failure = found
                if self._unverified is None:
                    self._unverified = self._client(unverified_context())
                client = self._unverified

    async def _follow(self, url: str, client: httpx.AsyncClient, progress: _Progress) -> tuple[httpx.Response, str]:
        """Send GETs along the redirect chain; the final (non-redirect) response, still streaming."""
        import httpx

        jar = httpx.Cookies()
        seen = {url}
        current = url
        for _ in range(self.options.max_redirects + 1):
            request = client.build_request("GET", current)
            jar.set_cookie_header(request)
            try:
                response = await client.send(request, stream=True)
            except (httpx.InvalidURL, httpx.UnsupportedProtocol):
                # our own URLs are valid; httpx prepares the next hop from Location even when not
                # following, so only a garbage Location gets here
                raise FetchFailure(
                    "redirect_refused", url=url, kind="redirect-refused", redirects=progress.hops, address=current
                ) from None
            jar.extract_cookies(response)
            location = response.headers.get("location")
            if response.status_code not in _REDIRECT_STATUSES or not location:
                return response, current
            await response.aclose()
            progress.hops.append(RedirectHop(url=current, status=response.status_code))
            current = _next_hop(url, current, location, progress.hops)
            if current in seen:
                raise FetchFailure(
                    "redirect_loop", url=url, kind="redirect-loop", redirects=progress.hops, address=current
                )
            seen.add(current)
        raise FetchFailure(
            "too_many_redirects",
            url=url,
            kind="too-many-redirects",
            redirects=progress.hops,
            limit=self.options.max_redirects,
        )


class _Progress:
    """The redirect chain so far (kept outside the coroutine so a deadline can still report it)."""

    def __init__(self) -> None:
        self.hops: list[RedirectHop] = []


def fetch(url: str, options: FetchOptions | None = None) -> Page:
    """Fetch one page synchronously (its own event loop; from a thread with a running loop, the
    fetch runs on a helper thread, blocking the caller — prefer a worker thread there)."""

    async def run() -> Page:
        async with Fetcher(options, max_connections=1) as fetcher:
            return await fetcher.fetch(url)

    return run_blocking(run)


def run_blocking(make: Callable[[], Coroutine[Any, Any, T]]) -> T:
    """Run a coroutine to completion from synchronous code, even inside a running event loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(make())
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as helper:
        return helper.submit(lambda: asyncio.run(make())).result()


def _next_hop(start: str, current: str, location: str, hops: list[RedirectHop]) -> str:
    from urllib.parse import urljoin

    from privacy_hygiene.engine.urls import normalize_url
    from privacy_hygiene.sanitize import one_line

    shown = one_line(location, 120)
    try:
        target = urljoin(current, location.strip())
        if not target.lower().startswith(("http://", "https://")):
            raise ValueError(target)
        nxt = normalize_url(target)
    except (ValueError, UsageError):
        raise FetchFailure(
            "redirect_refused", url=start, kind="redirect-refused", redirects=hops, address=shown
        ) from None
    from privacy_hygiene.domains import host_of

    host = host_of(nxt)
    if _is_local(host) and not _is_local(host_of(start)):
        raise FetchFailure("redirect_private", url=start, kind="redirect-private", redirects=hops, host=host)
    return nxt


def _is_local(host: str) -> bool:
    """This computer or a private network: never reached through a redirect from a public site."""
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        try:  # the forms resolvers also accept: "127.1", "0x7f.1", "2130706433"
            address = ipaddress.ip_address(socket.inet_ntoa(socket.inet_aton(host)))
        except (OSError, ValueError):
            return False
    return address.is_private or address.is_loopback or address.is_link_local or address.is_unspecified


def _tls_only_page(url: str, failure: CertificateFailure, hops: Sequence[RedirectHop]) -> Page:
    return Page(
        target=url,
        url=url,
        html="",
        final_url=url,
        content_type="",
        source="http",
        redirects=tuple(hops),
        tls=TlsInfo(verified=False, error=failure.kind, detail=failure.detail),
        notes=(both("fetch.note_tls_no_content"),),
        is_html=False,
    )


def _mapped(exc: Exception, url: str, hops: Sequence[RedirectHop], options: FetchOptions) -> FetchFailure:
    """A network or protocol exception as a :class:`FetchFailure` a person can read."""
    import ssl

    import httpx

    from privacy_hygiene.domains import host_of

    host = host_of(url)
    reason = str(exc) or type(exc).__name__
    if isinstance(exc, httpx.TimeoutException):
        return FetchFailure("timeout", url=url, kind="timeout", redirects=hops, seconds=f"{options.timeout:g}")
    if isinstance(exc, httpx.ConnectError):
        cause: BaseException | None = exc
        while cause is not None:
            if isinstance(cause, ssl.SSLError):
                return FetchFailure("tls_failed", url=url, kind="tls", redirects=hops, reason=reason)
            cause = cause.__cause__ or cause.__context__
        lowered = reason.lower()
        if any(word in lowered for word in ("name or service", "nodename", "getaddrinfo", "name resolution")):
            return FetchFailure("dns", url=url, kind="dns", redirects=hops, host=host)
        return FetchFailure("connect", url=url, kind="connect", redirects=hops, host=host, reason=reason)
    if isinstance(exc, httpx.ProtocolError | httpx.DecodingError):
        return FetchFailure("protocol", url=url, kind="protocol", redirects=hops, reason=reason)
    if isinstance(exc, httpx.TransportError | OSError):
        return FetchFailure("connect", url=url, kind="connect", redirects=hops, host=host, reason=reason)
    return FetchFailure("protocol", url=url, kind="http", redirects=hops, reason=f"{type(exc).__name__}: {reason}")


def _proxy_variable(*, socks: bool = False) -> str:
    for name in _PROXY_VARIABLES:
        value = os.environ.get(name, "")
        if value and (not socks or value.lower().startswith("socks")):
            return name
    return "ALL_PROXY"
