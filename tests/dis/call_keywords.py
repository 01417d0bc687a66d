# Calls: positional and keyword arguments (KW_NAMES + CALL), a method call
# (LOAD_METHOD), and * / ** unpacking (CALL_FUNCTION_EX).
def send(channel, message, retries=3, *, timeout=None):
    return channel.write(message, timeout=timeout)

send(output, "hello", retries=5, timeout=1.5)
send(*args, **kwargs)
send(output, *parts, flag=True, **extra)
