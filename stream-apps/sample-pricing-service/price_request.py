"""Reading a PriceRequest (schemas/services/pricing/request/) from its plain JSON.

The mapping is Offstream's HTTP contract: decimals as JSON numbers, timestamps as ISO-8601
strings, enums as their symbol, nested records as objects, arrays as arrays, null for an absent
nullable field. Anything else is a RequestError naming the field (the service answers 400).
"""

import json
import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from decimal import ROUND_HALF_EVEN, Context, Decimal, InvalidOperation

CHANNELS = ("WEB", "APP", "STORE")
INT_RANGE = (-(2 ** 31), 2 ** 31 - 1)
LONG_RANGE = (-(2 ** 63), 2 ** 63 - 1)

# Only to test a value's scale: a quantize that changes the value means more decimal places.
_SCALE_CHECK = Context(prec=60, rounding=ROUND_HALF_EVEN, traps=[InvalidOperation])
_TIMESTAMP = re.compile(r"(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|z|[+-]\d{2}:?\d{2})?")


class RequestError(ValueError):
    """The request does not match PriceRequest (a missing field, a wrong type)."""


@dataclass(frozen=True)
class Shipping:
    country: str
    postal_code: str | None


@dataclass(frozen=True)
class PriceRequest:
    order_id: int
    line_no: int
    customer_id: str
    created_at: datetime
    unit_price: Decimal
    quantity: int
    currency: str
    sku: str
    tags: tuple
    shipping: Shipping
    channel: str | None
    coupon_code: str | None
    loyalty_points: int | None


def parse_json(body):
    """JSON text to Python values, every non-integer number as an exact Decimal; NaN and Infinity refused."""
    def refuse(constant):
        raise RequestError(f"{constant} is not a JSON number")
    try:
        return json.loads(body, parse_float=Decimal, parse_constant=refuse)
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise RequestError(f"the body is not JSON: {e}") from None
    except RecursionError:
        raise RequestError("the body nests too deeply to be a PriceRequest") from None


def parse_request(document):
    """The PriceRequest a JSON document (as parse_json gives it) holds.

    Fields with a default in the schema (the nullable ones) may be absent; unknown fields are
    ignored, so a request of a newer schema version still prices.
    """
    if not isinstance(document, dict):
        raise RequestError("the request must be a JSON object, was " + json_type(document))
    # read in schema order, so the first problem reported is the first field's
    return PriceRequest(
        order_id=_integer(document, "order_id", LONG_RANGE),
        line_no=_integer(document, "line_no", INT_RANGE),
        customer_id=_string(document, "customer_id"),
        created_at=_timestamp(document, "created_at"),
        unit_price=_decimal(document, "unit_price", precision=12, scale=2),
        quantity=_integer(document, "quantity", INT_RANGE),
        currency=_string(document, "currency"),
        sku=_string(document, "sku"),
        tags=_strings(document, "tags"),
        shipping=_shipping(document, "shipping"),
        channel=_optional(document, "channel", _channel),
        coupon_code=_optional(document, "coupon_code", _string),
        loyalty_points=_optional(document, "loyalty_points", lambda d, n, p: _integer(d, n, LONG_RANGE, p)),
    )


def _shipping(document, name):
    value = _required(document, name)
    if not isinstance(value, dict):
        raise RequestError(f"field '{name}' must be an object, was {json_type(value)}")
    return Shipping(country=_string(value, "country", f"{name}.country"),
                    postal_code=_optional(value, "postal_code", _string, f"{name}.postal_code"))


def _required(document, name, path=None):
    if name not in document:
        raise RequestError(f"field '{path or name}' is required")
    if document[name] is None:
        raise RequestError(f"field '{path or name}' is required and was null")
    return document[name]


def _optional(document, name, read, path=None):
    """A nullable field with default null: absent or null is None, anything else must read."""
    if document.get(name) is None:
        return None
    return read(document, name, path or name)


def _integer(document, name, bounds, path=None):
    value = _required(document, name, path)
    if isinstance(value, bool) or not isinstance(value, int):
        raise RequestError(f"field '{path or name}' must be a whole JSON number, was {json_type(value)}")
    if not bounds[0] <= value <= bounds[1]:
        raise RequestError(f"field '{path or name}' is {value}, outside {bounds[0]}..{bounds[1]}")
    return value


def _string(document, name, path=None):
    value = _required(document, name, path)
    if not isinstance(value, str):
        raise RequestError(f"field '{path or name}' must be a string, was {json_type(value)}")
    return value


def _channel(document, name, path=None):
    value = _string(document, name, path)
    if value not in CHANNELS:
        raise RequestError(f"field '{path or name}' is '{value}', not one of {list(CHANNELS)}")
    return value


def _strings(document, name):
    value = _required(document, name)
    if not isinstance(value, list) or any(not isinstance(item, str) for item in value):
        raise RequestError(f"field '{name}' must be an array of strings, was {json_type(value)}")
    return tuple(value)


def _decimal(document, name, precision, scale):
    value = _required(document, name)
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        raise RequestError(f"field '{name}' must be a JSON number, was {json_type(value)}")
    number = Decimal(value)
    if not number.is_finite() or abs(number) >= Decimal(10) ** (precision - scale):
        raise RequestError(f"field '{name}' is {number}, which does not fit decimal({precision},{scale})")
    if number != number.quantize(Decimal(1).scaleb(-scale), context=_SCALE_CHECK):
        raise RequestError(f"field '{name}' is {number}, which has more than {scale} decimal places")
    return number


def _timestamp(document, name):
    """An ISO-8601 instant as an aware UTC datetime; without an offset it is UTC. Below microseconds is refused."""
    value = _string(document, name)
    match = _TIMESTAMP.fullmatch(value.strip())
    if match is None:
        raise RequestError(f"field '{name}' is '{value}', not an ISO-8601 timestamp such as 2026-01-01T10:15:30.123456Z")
    day, time, fraction, offset = match.groups()
    fraction = fraction or ""
    if fraction[6:].strip("0"):
        raise RequestError(f"field '{name}' is '{value}', finer than the microseconds of timestamp-micros")
    try:
        moment = datetime.fromisoformat(f"{day}T{time}")
        moment = moment.replace(microsecond=int(fraction[:6].ljust(6, "0")), tzinfo=_zone(offset))
        return moment.astimezone(timezone.utc)
    except (ValueError, OverflowError) as e:
        raise RequestError(f"field '{name}' is '{value}', not a valid date and time: {e}") from None


def _zone(offset):
    if offset is None or offset in ("Z", "z"):
        return timezone.utc
    digits = offset[1:].replace(":", "")
    delta = timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
    return timezone(-delta if offset[0] == "-" else delta)


def json_type(value):
    """What a JSON value is, for an error message."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, Decimal)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the string {json.dumps(value)}"
    return "an array" if isinstance(value, list) else "an object"
