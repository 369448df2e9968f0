"""The HTTP endpoint, on a free port: POST /price, GET /health, every refusal; and the script as users start it."""

import http.client
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import unittest
from decimal import Decimal

from pricing import price
from price_quote import quote_to_json
from pricing_service import PricingServer
from pricing_test_support import REMOVE, a_request, request_json

HERE = os.path.dirname(os.path.abspath(__file__))


class PricingEndpointTests(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.server = PricingServer(("127.0.0.1", 0), service_version="v-http-test")
        cls.port = cls.server.server_address[1]
        cls.thread = threading.Thread(target=cls.server.serve_forever, daemon=True)
        cls.thread.start()

    @classmethod
    def tearDownClass(cls):
        cls.server.shutdown()
        cls.server.server_close()

    def call(self, method, path, body=None, content_type="application/json", connection=None):
        own = connection is None
        connection = connection or http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        headers = {"Content-Type": content_type} if content_type else {}
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        payload = response.read()
        if own:
            connection.close()
        return response.status, response.getheader("Content-Type"), json.loads(payload, parse_float=Decimal), payload

    def test_prices_a_request_as_plain_json(self):
        status, content_type, quote, _ = self.call("POST", "/price", request_json(tags=["clearance"], quantity=10))
        self.assertEqual(status, 200)
        self.assertEqual(content_type, "application/json")
        self.assertEqual(quote["order_id"], 20260101000042)
        self.assertEqual(quote["net_amount"], Decimal("149.92"))  # 199.90 less 25 % (49.975, half to even 49.98)
        self.assertEqual(quote["discount_codes"], ["CLEARANCE20", "VOLUME5"])
        self.assertEqual(quote["priced_at"], "2026-01-01T10:15:30.123456Z")
        self.assertEqual(quote["service_version"], "v-http-test")

    def test_answers_exactly_what_the_function_computes(self):
        _, _, _, payload = self.call("POST", "/price", request_json(channel="APP", loyalty_points=700))
        expected = quote_to_json(price(a_request(channel="APP", loyalty_points=700), "v-http-test"))
        self.assertEqual(payload.decode("utf-8"), expected)

    def test_keeps_the_connection_alive_between_calls(self):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            for line in range(1, 4):
                status, _, quote, _ = self.call("POST", "/price", request_json(line_no=line), connection=connection)
                self.assertEqual((status, quote["line_no"]), (200, line))
            status, _, _, _ = self.call("POST", "/price", request_json(quantity="3"), connection=connection)
            self.assertEqual(status, 400)
            status, _, _, _ = self.call("GET", "/health", connection=connection)
            self.assertEqual(status, 200)
        finally:
            connection.close()

    def test_answers_a_kept_alive_caller_without_a_delayed_ack_wait(self):
        # with headers and body in two segments under Nagle, each call waited ~40 ms: 50 calls took 2 s
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            started = time.monotonic()
            for line in range(50):
                self.assertEqual(self.call("POST", "/price", request_json(line_no=line), connection=connection)[0], 200)
            self.assertLess(time.monotonic() - started, 1.0)
        finally:
            connection.close()

    def test_refuses_a_request_with_a_missing_field_naming_it(self):
        status, _, error, _ = self.call("POST", "/price", request_json(sku=REMOVE))
        self.assertEqual(status, 400)
        self.assertEqual(error["status"], 400)
        self.assertIn("'sku' is required", error["error"])

    def test_refuses_a_request_with_a_wrong_type_naming_the_field(self):
        status, _, error, _ = self.call("POST", "/price", request_json(unit_price="19.99"))
        self.assertEqual(status, 400)
        self.assertIn("'unit_price' must be a JSON number", error["error"])

    def test_refuses_a_body_that_is_not_json(self):
        status, _, error, _ = self.call("POST", "/price", b"order_id=1")
        self.assertEqual(status, 400)
        self.assertIn("not JSON", error["error"])

    def test_refuses_another_content_type(self):
        status, _, error, _ = self.call("POST", "/price", request_json(), content_type="text/plain")
        self.assertEqual(status, 415)

    def test_refuses_to_price_a_total_beyond_decimal_14_2(self):
        status, _, error, _ = self.call("POST", "/price", request_json(unit_price=Decimal("9999999999.99"), quantity=10000))
        self.assertEqual(status, 422)
        self.assertIn("does not fit decimal(14,2)", error["error"])

    def test_reports_health(self):
        status, _, body, _ = self.call("GET", "/health")
        self.assertEqual((status, body), (200, {"status": "UP"}))

    def test_answers_404_elsewhere(self):
        self.assertEqual(self.call("GET", "/price")[0], 404)
        self.assertEqual(self.call("POST", "/quote", request_json())[0], 404)

    def test_serves_concurrent_callers(self):
        results = []

        def one(line):
            results.append(self.call("POST", "/price", request_json(line_no=line))[2]["line_no"])
        threads = [threading.Thread(target=one, args=(line,)) for line in range(1, 33)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=30)
        self.assertEqual(sorted(results), list(range(1, 33)))


class PricingScriptTests(unittest.TestCase):

    def test_starts_on_the_given_port_logs_no_request_and_stops_on_sigterm(self):
        process = subprocess.Popen([sys.executable, os.path.join(HERE, "pricing_service.py"), "--port", "0"],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            banner = process.stdout.readline()
            match = re.search(r"listening on http://127\.0\.0\.1:(\d+) ", banner)
            self.assertIsNotNone(match, banner)
            connection = http.client.HTTPConnection("127.0.0.1", int(match.group(1)), timeout=10)
            connection.request("POST", "/price", body=request_json(), headers={"Content-Type": "application/json"})
            self.assertEqual(connection.getresponse().status, 200)
            connection.close()
            process.send_signal(signal.SIGTERM)
            self.assertEqual(process.wait(timeout=10), 0)
            self.assertEqual(process.stderr.read(), "")
        finally:
            if process.poll() is None:
                process.kill()
            process.stdout.close()
            process.stderr.close()


if __name__ == "__main__":
    unittest.main()
