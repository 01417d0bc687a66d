# Training workload for profile-guided optimization: dicts with string keys,
# string building and methods, comprehensions, sorting, slicing.
import sys

scale = int(sys.argv[1]) if len(sys.argv) > 1 else 1
words = "the quick brown fox jumps over the lazy dog while seven wizards hex".split()

index = {}
for i in range(40000 * scale):
    key = f"{words[i % len(words)]}-{i % 997}"
    index[key] = index.get(key, 0) + i
    if key in index and i % 3 == 0:
        index[key] -= 1
lines = [" ".join(words[j % len(words)] for j in range(i, i + 8)) for i in range(3000 * scale)]
counts = {}
for line in lines:
    for w in line.upper().replace("O", "0").split():
        counts[w] = counts.get(w, 0) + 1
ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
numbers = [(i * 7919) % 10007 for i in range(50000 * scale)]
numbers.sort()
evens = [n for n in numbers if n % 2 == 0][::3]
pairs = sorted(((n % 50, n) for n in numbers[:20000]), reverse=True)
table = {n: str(n) for n in range(5000)}
joined = ",".join(table[n] for n in range(0, 5000, 7))
print(len(index), ranked[:3], len(evens), pairs[0], len(joined), f"{sum(numbers):,}",
      "%s:%d" % ("x", 3), repr(lines[0])[:20], "abc".center(9, "*"), set(words) & {"fox"})
