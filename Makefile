# coil's entry points. `make run` and `make test` each install what is
# missing (scripts/install-deps.sh), build, and do their job.
#
#   make build   release binary at build/coil
#   make asan    the same under AddressSanitizer + UndefinedBehaviorSanitizer, in build-asan/
#   make run     build, then run the documents' notebooks (notebooks/)
#   make test    unit tests, the parser corpus and the syntax-error corpus,
#                in the release build and again under ASan/UBSan
#   make bench   benchmarks side by side with python3 (never part of `make test`)
#   make fuzz    the front end under libFuzzer for FUZZ_SECONDS (default 300)

JOBS ?= $(shell nproc)
PYTHON ?= python3
CMAKE_FLAGS ?=

.PHONY: all deps build asan run test test-release test-asan bench fuzz clean

all: build

deps:
	@bash scripts/install-deps.sh

# Release builds are profile-guided (CMakeLists.txt says how): the first
# build of a fresh directory compiles coil instrumented, runs
# scripts/pgo/train.sh and compiles again with the counts; later builds
# reuse them (`rm -r build/pgo` to train again). PGO=0 builds without.
PGO ?= 1
build: deps
ifeq ($(PGO),1)
	@if [ ! -f build/pgo/trained ]; then \
	  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DCOIL_PGO=GENERATE $(CMAKE_FLAGS) > /dev/null && \
	  ninja -C build -j $(JOBS) coil && \
	  bash scripts/pgo/train.sh build/coil && touch build/pgo/trained; \
	fi
	@cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DCOIL_PGO=USE $(CMAKE_FLAGS) > /dev/null
else
	@cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DCOIL_PGO=OFF $(CMAKE_FLAGS) > /dev/null
endif
	@ninja -C build -j $(JOBS)

asan: deps
	@cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCOIL_SANITIZE=ON $(CMAKE_FLAGS) > /dev/null
	@ninja -C build-asan -j $(JOBS)

run: build
	@bash scripts/run-notebooks.sh build/coil

# Each suite under one build; tests/run.sh prints a closing `N passed, N failed` line.
test-release: build
	@bash tests/run.sh build

test-asan: asan
	@bash tests/run.sh build-asan

test: test-release test-asan

bench: build
	@bash scripts/install-deps.sh bench
	@bash bench/run.sh build/coil

FUZZ_SECONDS ?= 300
fuzz:
	@bash scripts/install-deps.sh fuzz
	@cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCOIL_FUZZ=ON -DCOIL_TESTS=OFF \
	  -DCMAKE_CXX_COMPILER=clang++ > /dev/null
	@ninja -C build-fuzz -j $(JOBS) parse_fuzz
	@mkdir -p build-fuzz/corpus
	@cp tests/syntax_errors/*.py tests/corpus/extra/*.py build-fuzz/corpus/ 2>/dev/null || true
	build-fuzz/parse_fuzz -max_total_time=$(FUZZ_SECONDS) -max_len=4096 -timeout=10 build-fuzz/corpus

clean:
	rm -rf build build-asan build-fuzz
