# ntk - top-level entry points. CMake does the building underneath.
#   make demo   build, then run the example driver with its application
#   make test   build and run every test, then again under ASan+UBSan, and the
#               concurrency tests under ThreadSanitizer
#   make bench  build, then run the benchmarks (docs/BENCHMARKS.md)

BUILD ?= build
ASAN_BUILD ?= $(BUILD)/asan
TSAN_BUILD ?= $(BUILD)/tsan
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=

.PHONY: all deps build demo test test-plain test-asan test-tsan clean bench

all: build

deps:
	@sh scripts/install-deps.sh

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNTK_WERROR=ON $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

demo: build
	@echo "== ntk run --driver example_buffered.sys=Example -- example_app"
	@$(BUILD)/bin/ntk run --driver $(BUILD)/drivers/example_buffered.sys=Example -- $(BUILD)/apps/example_app

bench: build
	@$(BUILD)/bin/ntk run \
		--driver $(BUILD)/drivers/bench_noop.sys=BenchNoop \
		--driver $(BUILD)/drivers/bench_passfilter.sys=BenchPassFilter \
		--driver $(BUILD)/drivers/bench_complfilter.sys=BenchComplFilter \
		--driver $(BUILD)/drivers/bench_export.sys=BenchExport \
		--driver $(BUILD)/drivers/bench_client.sys=BenchClient \
		-- $(BUILD)/apps/bench_app --json $(BUILD)/bench.json $(BENCH_ARGS)

test: test-plain test-asan test-tsan

test-plain: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

test-asan: deps
	@cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DNTK_WERROR=ON -DNTK_SANITIZE=address,undefined $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(ASAN_BUILD) -j $(JOBS)
	@cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j $(JOBS)

clean:
	rm -rf $(BUILD)

test-tsan: deps
	@cmake -S . -B $(TSAN_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNTK_WERROR=ON -DNTK_SANITIZE=thread $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(TSAN_BUILD) -j $(JOBS)
	@cd $(TSAN_BUILD) && TSAN_OPTIONS=halt_on_error=1:report_signal_unsafe=0 ctest --output-on-failure -L concurrency -j $(JOBS)
