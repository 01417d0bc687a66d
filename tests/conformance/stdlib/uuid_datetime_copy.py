# copy.copy and copy.deepcopy of UUID, the datetime types, Fraction and NormalDist.
import copy
import datetime
import fractions
import statistics
import uuid

objects = [uuid.UUID(int=5), datetime.datetime(2020, 1, 1, tzinfo=datetime.timezone.utc), datetime.timedelta(1),
           datetime.date(2020, 1, 1), datetime.time(1), datetime.timezone(datetime.timedelta(hours=1), 'X'),
           fractions.Fraction(1, 3), statistics.NormalDist(1, 2)]
for o in objects:
    for f in (copy.copy, copy.deepcopy):
        c = f(o)
        print(type(o).__name__, f.__name__, repr(c), c == o)
