"""What the tests share: a valid PriceRequest as the consumer sends it, with fields to override."""

from decimal import Decimal

from price_quote import to_json
from price_request import parse_json, parse_request


def request_document(**overrides):
    """A PriceRequest document as plain JSON values; an override of None sets null, REMOVE drops the field."""
    document = {
        "order_id": 20260101000042,
        "line_no": 2,
        "customer_id": "C00012345",
        "created_at": "2026-01-01T10:15:30.123456Z",
        "unit_price": Decimal("19.99"),
        "quantity": 3,
        "currency": "EUR",
        "sku": "ELC-004211",
        "tags": [],
        "shipping": {"country": "DE", "postal_code": "10115"},
        "channel": "WEB",
        "coupon_code": None,
        "loyalty_points": None,
    }
    for name, value in overrides.items():
        if value is REMOVE:
            document.pop(name)
        else:
            document[name] = value
    return document


def request_json(**overrides):
    """The same document as JSON text, decimals as exact JSON numbers (19.99, not "19.99")."""
    return to_json(request_document(**overrides)).encode("utf-8")


def a_request(**overrides):
    """The document read into a PriceRequest, through the same path the HTTP endpoint takes."""
    return parse_request(parse_json(request_json(**overrides)))


REMOVE = object()
