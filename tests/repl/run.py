#!/usr/bin/env python3
"""The REPL's tests: coil in a pseudo-terminal, typed at as a person would.

    python3 tests/repl/run.py --coil build/coil

Each tests/repl/*.txt is a transcript, as the screen shows it after the
banner: a line starting with ">>> " or "... " is typed (line by line, each
once the prompt is there), every other line is what coil must print. The
session ends with Ctrl-D, which must leave with status 0. The tests below
the transcripts need more than typing lines (a task printing while a line
is being typed, Ctrl-C, history across sessions, stdin not a terminal) and
drive coil themselves. Every session runs with HOME set to a temporary
directory and COIL_VIRTUAL_TIME=1. Ends with a `N passed, N failed` line.
"""
import argparse
import fcntl
import glob
import os
import re
import select
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import time

try:
    import pty
except ImportError:  # not every python3 has it
    pty = None

HERE = os.path.dirname(os.path.abspath(__file__))
PROMPTS = (">>> ", "... ")
CSI = re.compile(rb"\x1b\[([0-9;?]*)([A-Za-z])")
PARTIAL_CSI = re.compile(rb"\x1b(\[[0-9;?]*)?")


class Screen:
    """What a terminal shows for the bytes written to it: enough of one for
    what libedit writes (\\r, \\n, backspace, erase to end of line, cursor
    moves along the line)."""

    def __init__(self):
        self.lines = [""]
        self.column = 0
        self.pending = b""  # an escape sequence cut off at the end of a read

    def put(self, data):
        data = self.pending + data
        self.pending = b""
        i = 0
        while i < len(data):
            byte = data[i : i + 1]
            match = CSI.match(data, i)
            if match:
                self.escape(match.group(1).decode(), match.group(2).decode())
                i = match.end()
                continue
            if byte == b"\x1b" and PARTIAL_CSI.fullmatch(data, i):
                self.pending = data[i:]  # the rest comes with the next read
                return
            if byte == b"\x1b":  # an escape this screen does not know: skipped
                i += 2
                continue
            i += 1
            if byte == b"\r":
                self.column = 0
            elif byte == b"\n":
                self.lines.append("")
                self.column = 0
            elif byte == b"\b":
                self.column = max(0, self.column - 1)
            elif byte in (b"\x07", b"\x00"):
                pass
            else:
                # Whole UTF-8 sequences are one character.
                end = i
                while end < len(data) and 0x80 <= data[end] < 0xC0:
                    end += 1
                self.write(data[i - 1 : end].decode("utf-8", "replace"))
                i = end

    def write(self, char):
        line = self.lines[-1].ljust(self.column)
        self.lines[-1] = line[: self.column] + char + line[self.column + 1 :]
        self.column += 1

    def escape(self, argument, command):
        count = int(argument) if argument.isdigit() else 1
        line = self.lines[-1]
        if command == "K":
            self.lines[-1] = line[: self.column]
        elif command == "C":
            self.column += count
        elif command == "D":
            self.column = max(0, self.column - count)
        elif command == "G":
            self.column = count - 1
        elif command == "J":
            self.lines[-1] = line[: self.column]

    def text(self):
        return "\n".join(line.rstrip() for line in self.lines)

    def last_line(self):
        return self.lines[-1]


class Session:
    """coil running in a pseudo-terminal."""

    def __init__(self, coil, home, env=None, ignore_hangup=False):
        environment = dict(os.environ, HOME=home, COIL_VIRTUAL_TIME="1", TERM="xterm")
        environment.pop("COILPATH", None)
        if env is not None:
            environment.update(env)
            for name, value in env.items():
                if value is None:
                    environment.pop(name)
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            if ignore_hangup:
                signal.signal(signal.SIGHUP, signal.SIG_IGN)
            os.execve(coil, [coil], environment)
        # Wide enough that no line of the tests wraps.
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 200, 0, 0))
        self.screen = Screen()
        self.raw = b""
        self.status = None

    def read(self, timeout):
        """Reads what coil writes for up to `timeout` seconds; False at its end."""
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return True
        try:
            data = os.read(self.fd, 65536)
        except OSError:
            data = b""
        if not data:
            return False
        self.raw += data
        self.screen.put(data)
        return True

    def wait_for(self, condition, timeout=20):
        end = time.time() + timeout
        while not condition():
            if time.time() > end:
                raise TimeoutError("coil did not answer; the screen shows:\n" + self.screen.text())
            if not self.read(0.05):
                raise EOFError("coil ended; the screen shows:\n" + self.screen.text())

    def at_prompt(self):
        return self.screen.last_line() in PROMPTS

    def wait_for_prompt(self):
        self.wait_for(self.at_prompt)
        # The prompt is the last thing written: nothing follows it.
        while self.read(0.05) and not self.at_prompt():
            self.wait_for(self.at_prompt)

    def send(self, text):
        os.write(self.fd, text.encode())

    def type_line(self, line):
        """Types `line` and Enter, once the prompt is there."""
        self.wait_for_prompt()
        for chunk in re.findall(r".{1,16}", line):
            self.send(chunk)
        self.wait_for(lambda: self.screen.last_line().endswith(line))
        self.send("\r")
        self.wait_for(lambda: not self.screen.last_line().endswith(line) or len(self.screen.lines) > 1 and
                      self.screen.lines[-2].endswith(line))

    def end(self, timeout=20):
        """Ctrl-D at the prompt; returns the exit status."""
        self.wait_for_prompt()
        self.send("\x04")
        return self.wait_exit(timeout)

    def wait_exit(self, timeout=20):
        end = time.time() + timeout
        while time.time() < end:
            if not self.read(0.05):
                break
        while time.time() < end:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                os.close(self.fd)
                self.status = os.waitstatus_to_exitcode(status)
                return self.status
            time.sleep(0.02)
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        raise TimeoutError("coil did not exit; the screen shows:\n" + self.screen.text())

    def transcript(self):
        """The screen after the banner and the `import asyncio` line."""
        text = self.screen.text()
        start = text.find(">>> import asyncio\n")
        return text[start + len(">>> import asyncio\n") :] if start >= 0 else text


