"""The pricing rules: discounts, tax, bands, rounding, determinism."""

import unittest
from decimal import Decimal

from pricing import PricingError, price
from pricing_test_support import a_request


class PricingTests(unittest.TestCase):

    def test_a_plain_line_is_price_times_quantity_plus_the_country_tax(self):
        quote = price(a_request(unit_price=Decimal("19.99"), quantity=3))
        self.assertEqual(quote.net_amount, Decimal("59.97"))
        self.assertEqual(quote.tax_amount, Decimal("11.39"))  # 59.97 x 0.19 = 11.3943
        self.assertEqual(quote.total, Decimal("71.36"))
        self.assertEqual(quote.discount_codes, ())
        self.assertEqual(quote.price_band, "MID")

    def test_every_amount_has_exactly_two_decimal_places(self):
        quote = price(a_request(unit_price=Decimal("10"), quantity=1, shipping={"country": "US", "postal_code": None}))
        for amount in (quote.net_amount, quote.tax_amount, quote.total):
            self.assertEqual(amount.as_tuple().exponent, -2)
        self.assertEqual(str(quote.tax_amount), "0.72")  # 0.725 rounds half to even

    def test_tax_rounds_half_to_even(self):
        # 0.50 x 0.25 = 0.125 -> 0.12; 1.50 x 0.25 = 0.375 -> 0.38
        self.assertEqual(price(a_request(unit_price=Decimal("0.50"), quantity=1,
                                         shipping={"country": "SE"})).tax_amount, Decimal("0.12"))
        self.assertEqual(price(a_request(unit_price=Decimal("1.50"), quantity=1,
                                         shipping={"country": "SE"})).tax_amount, Decimal("0.38"))

    def test_a_country_without_a_rate_pays_the_default_rate(self):
        quote = price(a_request(unit_price=Decimal("100.00"), quantity=1, shipping={"country": "BR"}))
        self.assertEqual(quote.tax_amount, Decimal("15.00"))

    def test_discounts_apply_in_a_fixed_order_whatever_the_tag_order(self):
        one = price(a_request(tags=["vip", "clearance"], quantity=12, channel="APP", coupon_code="SAVE10"))
        other = price(a_request(tags=["clearance", "vip", "vip"], quantity=12, channel="APP", coupon_code="SAVE10"))
        self.assertEqual(one.discount_codes, ("CLEARANCE20", "VIP3", "VOLUME5", "APP2", "SAVE10"))
        self.assertEqual(one, other)

    def test_percent_discounts_add_up_to_at_most_half(self):
        quote = price(a_request(unit_price=Decimal("10.00"), quantity=100, tags=["clearance", "vip"],
                                channel="APP", coupon_code="SAVE30"))
        self.assertEqual(quote.net_amount, Decimal("500.00"))  # 20+3+10+2+30 = 65 %, capped at 50 %

    def test_a_percent_coupon_is_capped(self):
        self.assertEqual(price(a_request(coupon_code="SAVE99")).discount_codes, ("SAVE30",))

    def test_an_unknown_coupon_changes_nothing(self):
        self.assertEqual(price(a_request(coupon_code="HELLO")), price(a_request(coupon_code=None)))

    def test_a_flat_coupon_never_makes_the_net_negative(self):
        quote = price(a_request(unit_price=Decimal("1.00"), quantity=1, coupon_code="FIVEOFF"))
        self.assertEqual(quote.net_amount, Decimal("0.00"))
        self.assertEqual(quote.total, Decimal("0.00"))
        self.assertEqual(quote.discount_codes, ("FIVEOFF",))

    def test_loyalty_points_redeem_whole_units_up_to_a_tenth_of_the_line(self):
        self.assertEqual(price(a_request(unit_price=Decimal("100.00"), quantity=1, loyalty_points=450)).net_amount,
                         Decimal("96.00"))
        self.assertEqual(price(a_request(unit_price=Decimal("100.00"), quantity=1, loyalty_points=5000)).net_amount,
                         Decimal("90.00"))
        self.assertEqual(price(a_request(loyalty_points=99)).discount_codes, ())

    def test_the_band_follows_the_total(self):
        def band(unit_price):
            return price(a_request(unit_price=Decimal(unit_price), quantity=1, shipping={"country": "BR"})).price_band
        self.assertEqual(band("43.47"), "LOW")   # total 49.99
        self.assertEqual(band("43.48"), "MID")   # total 50.00
        self.assertEqual(band("434.77"), "MID")  # total 499.99
        self.assertEqual(band("434.79"), "HIGH")  # total 500.01

    def test_the_quote_carries_the_request_time_and_key(self):
        request = a_request(order_id=7, line_no=3, created_at="2026-01-01T23:59:59.999999+00:00")
        quote = price(request, service_version="v-test")
        self.assertEqual((quote.order_id, quote.line_no, quote.currency), (7, 3, "EUR"))
        self.assertEqual(quote.priced_at, request.created_at)
        self.assertEqual(quote.service_version, "v-test")

    def test_the_same_request_always_gives_the_same_quote(self):
        self.assertEqual(price(a_request(tags=["vip"], loyalty_points=300)), price(a_request(tags=["vip"], loyalty_points=300)))

    def test_a_total_beyond_decimal_14_2_is_refused(self):
        with self.assertRaisesRegex(PricingError, "does not fit decimal"):
            price(a_request(unit_price=Decimal("9999999999.99"), quantity=10000))


if __name__ == "__main__":
    unittest.main()
