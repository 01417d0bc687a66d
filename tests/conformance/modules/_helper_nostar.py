public_a = 'a'
public_b = 'b'
_hidden = 'hidden'