def run_transcript(coil, home, path):
    with open(path, encoding="utf-8") as f:
        expected = f.read()
    session = Session(coil, home)
    for line in expected.splitlines():
        if line.startswith(PROMPTS) or line in (">>>", "..."):
            session.type_line(line[4:])
    status = session.end()
    # The screen ends with the prompt at which Ctrl-D was typed.
    actual = session.transcript().rstrip("\n")
    expected = expected.rstrip("\n") + "\n>>>"
    problems = [] if actual == expected else [difference(expected, actual)]
    if status != 0:
        problems.append(f"exit status {status}, not 0")
    return problems


def difference(expected, actual):
    import difflib

    lines = difflib.unified_diff(expected.splitlines(), actual.splitlines(), "expected", "coil", lineterm="")
    return "\n".join(lines)


# --- The tests that drive coil themselves ----------------------------------------------


def test_task_prints_while_typing(coil, home):
    """A task started at the prompt prints while a line is half typed; the
    prompt and the partial line are drawn again below what it printed."""
    s = Session(coil, home)
    s.type_line("async def ticker():")
    s.type_line("    for i in range(3):")
    s.type_line("        await asyncio.sleep(0.3)")
    s.type_line("        print('tick', i)")
    s.type_line("")
    s.type_line("t = asyncio.create_task(ticker())")
    s.wait_for_prompt()
    s.send("wor")
    s.wait_for(lambda: "tick 2" in s.screen.text())
    s.wait_for(lambda: s.screen.last_line() == ">>> wor")
    s.send("d = 'done'\r")
    s.type_line("word, t.done()")
    status = s.end()
    expected = (
        ">>> t = asyncio.create_task(ticker())\n"
        "tick 0\ntick 1\ntick 2\n"
        ">>> word = 'done'\n"
        ">>> word, t.done()\n"
        "('done', True)\n"
        ">>>"
    )
    actual = s.transcript()
    actual = actual[actual.find(">>> t = asyncio") :].rstrip("\n")
    problems = [] if actual == expected else [difference(expected, actual)]
    return problems + ([] if status == 0 else [f"exit status {status}"])


def test_thread_wakes_prompt(coil, home):
    """call_soon_threadsafe() from another thread runs its callback while the
    prompt waits, without a key being pressed."""
    s = Session(coil, home)
    s.type_line("import threading, time")
    s.type_line("loop = asyncio.get_event_loop()")
    s.type_line("def later(): time.sleep(0.2); loop.call_soon_threadsafe(print, 'from a thread')")
    s.type_line("")
    s.type_line("threading.Thread(target=later).start()")
    s.wait_for(lambda: "\nfrom a thread\n" in s.screen.text())
    s.wait_for(lambda: s.screen.last_line().startswith(">>>"))
    status = s.end()
    expected = ">>> threading.Thread(target=later).start()\nfrom a thread\n>>>"
    actual = s.transcript()
    actual = actual[actual.find(">>> threading.Thread") :].rstrip("\n")
    problems = [] if actual == expected else [difference(expected, actual)]
    return problems + ([] if status == 0 else [f"exit status {status}"])


