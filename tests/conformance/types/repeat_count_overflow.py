# A repeat count or index past Py_ssize_t is an OverflowError (or
# IndexError for an index); a product merely too big to allocate is a
# MemoryError, or an OverflowError where CPython checks the length first.
for expr in ['"a" * 2**63', '"a" * 2**62', 'b"a" * 2**63', '[1] * 2**63', '(1,) * 2**63', 'bytearray(b"a") * 2**63',
             '2**63 * "a"', '"a" * -2**63', '"a" * (-2**70)', '"abc"[2**63]', '[1][2**63]', '(1,)[2**63]', '"a"[-2**64]',
             'range(10)[2**63]', '"a" * 2**31 * 2**31', '[1, 2] * 2**62', 'b"ab" * 2**62', '"ab" * 2**62',
             'bytearray(b"ab") * 2**62', 'l = [1]; l *= 2**63', 's = "a"; s *= 2**63', '[0] * 2**40']:
    try:
        exec(expr)
        print(expr, 'ok')
    except Exception as e:
        print(expr, type(e).__name__, e)
