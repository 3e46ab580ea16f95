// The paperdeck command: parses arguments and hands them to serve/.
int main(int argc, char** argv) { return 0; }
