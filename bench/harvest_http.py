"""A small HTTP/1.1 client on asyncio for the load benchmarks (harvest, agenda votes).

One kept-alive connection per simulated client (or a pool of them), to one loopback server. It
reads bodies by Content-Length or in chunks, which is what gunicorn and Django send. Not a
general client.
"""

import asyncio
import contextlib
import time
from dataclasses import dataclass, field


@dataclass
class Response:
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    seconds: float = 0.0
    # Every Set-Cookie header as sent (headers keeps only the last of a repeated name).
    cookies: list[str] = field(default_factory=list)
    # Set by a caller that waited for a free connection first (the agenda vote benchmark's pool).
    waited: float = 0.0


class StaleConnection(ConnectionError):
    """The server closed a kept-alive connection before answering: safe to send again."""


class Connection:
    def __init__(self, host: str, port: int, timeout: float = 10.0):
        self.host, self.port, self.timeout = host, port, timeout
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            with contextlib.suppress(ConnectionError, OSError):
                await self.writer.wait_closed()
        self.reader = self.writer = None

    async def request(
        self, method: str, path: str, headers: dict[str, str] | None = None, body: bytes = b""
    ) -> Response:
        lines = [f"{method} {path} HTTP/1.1", f"Host: {self.host}:{self.port}"]
        lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
        if body or method not in ("GET", "HEAD"):
            lines.append(f"Content-Length: {len(body)}")
        raw = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body
        for attempt in (1, 2):
            reused = self.writer is not None
            if self.writer is None:
                self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
            started = time.perf_counter()
            try:
                self.writer.write(raw)
                await self.writer.drain()
                response = await asyncio.wait_for(self._read(method), self.timeout)
            except StaleConnection:
                await self.close()
                if reused and attempt == 1:
                    continue  # the idle connection was closed by the server; a new one
                raise
            except (ConnectionError, OSError, asyncio.IncompleteReadError, TimeoutError):
                await self.close()
                raise
            response.seconds = time.perf_counter() - started
            if response.headers.get("connection", "").lower() == "close":
                await self.close()
            return response
        raise AssertionError("unreachable")

    async def _read(self, method: str) -> Response:
        status_line = await self.reader.readline()
        if not status_line:
            raise StaleConnection("closed before the answer")
        status = int(status_line.split()[1])
        headers: dict[str, str] = {}
        cookies: list[str] = []
        while True:
            line = await self.reader.readline()
            if line in (b"\r\n", b"\n", b""):
                break
            name, _, value = line.decode("latin-1").partition(":")
            headers[name.strip().lower()] = value.strip()
            if name.strip().lower() == "set-cookie":
                cookies.append(value.strip())
        if method == "HEAD" or status in (204, 304) or 100 <= status < 200:
            return Response(status, headers, cookies=cookies)
        if headers.get("transfer-encoding", "").lower() == "chunked":
            body = bytearray()
            while True:
                size = int((await self.reader.readline()).split(b";")[0], 16)
                if size == 0:
                    await self.reader.readline()
                    break
                body += await self.reader.readexactly(size)
                await self.reader.readline()
            return Response(status, headers, bytes(body), cookies=cookies)
        length = int(headers.get("content-length", "0"))
        return Response(status, headers, await self.reader.readexactly(length), cookies=cookies)