def test_ctrl_c(coil, home):
    """Ctrl-C at the prompt drops what was typed, block and all."""
    s = Session(coil, home)
    s.wait_for_prompt()
    s.send("abc")
    s.wait_for(lambda: s.screen.last_line() == ">>> abc")
    s.send("\x03")
    s.type_line("def f():")
    s.wait_for(lambda: s.screen.last_line() == "... ")
    s.send("    return 1")
    s.wait_for(lambda: s.screen.last_line() == "...     return 1")
    s.send("\x03")
    s.type_line("f")
    s.type_line("'still here'")
    status = s.end()
    expected = (
        ">>> abc\nKeyboardInterrupt\n"
        ">>> def f():\n...     return 1\nKeyboardInterrupt\n"
        ">>> f\nTraceback (most recent call last):\n"
        '  File "<stdin>", line 1, in <module>\n'
        "NameError: name 'f' is not defined\n"
        ">>> 'still here'\n'still here'\n>>>"
    )
    actual = s.transcript().rstrip("\n")
    problems = [] if actual == expected else [difference(expected, actual)]
    return problems + ([] if status == 0 else [f"exit status {status}"])


def test_ctrl_c_running(coil, home):
    """Ctrl-C while a statement runs: an `await asyncio.sleep(100)` is
    cancelled (its finally block runs), a `time.sleep(100)` is interrupted;
    each prints KeyboardInterrupt and the prompt comes back. Real time here:
    under the simulated clock the sleeps would end at once."""
    s = Session(coil, home, env={"COIL_VIRTUAL_TIME": None})
    s.type_line("async def slow():")
    s.type_line("    try:")
    s.type_line("        await asyncio.sleep(100)")
    s.type_line("    finally:")
    s.type_line("        print('cleanup')")
    s.type_line("")
    s.type_line("await slow()")
    time.sleep(0.5)
    s.send("\x03")
    s.type_line("import time")
    s.type_line("time.sleep(100)")
    time.sleep(0.5)
    s.send("\x03")
    s.type_line("'alive'")
    status = s.end()
    expected = (
        ">>> await slow()\ncleanup\n\nKeyboardInterrupt\n"
        ">>> import time\n>>> time.sleep(100)\n\nKeyboardInterrupt\n"
        ">>> 'alive'\n'alive'\n>>>"
    )
    # The terminal itself echoes Ctrl-C as ^C.
    actual = s.transcript().replace("^C", "")
    actual = actual[actual.find(">>> await slow()") :].rstrip("\n")
    problems = [] if actual == expected else [difference(expected, actual)]
    return problems + ([] if status == 0 else [f"exit status {status}"])


def test_history(coil, home):
    """Lines typed in one session come back with Up in the next."""
    s = Session(coil, home)
    s.type_line("remembered = 6 * 7")
    status = s.end()
    problems = [] if status == 0 else [f"exit status {status}"]
    path = os.path.join(home, ".coil_history")
    if not os.path.exists(path):
        return problems + ["~/.coil_history was not written"]
    s = Session(coil, home)
    s.wait_for_prompt()
    s.send("\x1b[A")  # Up
    s.wait_for(lambda: s.screen.last_line() == ">>> remembered = 6 * 7")
    s.send("\r")
    s.type_line("remembered")
    status = s.end()
    expected = ">>> remembered = 6 * 7\n>>> remembered\n42\n>>>"
    actual = s.transcript().rstrip("\n")
    problems += [] if actual == expected else [difference(expected, actual)]
    return problems + ([] if status == 0 else [f"exit status {status}"])


def test_no_home(coil, home):
    """Without HOME the REPL works and writes no history."""
    s = Session(coil, home, env={"HOME": None})
    s.type_line("1 + 2")
    status = s.end()
    problems = [] if "\n3\n" in s.transcript() else ["no result:\n" + s.transcript()]
    if os.path.exists(os.path.join(home, ".coil_history")):
        problems.append("history written without HOME")
    return problems + ([] if status == 0 else [f"exit status {status}"])


def test_exit_status(coil, home):
    """exit(3) at the prompt leaves with status 3, as in CPython."""
    s = Session(coil, home)
    s.type_line("exit(3)")
    status = s.wait_exit()
    return [] if status == 3 else [f"exit status {status}, not 3"]


def test_terminal_closed(coil, home):
    """The terminal going away mid-line ends coil (here with SIGHUP ignored,
    as under nohup), while a task waits on a timer and with none."""
    problems = []
    for setup in ["t = asyncio.create_task(asyncio.sleep(1000))", "x = 1"]:
        s = Session(coil, home, ignore_hangup=True)
        s.type_line(setup)
        s.wait_for_prompt()
        s.send("par")
        s.wait_for(lambda: s.screen.last_line() == ">>> par")
        os.close(s.fd)
        end = time.time() + 20
        while not os.waitpid(s.pid, os.WNOHANG)[0]:
            if time.time() > end:
                os.kill(s.pid, signal.SIGKILL)
                os.waitpid(s.pid, 0)
                problems.append(f"after {setup!r}: coil still running once its terminal closed")
                break
            time.sleep(0.02)
    return problems


