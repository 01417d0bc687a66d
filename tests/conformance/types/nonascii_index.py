# Indexing, slicing and bounded searches of long non-ASCII strs: every
# position, on both sides of each 64-code-point boundary, with 2-, 3- and
# 4-byte characters, for strs made every way (literal, concatenation, join,
# repetition, slicing, decoding, subclass instances, interning).
import hashlib
import json
import sys


def digest(values):
    return hashlib.sha1(repr(values).encode("utf-8", "surrogatepass")).hexdigest()[:16]


pool = "aé€😀zЖ\uffff\U0010ffff\xff\ud800\"0"


def mixed(n, seed):
    out = []
    state = seed
    for _ in range(n):
        state = (state * 1103515245 + 12345) % 2**31
        out.append(pool[(state >> 16) % len(pool)])
    return "".join(out)


class S(str):
    pass


def built_every_way(text):
    half = len(text) // 2
    left, right = text[:half], text[half:]
    yield "literal-like", text
    yield "concat", left + right
    yield "join", "".join([left, right])
    yield "slice", ("é" + text + "€")[1:-1]
    yield "decoded", text.encode("utf-8", "surrogatepass").decode("utf-8", "surrogatepass")
    yield "subclass", S(text)
    yield "interned", sys.intern(text) if "\ud800" not in text else text
    if len(text) % 2 == 0 and left == right:
        yield "repeat", left * 2


def every_item(s):
    n = len(s)
    forward = [s[i] for i in range(n)]
    backward = [s[i] for i in range(n - 1, -1, -1)]
    negative = [s[-i] for i in range(1, n + 1)]
    scattered = [s[(i * 7919) % n] for i in range(n)] if n else []
    assert backward == forward[::-1] and negative == forward[::-1]
    return digest((forward, scattered))


def slices(s):
    n = len(s)
    bounds = [None, 0, 1, 63, 64, 65, 127, 128, 129, n // 2, n - 1, n, n + 5, -1, -64, -65, -n, -n - 3]
    out = []
    for step in (None, 1, 2, 3, -1, -2, 64, 65, -65, 200):
        for a in bounds:
            for b in bounds:
                out.append(s[a:b:step])
    out.extend(s[i:i + 10] for i in range(0, n, 7))
    return digest(out)


def searches(s):
    n = len(s)
    out = []
    for sub in ('"', "😀", s[n // 2:n // 2 + 3], s[64:66], "", "not there"):
        for a in (None, 0, 63, 64, 65, n // 2, n - 2, n, -1, -70, -n - 1):
            for b in (None, 3, 64, 65, 128, n // 2 + 5, n, n + 10, -2, -64):
                out.append((s.find(sub, a, b), s.rfind(sub, a, b), s.count(sub, a, b),
                            s.startswith(sub, a, b), s.endswith(sub, a, b),
                            s.startswith((sub, "zz"), a, b), s.endswith(("zz", sub), a, b)))
                try:
                    out.append(s.index(sub, a, b))
                except ValueError as e:
                    out.append(str(e))
                try:
                    out.append(s.rindex(sub, a, b))
                except ValueError as e:
                    out.append(str(e))
    return digest(out)


for n in (63, 64, 65, 128, 129, 300, 1000):
    for label, text in (("mixed", mixed(n, n)), ("two-byte", "é" * n), ("three-byte", "€" * n),
                        ("four-byte", "😀" * n), ("ascii-then-not", "a" * (n - 1) + "é")):
        results = {}
        for how, s in built_every_way(text):
            assert s == text and len(s) == n
            results[how] = (every_item(s), slices(s), searches(s))
        distinct = set(results.values())
        print(n, label, len(results), "ways agree" if len(distinct) == 1 else results, *sorted(distinct)[0])

# A few values spelled out.
s = ("aé€😀" * 40)[:150]
print(s[63], s[64], s[65], s[-1], s[-64], s[-65], s[127:131], s[::37], s[::-41])
print(s.find("😀", 64), s.find("😀", 64, 66), s.rfind("é", 0, 130), s.count("€", 65, 129))
print(s.startswith("😀a", 63), s.endswith("aé", 0, 130), s.index("€", -20))
try:
    s[150]
except IndexError as e:
    print(type(e).__name__, e)
try:
    s[-151]
except IndexError as e:
    print(type(e).__name__, e)
print(s[149], s[-150])

# A sequential scan, as a tokenizer makes one: every position, then windows.
text = "".join(f"«{i}»ŝ€😀 " for i in range(3000))
words, i = [], 0
while i < len(text):
    j = text.find(" ", i)
    words.append(text[i:j])
    i = j + 1
print(len(text), len(words), words[0], words[-1], digest(words))
print(sum(1 for i in range(len(text)) if text[i] == "€"), text.count("€"))

# json over a document with non-ASCII text, as json.loads indexes it.
doc = json.dumps([{"name": "Zoë " * 5, "city": "Kraków", "n": i, "tag": "😀\u2028"} for i in range(500)],
                 ensure_ascii=False)
data = json.loads(doc)
print(len(doc), len(data), data[-1], json.dumps(data) == json.dumps(json.loads(json.dumps(data))))

# Iteration and `in` agree with indexing.
t = mixed(500, 7)
print(list(t) == [t[i] for i in range(len(t))], "😀" in t[100:], t[250:260] in t, digest(list(reversed(t))))
