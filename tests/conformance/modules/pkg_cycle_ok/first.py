print('first: start')
import pkg_cycle_ok.second as second
NAME = 'first'
def use_second():
    return 'first uses ' + second.NAME
print('first: end')
