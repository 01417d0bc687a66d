# statistics: covariance, correlation and linear_regression, with their errors.
import statistics as st

pairs = [([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 1, 2, 3, 1, 2, 3]),
         ([1, 2, 3, 4, 5, 6, 7, 8, 9], [9, 8, 7, 6, 5, 4, 3, 2, 1]),
         ([1.5, 2.25, 3.0, 10.5], [2.0, 4.5, 6.25, 21.5]),
         ([1971, 1975, 1979, 1982, 1983], [1, 2, 3, 4, 5]),
         ([1, 2], [5, 5]), ([3, 3, 3], [1, 2, 3]), ([1], [2]), ([1, 2, 3], [1, 2])]
for x, y in pairs:
    for name, kw in [('covariance', {}), ('correlation', {}), ('linear_regression', {}),
                     ('linear_regression', {'proportional': True})]:
        try:
            print(name, kw, repr(getattr(st, name)(x, y, **kw)))
        except st.StatisticsError as e:
            print(name, kw, type(e).__name__, e)
r = st.linear_regression([1, 2, 3], [2, 4, 6.5])
print(r.slope, r.intercept, tuple(r), r == (r.slope, r.intercept))
