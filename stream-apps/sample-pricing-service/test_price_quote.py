"""A quote's plain JSON: exact decimals, microsecond timestamps, schema field order."""

import json
import unittest
from datetime import datetime, timedelta, timezone
from decimal import Decimal

from price_quote import PriceQuote, format_timestamp, quote_to_json, to_json


class PriceQuoteJsonTests(unittest.TestCase):

    def test_writes_the_fields_in_schema_order_with_exact_amounts(self):
        quote = PriceQuote(order_id=1, line_no=2, net_amount=Decimal("10.50"), tax_amount=Decimal("0.00"),
                           total=Decimal("10.50"), currency="EUR", discount_codes=("VIP3",),
                           priced_at=datetime(2026, 1, 1, tzinfo=timezone.utc), price_band="LOW", service_version="v1")
        text = quote_to_json(quote)
        self.assertEqual(text, '{"order_id": 1, "line_no": 2, "net_amount": 10.50, "tax_amount": 0.00, "total": 10.50, '
                               '"currency": "EUR", "discount_codes": ["VIP3"], "priced_at": "2026-01-01T00:00:00.000000Z", '
                               '"price_band": "LOW", "service_version": "v1"}')
        self.assertEqual(json.loads(text, parse_float=Decimal)["net_amount"], Decimal("10.50"))

    def test_never_writes_an_exponent(self):
        self.assertEqual(to_json(Decimal("1E+3")), "1000")
        self.assertEqual(to_json(Decimal("0E-2")), "0.00")

    def test_writes_timestamps_in_utc_with_the_six_digits_of_timestamp_micros(self):
        base = datetime(2026, 1, 1, 10, 15, 30, tzinfo=timezone.utc)
        self.assertEqual(format_timestamp(base), "2026-01-01T10:15:30.000000Z")
        self.assertEqual(format_timestamp(base.replace(microsecond=120000)), "2026-01-01T10:15:30.120000Z")
        self.assertEqual(format_timestamp(base.replace(microsecond=123456)), "2026-01-01T10:15:30.123456Z")
        self.assertEqual(format_timestamp(base.astimezone(timezone(timedelta(hours=2)))), "2026-01-01T10:15:30.000000Z")
        self.assertEqual(format_timestamp(datetime(999, 1, 1, tzinfo=timezone.utc)), "0999-01-01T00:00:00.000000Z")

    def test_escapes_text(self):
        self.assertEqual(json.loads(to_json({"a": 'x"\n\u00e9', "b": None, "c": [True, 3]})),
                         {"a": 'x"\n\u00e9', "b": None, "c": [True, 3]})


if __name__ == "__main__":
    unittest.main()
