# uuid.UUID: every constructor form, the field properties, errors; uuid1/uuid4 shapes.
import uuid


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


u = uuid.UUID('{12345678-1234-5678-1234-567812345678}')
print(repr(u), str(u), u.hex, u.int, u.urn)
print(u.bytes, u.bytes_le)
print(u.fields, u.time_low, u.time_mid, u.time_hi_version, u.clock_seq_hi_variant, u.clock_seq_low)
print(u.node, u.time, u.clock_seq, u.variant, u.version)
same = [uuid.UUID('12345678123456781234567812345678'), uuid.UUID('urn:uuid:12345678-1234-5678-1234-567812345678'),
        uuid.UUID(bytes=u.bytes), uuid.UUID(bytes_le=u.bytes_le), uuid.UUID(fields=u.fields), uuid.UUID(int=u.int)]
print([x == u for x in same], len({u, *same}), int(u) == u.int)
v = uuid.UUID(int=u.int, version=4)
print(v, v.version, v.variant, v > u, u < v, u <= u, v >= u, u == 5, u != v)
for ns in [uuid.NAMESPACE_DNS, uuid.NAMESPACE_URL, uuid.NAMESPACE_OID, uuid.NAMESPACE_X500]:
    print(ns, ns.version, ns.variant)
for i in [0, 1 << 127, (1 << 127) | (1 << 126), (1 << 128) - 1]:
    x = uuid.UUID(int=i)
    print(x, x.variant, x.version)
print(sorted([v, u, uuid.NAMESPACE_DNS]))

show(lambda: uuid.UUID())
show(lambda: uuid.UUID('1234'))
show(lambda: uuid.UUID('zz345678123456781234567812345678'))
show(lambda: uuid.UUID(bytes=b'short'))
show(lambda: uuid.UUID(bytes_le=b'short'))
show(lambda: uuid.UUID(fields=(1, 2, 3)))
show(lambda: uuid.UUID(fields=(1 << 32, 0, 0, 0, 0, 0)))
show(lambda: uuid.UUID(fields=(0, 0, 0, 0, 256, 0)))
show(lambda: uuid.UUID(int=-1))
show(lambda: uuid.UUID(int=1 << 128))
show(lambda: uuid.UUID(int=0, version=6))
show(lambda: uuid.UUID(hex=u.hex, int=1))
try:
    u.int = 5
except TypeError as e:
    print(type(e).__name__, e)
print(u.is_safe, repr(u.is_safe) == repr(uuid.SafeUUID.unknown))

r = uuid.uuid4()
print(type(r).__name__, r.version, r.variant, len(str(r)), r != uuid.uuid4())
t = uuid.uuid1()
print(t.version, t.variant, t.node == uuid.uuid1().node, uuid.uuid1(node=0x123456789abc, clock_seq=0x1234).clock_seq,
      hex(uuid.uuid1(node=0x123456789abc).node))
