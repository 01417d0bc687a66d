# statistics: averages, spread and quantiles on ints, floats and Fractions, with the exact results and errors.
import statistics as st
from fractions import Fraction


def show(name, *args, **kw):
    try:
        r = getattr(st, name)(*args, **kw)
        print(name, repr(r), type(r).__name__)
    except Exception as e:
        print(name, type(e).__name__, e)


datasets = [[1, 2, 3, 4], [1, 2, 3], [2.5, 3.25, 5.5, 11.25, 11.75], [1, 2.5], [0.1] * 10 + [0.2],
            [Fraction(1, 3), Fraction(2, 3), 1], [10**20, 10**20 + 1], [5], [-1, -5, 3, 7, 7, 2],
            [1e300, 1e300, -1e300], [1, float('inf')], [True, False, True], range(1, 101)]
for data in datasets:
    print('---', list(data)[:6])
    for name in ['mean', 'fmean', 'median', 'median_low', 'median_high', 'median_grouped', 'mode',
                 'multimode', 'variance', 'pvariance', 'stdev', 'pstdev', 'quantiles', 'harmonic_mean',
                 'geometric_mean']:
        show(name, data)

print('--- edge cases')
for name in ['mean', 'fmean', 'median', 'median_low', 'median_high', 'mode', 'multimode', 'variance',
             'pvariance', 'stdev', 'pstdev', 'quantiles', 'harmonic_mean', 'geometric_mean']:
    show(name, [])
show('mode', ['red', 'blue', 'blue', 'red', 'green'])
show('multimode', 'aabbbbccddddeeffffgg')
show('mode', iter([3, 1, 3, 1]))
show('median', [3, 1, 2, 'x'])
show('mean', ['a', 'b'])
show('mean', [1, 'b'])
show('variance', [1, 2, 3, 4], 2.5)
show('pvariance', [1, 2, 3, 4], mu=2)
show('stdev', [1.5, 2.5, 2.5, 2.75, 3.25, 4.75])
show('pstdev', [Fraction(1, 4), Fraction(5, 4), 1])
show('variance', [Fraction(1, 4), Fraction(5, 4), 1])
for n in [1, 2, 4, 10]:
    show('quantiles', [105, 129, 87, 86, 111, 111, 89, 81, 108, 92, 110, 100, 75, 105, 103, 109, 76, 119, 99, 91], n=n)
    show('quantiles', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], n=n, method='inclusive')
show('quantiles', [1, 2], n=0)
show('quantiles', [1, 2], method='bogus')
show('quantiles', [1.0, 2.0, 10.0], n=3)
show('fmean', [1, 2, 3], weights=[3, 2, 1])
show('harmonic_mean', [40, 60], weights=[5, 30])
show('harmonic_mean', [1, 0, 2])
show('harmonic_mean', [1, -2])
show('geometric_mean', [1, -2])
show('median_grouped', [52, 52, 53, 54], interval=2)
print(issubclass(st.StatisticsError, ValueError))
