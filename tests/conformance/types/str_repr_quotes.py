for s in ["plain", "it's", 'say "hi"', 'both \' and "', 'tab\tnewline\n', 'back\\slash', '\x7f\x80\xa0', '\u200b', 'é', '\U0001F600', '\ud800']:
    print(repr(s), ascii(s))
