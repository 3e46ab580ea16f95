// The paperdeck command: hands its arguments to cli/ (cli/command_line.h).
#include "cli/command_line.h"

int main(int argc, char** argv) { return paperdeck::cli::Main(argc, argv); }
