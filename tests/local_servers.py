"""Servers on 127.0.0.1 for the curation tests and benchmark: an S3 proxy that throttles or
delays, and the few hub endpoints that ``huggingface_hub`` uses to list and read a dataset.
"""

from __future__ import annotations

import contextlib
import hashlib
import http.client
import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

BUCKET = "softwareheritage"


_SLOWDOWN = (b'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>SlowDown</Code>'
             b"<Message>Please reduce your request rate.</Message></Error>")
_DENIED = (b'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code>'
           b"<Message>Access Denied</Message></Error>")


class _Server(ThreadingHTTPServer):
    """A listen backlog of 128, as real servers have: with the default 5, a client that opens
    32 connections at once (an event loop does) loses SYNs and waits a second to resend them."""

    request_queue_size = 128
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that hangs up (a run stopping on an error cancels its other requests) is not an
        error of the stand-in: socketserver would print its traceback into the test's captured stderr."""
        if isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            return
        super().handle_error(request, client_address)


class S3Proxy:
    """An HTTP proxy in front of an S3 server that misbehaves on purpose.

    ``throttle[key] = n``: answer the first ``n`` GETs of ``key`` with 503 SlowDown.
    ``fail_always``: keys answered with 503 SlowDown forever. ``deny``: keys answered with
    403 AccessDenied (``"*"``: every key). ``delay``: seconds added to
    every GET (latency injection). ``cache``: serve repeated GETs from memory, so that the
    upstream's own speed does not limit a latency benchmark.
    """

    def __init__(self, upstream: str, delay: float = 0.0, cache: bool = False):
        self.upstream = urlsplit(upstream)
        self.delay = delay
        self.cache_enabled = cache
        self.throttle: dict[str, int] = {}
        self.fail_always: set[str] = set()
        self.deny: set[str] = set()
        self.requests: dict[str, int] = {}
        self._cache: dict[str, tuple[int, list[tuple[str, str]], bytes]] = {}
        self._lock = threading.Lock()
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def setup(self) -> None:
                super().setup()
                # Headers and body go out in two writes: without this, Nagle's algorithm and
                # delayed ACKs add ~40 ms to every response.
                self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

            def do_GET(self) -> None:
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # a killed client
                    proxy.handle(self, "GET")

            def do_HEAD(self) -> None:
                proxy.handle(self, "HEAD")

        self.server = _Server(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.endpoint = f"http://127.0.0.1:{self.server.server_address[1]}"

    def handle(self, request: BaseHTTPRequestHandler, method: str) -> None:
        key = request.path.split("?", 1)[0].split(f"/{BUCKET}/", 1)[-1]
        with self._lock:
            self.requests[key] = self.requests.get(key, 0) + 1
            throttled = key in self.fail_always or self.throttle.get(key, 0) > 0
            if key in self.throttle and self.throttle[key] > 0:
                self.throttle[key] -= 1
            cached = self._cache.get(key) if self.cache_enabled else None
        if self.delay:
            time.sleep(self.delay)
        if throttled:
            self._reply(request, 503, [("Content-Type", "application/xml")], _SLOWDOWN)
            return
        if key in self.deny or "*" in self.deny:
            self._reply(request, 403, [("Content-Type", "application/xml")], _DENIED)
            return
        if cached is None:
            cached = self._forward(request, method)
            if self.cache_enabled and cached[0] == 200:
                with self._lock:
                    self._cache[key] = cached
        self._reply(request, *cached)

    def _forward(self, request: BaseHTTPRequestHandler, method: str) -> tuple[int, list[tuple[str, str]], bytes]:
        connection = http.client.HTTPConnection(self.upstream.hostname, self.upstream.port, timeout=30)
        headers = {k: v for k, v in request.headers.items() if k.lower() not in {"host", "connection"}}
        connection.request(method, request.path, headers=headers)
        response = connection.getresponse()
        body = response.read()
        connection.close()
        keep = [(k, v) for k, v in response.getheaders()
                if k.lower() not in {"connection", "transfer-encoding", "content-length", "server", "date"}]
        return response.status, keep, body

    @staticmethod
    def _reply(request: BaseHTTPRequestHandler, status: int, headers: list[tuple[str, str]], body: bytes) -> None:
        request.send_response(status)
        for name, value in headers:
            request.send_header(name, value)
        request.send_header("Content-Length", str(len(body)))
        request.end_headers()
        if request.command != "HEAD":
            request.wfile.write(body)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


# --- a hub on 127.0.0.1 --------------------------------------------------------------------


class FakeHub:
    """The few hub endpoints ``HfFileSystem`` / ``HfApi`` use to list and read a dataset's files.

    Serves ``root`` (a directory laid out like the dataset repository) as ``repo`` at revision
    ``main``: repo info (with a card's ``dataset_info``), the tree API (recursive or not) and
    ``resolve`` with HTTP ranges. When ``token`` is set, requests without ``Bearer token`` get
    401 ``GatedRepo``, as a gated dataset does. Point ``HF_ENDPOINT`` at ``endpoint``.
    """

    SHA = "0123456789abcdef0123456789abcdef01234567"

    def __init__(self, root: Path, repo: str, token: str | None = None, card: dict[str, Any] | None = None):
        self.root, self.repo, self.token, self.card = root, repo, token, card or {}
        self.requests: list[str] = []
        hub = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def setup(self) -> None:
                super().setup()
                self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

            def do_GET(self) -> None:
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    hub.handle(self)

            def do_HEAD(self) -> None:
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    hub.handle(self)

        self.server = _Server(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.endpoint = f"http://127.0.0.1:{self.server.server_address[1]}"

    def handle(self, request: BaseHTTPRequestHandler) -> None:
        import json
        from urllib.parse import parse_qs, unquote

        path, _, query = request.path.partition("?")
        path = unquote(path)
        self.requests.append(f"{request.command} {path}")
        if path == "/api/datasets":
            return self._send(request, 200, json.dumps([]).encode(), "application/json")
        if self.token and request.headers.get("authorization") != f"Bearer {self.token}":
            return self._send(request, 401, b'{"error": "Access to this dataset is restricted."}',
                              "application/json", {"X-Error-Code": "GatedRepo"})
        api = f"/api/datasets/{self.repo}"
        if path in (api, f"{api}/revision/main"):
            info = {"id": self.repo, "sha": self.SHA, "private": False, "gated": "auto" if self.token else False,
                    "cardData": self.card, "siblings": []}
            return self._send(request, 200, json.dumps(info).encode(), "application/json")
        if path.startswith(f"{api}/tree/main"):
            inside = path[len(f"{api}/tree/main"):].strip("/")
            recursive = parse_qs(query).get("recursive", ["false"])[0].lower() == "true"
            return self._send(request, 200, json.dumps(self._tree(inside, recursive)).encode(), "application/json")
        prefix = f"/datasets/{self.repo}/resolve/main/"
        if path.startswith(prefix):
            return self._file(request, path[len(prefix):])
        return self._send(request, 404, b'{"error": "not found"}', "application/json",
                          {"X-Error-Code": "EntryNotFound"})

    def _tree(self, inside: str, recursive: bool) -> list[dict[str, Any]]:
        base = self.root / inside if inside else self.root
        entries = []
        children = sorted(base.rglob("*") if recursive else base.iterdir())
        for child in children:
            relative = child.relative_to(self.root).as_posix()
            oid = hashlib.sha1(relative.encode()).hexdigest()
            if child.is_dir():
                entries.append({"type": "directory", "oid": oid, "path": relative, "size": 0})
            else:
                entries.append({"type": "file", "oid": oid, "path": relative, "size": child.stat().st_size})
        return entries

    def _file(self, request: BaseHTTPRequestHandler, relative: str) -> None:
        target = self.root / relative
        if not target.is_file():
            return self._send(request, 404, b'{"error": "entry not found"}', "application/json",
                              {"X-Error-Code": "EntryNotFound"})
        data = target.read_bytes()
        headers = {"ETag": f'"{hashlib.sha1(data).hexdigest()}"', "X-Repo-Commit": self.SHA, "Accept-Ranges": "bytes"}
        wanted = request.headers.get("range")
        if wanted and wanted.startswith("bytes="):
            start_text, _, end_text = wanted[6:].partition("-")
            start = int(start_text)
            end = min(int(end_text), len(data) - 1) if end_text else len(data) - 1
            headers["Content-Range"] = f"bytes {start}-{end}/{len(data)}"
            return self._send(request, 206, data[start:end + 1], "application/octet-stream", headers)
        return self._send(request, 200, data, "application/octet-stream", headers)

    @staticmethod
    def _send(request: BaseHTTPRequestHandler, status: int, body: bytes, content_type: str,
              headers: dict[str, str] | None = None) -> None:
        request.send_response(status)
        request.send_header("Content-Type", content_type)
        for name, value in (headers or {}).items():
            request.send_header(name, value)
        request.send_header("Content-Length", str(len(body)))
        request.end_headers()
        if request.command != "HEAD":
            request.wfile.write(body)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
