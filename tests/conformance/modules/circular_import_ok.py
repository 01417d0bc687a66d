import pkg_cycle_ok.first as first
print(first.use_second())
print(first.second.use_first())
