# str input, non-buffers, unknown names, bad lengths.
import hashlib

def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

attempt(lambda: hashlib.sha256('text'))
attempt(lambda: hashlib.md5().update('text'))
attempt(lambda: hashlib.sha1().update(5))
attempt(lambda: hashlib.sha1(None))
attempt(lambda: hashlib.new('nope'))
attempt(lambda: hashlib.new('nope', b'x'))
attempt(lambda: hashlib.new(5))
attempt(lambda: hashlib.shake_128(b'x').hexdigest())
attempt(lambda: hashlib.sha256(b'x').hexdigest(4))
attempt(lambda: hashlib.sha256(b'a', data=b'b'))
attempt(lambda: hashlib.sha256().update())
