# Threads run their target with its arguments; join() waits for the end;
# names, idents, daemon flags and the main thread as CPython shows them.
import threading

results = {}


def work(key, n, *, scale=1):
    results[key] = sum(range(n)) * scale


threads = [threading.Thread(target=work, args=(i, 1000 * i), kwargs={'scale': 2}) for i in range(4)]
print([t.name for t in threads])
print([t.is_alive() for t in threads], threads[0].ident, threads[0].native_id)
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results.items()))
print([t.is_alive() for t in threads])
print(all(isinstance(t.ident, int) and t.ident > 0 for t in threads))
print(len({t.ident for t in threads}) >= 1, all(t.native_id > 0 for t in threads))

main = threading.main_thread()
print(main.name, main is threading.current_thread(), main.daemon, main.is_alive())
print(threading.get_ident() == main.ident, threading.get_native_id() == main.native_id)
print(threading.active_count(), [t.name for t in threading.enumerate()])


class Named(threading.Thread):
    def run(self):
        me = threading.current_thread()
        results['subclass'] = (me is self, me.name, threading.get_ident() == self.ident)


t = Named(name='worker-7', daemon=True)
print(t.daemon, repr(t))
t.start()
t.join()
print(results['subclass'], repr(t).replace(str(t.ident), 'IDENT'))
print(threading.Thread(target=len).name.endswith('(len)'))

# Errors of the Thread API.
t = threading.Thread(target=lambda: None)
for call in (t.join, lambda: threading.current_thread().join()):
    try:
        call()
    except RuntimeError as e:
        print('RuntimeError:', e)
t.start()
try:
    t.start()
except RuntimeError as e:
    print('RuntimeError:', e)
try:
    t.daemon = True
except RuntimeError as e:
    print('RuntimeError:', e)
t.join()
t.join(timeout=0.5)
print(t.is_alive())
print(threading.TIMEOUT_MAX, threading.ThreadError is RuntimeError)
