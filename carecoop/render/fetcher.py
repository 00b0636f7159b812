"""The only way a document may load anything: `data:` URLs and files inside handouts/.

Answers and adapted modules are typed by people; if markup ever slipped through escaping,
this fetcher still keeps the renderer from reading local files or reaching the network.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

from weasyprint.urls import URLFetcher, URLFetcherResponse


class RefusedURLError(ValueError):
    """A document asked for something outside handouts/ (WeasyPrint skips it)."""


class HandoutsFetcher(URLFetcher):  # type: ignore[misc]  # WeasyPrint ships no type hints
    """A URL fetcher that serves `data:` URLs and regular files under one folder, nothing else."""

    def __init__(self, root: Path) -> None:
        # Only data: goes to WeasyPrint's own handlers; file: is served below, after checks.
        super().__init__(allowed_protocols=("data",), allow_redirects=False, timeout=1)
        self.root = root.resolve()
        #: Every URL refused, in order (tests and callers may inspect it).
        self.refused: list[str] = []
        #: Every URL served.
        self.served: list[str] = []

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        """Serve a `data:` URL or a file under the root; refuse anything else."""
        scheme = url.split(":", 1)[0].lower() if ":" in url else ""
        if scheme == "data":
            self.served.append(url[:40])
            return super().fetch(url, headers)
        if scheme == "file":
            path = self._local_path(url)
            if path is not None:
                self.served.append(url)
                content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                return URLFetcherResponse(url, body=path.read_bytes(), headers={"Content-Type": content_type})
        self.refused.append(url)
        raise RefusedURLError(f"not fetched: {url}")

    def _local_path(self, url: str) -> Path | None:
        """The file a `file:` URL names when it is a regular file under the root."""
        parts = urlsplit(url)
        if parts.netloc not in ("", "localhost"):
            return None
        # resolve() follows symlinks and `..`, so a link out of handouts/ is refused too.
        path = Path(url2pathname(parts.path)).resolve()
        if not path.is_relative_to(self.root) or not path.is_file():
            return None
        return path
