# hmac over hashlib, pbkdf2_hmac, compare_digest.
import hashlib
import hmac

print(hashlib.pbkdf2_hmac('sha256', b'pw', b'salt', 1000).hex())
print(hashlib.pbkdf2_hmac('sha1', b'pw', b'salt', 10, dklen=5), hashlib.pbkdf2_hmac('md5', bytearray(b'p'), b's', 2, 40).hex())
for f in [lambda: hashlib.pbkdf2_hmac('nope', b'a', b'b', 1), lambda: hashlib.pbkdf2_hmac('sha1', 'a', b'b', 1),
          lambda: hashlib.pbkdf2_hmac('sha1', b'a', b'b', 0), lambda: hashlib.pbkdf2_hmac('sha1', b'a', b'b', 1, 0)]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e, isinstance(e, ValueError))

h = hmac.new(b'key', b'msg', 'sha256')
print(h.hexdigest(), h.name, h.digest_size, h.block_size)
print(hmac.digest(b'k', b'm', 'md5'), hmac.new(b'k' * 100, b'', hashlib.sha1).hexdigest())
print(hmac.new(b'k', digestmod=hashlib.sha512).hexdigest()[:32], hmac.new(bytearray(b'k'), b'x', 'sha1').hexdigest())
h2 = h.copy()
h.update(b'x')
print(h.hexdigest() != h2.hexdigest(), h2.hexdigest() == hmac.new(b'key', b'msg', 'sha256').hexdigest())
print(hmac.compare_digest(b'a', b'a'), hmac.compare_digest('a', 'b'), hmac.compare_digest(b'ab', b'a'),
      hmac.compare_digest(bytearray(b'x'), memoryview(b'x')))
for f in [lambda: hmac.new(b'k'), lambda: hmac.new('k', digestmod='sha1'), lambda: hmac.compare_digest('é', 'é'),
          lambda: hmac.compare_digest(1, 2), lambda: hmac.compare_digest('a', b'a')]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
