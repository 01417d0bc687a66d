# Training workload for profile-guided optimization: integer and float
# arithmetic, recursion, loops over ranges and lists.
import sys

scale = int(sys.argv[1]) if len(sys.argv) > 1 else 1


def collatz_steps(limit):
    longest = 0
    for start in range(1, limit):
        n, steps = start, 0
        while n != 1:
            n = n // 2 if n % 2 == 0 else 3 * n + 1
            steps += 1
        if steps > longest:
            longest = steps
    return longest


def ackermann_like(depth):
    return 1 if depth < 2 else ackermann_like(depth - 1) + ackermann_like(depth - 2)


def particles(count, rounds):
    pos = [[float(i), float(i) * 0.5, 1.0 / (i + 1)] for i in range(count)]
    vel = [[0.01 * i, -0.02, 0.005] for i in range(count)]
    for _ in range(rounds):
        for p, v in zip(pos, vel):
            r2 = p[0] * p[0] + p[1] * p[1] + p[2] * p[2] + 1e-9
            inv = 1.0 / (r2 ** 0.5)
            v[0] -= p[0] * inv * 0.001
            v[1] -= p[1] * inv * 0.001
            v[2] -= p[2] * inv * 0.001
            p[0] += v[0]
            p[1] += v[1]
            p[2] += v[2]
    return sum(p[0] + p[1] + p[2] for p in pos)


def big_numbers(n):
    acc = 1
    for i in range(1, n):
        acc = acc * i % (10 ** 40 + 7)
        acc ^= i << 70
    return acc % 1000


print(collatz_steps(3000 * scale), ackermann_like(20 + scale), round(particles(50, 2000 * scale), 3),
      big_numbers(5000 * scale))
