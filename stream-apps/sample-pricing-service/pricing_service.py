#!/usr/bin/env python3
"""The sample pricing service over HTTP: POST /price, GET /health. Standard library only.

Offstream's HTTP contract for a remote service: ``POST /price`` with ``Content-Type:
application/json`` and a PriceRequest as plain JSON, answered 200 with the PriceQuote as plain
JSON; 400 for a request that is not a PriceRequest, 422 for one the service refuses to price,
500 for a fault of the service (transient to the caller, which retries). Every error is JSON:
``{"status": 400, "error": "field 'quantity' is required"}``.

    python3 pricing_service.py --port 8083 [--host 127.0.0.1] [--verbose] [--service-version V]
"""

import argparse
import signal
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from price_quote import quote_to_json, to_json
from price_request import RequestError, parse_json, parse_request
from pricing import SERVICE_VERSION, PricingError, price

MAX_BODY_BYTES = 1 << 20


class PricingHandler(BaseHTTPRequestHandler):
    """Answers one connection's requests; every answer is JSON with a Content-Length, so connections are kept alive."""

    protocol_version = "HTTP/1.1"
    server_version = "offstream-sample-pricing/1.0"
    # Headers and body leave in one segment (a buffered writer, flushed after each request) and
    # without Nagle's delay: otherwise a kept-alive caller waits ~40 ms per call on a delayed ACK.
    wbufsize = 64 * 1024
    disable_nagle_algorithm = True

    def do_GET(self):
        path = urlsplit(self.path).path
        if path == "/health":
            self._answer(200, to_json({"status": "UP"}))
        else:
            self._error(404, f"no resource {path}; try POST /price or GET /health")

    def do_POST(self):
        try:
            body = self._body()
        except _BodyRefused as e:
            # the unread body would be taken for the next request: close instead
            self.close_connection = True
            self._error(e.status, str(e))
            return
        path = urlsplit(self.path).path
        if path != "/price":
            self._error(404, f"no resource {path}; try POST /price")
            return
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if content_type != "application/json":
            self._error(415, f"Content-Type must be application/json, was '{content_type}'")
            return
        try:
            quote = price(parse_request(parse_json(body)), self.server.service_version)
        except RequestError as e:
            self._error(400, str(e))
        except PricingError as e:
            self._error(422, str(e))
        except Exception as e:  # a fault of this service, not of the request: 500, which the caller retries
            self._error(500, f"{type(e).__name__}: {e}")
        else:
            self._answer(200, quote_to_json(quote))

    def _body(self):
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            raise _BodyRefused(411, "send the request with a Content-Length, not chunked")
        length = (self.headers.get("Content-Length") or "").strip()
        if not length.isdigit():
            raise _BodyRefused(411, "a Content-Length header is required")
        if int(length) > MAX_BODY_BYTES:
            raise _BodyRefused(413, f"the body is larger than {MAX_BODY_BYTES} bytes")
        return self.rfile.read(int(length))

    def _error(self, status, message):
        self._answer(status, to_json({"status": status, "error": message}))

    def _answer(self, status, text):
        payload = text.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format, *args):
        # a line per request only when asked: at thousands of requests a second it is noise
        if self.server.verbose:
            super().log_message(format, *args)


class _BodyRefused(Exception):
    def __init__(self, status, message):
        super().__init__(message)
        self.status = status


class PricingServer(ThreadingHTTPServer):
    """A thread per connection; the backlog is sized for a consumer with tens of calls in flight."""

    request_queue_size = 128

    def __init__(self, address, verbose=False, service_version=SERVICE_VERSION):
        super().__init__(address, PricingHandler)
        self.verbose = verbose
        self.service_version = service_version


def _stop(signum, frame):
    # SIGTERM (how scripts stop it) ends serve_forever as Ctrl-C does, so the socket is closed cleanly
    raise KeyboardInterrupt


def main(argv=None):
    parser = argparse.ArgumentParser(description="The sample pricing service: POST /price, GET /health.")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)")
    parser.add_argument("--port", type=int, default=8083, help="port to listen on (default 8083; 0 takes a free one)")
    parser.add_argument("--verbose", action="store_true", help="log one line per request to stderr")
    parser.add_argument("--service-version", default=SERVICE_VERSION,
                        help=f"service_version written into every quote (default {SERVICE_VERSION})")
    options = parser.parse_args(argv)
    server = PricingServer((options.host, options.port), options.verbose, options.service_version)
    signal.signal(signal.SIGTERM, _stop)
    host, port = server.server_address[:2]
    print(f"pricing service {options.service_version} listening on http://{host}:{port} (POST /price, GET /health)",
          flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
