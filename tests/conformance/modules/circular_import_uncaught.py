import pkg_cycle.b
