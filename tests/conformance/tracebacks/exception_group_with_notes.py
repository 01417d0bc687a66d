e1 = ValueError('first')
e1.add_note('note on the leaf')
eg = ExceptionGroup('grouped', [e1, KeyError('k')])
eg.add_note('note on the group')
raise eg
