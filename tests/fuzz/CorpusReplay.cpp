// SPDX-License-Identifier: GPL-3.0-or-later
// Runs a libFuzzer target over every file of a seed corpus, so the corpus is an
// ordinary regression test. Fails if the corpus is missing or empty.
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s CORPUS_DIR\n", argv[0]);
        return 2;
    }
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_directory(argv[1], ec)) {
        std::fprintf(stderr, "corpus directory %s does not exist\n", argv[1]);
        return 2;
    }
    int count = 0;
    for (const auto &entry : fs::recursive_directory_iterator(argv[1])) {
        if (!entry.is_regular_file()) {
            continue;
        }
        std::ifstream in(entry.path(), std::ios::binary);
        std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)),
                                   std::istreambuf_iterator<char>());
        LLVMFuzzerTestOneInput(bytes.data(), bytes.size());
        ++count;
    }
    if (count == 0) {
        std::fprintf(stderr, "corpus %s is empty\n", argv[1]);
        return 2;
    }
    std::printf("%d corpus inputs ran without a crash\n", count);
    return 0;
}
