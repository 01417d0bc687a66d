# The cycle collector runs on whichever thread allocates past the threshold,
# while the main thread waits in join().
import gc
import threading

freed = 0


class Node:
    def __init__(self):
        self.me = self

    def __del__(self):
        global freed
        freed += 1


def make_nodes():
    for i in range(20000):
        Node()


t = threading.Thread(target=make_nodes)
t.start()
t.join()
print("most nodes freed while the thread ran:", freed > 15000, gc.isenabled())


def make_lists():
    for i in range(5000):
        a = []
        a.append(a)


threads = [threading.Thread(target=make_lists) for _ in range(4)]
for x in threads:
    x.start()
for x in threads:
    x.join()
print("little left for a full collection:", gc.collect() < 1000)
