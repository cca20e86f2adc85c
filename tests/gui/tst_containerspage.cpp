// SPDX-License-Identifier: GPL-3.0-or-later
// The containers page over a real node (NodeController + NodeHost on its thread): a syntax
// error is marked at its line and column, a container is deployed from the page and shows
// up in the list, stop and start toggle its state, a message to it shows in its log and
// stored data, and a new program is deployed as an update.
#include "facade/NodeController.h"
#include "facade/NodeHost.h"
#include "identity/NetworkKey.h"
#include "identity/NodeIdentity.h"
#include "models/ContainerListModel.h"
#include "node/Profile.h"
#include "widgets/ScriptEditor.h"
#include "windows/ContainersPage.h"

#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

using namespace orion;
using namespace orion::app;

namespace {
const QByteArray kPassphrase = "containers test";

void adjust(node::NodeConfig &c) {
    c.listenAddress = QHostAddress::LocalHost;
    c.listenPort = 0;
    c.portal = false;
}

const char kBroken[] = "(defun main ()\n"
                       "  (reply (concatt \"x\" MESSAGE)))\n";
const char kCounter[] = "; counts messages\n"
                        "(defun main ()\n"
                        "  (let n (+ 1 (or (store-get \"count\") 0)))\n"
                        "  (store-put \"count\" n)\n"
                        "  (log \"seen\" n)\n"
                        "  (reply n))\n";
} // namespace

class TestContainersPage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void deployCheckStopStart() {
        QTemporaryDir dir;
        const identity::NetworkKey network = identity::NetworkKey::generate();
        identity::SaveOptions cheap;
        cheap.limits = crypto::Argon2id::Limits::minimum();
        const node::Profile mine(dir.filePath(QStringLiteral("gui")));
        QVERIFY(mine.create().ok());
        const auto me = identity::NodeIdentity::generate();
        QVERIFY(me.save(mine.identityPath(), kPassphrase, cheap).ok());
        QVERIFY(network.save(mine.networkKeyPath(), kPassphrase, cheap).ok());
        auto secret = std::make_shared<const crypto::SecureBuffer>(
            crypto::SecureBuffer::fromBytes(kPassphrase));
        facade::NodeController controller([&]() {
            return std::make_unique<facade::NodeHost>(mine.directory(), secret, &adjust);
        });
        windows::ContainersPage page(controller.containers(), controller.status());
        page.show();
        QSignalSpy resets(page.model(), &QAbstractItemModel::modelReset);
        controller.start();
        QTRY_VERIFY_WITH_TIMEOUT(!controller.status()->current().nodeId.isEmpty(), 20000);

        auto *name = page.findChild<QLineEdit *>(QStringLiteral("nameEdit"));
        auto *deploy = page.findChild<QPushButton *>(QStringLiteral("deployButton"));
        auto *start = page.findChild<QPushButton *>(QStringLiteral("startButton"));
        auto *stop = page.findChild<QPushButton *>(QStringLiteral("stopButton"));
        auto *diagnostic = page.findChild<QLabel *>(QStringLiteral("diagnosticLabel"));
        auto *log = page.findChild<QPlainTextEdit *>(QStringLiteral("logView"));
        auto *data = page.findChild<QTreeWidget *>(QStringLiteral("dataView"));
        widgets::ScriptEditor *editor = page.editor();

        // The example a new container starts from compiles.
        QTRY_COMPARE_WITH_TIMEOUT(diagnostic->text(), QStringLiteral("No errors."), 20000);

        // A misspelt function: marked where it is, and deploying is refused.
        editor->setPlainText(QString::fromLatin1(kBroken));
        QTRY_VERIFY_WITH_TIMEOUT(editor->hasError(), 20000);
        QCOMPARE(editor->errorLine(), 2);
        QCOMPARE(editor->errorColumn(), 11);
        QVERIFY2(diagnostic->text().contains(QLatin1String("Line 2, column 11</a>:")),
                 qPrintable(diagnostic->text()));
        QVERIFY(diagnostic->text().contains(QLatin1String("concatt")));
        // The position is a link to the error: the cursor goes there.
        QVERIFY(editor->textCursor().blockNumber() != 1 ||
                editor->textCursor().positionInBlock() != 10);
        Q_EMIT diagnostic->linkActivated(QStringLiteral("#error"));
        QCOMPARE(editor->textCursor().blockNumber(), 1);
        QCOMPARE(editor->textCursor().positionInBlock(), 10);
        QVERIFY(!editor->extraSelections().isEmpty());
        name->setText(QStringLiteral("counter"));
        QVERIFY(!deploy->isEnabled());

        // Fixed: the marker goes, the container is deployed and listed, running.
        editor->setPlainText(QString::fromLatin1(kCounter));
        QTRY_VERIFY_WITH_TIMEOUT(!editor->hasError() && deploy->isEnabled(), 20000);
        QVERIFY(editor->extraSelections().isEmpty());
        QTest::mouseClick(deploy, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(page.model()->rowOf(QStringLiteral("counter")), 0, 20000);
        QCOMPARE(page.model()->containerAt(0).key.size(), 40);
        QCOMPARE(page.model()->containerAt(0).state, facade::ContainerState::Running);
        QTRY_COMPARE_WITH_TIMEOUT(page.selectedName(), QStringLiteral("counter"), 20000);

        // Stop and start toggle the state (and which of the two buttons is offered).
        QTRY_VERIFY_WITH_TIMEOUT(stop->isEnabled(), 20000);
        QVERIFY(!start->isEnabled());
        QTest::mouseClick(stop, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(page.model()->containerAt(0).state,
                                  facade::ContainerState::Stopped, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(start->isEnabled(), 20000);
        QVERIFY(!stop->isEnabled());
        QTest::mouseClick(start, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(page.model()->containerAt(0).state,
                                  facade::ContainerState::Running, 20000);

        // A message to the container: its log and stored data follow live.
        const auto key = identity::Key160::fromHex(page.model()->containerAt(0).key);
        QVERIFY(key);
        const quint64 sent = controller.messages()->send(key->toHex(), QString(), "hi");
        Q_UNUSED(sent);
        QTRY_VERIFY_WITH_TIMEOUT(log->toPlainText().contains(QLatin1String("seen 1")), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(data->topLevelItemCount(), 1, 20000);
        QCOMPARE(data->topLevelItem(0)->text(0), QStringLiteral("count"));
        QCOMPARE(data->topLevelItem(0)->text(1), QStringLiteral("1"));
        QTRY_COMPARE_WITH_TIMEOUT(page.model()->containerAt(0).messagesIn, quint64(1), 20000);

        // A second deploy of the same name updates the program.
        editor->setPlainText(QString::fromLatin1(kCounter) + QStringLiteral("; v2\n"));
        QTRY_VERIFY_WITH_TIMEOUT(deploy->isEnabled() && !editor->hasError(), 20000);
        QTest::mouseClick(deploy, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(page.model()->containerAt(0).version, qint64(2), 20000);
        QCOMPARE(page.model()->rowCount(), 1);
        QCOMPARE(resets.size(), 0);

        QVERIFY(controller.stopAndWait());
    }
};

QTEST_MAIN(TestContainersPage)
#include "tst_containerspage.moc"
