# Every guaranteed algorithm: digests, names, sizes, copy, update after digest.
import hashlib

for name in ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'sha3_224', 'sha3_256',
             'sha3_384', 'sha3_512', 'blake2b', 'blake2s']:
    h = getattr(hashlib, name)(b'hello')
    print(name, h.name, h.digest_size, h.block_size, h.hexdigest())
    print(' ', hashlib.new(name, b'hello').digest() == h.digest(), len(h.digest()))
for name in ['shake_128', 'shake_256']:
    h = hashlib.new(name, b'abc')
    print(name, h.name, h.digest_size, h.block_size, h.hexdigest(10), h.digest(4), h.hexdigest(0))

print(hashlib.sha256(b'x').hexdigest())
print(hashlib.sha256().hexdigest(), hashlib.md5(b'').hexdigest())
h = hashlib.sha1()
h.update(b'abc')
c = h.copy()
print(h.hexdigest(), c.hexdigest())
h.update(b'def')
print(h.hexdigest(), c.hexdigest(), hashlib.sha1(b'abcdef').hexdigest())
print(h.hexdigest() == h.hexdigest(), hashlib.sha256(string=b'a').hexdigest()[:16])
print(hashlib.sha256(bytearray(b'ab')).hexdigest()[:16], hashlib.md5(memoryview(b'ab')).hexdigest())
print(hashlib.new('SHA256', b'a').name, hashlib.new('sha256').name, hashlib.sha512(b'a' * 100000).hexdigest()[:16])
print(sorted(hashlib.algorithms_guaranteed))
print('sha256' in hashlib.algorithms_available)
