// SPDX-License-Identifier: GPL-3.0-or-later
// StringSearch agrees with the obvious search on every small case over tiny alphabets (where
// periodic needles and overlapping matches are common), and from every start position.
#include "script/StringSearch.h"

#include <QtTest>

#include <random>
#include <string>

using orion::script::StringSearch;

class TestStringSearch : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void agreesWithTheNaiveSearchOnRandomInput() {
        std::mt19937 rng(20240517);
        for (int alphabet : {1, 2, 3, 4, 256}) {
            std::uniform_int_distribution<int> letter(0, alphabet - 1);
            std::uniform_int_distribution<int> needleLen(0, 12);
            std::uniform_int_distribution<int> hayLen(0, 40);
            for (int round = 0; round < 20000; ++round) {
                auto make = [&](int n) {
                    std::string s;
                    for (int i = 0; i < n; ++i) {
                        s += char(alphabet == 256 ? letter(rng) : 'a' + letter(rng));
                    }
                    return s;
                };
                const std::string needle = make(needleLen(rng));
                const std::string hay = make(hayLen(rng));
                const StringSearch search(needle);
                for (size_t from = 0; from <= hay.size() + 1; ++from) {
                    const size_t expected = std::string_view(hay).find(needle, from);
                    const size_t got = search.find(hay, from);
                    if (got != expected) {
                        QFAIL(qPrintable(
                            QStringLiteral("needle \"%1\" in \"%2\" from %3: %4, "
                                           "expected %5")
                                .arg(QString::fromLatin1(needle.data(), qsizetype(needle.size())),
                                     QString::fromLatin1(hay.data(), qsizetype(hay.size())))
                                .arg(from)
                                .arg(qint64(got))
                                .arg(qint64(expected))));
                    }
                }
            }
        }
    }

    void findsEveryOccurrenceOfAPeriodicNeedle() {
        const std::string hay = std::string(1000, 'a') + "b" + std::string(1000, 'a');
        const std::string needle(10, 'a'); // the search refers to it: it must outlive it
        const StringSearch search(needle);
        size_t count = 0;
        for (size_t at = search.find(hay); at != StringSearch::npos;
             at = search.find(hay, at + 1)) {
            ++count;
        }
        QCOMPARE(count, size_t(2 * (1000 - 10 + 1)));
    }

    void longNeedleOverSameLetter() {
        const std::string hay(1 << 20, 'a');
        const std::string needle = std::string(1 << 16, 'a') + "b";
        QCOMPARE(StringSearch(needle).find(hay), StringSearch::npos);
        QCOMPARE(StringSearch(needle.substr(0, 1 << 16)).find(hay, 5), size_t(5));
    }
};

QTEST_GUILESS_MAIN(TestStringSearch)
#include "tst_stringsearch.moc"