def test_completion(coil, home):
    """Tab completes names, keywords and the attributes of dotted names."""
    s = Session(coil, home)
    s.type_line("import math")
    s.type_line("a_long_name = 5")
    s.wait_for_prompt()
    s.send("a_long_n\t")
    s.wait_for(lambda: s.screen.last_line() == ">>> a_long_name")
    s.send("\r")
    s.wait_for_prompt()
    s.send("math.facto\t")
    s.wait_for(lambda: s.screen.last_line() == ">>> math.factorial")
    s.send("(5)\r")
    s.wait_for_prompt()
    s.send("whil\t")
    s.wait_for(lambda: s.screen.last_line() == ">>> while")
    s.send("\x03")
    status = s.end()
    expected = (
        ">>> import math\n>>> a_long_name = 5\n>>> a_long_name\n5\n>>> math.factorial(5)\n120\n"
        ">>> while\nKeyboardInterrupt\n>>>"
    )
    actual = s.transcript().rstrip("\n")
    problems = [] if actual == expected else [difference(expected, actual)]
    return problems + ([] if status == 0 else [f"exit status {status}"])


def test_stdin_not_a_terminal(coil, home):
    """`echo 'print(1+1)' | coil` runs the program, as `coil -` does."""
    result = subprocess.run([coil], input=b"print(1+1)\n", capture_output=True, timeout=60)
    if result.stdout == b"2\n" and result.returncode == 0 and not result.stderr:
        return []
    return [f"stdout {result.stdout!r}, stderr {result.stderr!r}, status {result.returncode}"]


def test_end_of_file_in_block(coil, home):
    """Ctrl-D at "... " ends the input there, as CPython's REPL: here a
    header with no body, an IndentationError; the session goes on."""
    s = Session(coil, home)
    s.type_line("def f():")
    s.wait_for(lambda: s.screen.last_line() == "... ")
    s.send("\x04")
    s.type_line("'next'")
    status = s.end()
    expected = (
        ">>> def f():\n...\n"
        '  File "<stdin>", line 1\n'
        "    def f():\n"
        "            ^\n"
        "IndentationError: expected an indented block after function definition on line 1\n"
        ">>> 'next'\n'next'\n>>>"
    )
    actual = s.transcript().rstrip("\n")
    problems = [] if actual == expected else [difference(expected, actual)]
    return problems + ([] if status == 0 else [f"exit status {status}"])


def test_bad_input(coil, home):
    """Whatever is typed ends in an exception or a SyntaxError, and the
    session goes on."""
    s = Session(coil, home)
    for line in [")))", "$", "'unterminated", 'f"{"', "lambda", "0x", "1 +* 2", "def", "else:",
                 "import no_such_module_here", "é = 'é'", "é", "[1, 2", "]", "x = [i for i in", ")",
                 "class", "async", "await", "yield 1", "return", "break", "nonlocal x", "@", "\\",
                 "if 1: pass", "else: pass", "", "match 1:", "    case 1: print('one')", "",
                 "[1] * 10 ** 2", "'a' * -1", "print(*range(3), sep='|')"]:
        s.type_line(line)
    s.type_line("'alive'")
    status = s.end()
    text = s.transcript()
    problems = [] if text.rstrip().endswith("'alive'\n'alive'\n>>>") else ["no answer at the end:\n" + text]
    if "Sanitizer" in text or "runtime error" in text:
        problems.append(text)
    return problems + ([] if status == 0 else [f"exit status {status}"])


TESTS = [
    test_end_of_file_in_block,
    test_bad_input,
    test_task_prints_while_typing,
    test_thread_wakes_prompt,
    test_ctrl_c,
    test_ctrl_c_running,
    test_history,
    test_no_home,
    test_exit_status,
    test_completion,
    test_stdin_not_a_terminal,
    test_terminal_closed,
]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--coil", default="build/coil")
    parser.add_argument("names", nargs="*", help="run only these tests")
    args = parser.parse_args()
    coil = os.path.abspath(args.coil)
    cases = [(os.path.basename(p), p) for p in sorted(glob.glob(os.path.join(HERE, "*.txt")))]
    cases += [(t.__name__, t) for t in TESTS]
    if args.names:
        cases = [c for c in cases if any(n in c[0] for n in args.names)]
    passed = failed = 0
    for name, case in cases:
        with tempfile.TemporaryDirectory() as home:
            try:
                problems = run_transcript(coil, home, case) if isinstance(case, str) else case(coil, home)
            except (TimeoutError, EOFError) as error:
                problems = [str(error)]
        if problems:
            failed += 1
            print(f"FAIL {name}")
            for problem in problems:
                print("  " + problem.replace("\n", "\n  "))
        else:
            passed += 1
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    if pty is None:
        print("python3 has no pty module: the REPL tests are skipped")
        print("0 passed, 0 failed")
        sys.exit(0)
    sys.exit(main())
