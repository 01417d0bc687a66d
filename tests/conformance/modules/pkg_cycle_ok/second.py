print('second: start')
import pkg_cycle_ok.first as first
print('second sees first partially initialised, has NAME:', hasattr(first, 'NAME'))
NAME = 'second'
def use_first():
    return 'second uses ' + first.NAME
print('second: end')
