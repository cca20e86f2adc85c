// SPDX-License-Identifier: GPL-3.0-or-later
// Start-up cost of the desktop app: time from process start to the main window shown, and
// resident memory once idle, for `orion` on an existing profile (passphrase from
// ORION_PASSPHRASE, so no prompt) next to a bare QMainWindow program measured in the same
// run. Both report through the same hook: with ORION_BENCH_REPORT set, the program prints
// "shown <ms>" when its window is exposed and "rss <kB>" once idle, then quits.
// Without arguments this runs the comparison and prints one JSON object.
#include "crypto/Argon2id.h"
#include "identity/NetworkKey.h"
#include "identity/NodeIdentity.h"
#include "node/Profile.h"
#include "node/Settings.h"
#include "node/SettingsKeys.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace orion;

namespace {

constexpr int kRuns = 5;
const QByteArray kPassphrase = "bench passphrase";

struct Sample {
    double shownMs = 0;
    double rssMb = 0;
};

std::optional<Sample> measure(const QString &program, const QStringList &args,
                              const QProcessEnvironment &env) {
    QProcess process;
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::SeparateChannels);
    QElapsedTimer clock;
    clock.start();
    process.start(program, args);
    if (!process.waitForStarted(10000)) {
        return std::nullopt;
    }
    Sample sample;
    bool shown = false, rss = false;
    QByteArray buffer;
    while (!(shown && rss) && process.state() != QProcess::NotRunning) {
        process.waitForReadyRead(100);
        buffer += process.readAllStandardOutput();
        int nl;
        while ((nl = buffer.indexOf('\n')) >= 0) {
            const QByteArray line = buffer.left(nl).trimmed();
            buffer.remove(0, nl + 1);
            if (line == "shown") {
                // Measured by the parent from its own clock: the process start is included.
                sample.shownMs = double(clock.nsecsElapsed()) / 1e6;
                shown = true;
            } else if (line.startsWith("rss ")) {
                sample.rssMb = line.mid(4).toDouble() / 1024.0;
                rss = true;
            }
        }
        if (clock.elapsed() > 60000) {
            break;
        }
    }
    process.waitForFinished(20000);
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished();
    }
    if (!(shown && rss)) {
        std::fprintf(stderr, "%s: %s\n", qPrintable(program),
                     process.readAllStandardError().constData());
        return std::nullopt;
    }
    return sample;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    const QString dir = QCoreApplication::applicationDirPath();
    const QString orion = QDir(dir).filePath(QStringLiteral("../src/app/orion"));
    const QString baseline = QDir(dir).filePath(QStringLiteral("bench_gui_startup_baseline"));
    if (!QFileInfo::exists(orion) || !QFileInfo::exists(baseline)) {
        std::fprintf(stderr, "orion or the baseline is not built\n");
        return 1;
    }

    QTemporaryDir tmp;
    const node::Profile profile(tmp.filePath(QStringLiteral("bench")));
    (void)profile.create();
    identity::SaveOptions options; // the real (moderate) limits: unlocking is part of start-up
    if (!identity::NodeIdentity::generate().save(profile.identityPath(), kPassphrase, options) ||
        !identity::NetworkKey::generate().save(profile.networkKeyPath(), kPassphrase, options)) {
        std::fprintf(stderr, "could not create the bench profile\n");
        return 1;
    }
    {
        node::Settings settings(profile);
        settings.setPort(0);
        settings.setText(node::keys::kListenAddress, QStringLiteral("127.0.0.1"));
        (void)settings.sync();
    }

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!env.contains(QStringLiteral("QT_QPA_PLATFORM"))) {
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    }
    env.insert(QStringLiteral("ORION_PASSPHRASE"), QString::fromLatin1(kPassphrase));
    env.insert(QStringLiteral("ORION_BENCH_REPORT"), QStringLiteral("1"));

    std::vector<double> appMs, appRss, baseMs, baseRss;
    for (int i = 0; i < kRuns; ++i) {
        const auto b = measure(baseline, {}, env);
        const auto a = measure(orion, {QStringLiteral("--profile"), profile.directory()}, env);
        if (!a || !b) {
            std::fprintf(stderr, "a run failed\n");
            return 1;
        }
        appMs.push_back(a->shownMs);
        appRss.push_back(a->rssMb);
        baseMs.push_back(b->shownMs);
        baseRss.push_back(b->rssMb);
    }
    QJsonObject out;
    out[QStringLiteral("benchmark")] = QStringLiteral("gui_startup");
    out[QStringLiteral("runs")] = kRuns;
    out[QStringLiteral("startup_ms")] = median(appMs);
    out[QStringLiteral("baseline_startup_ms")] = median(baseMs);
    out[QStringLiteral("startup_ratio")] = median(appMs) / median(baseMs);
    out[QStringLiteral("rss_mb")] = median(appRss);
    out[QStringLiteral("baseline_rss_mb")] = median(baseRss);
    out[QStringLiteral("rss_ratio")] = median(appRss) / median(baseRss);
    out[QStringLiteral("note")] =
        QStringLiteral("the window shows before the node thread has unlocked the keys (Argon2id); "
                       "rss is taken 1.5 s after the first frame");
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    return 0;
}
