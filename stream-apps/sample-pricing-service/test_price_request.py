"""Reading a PriceRequest from plain JSON: every type of the schema, and what is refused."""

import unittest
from datetime import datetime, timezone
from decimal import Decimal

from price_request import RequestError, parse_json, parse_request
from pricing_test_support import REMOVE, a_request, request_json


class PriceRequestTests(unittest.TestCase):

    def test_reads_every_field_with_its_type(self):
        request = a_request(tags=["vip", "bulk"], channel="APP", coupon_code="SAVE10", loyalty_points=250)
        self.assertEqual(request.order_id, 20260101000042)
        self.assertEqual(request.line_no, 2)
        self.assertEqual(request.unit_price, Decimal("19.99"))
        self.assertEqual(request.created_at, datetime(2026, 1, 1, 10, 15, 30, 123456, tzinfo=timezone.utc))
        self.assertEqual(request.tags, ("vip", "bulk"))
        self.assertEqual((request.shipping.country, request.shipping.postal_code), ("DE", "10115"))
        self.assertEqual((request.channel, request.coupon_code, request.loyalty_points), ("APP", "SAVE10", 250))

    def test_decimals_stay_exact(self):
        document = parse_json(b'{"unit_price": 0.10}')
        self.assertEqual(document["unit_price"], Decimal("0.10"))
        self.assertIsInstance(document["unit_price"], Decimal)

    def test_a_whole_number_is_a_valid_decimal(self):
        self.assertEqual(a_request(unit_price=12).unit_price, Decimal("12"))

    def test_nullable_fields_may_be_null_or_absent(self):
        for missing in (None, REMOVE):
            request = a_request(channel=missing, coupon_code=missing, loyalty_points=missing,
                                shipping={"country": "FR", "postal_code": missing} if missing is None else {"country": "FR"})
            self.assertIsNone(request.channel)
            self.assertIsNone(request.coupon_code)
            self.assertIsNone(request.loyalty_points)
            self.assertIsNone(request.shipping.postal_code)

    def test_unknown_fields_are_ignored(self):
        self.assertEqual(a_request(gift_wrap=True), a_request())

    def test_timestamps_in_any_iso_8601_offset_are_the_same_instant(self):
        expected = datetime(2026, 1, 1, 10, 15, 30, tzinfo=timezone.utc)
        for text in ("2026-01-01T10:15:30Z", "2026-01-01T12:15:30+02:00", "2026-01-01T10:15:30",
                     "2026-01-01T10:15:30.000000000Z", "2026-01-01 05:15:30-0500"):
            self.assertEqual(a_request(created_at=text).created_at, expected, text)

    def test_refuses_a_missing_required_field_by_name(self):
        for field in ("order_id", "line_no", "customer_id", "created_at", "unit_price", "quantity", "currency", "sku",
                      "tags", "shipping"):
            with self.subTest(field=field), self.assertRaisesRegex(RequestError, f"'{field}' is required"):
                a_request(**{field: REMOVE})
        with self.assertRaisesRegex(RequestError, "'shipping.country' is required"):
            a_request(shipping={"postal_code": "1"})

    def test_names_the_first_missing_field_in_schema_order(self):
        with self.assertRaisesRegex(RequestError, "'line_no' is required"):
            parse_request({"order_id": 1})

    def test_refuses_null_for_a_required_field(self):
        with self.assertRaisesRegex(RequestError, "'customer_id' is required and was null"):
            a_request(customer_id=None)

    def test_refuses_a_wrong_type_by_name(self):
        wrong = {
            "order_id": "20260101000042", "line_no": 2.5, "quantity": True, "customer_id": 12345,
            "unit_price": "19.99", "tags": "vip", "shipping": ["DE"], "channel": "PHONE", "created_at": 1767262530,
            "loyalty_points": "12O", "coupon_code": ["SAVE10"],
        }
        for field, value in wrong.items():
            with self.subTest(field=field), self.assertRaisesRegex(RequestError, f"'{field}'"):
                a_request(**{field: value})

    def test_refuses_numbers_outside_their_type(self):
        with self.assertRaisesRegex(RequestError, "'line_no' is 2147483648, outside"):
            a_request(line_no=2 ** 31)
        with self.assertRaisesRegex(RequestError, "more than 2 decimal places"):
            a_request(unit_price=Decimal("1.005"))
        with self.assertRaisesRegex(RequestError, r"does not fit decimal\(12,2\)"):
            a_request(unit_price=Decimal("10000000000.00"))
        with self.assertRaisesRegex(RequestError, r"does not fit decimal\(12,2\)"):
            a_request(unit_price=Decimal("1E+400"))

    def test_refuses_timestamps_that_are_not_iso_8601_or_finer_than_microseconds(self):
        for text in ("01/01/2026 10:15", "2026-02-30T10:15:30Z", "2026-01-01T10:15:30.1234567Z", "yesterday"):
            with self.subTest(text=text), self.assertRaisesRegex(RequestError, "'created_at'"):
                a_request(created_at=text)

    def test_refuses_what_is_not_a_json_object(self):
        for body in (b"", b"{", b"[1, 2]", b"\xff\xfe\x00", b'{"unit_price": NaN}', b"[" * 100_000):
            with self.subTest(body=body[:10]), self.assertRaises(RequestError):
                parse_request(parse_json(body))

    def test_the_shared_document_is_valid(self):
        self.assertTrue(request_json().startswith(b"{"))


if __name__ == "__main__":
    unittest.main()
