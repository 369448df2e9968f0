"""A PriceQuote (schemas/services/pricing/response/) and its plain JSON.

Amounts are written as JSON numbers digit for digit (12.50, never 12.5 or 1.25E+1), timestamps
with exactly the 6 fraction digits of timestamp-micros and Z, as Offstream's consumer writes plain
JSON, so what the service answers and what Offstream lands can be compared as text.
"""

import json
from dataclasses import dataclass
from datetime import datetime, timezone
from decimal import Decimal


@dataclass(frozen=True)
class PriceQuote:
    order_id: int
    line_no: int
    net_amount: Decimal
    tax_amount: Decimal
    total: Decimal
    currency: str
    discount_codes: tuple
    priced_at: datetime
    price_band: str
    service_version: str


def quote_to_json(quote):
    """The quote as plain JSON, fields in schema order."""
    return to_json({
        "order_id": quote.order_id,
        "line_no": quote.line_no,
        "net_amount": quote.net_amount,
        "tax_amount": quote.tax_amount,
        "total": quote.total,
        "currency": quote.currency,
        "discount_codes": list(quote.discount_codes),
        "priced_at": format_timestamp(quote.priced_at),
        "price_band": quote.price_band,
        "service_version": quote.service_version,
    })


def to_json(value):
    """JSON text of plain values; a Decimal becomes a number with its exact digits (json.dumps refuses Decimals)."""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, dict):
        return "{" + ", ".join(json.dumps(str(k)) + ": " + to_json(v) for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(to_json(v) for v in value) + "]"
    return json.dumps(value)


def format_timestamp(moment):
    """UTC ISO-8601 with microseconds, e.g. 2026-01-01T10:15:30.120000Z: equal instants, equal text."""
    utc = moment.astimezone(timezone.utc)
    # by hand, not strftime: %Y does not pad years before 1000 on every platform
    return (f"{utc.year:04d}-{utc.month:02d}-{utc.day:02d}T{utc.hour:02d}:{utc.minute:02d}:{utc.second:02d}"
            f".{utc.microsecond:06d}Z")
