#!/usr/bin/env bash
# Installs the Debian packages coil's build, tests and benchmarks need, and
# returns at once when every one of them is already there.
#
#   re2c, bison          generate the lexer and the parser
#   cmake, ninja-build   drive the build;  g++ compiles it
#   pkg-config           lets CMake find utf8proc
#   libgtest-dev         GoogleTest, for tests/unit
#   libgmp-dev           arbitrary-precision integers
#   libutf8proc-dev      Unicode properties, normalization and case mapping
#   libuv1-dev           the event loop's I/O layer
#   libedit-dev          line editing and history in the REPL
#   libncurses-dev       the terminal database libedit needs, as an archive
#                        (release builds link these libraries in statically)
#   libpcre2-dev         PCRE2, the regular expression engine under `re`
#   libssl-dev           OpenSSL's libcrypto and libssl: the digests under `hashlib`,
#                        TLS under `ssl` (their headers: coil opens the libraries
#                        when those modules are imported)
#   nlohmann-json3-dev   JSON for reading and writing notebooks (.ipynb)
#   python3              CPython 3.11: the reference the tests compare against, and
#                        the source of the Unicode name table the build generates
#   unicode-data         NameAliases.txt, for that table's name aliases
# With the argument `fuzz` (make fuzz), also:
#   clang, libclang-rt-14-dev   libFuzzer and the sanitizers' clang runtime
# With the argument `bench` (make bench), also:
#   python3-uvloop       the event loop the event-loop benchmarks compare against
set -euo pipefail

packages=(re2c bison cmake ninja-build g++ pkg-config libgtest-dev libgmp-dev libutf8proc-dev
          libuv1-dev libedit-dev libncurses-dev libpcre2-dev libssl-dev nlohmann-json3-dev python3 unicode-data)
if [ "${1:-}" = fuzz ]; then
  packages+=(clang libclang-rt-14-dev)
fi
if [ "${1:-}" = bench ]; then
  packages+=(python3-uvloop)
fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "install-deps: installing ${missing[*]}"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
