# deepcopy of a deque goes through deque.__reduce__.
import copy
from collections import deque

dq = deque([1, [2]], 5)
dc = copy.deepcopy(dq)
print(dc, dc[1] is dq[1], dc.maxlen)
