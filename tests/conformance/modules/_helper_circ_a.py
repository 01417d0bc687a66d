import _helper_circ_b
X = 1
