"""The access log names the path only: a signed link's `sig` and `exp`, or a key someone put in
a query, never reach a log file (nor does the Referer, which may carry a signed link)."""

from aiohttp import web
from aiohttp.abc import AbstractAccessLogger


class PathOnlyAccessLogger(AbstractAccessLogger):
    def log(self, request: web.BaseRequest, response: web.StreamResponse, time: float) -> None:
        self.logger.info(
            "%s %s %s %d %.1f ms",
            request.remote,
            request.method,
            request.path,
            response.status,
            time * 1000,
        )
