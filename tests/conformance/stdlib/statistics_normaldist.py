# statistics.NormalDist: construction, pdf/cdf/inv_cdf across the three AS 241 ranges, arithmetic, errors.
from statistics import NormalDist, StatisticsError

n = NormalDist(100, 15)
print(n, n.mean, n.median, n.mode, n.stdev, n.variance)
for x in [55, 85, 100, 115.5, 160]:
    print(x, n.pdf(x), n.cdf(x), n.zscore(x))
std = NormalDist()
for p in [1e-300, 1e-20, 1e-9, 0.001, 0.02425, 0.075, 0.25, 0.5, 0.574, 0.925, 0.975, 0.999999, 1 - 1e-16]:
    print(p, std.inv_cdf(p), n.inv_cdf(p))
print(n.quantiles(), std.quantiles(10))
print(NormalDist.from_samples([2.5, 3.25, 5.5, 11.25, 11.75]))
print(NormalDist.from_samples(iter([1, 2, 3, 4])))
a, b = NormalDist(2.4, 1.6), NormalDist(3.2, 2.0)
print(a.overlap(b), b.overlap(a), a.overlap(NormalDist(2.4, 1.6)), a.overlap(NormalDist(5, 1.6)))
print(a + b, a - b, a + 3, 3 + a, a - 3, 3 - a, a * 2, 2 * a, a * -2, a / 4, -a, +a)
print(a == NormalDist(2.4, 1.6), a != b, a == 2.4, hash(a) == hash(NormalDist(2.4, 1.6)))
for f in [lambda: NormalDist(0, -1), lambda: NormalDist(1, 0).pdf(1), lambda: NormalDist(1, 0).cdf(1),
          lambda: std.inv_cdf(0), lambda: std.inv_cdf(1.5), lambda: NormalDist(1, 0).inv_cdf(0.5),
          lambda: NormalDist(1, 0).zscore(1), lambda: a.overlap(2), lambda: a.overlap(NormalDist(1, 0)),
          lambda: NormalDist.from_samples([1])]:
    try:
        print(f())
    except (StatisticsError, TypeError) as e:
        print(type(e).__name__, e)
