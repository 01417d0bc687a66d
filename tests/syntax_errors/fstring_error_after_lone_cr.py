-y = f',a!r:{b c}ê'
