"""The pricing rules: one order line in, one quote out, deterministic and decimal-exact.

net   = unit_price x quantity, less a percent discount (tags, volume, app channel, SAVE<n> coupon;
        at most 50 %), a flat coupon and loyalty points; never below 0
tax   = net x the shipping country's rate (TAX_RATES, DEFAULT_TAX_RATE elsewhere)
total = net + tax;  band LOW below 50, MID below 500, HIGH from 500 (in the line's currency)

Every amount is rounded to cents half to even; every other operation is exact (an operation that
would round raises), so the same request always gives the same digits.
"""

import re
from decimal import ROUND_HALF_EVEN, Context, Decimal, Inexact, InvalidOperation, localcontext

from price_quote import PriceQuote

SERVICE_VERSION = "pricing-py-1.0.0"

# Percent discounts by tag, applied in this order whatever the order of the tags.
TAG_DISCOUNTS = (("clearance", "CLEARANCE20", 20), ("vip", "VIP3", 3))
# Volume discounts: the first threshold the quantity reaches applies.
VOLUME_DISCOUNTS = ((100, "VOLUME10", 10), (10, "VOLUME5", 5))
APP_DISCOUNT = ("APP2", 2)
PERCENT_COUPON = re.compile(r"SAVE([0-9]{1,2})")
MAX_COUPON_PERCENT = 30
MAX_PERCENT = 50
FLAT_COUPONS = {"FIVEOFF": Decimal("5.00")}
POINTS_PER_UNIT = 100
MAX_LOYALTY_SHARE = Decimal("0.10")

# Tax rate by ISO 3166 shipping country.
TAX_RATES = {
    "AU": Decimal("0.10"), "CA": Decimal("0.05"), "CH": Decimal("0.081"), "DE": Decimal("0.19"),
    "ES": Decimal("0.21"), "FR": Decimal("0.20"), "GB": Decimal("0.20"), "JP": Decimal("0.10"),
    "NL": Decimal("0.21"), "SE": Decimal("0.25"), "US": Decimal("0.0725"),
}
DEFAULT_TAX_RATE = Decimal("0.15")
BANDS = ((Decimal(50), "LOW"), (Decimal(500), "MID"))
TOP_BAND = "HIGH"

CENT = Decimal("0.01")
HUNDRED = Decimal(100)
# Every amount of a quote is a decimal(14,2).
MAX_AMOUNT = Decimal("999999999999.99")
_EXACT = Context(prec=60, rounding=ROUND_HALF_EVEN, traps=[Inexact, InvalidOperation])
_TO_CENTS = Context(prec=60, rounding=ROUND_HALF_EVEN, traps=[InvalidOperation])


class PricingError(ValueError):
    """A well-formed request the service refuses to price (a total beyond decimal(14,2))."""


def price(request, service_version=SERVICE_VERSION):
    """The quote for one order line: a pure function of the request and the service version."""
    with localcontext(_EXACT):
        gross = request.unit_price * request.quantity
        percent, codes = _percent_discount(request)
        percent_off = _cents(gross * percent / HUNDRED)
        flat_off, flat_codes = _flat_discount(request, gross)
        net = _cents(max(gross - percent_off - flat_off, Decimal(0)))
        tax = _cents(net * TAX_RATES.get(request.shipping.country, DEFAULT_TAX_RATE))
        total = net + tax
    if total > MAX_AMOUNT:
        raise PricingError(f"the total {total} of order {request.order_id} line {request.line_no} does not fit decimal(14,2)")
    return PriceQuote(
        order_id=request.order_id,
        line_no=request.line_no,
        net_amount=net,
        tax_amount=tax,
        total=total,
        currency=request.currency,
        discount_codes=tuple(codes + flat_codes),
        # the request's own time, not the clock: a re-run must quote the same
        priced_at=request.created_at,
        price_band=_band(total),
        service_version=service_version,
    )


def _percent_discount(request):
    """The percent off (at most MAX_PERCENT) and the codes that make it up, in the order applied."""
    percent, codes = 0, []
    tags = set(request.tags)
    for tag, code, off in TAG_DISCOUNTS:
        if tag in tags:
            percent, codes = percent + off, codes + [code]
    for threshold, code, off in VOLUME_DISCOUNTS:
        if request.quantity >= threshold:
            percent, codes = percent + off, codes + [code]
            break
    if request.channel == "APP":
        percent, codes = percent + APP_DISCOUNT[1], codes + [APP_DISCOUNT[0]]
    coupon = PERCENT_COUPON.fullmatch(request.coupon_code or "")
    if coupon:
        off = min(int(coupon.group(1)), MAX_COUPON_PERCENT)
        percent, codes = percent + off, codes + [f"SAVE{off}"]
    return min(percent, MAX_PERCENT), codes


def _flat_discount(request, gross):
    """Amounts off: a flat coupon, then loyalty points (100 points = 1.00, at most 10 % of gross)."""
    off, codes = Decimal(0), []
    if request.coupon_code in FLAT_COUPONS:
        off, codes = off + FLAT_COUPONS[request.coupon_code], codes + [request.coupon_code]
    if request.loyalty_points:
        loyalty = min(Decimal(request.loyalty_points // POINTS_PER_UNIT), _cents(gross * MAX_LOYALTY_SHARE))
        if loyalty > 0:
            off, codes = off + loyalty, codes + ["LOYALTY"]
    return off, codes


def _cents(amount):
    return amount.quantize(CENT, context=_TO_CENTS)


def _band(total):
    for limit, band in BANDS:
        if total < limit:
            return band
    return TOP_BAND
