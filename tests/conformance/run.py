"""The conformance runner: coil against CPython's output, script by script.

Each test is a small script `<group>/<name>.py` pinning one behaviour. Beside it
lie the expectations, produced by running it with python3 (CPython 3.11, the
reference) and never typed by hand:

    <name>.out     stdout
    <name>.err     stderr, only if non-empty, the script's folder written `$DIR`
    <name>.status  the exit status, only if non-zero

A test runs as `coil <name>.py` in the script's own folder, with
COIL_VIRTUAL_TIME=1 (0 with --real-time) and PYTHONHASHSEED=0, under a 60 s timeout, and passes when
stdout, stderr and the exit status all match. Unless --no-cpython is given,
python3 runs the script again and must still produce the stored expectations;
a difference fails the test as "expectation drifted".

Files whose name starts with `_` are helpers, not tests, and so is every file in
a folder that holds no `.out` (helper packages such as modules/pkg_*/).

PENDING lists the tests expected to fail until coil grows (globs, `#`
comments). A pending test that fails is counted as pending; one that passes
fails with "passes now: remove it from PENDING", so the list only shrinks.

    python3 tests/conformance/run.py --coil build/coil [--regen] [--no-cpython]
                                     [-j N] [-v] [PATTERN...]

A PATTERN selects tests by glob over their paths (`syntax/fstring_*`), by group
(`syntax`) or by file path. --regen rewrites the expectations of the selected
tests from python3 (for adding tests; it runs each script twice and fails a
test whose output is not deterministic); with --coil it then also runs coil.
Prints one line per failing test with a short diff, the pending count, and a
closing line `N passed, M failed`; exit status 1 if any failed.
"""
import argparse
import concurrent.futures
import difflib
import fnmatch
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TIMEOUT_SECONDS = 60


def is_group_folder(folder):
    return os.path.dirname(os.path.abspath(folder)) == HERE


def collect_tests(regen):
    """Every test path relative to HERE, sorted: a `.py` not starting with `_`
    in a folder holding at least one `.out` (or, with --regen, in a group folder
    directly under HERE, so that a new group can be added)."""
    tests = []
    for folder, subfolders, files in os.walk(HERE):
        subfolders[:] = sorted(d for d in subfolders
                               if not d.startswith(('.', '_')) and d != '__pycache__')
        if folder == HERE:
            continue
        holds_expectations = any(f.endswith('.out') for f in files)
        if not holds_expectations and not (regen and is_group_folder(folder)):
            continue
        for name in sorted(files):
            if name.endswith('.py') and not name.startswith('_'):
                tests.append(os.path.relpath(os.path.join(folder, name), HERE).replace(os.sep, '/'))
    return tests


def matches(test, pattern):
    """A test matches a glob over its path (with or without `.py`), a group or
    folder name, or a file path given from anywhere."""
    if os.path.exists(pattern):
        relative = os.path.relpath(os.path.abspath(pattern), HERE).replace(os.sep, '/')
        if not relative.startswith('..'):
            pattern = relative
    pattern = pattern.rstrip('/')
    stem = test[:-len('.py')]
    return (fnmatch.fnmatchcase(test, pattern) or fnmatch.fnmatchcase(stem, pattern)
            or test.startswith(pattern + '/'))


def read_pending():
    """The globs of PENDING, comments and blank lines dropped."""
    path = os.path.join(HERE, 'PENDING')
    if not os.path.exists(path):
        return []
    globs = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.split('#', 1)[0].strip()
            if line:
                globs.append(line)
    return globs


REAL_TIME = False


def environment():
    """The environment both interpreters run under: the caller's, without any
    PYTHON* setting that would change CPython's behaviour, plus the fixed ones."""
    env = {k: v for k, v in os.environ.items() if not k.startswith('PYTHON')}
    env['PYTHONHASHSEED'] = '0'
    # No __pycache__ litter beside the helper modules the tests import.
    env['PYTHONDONTWRITEBYTECODE'] = '1'
    env['COIL_VIRTUAL_TIME'] = '0' if REAL_TIME else '1'
    return env


class Run:
    """One interpreter's run of one script: stdout, stderr (folder → `$DIR`), status."""

    def __init__(self, stdout, stderr, status, problem=None):
        self.stdout, self.stderr, self.status, self.problem = stdout, stderr, status, problem


