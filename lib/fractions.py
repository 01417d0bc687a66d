"""Fraction, a rational number with arbitrary-precision numerator and
denominator, always kept in lowest terms with a positive denominator."""

import math

__all__ = ['Fraction']

# The modulus and infinity of the numeric hash (sys.hash_info), so that a
# Fraction hashes like the equal int or float.
_HASH_MODULUS = (1 << 61) - 1
_HASH_INF = 314159


def _parse(text):
    """(numerator, denominator) of a string such as '-3/4', '1.5e-3', ' 7 '."""
    s = text.strip()
    sign = 1
    if s[:1] in ('+', '-'):
        if s[0] == '-':
            sign = -1
        s = s[1:]
    if '/' in s:
        num, _, den = s.partition('/')
        if not _is_digits(num) or not _is_digits(den):
            return None
        return sign * int(num), int(den)
    mantissa, exp = s, 0
    for marker in ('e', 'E'):
        if marker in s:
            mantissa, _, exponent = s.partition(marker)
            body = exponent[1:] if exponent[:1] in ('+', '-') else exponent
            if not _is_digits(body):
                return None
            exp = int(exponent)
            break
    whole, dot, frac = mantissa.partition('.')
    if not (whole or frac) or (whole and not _is_digits(whole)) or (frac and not _is_digits(frac)):
        return None
    if dot and not whole and not frac:
        return None
    digits = (whole + frac).replace('_', '')
    num = int(digits or '0')
    den = 1
    exp -= len(frac.replace('_', ''))
    if exp >= 0:
        num *= 10 ** exp
    else:
        den = 10 ** -exp
    return sign * num, den


def _is_digits(s):
    # Digits with single underscores between them, as int() accepts.
    if not s or s[0] == '_' or s[-1] == '_' or '__' in s:
        return False
    return s.replace('_', '').isdigit() and s.isascii()


