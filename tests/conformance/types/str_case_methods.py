s = 'hello WORLD ßtraße ǆemal'
print(s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase(), s.casefold())
print("they're bill's friends".title(), 'ABC def'.capitalize(), 'ǅ'.lower(), 'ﬁ'.upper())
print('İ'.lower().encode('unicode_escape'), 'σΣ'.upper(), 'ΑΣ'.lower())
print('Hello'.istitle(), 'HELLO'.isupper(), 'hello'.islower(), '123'.isupper(), 'A1'.isupper())
