// The commands of coil's command line beyond the front-end dumps.
#pragma once

#include <string>
#include <vector>

namespace coil {

// `coil SCRIPT ARGS…`: runs the script as __main__ (cli/run.cpp). `path` is
// the absolute path, `as_given` what the user typed (sys.argv[0]), `text`
// the decoded source; `byte_offsets` as parse_module takes it.
int run_script(const std::string& path, const std::string& as_given, const std::string& text,
               bool byte_offsets, const std::vector<std::string>& args);

// `coil --dis FILE` (cli/dis_command.cpp).
int dis_main(const char* path);

}  // namespace coil
