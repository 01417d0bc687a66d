print('pkg_lazy.mod loaded')
VALUE = 'lazy value'
