# secrets: token sizes and alphabets, randbelow/randbits/choice ranges, errors.
import secrets
import string

print(len(secrets.token_bytes()), len(secrets.token_bytes(5)), type(secrets.token_bytes(1)).__name__)
print(len(secrets.token_hex()), len(secrets.token_hex(4)), set(secrets.token_hex(50)) <= set(string.hexdigits.lower()))
url = secrets.token_urlsafe(30)
print(len(url), set(url) <= set(string.ascii_letters + string.digits + '-_'), len(secrets.token_urlsafe()))
print(all(0 <= secrets.randbelow(7) < 7 for _ in range(200)), secrets.randbelow(1))
print(all(0 <= secrets.randbits(5) < 32 for _ in range(200)), secrets.randbits(0))
print(secrets.choice('a') , secrets.choice([3, 3, 3]), secrets.choice('xyz') in 'xyz')
print(secrets.compare_digest('abc', 'abc'), secrets.compare_digest(b'abc', b'abd'))
print(isinstance(secrets.SystemRandom(), secrets.SystemRandom), secrets.DEFAULT_ENTROPY)
for call, arg in [(secrets.randbelow, 0), (secrets.randbelow, -3), (secrets.token_bytes, -1), (secrets.choice, [])]:
    try:
        call(arg)
    except (ValueError, IndexError) as e:
        print(call.__name__, type(e).__name__, e)
try:
    secrets.compare_digest('a', b'a')
except TypeError as e:
    print(type(e).__name__, e)
