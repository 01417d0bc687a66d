"""asyncio's tuning constants, as CPython's asyncio.constants."""

import enum

# Writes after the connection was lost are logged past this many.
LOG_THRESHOLD_FOR_CONNLOST_WRITES = 5

# Seconds before an accept() that failed for lack of resources is retried.
ACCEPT_RETRY_DELAY = 1

# Frames kept of where a task or callback was made, in debug mode.
DEBUG_STACK_DEPTH = 10

# Seconds a TLS handshake may take before the connection is aborted, and
# a TLS shutdown before the transport is closed anyway.
SSL_HANDSHAKE_TIMEOUT = 60.0
SSL_SHUTDOWN_TIMEOUT = 30.0

# The buffer loop.sendfile()'s fallback reads into.
SENDFILE_FALLBACK_READBUFFER_SIZE = 1024 * 256

# High-water marks (KiB) of the SSL protocol's incoming and outgoing data.
FLOW_CONTROL_HIGH_WATER_SSL_READ = 256
FLOW_CONTROL_HIGH_WATER_SSL_WRITE = 512

# Seconds to wait for an executor's threads to join.
THREAD_JOIN_TIMEOUT = 300


class _SendfileMode(enum.Enum):
    UNSUPPORTED = enum.auto()
    TRY_NATIVE = enum.auto()
    FALLBACK = enum.auto()
