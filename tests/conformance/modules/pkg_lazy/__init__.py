print('pkg_lazy init (no submodules imported)')