def run_script(interpreter, test):
    path = os.path.join(HERE, test)
    folder, name = os.path.split(path)
    try:
        done = subprocess.run([interpreter, name], cwd=folder, env=environment(),
                              stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired as timeout:
        return Run(timeout.stdout or b'', timeout.stderr or b'', None,
                   'timed out after %d s' % TIMEOUT_SECONDS)
    except OSError as error:
        return Run(b'', b'', None, 'cannot run %s: %s' % (interpreter, error))
    stderr = done.stderr
    for spelling in {os.path.realpath(folder), os.path.abspath(folder)}:
        stderr = stderr.replace(spelling.encode(), b'$DIR')
    problem = None
    if done.returncode < 0:
        problem = 'killed by signal %d' % -done.returncode
    return Run(done.stdout, stderr, done.returncode, problem)


def expectation_paths(test):
    stem = os.path.join(HERE, test[:-len('.py')])
    return stem + '.out', stem + '.err', stem + '.status'


def read_expected(test):
    out_path, err_path, status_path = expectation_paths(test)

    def read(path):
        if not os.path.exists(path):
            return None
        with open(path, 'rb') as f:
            return f.read()

    stdout = read(out_path)
    if stdout is None:
        return None
    status = read(status_path)
    return Run(stdout, read(err_path) or b'', int(status) if status else 0)


def write_expected(test, run):
    out_path, err_path, status_path = expectation_paths(test)
    with open(out_path, 'wb') as f:
        f.write(run.stdout)
    for path, content in ((err_path, run.stderr),
                          (status_path, b'%d\n' % run.status if run.status else b'')):
        if content:
            with open(path, 'wb') as f:
                f.write(content)
        elif os.path.exists(path):
            os.remove(path)


def short_diff(label, expected, actual, limit=8):
    """A few lines of unified diff between two byte strings, indented."""
    lines = list(difflib.unified_diff(
        expected.decode('utf-8', 'replace').splitlines(),
        actual.decode('utf-8', 'replace').splitlines(),
        'expected ' + label, 'actual ' + label, n=1, lineterm=''))
    shown = ['  %s differs:' % label] + ['    ' + line for line in lines[2:2 + limit]]
    if len(lines) > 2 + limit:
        shown.append('    ... (%d more diff lines)' % (len(lines) - 2 - limit))
    if not lines:
        shown.append('    (only in the final newline)')
    return shown


def compare(expected, actual):
    """The differences between two runs as indented lines; [] when they agree."""
    if actual.problem:
        details = ['  ' + actual.problem]
        if actual.stderr:
            details += ['    ' + line for line in
                        actual.stderr.decode('utf-8', 'replace').splitlines()[-3:]]
        return details
    details = []
    if expected.stdout != actual.stdout:
        details += short_diff('stdout', expected.stdout, actual.stdout)
    if expected.stderr != actual.stderr:
        details += short_diff('stderr', expected.stderr, actual.stderr)
    if expected.status != actual.status:
        details.append('  exit status %s, expected %s' % (actual.status, expected.status))
    return details


def check(test, args, pending):
    """Runs one test; returns (verdict, lines) with verdict 'passed',
    'failed' or 'pending'."""
    if args.regen:
        first = run_script(args.python, test)
        second = run_script(args.python, test)
        if first.problem:
            return 'failed', ['%s: python3 %s' % (test, first.problem)]
        write_expected(test, first)
        drift = compare(first, second)
        if drift:
            return 'failed', ['%s: not deterministic under python3' % test] + drift
        if not args.coil:
            return 'passed', []
    expected = read_expected(test)
    if expected is None:
        return 'failed', ['%s: no expectations (run with --regen to make them)' % test]
    if not args.regen and not args.no_cpython:
        reference = run_script(args.python, test)
        if not (reference.problem or '').startswith('cannot run'):
            drift = compare(expected, reference)
            if drift:
                return 'failed', ['%s: expectation drifted (python3 now prints otherwise)' % test] + drift
    if not args.coil:
        return 'passed', []
    differences = compare(expected, run_script(args.coil, test))
    if pending:
        if differences:
            return 'pending', []
        return 'failed', ['%s: passes now: remove it from PENDING' % test]
    if differences:
        return 'failed', ['%s: FAILED' % test] + differences
    return 'passed', []


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--coil', help='the coil binary under test')
    parser.add_argument('--python', default='python3', help='the reference CPython 3.11')
    parser.add_argument('--regen', action='store_true',
                        help="rewrite the selected tests' expectations from python3")
    parser.add_argument('--no-cpython', action='store_true',
                        help='do not check that python3 still produces the expectations')
    parser.add_argument('-j', '--jobs', type=int, default=2, help='parallel workers (2)')
    parser.add_argument('-v', '--verbose', action='store_true', help='a line for every test')
    parser.add_argument('--real-time', action='store_true',
                        help='run coil on the real clock instead of the simulated one')
    parser.add_argument('patterns', nargs='*', metavar='PATTERN')
    args = parser.parse_args()
    global REAL_TIME
    REAL_TIME = args.real_time
    if not args.coil and not args.regen:
        parser.error('--coil is required (unless --regen)')
    for option in ('coil', 'python'):
        value = getattr(args, option)
        if value and os.sep in value:
            setattr(args, option, os.path.abspath(value))
    # A missing binary would make every pending test look pending: refuse it.
    if args.coil and shutil.which(args.coil) is None:
        parser.error('coil binary not found or not executable: %s' % args.coil)

    tests = collect_tests(args.regen)
    if args.patterns:
        tests = [t for t in tests if any(matches(t, p) for p in args.patterns)]
        if not tests:
            parser.error('no test matches %s' % ' '.join(args.patterns))
    pending_globs = read_pending()

    def is_pending(test):
        return any(matches(test, glob) for glob in pending_globs)

    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        results = list(pool.map(lambda t: check(t, args, is_pending(t)), tests))

    counts = {'passed': 0, 'failed': 0, 'pending': 0}
    for test, (verdict, lines) in zip(tests, results):
        counts[verdict] += 1
        if lines:
            print('\n'.join(lines))
        elif args.verbose:
            print('%s: %s' % (test, verdict))
    if args.regen:
        print('regenerated the expectations of %d tests' % len(tests))
    if counts['pending']:
        print('%d pending (listed in tests/conformance/PENDING)' % counts['pending'])
    print('%d passed, %d failed' % (counts['passed'], counts['failed']))
    sys.stdout.flush()
    return 1 if counts['failed'] else 0


if __name__ == '__main__':
    sys.exit(main())
