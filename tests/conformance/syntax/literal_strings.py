print('single', "double", '''triple
single''', """triple
double""")
print('a' 'b' "c")
print(r'raw\n\t', R"raw\"quote")
print(repr('it\'s'), repr("say \"hi\""), repr('both \' and "'))
print(repr(''), repr(""), repr('\x00'))
print(len('''
'''))