class Fraction:
    """A rational number: Fraction(3, 4), Fraction('3/4'), Fraction(0.75),
    Fraction(Fraction(3, 4)) or Fraction('0.75')."""

    __slots__ = ('_numerator', '_denominator')

    def __new__(cls, numerator=0, denominator=None):
        self = object.__new__(cls)
        if denominator is None:
            if type(numerator) is int:
                self._numerator = numerator
                self._denominator = 1
                return self
            if isinstance(numerator, Fraction):
                self._numerator = numerator._numerator
                self._denominator = numerator._denominator
                return self
            if isinstance(numerator, int):
                self._numerator = int(numerator)
                self._denominator = 1
                return self
            if isinstance(numerator, float):
                n, d = numerator.as_integer_ratio()
                self._numerator = n
                self._denominator = d
                return self
            if isinstance(numerator, str):
                parsed = _parse(numerator)
                if parsed is None:
                    raise ValueError('Invalid literal for Fraction: %r' % numerator)
                numerator, denominator = parsed
            elif hasattr(numerator, 'as_integer_ratio') and not isinstance(numerator, complex):
                numerator, denominator = numerator.as_integer_ratio()
            else:
                raise TypeError('argument should be a string or a Rational instance')
        elif type(numerator) is int and type(denominator) is int:
            pass
        elif isinstance(numerator, (int, Fraction)) and isinstance(denominator, (int, Fraction)):
            n1, d1 = _pair(numerator)
            n2, d2 = _pair(denominator)
            numerator, denominator = n1 * d2, d1 * n2
        else:
            raise TypeError('both arguments should be Rational instances')
        if denominator == 0:
            raise ZeroDivisionError('Fraction(%s, 0)' % numerator)
        g = math.gcd(numerator, denominator)
        if denominator < 0:
            g = -g
        self._numerator = numerator // g
        self._denominator = denominator // g
        return self

    @classmethod
    def _new(cls, numerator, denominator):
        """A Fraction from an already normalized pair."""
        self = object.__new__(cls)
        self._numerator = numerator
        self._denominator = denominator
        return self

    @classmethod
    def from_float(cls, f):
        """The exact value of float (or int) f."""
        if isinstance(f, int):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError('%s.from_float() only takes floats, not %r (%s)'
                            % (cls.__name__, f, type(f).__name__))
        return cls._new(*f.as_integer_ratio())

    @classmethod
    def from_decimal(cls, dec):
        """The exact value of a Decimal (or int)."""
        if isinstance(dec, int):
            return cls(dec)
        return cls(*dec.as_integer_ratio())

    def as_integer_ratio(self):
        return (self._numerator, self._denominator)

    def limit_denominator(self, max_denominator=1000000):
        """The closest Fraction to self with denominator at most max_denominator."""
        if max_denominator < 1:
            raise ValueError('max_denominator should be at least 1')
        if self._denominator <= max_denominator:
            return Fraction(self)
        # Walk the continued fraction convergents p/q until the next one's
        # denominator is too big, then pick the better of the last
        # convergent and the best semiconvergent.
        p0, q0, p1, q1 = 0, 1, 1, 0
        n, d = self._numerator, self._denominator
        while True:
            a = n // d
            q2 = q0 + a * q1
            if q2 > max_denominator:
                break
            p0, q0, p1, q1 = p1, q1, p0 + a * p1, q2
            n, d = d, n - a * d
        k = (max_denominator - q0) // q1
        if 2 * d * (q0 + k * q1) <= self._denominator:
            return Fraction(p1, q1)
        return Fraction(p0 + k * p1, q0 + k * q1)

    @property
    def numerator(self):
        return self._numerator

    @property
    def denominator(self):
        return self._denominator

    def __repr__(self):
        return '%s(%s, %s)' % (self.__class__.__name__, self._numerator, self._denominator)

    def __str__(self):
        if self._denominator == 1:
            return str(self._numerator)
        return '%s/%s' % (self._numerator, self._denominator)

    # Arithmetic. An int or Fraction operand gives a Fraction, a float a
    # float, a complex a complex.

    def _operate(self, other, op, float_op, reverse=False):
        if isinstance(other, (int, Fraction)):
            a, b = (other, self) if reverse else (self, other)
            return op(_pair(a), _pair(b))
        if isinstance(other, float):
            return float_op(other, float(self)) if reverse else float_op(float(self), other)
        if isinstance(other, complex):
            return float_op(other, complex(float(self))) if reverse else float_op(complex(float(self)), other)
        return NotImplemented

    def __add__(self, other):
        return self._operate(other, _add, lambda x, y: x + y)

    def __radd__(self, other):
        return self._operate(other, _add, lambda x, y: x + y, True)

    def __sub__(self, other):
        return self._operate(other, _sub, lambda x, y: x - y)

    def __rsub__(self, other):
        return self._operate(other, _sub, lambda x, y: x - y, True)

    def __mul__(self, other):
        return self._operate(other, _mul, lambda x, y: x * y)

    def __rmul__(self, other):
        return self._operate(other, _mul, lambda x, y: x * y, True)

    def __truediv__(self, other):
        return self._operate(other, _div, lambda x, y: x / y)

    def __rtruediv__(self, other):
        return self._operate(other, _div, lambda x, y: x / y, True)

    def __floordiv__(self, other):
        return self._operate(other, _floordiv, lambda x, y: x // y)

    def __rfloordiv__(self, other):
        return self._operate(other, _floordiv, lambda x, y: x // y, True)

    def __mod__(self, other):
        return self._operate(other, _mod, lambda x, y: x % y)

    def __rmod__(self, other):
        return self._operate(other, _mod, lambda x, y: x % y, True)

    def __divmod__(self, other):
        return self._operate(other, _divmod, divmod)

    def __rdivmod__(self, other):
        return self._operate(other, _divmod, divmod, True)

    def __pow__(self, other):
        if isinstance(other, int) or (isinstance(other, Fraction) and other._denominator == 1):
            power = int(other._numerator if isinstance(other, Fraction) else other)
            if power >= 0:
                return Fraction._new(self._numerator ** power, self._denominator ** power)
            if self._numerator == 0:
                raise ZeroDivisionError('Fraction(%s, 0)' % (self._denominator ** -power))
            if self._numerator > 0:
                return Fraction._new(self._denominator ** -power, self._numerator ** -power)
            return Fraction._new((-self._denominator) ** -power, (-self._numerator) ** -power)
        if isinstance(other, (int, float, Fraction)):
            return float(self) ** float(other)
        if isinstance(other, complex):
            return complex(float(self)) ** other
        return NotImplemented

    def __rpow__(self, other):
        if self._denominator == 1 and self._numerator >= 0:
            return other ** self._numerator
        if isinstance(other, (int, Fraction)):
            return Fraction(other) ** self
        if self._denominator == 1:
            return other ** self._numerator
        return other ** float(self)

    def __pos__(self):
        return Fraction._new(self._numerator, self._denominator)

    def __neg__(self):
        return Fraction._new(-self._numerator, self._denominator)

    def __abs__(self):
        return Fraction._new(abs(self._numerator), self._denominator)

    def __int__(self):
        if self._numerator < 0:
            return -(-self._numerator // self._denominator)
        return self._numerator // self._denominator

    __trunc__ = __int__

    def __float__(self):
        return self._numerator / self._denominator

    def __floor__(self):
        return self._numerator // self._denominator

    def __ceil__(self):
        return -(-self._numerator // self._denominator)

    def __round__(self, ndigits=None):
        """round(self): the nearest int, ties to even; round(self, n): a
        Fraction rounded to n decimal places."""
        if ndigits is None:
            floor, remainder = divmod(self._numerator, self._denominator)
            if remainder * 2 < self._denominator:
                return floor
            if remainder * 2 > self._denominator:
                return floor + 1
            return floor if floor % 2 == 0 else floor + 1
        shift = 10 ** abs(ndigits)
        if ndigits > 0:
            return Fraction(round(self * shift), shift)
        return Fraction(round(self / shift) * shift)

    def __hash__(self):
        try:
            dinv = pow(self._denominator, -1, _HASH_MODULUS)
        except ValueError:
            hash_ = _HASH_INF
        else:
            hash_ = hash(hash(abs(self._numerator)) * dinv)
        result = hash_ if self._numerator >= 0 else -hash_
        return -2 if result == -1 else result

    def __eq__(self, other):
        if type(other) is int:
            return self._numerator == other and self._denominator == 1
        if isinstance(other, (int, Fraction)):
            return (self._numerator, self._denominator) == _pair(other)
        if isinstance(other, complex) and other.imag == 0:
            other = other.real
        if isinstance(other, float):
            if math.isnan(other) or math.isinf(other):
                return 0.0 == other
            return self == Fraction.from_float(other)
        return NotImplemented

    def _richcmp(self, other, op):
        if isinstance(other, (int, Fraction)):
            n, d = _pair(other)
            return op(self._numerator * d, self._denominator * n)
        if isinstance(other, float):
            if math.isnan(other) or math.isinf(other):
                return op(0.0, other)
            return op(self, Fraction.from_float(other))
        return NotImplemented

    def __lt__(self, other):
        return self._richcmp(other, lambda a, b: a < b)

    def __gt__(self, other):
        return self._richcmp(other, lambda a, b: a > b)

    def __le__(self, other):
        return self._richcmp(other, lambda a, b: a <= b)

    def __ge__(self, other):
        return self._richcmp(other, lambda a, b: a >= b)

    def __bool__(self):
        return self._numerator != 0

    def __reduce__(self):
        return (self.__class__, (str(self),))

    def __copy__(self):
        if type(self) == Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)

    def __deepcopy__(self, memo):
        return self.__copy__()


def _pair(x):
    if isinstance(x, Fraction):
        return x._numerator, x._denominator
    return int(x), 1


def _normalized(n, d):
    if d == 0:
        raise ZeroDivisionError('Fraction(%s, 0)' % n)
    g = math.gcd(n, d)
    if d < 0:
        g = -g
    return Fraction._new(n // g, d // g)


def _add(a, b):
    return _normalized(a[0] * b[1] + b[0] * a[1], a[1] * b[1])


def _sub(a, b):
    return _normalized(a[0] * b[1] - b[0] * a[1], a[1] * b[1])


def _mul(a, b):
    return _normalized(a[0] * b[0], a[1] * b[1])


def _div(a, b):
    return _normalized(a[0] * b[1], a[1] * b[0])


def _floordiv(a, b):
    return (a[0] * b[1]) // (a[1] * b[0])


def _mod(a, b):
    return _normalized((a[0] * b[1]) % (b[0] * a[1]), a[1] * b[1])


def _divmod(a, b):
    q, r = divmod(a[0] * b[1], a[1] * b[0])
    return q, _normalized(r, a[1] * b[1])
