// The `atexit` module's callbacks, run by the command line when a program
// ends (cli/run.cpp).
#pragma once

namespace coil {

// Calls the registered functions, last registered first, as CPython does
// after joining the threads at exit; an exception from one is reported
// ("Exception ignored in atexit callback: …") and the rest still run.
// The list is empty afterwards.
void run_atexit_callbacks();

}  // namespace coil
