"""The one exception tree of korpol.

Every error korpol raises on purpose is a :class:`KorpolError`.  Each subclass
also derives from the builtin exception a caller would already catch, so
``except ValueError`` keeps working around korpol calls::

    KorpolError
    ├── ValidationError(KorpolError, ValueError)    a record field holds a bad value
    ├── DecodeError(KorpolError, ValueError)        bytes that cannot be read as text
    ├── UnknownEntityError(KorpolError, LookupError) a country/organisation/... not in the reference data
    ├── InputTypeError(KorpolError, TypeError)      an argument of a type korpol does not accept
    └── MissingDependencyError(KorpolError, ImportError) an optional extra is not installed

    KorpolWarning(UserWarning)                      input korpol read, but not all of it or not as
                                                    given (a skipped file, an unknown sidecar key)

Errors carry structured fields (``field``, ``value``, ``suggestions``) so that
programs can react without parsing the message.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "DecodeError",
    "InputTypeError",
    "KorpolError",
    "KorpolWarning",
    "MissingDependencyError",
    "UnknownEntityError",
    "ValidationError",
    "check_opt_str",
    "check_str",
]


class KorpolError(Exception):
    """Root of every error korpol raises on purpose.

    Catch it to handle any korpol error at once:

    >>> from korpol import Money
    >>> try:
    ...     Money(amount="-5", currency="USD")
    ... except KorpolError as err:
    ...     print(type(err).__name__)
    ValidationError
    """


class KorpolWarning(UserWarning):
    """Input korpol read, but not all of it or not as given; the message names the file.

    Warnings go through :mod:`warnings`, so ``warnings.simplefilter("error", KorpolWarning)``
    turns them into errors and ``"ignore"`` silences them.

    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warnings.warn("notes.pdf: skipped", KorpolWarning, stacklevel=1)
    >>> str(caught[0].message)
    'notes.pdf: skipped'
    """


class ValidationError(KorpolError, ValueError):
    """A record was built with a value its field cannot hold.

    >>> err = ValidationError("currency", "XYZ", "not an ISO 4217 code")
    >>> str(err)
    "currency: 'XYZ' is not valid: not an ISO 4217 code"
    >>> err.field, err.value
    ('currency', 'XYZ')
    """

    def __init__(self, field: str, value: Any, reason: str) -> None:
        self.field = field
        self.value = value
        self.reason = reason
        super().__init__(f"{field}: {value!r} is not valid: {reason}")


class DecodeError(KorpolError, ValueError):
    """Bytes could not be decoded as text in any supported encoding.

    A ``ValueError`` too, so existing ``except ValueError`` handlers keep working:

    >>> try:
    ...     raise DecodeError("no supported encoding reads these bytes")
    ... except ValueError as err:
    ...     print(isinstance(err, KorpolError), err)
    True no supported encoding reads these bytes
    """


class UnknownEntityError(KorpolError, LookupError):
    """A name or code is not in korpol's reference data.

    ``suggestions`` holds close matches, best first.

    >>> err = UnknownEntityError("country", "Polnd", ["Poland"])
    >>> str(err)
    "unknown country: 'Polnd' (did you mean: Poland?)"
    """

    def __init__(self, kind: str, value: Any, suggestions: list[str] | None = None) -> None:
        self.kind = kind
        self.value = value
        self.suggestions = list(suggestions or [])
        hint = f" (did you mean: {', '.join(self.suggestions)}?)" if self.suggestions else ""
        super().__init__(f"unknown {kind}: {value!r}{hint}")


class InputTypeError(KorpolError, TypeError):
    """An argument has a type korpol does not accept.

    >>> str(InputTypeError("text", 42, "str or bytes"))
    'text: expected str or bytes, got int (42)'
    """

    def __init__(self, argument: str, value: Any, expected: str) -> None:
        self.argument = argument
        self.value = value
        self.expected = expected
        shown = repr(value)
        if len(shown) > 60:
            shown = shown[:57] + "..."
        super().__init__(f"{argument}: expected {expected}, got {type(value).__name__} ({shown})")


class MissingDependencyError(KorpolError, ImportError):
    """An optional dependency is needed for this call.

    >>> str(MissingDependencyError("pandas", "pandas"))
    "this needs pandas, which is not installed: pip install 'korpol[pandas]'"
    """

    def __init__(self, package: str, extra: str) -> None:
        self.package = package
        self.extra = extra
        super().__init__(
            f"this needs {package}, which is not installed: pip install 'korpol[{extra}]'"
        )


def check_str(argument: str, value: object) -> str:
    """``value`` if it is a ``str``, else an :class:`InputTypeError` naming ``argument``.

    >>> check_str("value", 42)
    Traceback (most recent call last):
    ...
    korpol._errors.InputTypeError: value: expected str, got int (42)
    """
    if not isinstance(value, str):
        raise InputTypeError(argument, value, "str")
    return value


def check_opt_str(argument: str, value: object) -> str | None:
    """Like :func:`check_str`, but ``None`` passes too.

    >>> check_opt_str("title", None) is None
    True
    >>> check_opt_str("title", 7)
    Traceback (most recent call last):
    ...
    korpol._errors.InputTypeError: title: expected str or None, got int (7)
    """
    if value is None or isinstance(value, str):
        return value
    raise InputTypeError(argument, value, "str or None")
