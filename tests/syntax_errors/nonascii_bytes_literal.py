é = b'café'
