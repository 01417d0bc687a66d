# sys.stdout.buffer: bytes written to the binary layer of the standard
# streams come out in order with the text written (and flushed) before
# them; line_buffering.
import sys
print("text first")
sys.stdout.flush()
sys.stdout.buffer.write(b"bytes \xc3\xa9\n")
sys.stdout.buffer.flush()
print("text after")
print(sys.stdout.buffer is sys.stdout.buffer, sys.stdout.buffer.name, sys.stdout.buffer.mode, sys.stdin.buffer.mode, sys.stderr.line_buffering, sys.stdout.line_buffering, sys.stdin.line_buffering)
sys.stdout.flush()
sys.stdout.buffer.writelines([b"a", b"b\n"])
sys.stdout.flush()
n = sys.stdout.buffer.write(b"xyz\n")
print(n)
