"""The one static server: the built site as a reader receives it, served the way GitHub Pages
serves it. The preview command, the tests and the benchmarks all use it.

GitHub Pages publishes the site under the path of `site_url` (e.g. /site/), answers a missing
page with 404.html, compresses text with gzip, lets browsers cache files for ten minutes and
revalidates them with ETags. `SiteServer` does the same on 127.0.0.1 and keeps a log of every
response it sends, with the bytes that went over the wire, for the page weight budget.
"""

from __future__ import annotations

import email.utils
import gzip
import http.server
import mimetypes
import threading
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent.parent

COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")
TYPES = {".js": "text/javascript", ".json": "application/json", ".svg": "image/svg+xml"}


def site_prefix(config: Path = ROOT / "mkdocs.yml") -> str:
    """The path the site is published under, from site_url: '/site/' for https://x.github.io/site/."""
    text = config.read_text(encoding="utf-8")
    # mkdocs.yml has !!python/name tags in some projects; only site_url is needed here.
    for line in text.splitlines():
        if line.startswith("site_url:"):
            url = yaml.safe_load(line)["site_url"] or "/"
            path = urllib.parse.urlparse(url).path or "/"
            return path if path.endswith("/") else path + "/"
    return "/"


def site_pages(site: Path) -> list[str]:
    """Every HTML page of a built site, as URL paths relative to the site root
    ('' for the home page, 'conditions/sciatica/', '404.html')."""
    pages = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        pages.append(rel[: -len("index.html")] if rel == "index.html" or rel.endswith("/index.html") else rel)
    return pages


@dataclass
class Sent:
    """One response as it went over the wire."""

    path: str
    status: int
    content_type: str
    raw_bytes: int
    wire_bytes: int  # body bytes actually sent (gzip level 9 where the type compresses)


class SiteServer:
    """A built site on 127.0.0.1 under `prefix`, like GitHub Pages."""

    def __init__(self, directory: Path, prefix: str = "/", compress: bool = True):
        self.directory = Path(directory)
        self.prefix = prefix if prefix.endswith("/") else prefix + "/"
        self.compress = compress
        self.log: list[Sent] = []
        self._lock = threading.Lock()
        self._gzip_cache: dict[tuple[str, float], bytes] = {}
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
                server._answer(self, body=True)

            def do_HEAD(self) -> None:  # noqa: N802
                server._answer(self, body=False)

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.url = self.origin + self.prefix
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> SiteServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def page_url(self, page: str) -> str:
        return self.url + page

    def take_log(self) -> list[Sent]:
        with self._lock:
            log, self.log = self.log, []
        return log

    # -- answering ------------------------------------------------------------------------------
    def _resolve(self, url_path: str) -> tuple[Path | None, str | None]:
        """(file, redirect location) for a URL path."""
        path = urllib.parse.unquote(urllib.parse.urlsplit(url_path).path)
        if not path.startswith(self.prefix):
            if path + "/" == self.prefix:
                return None, self.prefix
            return None, None
        rel = path[len(self.prefix) :]
        target = (self.directory / rel).resolve()
        if self.directory.resolve() not in (target, *target.parents):
            return None, None
        if target.is_dir():
            if not path.endswith("/"):
                return None, path + "/"
            target = target / "index.html"
        return (target if target.is_file() else None), None

    def _answer(self, handler: http.server.BaseHTTPRequestHandler, body: bool) -> None:
        file, location = self._resolve(handler.path)
        if location:
            handler.send_response(301)
            handler.send_header("Location", location)
            handler.send_header("Content-Length", "0")
            handler.end_headers()
            self._record(handler.path, 301, "", 0, 0)
            return
        status = 200
        if file is None:
            status, file = 404, self.directory / "404.html"
            if not file.is_file():
                handler.send_error(404)
                self._record(handler.path, 404, "", 0, 0)
                return
        stat = file.stat()
        etag = f'"{stat.st_mtime_ns:x}-{stat.st_size:x}"'
        content_type = TYPES.get(file.suffix) or mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        if content_type.startswith("text/") or content_type in ("application/json", "image/svg+xml"):
            content_type += "; charset=utf-8"
        if status == 200 and handler.headers.get("If-None-Match") == etag:
            handler.send_response(304)
            handler.send_header("ETag", etag)
            handler.send_header("Cache-Control", "max-age=600")
            handler.end_headers()
            self._record(handler.path, 304, content_type, 0, 0)
            return
        raw = file.read_bytes()
        data, encoded = raw, False
        accepts = "gzip" in handler.headers.get("Accept-Encoding", "")
        if self.compress and accepts and content_type.startswith(COMPRESSIBLE):
            data, encoded = self.gzipped(file, raw), True
        handler.send_response(status)
        handler.send_header("Content-Type", content_type)
        handler.send_header("Content-Length", str(len(data)))
        handler.send_header("Cache-Control", "max-age=600")
        handler.send_header("Last-Modified", email.utils.formatdate(stat.st_mtime, usegmt=True))
        handler.send_header("Vary", "Accept-Encoding")
        if status == 200:
            handler.send_header("ETag", etag)
        if encoded:
            handler.send_header("Content-Encoding", "gzip")
        handler.end_headers()
        if body:
            handler.wfile.write(data)
        self._record(handler.path, status, content_type, len(raw), len(data) if body else 0)

    def gzipped(self, file: Path, raw: bytes) -> bytes:
        key = (str(file), file.stat().st_mtime)
        if key not in self._gzip_cache:
            self._gzip_cache[key] = gzip.compress(raw, compresslevel=9, mtime=0)
        return self._gzip_cache[key]

    def _record(self, path: str, status: int, content_type: str, raw: int, wire: int) -> None:
        with self._lock:
            self.log.append(Sent(path, status, content_type.split(";")[0], raw, wire))


@contextmanager
def serve(site: Path, prefix: str = "/", compress: bool = False) -> Iterator[str]:
    """The built site over HTTP on 127.0.0.1; yields its address (under `prefix`)."""
    with SiteServer(site, prefix, compress) as server:
        yield server.url
