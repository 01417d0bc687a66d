import keyword

print(keyword.kwlist)
print(keyword.softkwlist)
print(len(keyword.kwlist), sorted(keyword.__all__))
print([w for w in ['if', 'match', 'print', 'None', 'none', '_', 'async', 'case', 'type'] if keyword.iskeyword(w)])
print([w for w in ['if', 'match', 'print', '_', 'case', 'type'] if keyword.issoftkeyword(w)])
print(keyword.iskeyword('True'), keyword.iskeyword(''), keyword.issoftkeyword('match'))
